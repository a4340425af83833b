#!/bin/sh
# Two clerks' processes writing to one company at the same time both
# finish, and nothing that either wrote is lost.
. "$TESTS_LIB"

demo "$T/co"

# Two loads of orders without numbers: each takes the next free order
# number, so the two fight over the same last page of the orders table.
for who in A B; do
	awk -v who=$who 'BEGIN {
		print "customer,order_date,ship_name"
		for (i = 1; i <= 400; i++)
			printf "ALFKI,1998-06-%02d,%s %d\n", i % 28 + 1, who, i
	}' >"$T/orders-$who.csv"
	awk -v who=$who 'BEGIN {
		print "code,name"
		for (i = 1; i <= 3000; i++)
			printf "%s%05d,Customer %s %d\n", who, i, who, i
	}' >"$T/customers-$who.csv"
done

# Each clerk loads many small files, one transaction each, while the
# other does the same.
clerk() {
	for n in 1 2 3 4 5 6 7 8 9 10; do
		k -d "$T/co" load orders "$T/orders-$1.csv" >/dev/null ||
		    return 1
	done
	k -d "$T/co" load customers "$T/customers-$1.csv" >/dev/null
}
clerk A 2>"$T/err-A" &
a=$!
clerk B 2>"$T/err-B" &
b=$!
wait $a || fail "clerk A: $(cat "$T/err-A")"
wait $b || fail "clerk B: $(cat "$T/err-B")"

[ "$(count "$T/co" orders)" = $((830 + 2 * 10 * 400)) ] ||
    fail "orders: $(count "$T/co" orders), want $((830 + 8000))"
[ "$(count "$T/co" customers)" = $((91 + 6000)) ] ||
    fail "customers: $(count "$T/co" customers), want 6091"
k -d "$T/co" dump >"$T/dump"
for who in A B; do
	n=$(grep -cE "(^|	)ship_name=$who [0-9]+(	|\$)" "$T/dump")
	[ "$n" = 4000 ] || fail "clerk $who's orders: $n, want 4000"
done
# Order numbers are unique by key; they must also follow 11077 densely.
last=$(awk -F'\t' '/^table / { t = $0 } t == "table orders" && /^number=/ {
	sub("number=", "", $1); n = $1 } END { print n }' "$T/dump")
[ "$last" = $((11077 + 8000)) ] || fail "last order number $last"
k -d "$T/co" check >/dev/null || fail "kontor check"
echo "PASS: two processes wrote at once and nothing was lost"
