#!/bin/sh
# The demo company: built from data/ when missing, with every Northwind
# record, consistent, and not built twice.
. "$TESTS_LIB"

demo "$T/co"
for want in customers:91 contacts:91 suppliers:29 categories:8 items:77 \
    warehouses:1 stock:77 stock_moves:77 employees:9 shippers:3 \
    orders:830 order_lines:2155 accounts:80 journals:207; do
	table=${want%:*}
	n=$(count "$T/co" "$table")
	[ "$n" = "${want#*:}" ] || fail "$table: $n records, want ${want#*:}"
done

# Chai (item 1) had 39 units in stock; Chang (2) 17.
k -d "$T/co" dump | grep -q "^item=1	warehouse=MAIN	on_hand=39.000$" ||
    fail "stock of item 1 is not 39"
k -d "$T/co" dump | grep -q "^code=2	name=Chang	" ||
    fail "item 2 is not Chang"
# A contact comes from each customer's contact name.
k -d "$T/co" dump | grep -q "^customer=ALFKI	seq=1	name=Maria Anders	" ||
    fail "ALFKI's contact is not Maria Anders"
# An order line's amount: 10250 line 2 is 35 x 42.40 less 15% = 1261.40.
k -d "$T/co" dump | grep -q "^order=10250	line=2	item=51	quantity=35.000	price=42.40	discount=0.1500	amount=1261.40$" ||
    fail "order 10250 line 2 amount"
# The Chinese chart of accounts, with parents found from the codes.
k -d "$T/co" dump | grep -q "^code=22210101	name_zh=应交增值税-进项税额	" ||
    fail "account 22210101"
k -d "$T/co" dump | grep "^code=22210101	" | grep -q "parent=222101" ||
    fail "account 22210101 has no parent 222101"

k -d "$T/co" check >/dev/null || fail "kontor check on the demo company"

# The books: each year's revenue in the income statement is that year's
# net sales as the sales-by-customer report adds them up from the
# orders (each line rounded to the cent), and its selling expenses are
# the orders' freight; the years 1996 and 1997 are closed, and the trial
# balance adds up to zero.
figure() {	# REPORT LABEL FROM TO: the last figure on LABEL's line
	k -d "$T/co" report "$1" --from "$3" --to "$4" |
	    awk -v l="$2" 'index($0, l) { v = $NF } END { print v }'
}
for year in 1996 1997 1998; do
	sales=$(figure sales-by-customer "Grand total" $year-01-01 $year-12-31)
	revenue=$(k -d "$T/co" report income-statement --lang en \
	    --from $year-01-01 --to $year-12-31 |
	    awk '/Revenue/ { print $(NF - 1) }')
	[ -n "$sales" ] && [ "$sales" = "$revenue" ] ||
	    fail "$year: revenue $revenue, net sales $sales"
done
[ "$(figure sales-by-customer "Grand total" 1996-01-01 1998-12-31)" = \
    1,265,793.29 ] || fail "net sales are not 1,265,793.29"
freight=$(k -d "$T/co" report orders --csv --from 1998-01-01 --to 1998-12-31 |
    awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "Freight") f = i }
	NR > 1 && $1 != "" && $f != "" { gsub(/\./, "", $f); s += $f }
	END { printf "%d.%02d", s / 100, s % 100 }')
k -d "$T/co" report trial-balance --csv --from 1998-01-01 | tr -d '\r' \
    >"$T/tb"
grep -q "^6601,.*,0.00,$freight,0.00,$freight\$" "$T/tb" ||
    fail "selling expenses are not the freight $freight: $(grep ^6601 "$T/tb")"
k -d "$T/co" report trial-balance --csv --to 1997-12-31 | tr -d '\r' \
    >"$T/tb"
awk -F, '/^6/ && $NF != "0.00"' "$T/tb" | grep . &&
    fail "revenue or expense open at the end of 1997"
k -d "$T/co" dump | grep -q '^period=199712	closed=1' ||
    fail "December 1997 is not closed"
k -d "$T/co" report trial-balance | grep -q '^Total .* 0\.00$' ||
    fail "the trial balance does not add up to zero"

# A second kontor demo opens the same company and builds nothing.
out=$(k -d "$T/co" demo)
case $out in
*"built the demo"*) fail "the demo company was built twice" ;;
esac
[ "$(count "$T/co" orders)" = 830 ] || fail "orders changed"

# KONTOR_HOME chooses the company as -d does.
KONTOR_HOME="$T/co" "$KONTOR" check >/dev/null ||
    fail "KONTOR_HOME is not used"
echo "PASS: demo company"
