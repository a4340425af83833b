#!/bin/sh
# A clerk's screen stays usable when another process dies in the middle
# of a write: the next process to open the company recovers it, and the
# clerk's kontor opens the company again by itself and saves.
. "$TESTS_LIB"
. "${TESTS_LIB%lib.sh}screen.sh"

awk 'BEGIN {
	print "code,name"
	for (i = 1; i <= 200000; i++)
		printf "K%07d,Killed load %d\n", i, i
}' >"$T/big.csv"

demo "$T/co"
tm_start s 80 24 KONTOR_USER=clerk
tm_keys s 4
tm_wait s "Customer contact"
tm_type s BLAUS
tm_keys s Tab
tm_wait s "Blauer See Delikatessen"

kill_a_load "$T/co" "$T/big.csv"
k -d "$T/co" check >/dev/null || fail "check after the kill"

# The clerk goes on: to the city, a new value, save.
tm_keys s Tab Tab Tab Tab
tm_type s "Heidelberg"
tm_keys s F5
tm_wait s "customer BLAUS saved"
k -d "$T/co" dump | grep -q "^code=BLAUS	.*	city=Heidelberg	" ||
    fail "the save after recovery was lost"
k -d "$T/co" dump | grep -q "^code=K0000001	" && fail "the killed load stayed"
echo "PASS: a screen survives another process's crash and recovery"
