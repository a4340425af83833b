#!/bin/sh
# The general ledger: entries posted from a file agree, account by
# account, with what ledger(1) computes from the same entries; balances
# are kept as entries are posted (kontor check recomputes them); a closed
# period refuses a late posting; a reversal restores the balances; the
# year-end close leaves revenue and expense at zero and moves the
# profit; blocked and parent accounts and unbalanced entries are refused.
. "$TESTS_LIB"
command -v ledger >/dev/null || { echo "SKIP: no ledger (apt-get install ledger)"; exit 77; }

books "$T/co"

# Generated entries: sales, purchases and expenses over a year.
awk 'BEGIN {
	srand(7)
	print "entry,date,reference,description,account,debit,credit,memo"
	split("1001 1002 1122", cash, " ")
	split("6001 6051", sales, " ")
	split("6601 6602 6603 5001", costs, " ")
	for (i = 1; i <= 300; i++) {
		m = 1 + i % 12; d = 1 + i % 28
		date = sprintf("2025-%02d-%02d", m, d)
		net = int(rand() * 100000) + 1
		if (i % 3 == 0) {
			a = costs[1 + i % 4]; b = cash[1 + i % 3]
			printf "%d,%s,B%d,Bill %d,%s,%d.%02d,,\n", i, date, i, i, \
			    a, net / 100, net % 100
			printf "%d,%s,B%d,Bill %d,%s,,%d.%02d,\n", i, date, i, i, \
			    b, net / 100, net % 100
		} else {
			vat = int(net * 13 / 100)
			printf "%d,%s,S%d,Sale %d,%s,%d.%02d,,\n", i, date, i, i, \
			    cash[1 + i % 3], (net + vat) / 100, (net + vat) % 100
			printf "%d,%s,S%d,Sale %d,%s,,%d.%02d,\n", i, date, i, i, \
			    sales[1 + i % 2], net / 100, net % 100
			printf "%d,%s,S%d,Sale %d,222102,,%d.%02d,VAT\n", i, date, \
			    i, i, vat / 100, vat % 100
		}
	}
}' >"$T/entries.csv"
k -d "$T/co" ledger post "$T/entries.csv" >"$T/out" || fail "post: $(cat "$T/out")"
grep -q "300 entries posted" "$T/out" || fail "posted: $(cat "$T/out")"

# The oracle: the same entries as a ledger(1) journal, balanced by it.
to_journal() {
	awk -F, 'NR > 1 {
		if ($1 != e) { e = $1; printf "\n%s %s\n", $2, $4 }
		printf "    %s    %s CNY\n", $5, $6 != "" ? $6 : "-" $7
	}' "$@"
}
oracle() {
	ledger -f "$1" --flat --no-total \
	    --balance-format '%(account) %(quantity(scrub(display_amount)))\n' \
	    bal | awk '{ printf "%s %.2f\n", $1, $2 }' | sort
}
# kontor's closing balances of the accounts that take postings (a
# parent's line, the sum of its sub-accounts, is left out as ledger's
# --flat leaves it out).
balances() {
	k -d "$T/co" report trial-balance --csv "$@" | tr -d '\r' |
	    awk -F, 'NR > 1 && $7 != "0.00" { code[NR] = $1; bal[NR] = $7 }
	    END {
		for (i in code) {
			leaf = 1
			for (j in code)
				if (j != i && index(code[j], code[i]) == 1)
					leaf = 0
			if (leaf)
				print code[i], bal[i]
		}
	    }' | sort
}
to_journal "$T/entries.csv" >"$T/j.ledger"
oracle "$T/j.ledger" >"$T/want"
balances >"$T/got"
[ "$(wc -l <"$T/want")" -ge 8 ] || fail "ledger gave too few accounts"
diff "$T/want" "$T/got" || fail "kontor's balances differ from ledger's"
k -d "$T/co" check >/dev/null || fail "kontor check after posting"

# A trial balance over days that begin and end inside months: each
# account's opening balance, movement and closing balance are what ledger
# computes with -e and -b (its end date is the day after, as ledger's end
# is not included).  Whole cents as integers; zeros left out.
oracle_at() {
	ledger -f "$T/j.ledger" --flat --no-total \
	    --balance-format '%(account) %(quantity(scrub(display_amount)))\n' \
	    "$@" bal | awk '{ printf "%s %.2f\n", $1, $2 }' |
	    awk '$2 != "0.00"' | sort
}
tb_columns() {
	k -d "$T/co" report trial-balance --csv --from "$1" --to "$2" |
	    tr -d '\r' | awk -F, -v what="$3" '
	function cents(v) { gsub(/\./, "", v); return v + 0 }
	function money(c,   s) {
		s = c < 0 ? "-" : ""; if (c < 0) c = -c
		return sprintf("%s%d.%02d", s, int(c / 100), c % 100)
	}
	NR > 1 {
		code[NR] = $1
		if (what == "opening")
			val[NR] = cents($4)
		else if (what == "closing")
			val[NR] = cents($7)
		else
			val[NR] = cents($5) - cents($6)
	}
	END {
		for (i in code) {
			leaf = 1
			for (j in code)
				if (j != i && index(code[j], code[i]) == 1)
					leaf = 0
			if (leaf && val[i] != 0)
				print code[i], money(val[i])
		}
	}' | sort
}
for range in 2025-02-10:2025-05-20 2025-03-01:2025-03-31 \
    2025-06-05:2025-06-17 2025-01-01:2025-12-31 2025-11-25:2025-12-08; do
	from=${range%:*}
	to=${range#*:}
	after=$(date -d "$to + 1 day" +%F)
	oracle_at -e "$from" >"$T/want"
	tb_columns "$from" "$to" opening >"$T/got"
	diff "$T/want" "$T/got" || fail "opening on $from differs from ledger's"
	oracle_at -b "$from" -e "$after" >"$T/want"
	[ -s "$T/want" ] || fail "ledger found nothing from $from to $to"
	tb_columns "$from" "$to" movement >"$T/got"
	diff "$T/want" "$T/got" || fail "$from to $to differs from ledger's"
	oracle_at -e "$after" >"$T/want"
	tb_columns "$from" "$to" closing >"$T/got"
	diff "$T/want" "$T/got" || fail "closing on $to differs from ledger's"
done

# Refused, and nothing stored: unbalanced, blocked, parent account.
before=$(count "$T/co" journals)
printf 'entry,date,account,debit,credit\nx,2025-06-01,1001,10.00,\nx,2025-06-01,6001,,9.99\n' \
    >"$T/bad.csv"
expect_fail "$T/err" k -d "$T/co" ledger post "$T/bad.csv"
grep -q "bad.csv:2: the entry does not balance: debits 10.00, credits 9.99" \
    "$T/err" || fail "unbalanced: $(cat "$T/err")"
printf 'entry,date,account,debit,credit\nx,2025-06-01,2221,10.00,\nx,2025-06-01,6001,,10.00\n' \
    >"$T/parent.csv"
expect_fail "$T/err" k -d "$T/co" ledger post "$T/parent.csv"
grep -q "account 2221 has sub-accounts" "$T/err" || fail "parent: $(cat "$T/err")"
printf 'code,name_zh,name_en,type,normal,blocked\n1009,冻结,Frozen,asset,D,1\n' \
    >"$T/frozen.csv"
k -d "$T/co" load accounts "$T/frozen.csv" >/dev/null || fail "load 1009"
printf 'entry,date,account,debit,credit\nx,2025-06-01,1009,10.00,\nx,2025-06-01,6001,,10.00\n' \
    >"$T/blocked.csv"
expect_fail "$T/err" k -d "$T/co" ledger post "$T/blocked.csv"
grep -q "blocked.csv:2: account 1009 is blocked and takes no postings" \
    "$T/err" || fail "blocked: $(cat "$T/err")"
printf 'entry,date,account,debit,credit\nx,,1001,10.00,\nx,,6001,,10.00\n' \
    >"$T/nodate.csv"
expect_fail "$T/err" k -d "$T/co" ledger post "$T/nodate.csv"
grep -q "nodate.csv:2: an entry needs a date" "$T/err" ||
    fail "no date: $(cat "$T/err")"
printf 'entry,date,account,debit,credit,colour\nx,2025-06-01,1001,1.00,,red\n' \
    >"$T/colour.csv"
expect_fail "$T/err" k -d "$T/co" ledger post "$T/colour.csv"
grep -q 'colour.csv:1: column "colour" is none of' "$T/err" ||
    fail "unknown column: $(cat "$T/err")"
[ "$(count "$T/co" journals)" = "$before" ] || fail "a refused entry was stored"

# A closed period refuses a posting dated in it.
k -d "$T/co" ledger close-period 2025-03 >/dev/null || fail "close-period"
printf 'entry,date,account,debit,credit\nx,2025-03-31,1001,5.00,\nx,2025-03-31,6001,,5.00\n' \
    >"$T/late.csv"
expect_fail "$T/err" k -d "$T/co" ledger post "$T/late.csv"
grep -q "period 2025-03 is closed" "$T/err" || fail "late: $(cat "$T/err")"

# A reversal restores the balances as they were before the entry.
balances >"$T/before"
printf 'entry,date,account,debit,credit\nx,2025-07-01,1001,123.45,\nx,2025-07-01,6001,,123.45\n' \
    >"$T/one.csv"
k -d "$T/co" ledger post "$T/one.csv" >/dev/null || fail "post one"
n=$(count "$T/co" journals)
k -d "$T/co" ledger reverse "$n" >/dev/null || fail "reverse $n"
balances >"$T/after"
diff "$T/before" "$T/after" || fail "the reversal did not restore the balances"
expect_fail "$T/err" k -d "$T/co" ledger reverse "$n"
grep -q "reversed already" "$T/err" || fail "second reversal: $(cat "$T/err")"
for bad in 2025-13-45 2025-02-30 2025-1-5 2025-03-05x; do
	expect_fail "$T/err" k -d "$T/co" ledger reverse 1 --date "$bad"
	grep -q "^kontor: --date $bad: " "$T/err" ||
	    fail "reverse --date $bad: $(cat "$T/err")"
done
expect_fail "$T/err" k -d "$T/co" ledger reverse 5 --date 2024-12-31
grep -q "cannot be dated before entry 5" "$T/err" ||
    fail "reversal before its entry: $(cat "$T/err")"
expect_fail "$T/err" k -d "$T/co" ledger close-period 2025-13
grep -q "2025-13: expected a month" "$T/err" || fail "month 13: $(cat "$T/err")"
expect_fail "$T/err" k -d "$T/co" ledger close-year 2999
grep -q "2999 has not ended yet" "$T/err" || fail "future year: $(cat "$T/err")"

# A line in a foreign currency: its amount at a rate gives its worth in
# the company's currency, which the entry balances in; the journal shows
# both, the commodity balances hold the euros, and a reversal takes them
# away again.
k -d "$T/co" ledger balances >"$T/cb.before"
printf 'entry,date,account,currency,amount,rate,debit,credit\n' >"$T/eur.csv"
printf 'x,2025-08-01,1002,EUR,1000.00,7.8123,,\nx,2025-08-01,6001,,,,,7812.30\n' \
    >>"$T/eur.csv"
k -d "$T/co" ledger post "$T/eur.csv" >/dev/null || fail "post euros"
n=$(count "$T/co" journals)
k -d "$T/co" ledger balances >"$T/cb"
grep -q '^ *1000.00 EUR  1002$' "$T/cb" || fail "no euros in 1002: $(grep 1002 "$T/cb")"
k -d "$T/co" dump | grep -q "^journal=$n	line=1	account=1002	debit=7812.30	.*currency=EUR	amount=1000.000000" ||
    fail "the euro line: $(k -d "$T/co" dump | grep "^journal=$n	")"
k -d "$T/co" report journal >"$T/jr"
grep -q '1002 .* 7,812.30 .* EUR  *1,000.000000' "$T/jr" ||
    fail "journal report: $(grep 1002 "$T/jr" | tail -1)"
printf 'entry,date,account,currency,amount,rate,debit,credit\n' >"$T/eur2.csv"
printf 'x,2025-08-02,1002,EUR,100.00,7.80,,\nx,2025-08-02,6001,,,,,781.00\n' \
    >>"$T/eur2.csv"
expect_fail "$T/err" k -d "$T/co" ledger post "$T/eur2.csv"
grep -q "eur2.csv:2: the entry does not balance: debits 780.00, credits 781.00" \
    "$T/err" || fail "unbalanced euros: $(cat "$T/err")"
printf 'entry,date,account,currency,amount,rate,debit,credit\n' >"$T/usd.csv"
printf 'x,2025-08-02,1002,USD,100.00,1,,\nx,2025-08-02,6001,,,,,100.00\n' \
    >>"$T/usd.csv"
expect_fail "$T/err" k -d "$T/co" ledger post "$T/usd.csv"
grep -q "USD is the company's currency" "$T/err" || fail "USD line: $(cat "$T/err")"
k -d "$T/co" ledger reverse "$n" >/dev/null || fail "reverse the euros"
k -d "$T/co" ledger balances >"$T/cb.after"
diff "$T/cb.before" "$T/cb.after" || fail "the reversal left euros"
k -d "$T/co" check >/dev/null || fail "kontor check after the euros"

# The year-end close: revenue and expense at zero; the profit (as
# ledger computes it from the same entries) in retained earnings 4104;
# the cost account 5001 (work in progress) keeps its balance.  December
# closed as a month first does not stand in the close's way.
profit=$(ledger -f "$T/j.ledger" --flat --no-total \
    --balance-format '%(quantity(scrub(display_amount)))\n' bal '^6' |
    awk '{ s += $1 } END { printf "%.2f", s }')
wip=$(grep '^5001 ' "$T/after") || fail "no balance on 5001 to keep"
k -d "$T/co" ledger close-period 2025-12 >/dev/null || fail "close 2025-12"
k -d "$T/co" ledger close-year 2025 >"$T/out" || fail "close-year: $(cat "$T/out")"
grep -q "^entry [0-9]* closes 2025" "$T/out" || fail "close-year: $(cat "$T/out")"
balances >"$T/closed"
grep -E '^6[0-9]+ ' "$T/closed" && fail "revenue or expense left after the close"
grep -qx "$wip" "$T/closed" ||
    fail "5001 was $wip, after the close $(grep '^5001' "$T/closed")"
grep -q "^4104 $profit$" "$T/closed" ||
    fail "4104 is not $profit: $(grep '^41' "$T/closed")"
grep -q "^4103 " "$T/closed" && fail "4103 is not zero after the close"
k -d "$T/co" check >/dev/null || fail "kontor check after the close"
# A closed year says so; a month or year not ended yet cannot close.
expect_fail "$T/err" k -d "$T/co" ledger close-year 2025
grep -q "2025 is closed already" "$T/err" || fail "again: $(cat "$T/err")"
expect_fail "$T/err" k -d "$T/co" ledger close-period "$(date +%Y-%m)"
grep -q "$(date +%Y-%m) has not ended yet" "$T/err" ||
    fail "this month: $(cat "$T/err")"
expect_fail "$T/err" k -d "$T/co" ledger close-year "$(date +%Y)"
grep -q "$(date +%Y) has not ended yet" "$T/err" ||
    fail "this year: $(cat "$T/err")"
expect_fail "$T/err" k -d "$T/co" ledger post
grep -q "usage: kontor ledger post FILE" "$T/err" ||
    fail "post without a file: $(cat "$T/err")"
# Years close in order: 2024 cannot be closed after 2025.
expect_fail "$T/err" k -d "$T/co" ledger close-year 2024
grep -q "a month after 2024 is closed already" "$T/err" ||
    fail "close out of order: $(cat "$T/err")"
# A year with postings is closed before the next one can be.
books "$T/y"
printf 'entry,date,account,debit,credit\nx,2023-05-01,1001,10.00,\n' \
    >"$T/years.csv"
printf 'x,2023-05-01,6001,,10.00\ny,2024-05-01,1001,20.00,\n' >>"$T/years.csv"
printf 'y,2024-05-01,6001,,20.00\n' >>"$T/years.csv"
k -d "$T/y" ledger post "$T/years.csv" >/dev/null || fail "post two years"
expect_fail "$T/err" k -d "$T/y" ledger close-year 2024
grep -q "2023 has postings and is not closed; years are closed in order" \
    "$T/err" || fail "2024 before 2023: $(cat "$T/err")"
k -d "$T/y" dump | grep -q '^period=2024' && fail "a refused close closed"
k -d "$T/y" ledger close-year 2023 >/dev/null || fail "close-year 2023"
k -d "$T/y" ledger close-year 2024 >/dev/null || fail "close-year 2024"
echo "PASS: the ledger agrees with ledger(1), closes periods and years"
