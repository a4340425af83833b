#!/bin/sh
# kontor check finds what is wrong in a company and exits non-zero with a
# list of it.  The broken company is made by restoring an altered dump,
# since restore, unlike a load, runs no business rules.
. "$TESTS_LIB"

demo "$T/a"
k -d "$T/a" check >"$T/out" || fail "the demo company is not sound"
grep -q "no problems found" "$T/out" || fail "check said: $(cat "$T/out")"

k -d "$T/a" dump -o "$T/a.dump"
# Item 999 does not exist; Chai's stock no longer matches its moves; a
# line's amount no longer follows from its figures; journal entry 1 no
# longer balances, though the balance table was made to agree with it.
sed -e 's/^\(journal=1	line=1	account=1002	\)debit=200000.00	/\1debit=200001.00	/' \
    -e 's/^\(account=1002	period=199607	\)debit=200000.00	/\1debit=200001.00	/' \
    -e 's/^order=10248	line=1	item=11	/order=10248	line=1	item=999	/' \
    -e 's/^item=1	warehouse=MAIN	on_hand=39.000$/item=1	warehouse=MAIN	on_hand=40.000/' \
    -e 's/^\(order=10250	line=2	.*\)amount=1261.40$/\1amount=1261.41/' \
    "$T/a.dump" >"$T/bad.dump"
cmp -s "$T/a.dump" "$T/bad.dump" && fail "the dump was not altered"
k -d "$T/b" restore "$T/bad.dump" || fail "restore the altered dump"

if k -d "$T/b" check >"$T/out"; then
	fail "check passed a broken company"
fi
grep -q "^order line 10248 1: item 999 does not exist$" "$T/out" ||
    fail "missing item not found: $(cat "$T/out")"
grep -q "^stock of item 1 in warehouse MAIN: on hand 40.000" "$T/out" ||
    fail "wrong stock not found: $(cat "$T/out")"
grep -q "^order line 10250 2: the amount does not follow" "$T/out" ||
    fail "wrong amount not found: $(cat "$T/out")"
grep -q "^journal entry 1 does not balance: debits 250,001.00, credits 250,000.00$" \
    "$T/out" || fail "unbalanced entry not found: $(cat "$T/out")"
grep -q "4 problems found" "$T/out" || fail "count: $(cat "$T/out")"

# A damaged file is caught by Berkeley DB's own verification.  The
# shared cache would write its good pages back over the damage, so the
# environment's regions go first (safe: no kontor has the company open).
k -d "$T/c" restore "$T/a.dump"
rm -f "$T"/c/__db.*
awk 'BEGIN { for (i = 0; i < 600; i++) printf "%c", 65 + i % 50 }' |
    dd of="$T/c/customers.db" bs=1 seek=8222 conv=notrunc 2>/dev/null
if k -d "$T/c" check >"$T/out" 2>&1; then
	fail "check passed a damaged file"
fi
grep -q "^customers.db: " "$T/out" || fail "damage not named: $(cat "$T/out")"
grep -q "the company's own invariants were not checked" "$T/out" ||
    fail "invariants were read from damaged files: $(cat "$T/out")"
echo "PASS: kontor check lists what is wrong"
