#!/bin/sh
# The demo company: built from data/ when missing, with every Northwind
# record, consistent, and not built twice.
. "$TESTS_LIB"

demo "$T/co"
for want in customers:91 contacts:91 suppliers:29 categories:8 items:77 \
    warehouses:1 stock:77 stock_moves:77 employees:9 shippers:3 \
    orders:830 order_lines:2155 accounts:80; do
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
