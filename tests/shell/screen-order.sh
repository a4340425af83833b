#!/bin/sh
# Order entry: an item found by typing part of its name in the lookup
# list, an order of three lines whose totals show as they are typed, and
# the saved order's lines and total.
. "$TESTS_LIB"
. "${TESTS_LIB%lib.sh}screen.sh"

demo "$T/co"
before=$(count "$T/co" orders)
tm_start o 80 24
tm_keys o 1
tm_wait o "Order entry"

# The customer by lookup: F2, type the start of the name, Enter.
tm_keys o F2
tm_wait o "customers by name"
tm_type o "around"
tm_wait o "AROUT +Around the Horn"
tm_keys o Enter
tm_wait o "Customer +AROUT +Around the Horn"
tm_keys o Tab Tab
tm_type o 2
tm_keys o Tab Tab
# Line 1: the item by lookup, from part of its name ("Gnocchi di nonna
# Alice" is item 56, sold at 38.00).
tm_keys o F2
tm_wait o "items by name"
tm_type o "gnoc"
tm_wait o "56 +Gnocchi di nonna Alice"
tm_keys o Enter
tm_wait o "^ +56 "
tm_type o 10
tm_keys o Tab Tab
tm_type o 0.05
tm_keys o Tab
# Line 2: Chai (1) at 18.00; line 3: Ikura (10) at 31.00.
tm_type o 1
tm_keys o Tab
tm_type o 3
tm_keys o Tab Tab Tab
tm_type o 10
tm_keys o Tab
tm_type o 2.5
tm_keys o Tab Tab Tab
tm_wait o "Lines \(1-3 of 3\)"
# 10 x 38.00 less 5% = 361.00; 3 x 18.00 = 54.00; 2.5 x 31.00 = 77.50.
tm_wait o "^ +56 +10.000 +38.00 0.0500 +361.00"
tm_wait o "^ +1 +3.000 +18.00 +54.00"
tm_wait o "^ +10 +2.500 +31.00 +77.50"
tm_wait o "Total +492.50"
tm_wait o "Tax +49.25"
tm_wait o "Grand total +541.75"

tm_keys o F5
tm_wait o "order 11078 saved"
[ "$(count "$T/co" orders)" = $((before + 1)) ] || fail "no new order"
k -d "$T/co" dump | grep "^order=11078	" >"$T/lines"
cat >"$T/want" <<LINES
order=11078	line=1	item=56	quantity=10.000	price=38.00	discount=0.0500	amount=361.00
order=11078	line=2	item=1	quantity=3.000	price=18.00	amount=54.00
order=11078	line=3	item=10	quantity=2.500	price=31.00	amount=77.50
LINES
diff "$T/want" "$T/lines" || fail "the saved lines differ"
k -d "$T/co" dump | grep -q "^number=11078	customer=AROUT	order_date=[0-9-]*	shipper=2	" ||
    fail "the saved order: $(k -d "$T/co" dump | grep '^number=11078')"
# The report sees it: Around the Horn had 13,390.65 and gains 492.50.
k -d "$T/co" report sales-by-customer | grep -q "^AROUT .* 13,883.15$" ||
    fail "sales by customer does not show the new order"
k -d "$T/co" check >/dev/null || fail "kontor check after the order"
echo "PASS: an order of three lines, entered and saved"
