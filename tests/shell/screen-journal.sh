#!/bin/sh
# Ledger journal entry: a balanced entry is posted; an unbalanced one is
# refused with the difference shown, and nothing of it is stored.
. "$TESTS_LIB"
. "${TESTS_LIB%lib.sh}screen.sh"

books "$T/co"
tm_start j 80 24
tm_keys j 3
tm_wait j "Ledger journal entry"
tm_type j "2026-12-01"
tm_keys j Tab
tm_type j "INV-7"
tm_keys j Tab
tm_type j "Cash sale"
tm_keys j Tab
tm_type j 1001
tm_keys j Tab
tm_type j 1130.00
tm_keys j Tab Tab
tm_type j "till"
tm_keys j Tab Tab Tab
tm_type j 6001
tm_keys j Tab Tab
tm_type j 1000.00
tm_keys j Tab Tab Tab Tab
tm_type j 222102
tm_keys j Tab Tab
tm_type j 130.00
tm_keys j Tab
tm_wait j "Difference +0.00"
tm_keys j F5
tm_wait j "journal entry 1 saved"
k -d "$T/co" dump >"$T/dump"
grep -q "^number=1	date=2026-12-01	reference=INV-7	description=Cash sale	" \
    "$T/dump" || fail "entry 1: $(grep '^number=1	' "$T/dump")"
[ "$(grep -c '^journal=1	' "$T/dump")" = 3 ] || fail "entry 1 has not 3 lines"
grep -q "^journal=1	line=1	account=1001	debit=1130.00	memo=till	date=2026-12-01$" "$T/dump" ||
    fail "entry 1 line 1"

# An unbalanced entry: the difference shows while typing; save refuses.
tm_keys j F4
tm_wait j "Entry *$"
tm_keys j Tab Tab Tab
tm_type j 1001
tm_keys j Tab
tm_type j 500.00
tm_keys j Tab Tab Tab Tab Tab
tm_type j 6001
tm_keys j Tab Tab
tm_type j 400.00
tm_keys j Tab
tm_wait j "Difference +100.00"
tm_keys j F5
tm_wait j "not saved: debits 500.00 and credits 400.00 differ"
[ "$(count "$T/co" journals)" = 1 ] || fail "the unbalanced entry was stored"
[ "$(count "$T/co" journal_lines)" = 3 ] || fail "its lines were stored"

# A line in euros: its amount beside its worth in the company's currency.
tm_keys j F4
tm_wait j "Leave without saving your changes"
tm_keys j y
tm_wait j "Entry *$"
tm_type j "2026-12-02"
tm_keys j Tab Tab Tab
tm_type j 1002
tm_keys j Tab
tm_type j 7812.30
tm_keys j Tab Tab Tab
tm_type j eur
tm_keys j Tab
tm_type j 1000
tm_keys j Tab
tm_type j 6001
tm_keys j Tab Tab
tm_type j 7812.30
tm_keys j Tab
tm_wait j "Difference +0.00"
tm_keys j F5
tm_wait j "journal entry 2 saved"
k -d "$T/co" dump >"$T/dump"
grep -q "^journal=2	line=1	account=1002	debit=7812.30	date=2026-12-02	currency=EUR	amount=1000.000000$" "$T/dump" ||
    fail "the euro line: $(grep '^journal=2	' "$T/dump")"
k -d "$T/co" ledger balances | grep -q '^ *1000.00 EUR  1002$' ||
    fail "no euros in 1002: $(k -d "$T/co" ledger balances)"
echo "PASS: balanced entries post, unbalanced ones are refused, euros kept"
