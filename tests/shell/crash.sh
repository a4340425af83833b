#!/bin/sh
# A load killed with SIGKILL in the middle of its transaction: the next
# process recovers the company by itself, kontor check passes, and the
# load is wholly absent (or, if it had committed, wholly there).
. "$TESTS_LIB"

rows=300000
awk -v n=$rows 'BEGIN {
	print "code,name,city,country,credit_limit"
	for (i = 1; i <= n; i++)
		printf "C%07d,Customer %d,City %d,Land %d,%d.%02d\n",
		    i, i, i % 100, i % 7, i, i % 100
}' >"$T/big.csv"

demo "$T/co"
before=$(count "$T/co" customers)

kill_a_load "$T/co" "$T/big.csv"

# The next process opens the company without an operator.
k -d "$T/co" check >"$T/check.txt" ||
    fail "kontor check after the kill: $(cat "$T/check.txt")"
after=$(count "$T/co" customers)
[ "$after" = "$before" ] ||
    fail "after the kill: $after customers, want $before (none loaded)"
[ "$(count "$T/co" orders)" = 830 ] || fail "orders were lost"

# And the same load runs to the end afterwards.
k -d "$T/co" load customers "$T/big.csv" >/dev/null ||
    fail "the load after recovery"
[ "$(count "$T/co" customers)" = $((before + rows)) ] ||
    fail "the load after recovery did not store every row"
k -d "$T/co" check >/dev/null || fail "kontor check after the reload"
echo "PASS: a killed load leaves nothing, and the company recovers"
