#!/bin/sh
# Two clerks open the same customer in two windows and both save: the
# second save is refused with a message naming who changed it, and the
# first clerk's change stands.
. "$TESTS_LIB"
. "${TESTS_LIB%lib.sh}screen.sh"

demo "$T/co"
for clerk in a b; do
	tm_start $clerk 80 24 KONTOR_USER=clerk_$clerk
	tm_keys $clerk 4
	tm_wait $clerk "Customer contact"
	tm_type $clerk ALFKI
	tm_keys $clerk Tab
	tm_wait $clerk "Alfreds Futterkiste"
	# To the city field.
	tm_keys $clerk Tab Tab Tab Tab
done
tm_type a "Hamburg"
tm_keys a F5
tm_wait a "customer ALFKI saved"
tm_type b "Munich"
tm_keys b F5
tm_wait b "not saved: customer ALFKI was changed by clerk_a at [0-9-]+ [0-9:]+$"
k -d "$T/co" dump | grep -q "^code=ALFKI	.*	city=Hamburg	" ||
    fail "clerk a's change was lost"
k -d "$T/co" dump | grep -q "city=Munich" && fail "clerk b overwrote it"

# Opened again, clerk b sees the change and may save over it.
tm_keys b Escape
tm_wait b "Leave without saving"
tm_keys b y
tm_wait b "Main menu"
tm_keys b 4
tm_wait b "Customer contact"
tm_type b ALFKI
tm_keys b Tab
tm_wait b "City +Hamburg"
tm_keys b Tab Tab Tab Tab
tm_type b "Munich"
tm_keys b F5
tm_wait b "customer ALFKI saved"
k -d "$T/co" dump | grep -q "^code=ALFKI	.*	city=Munich	.*changed=2	changed_by=clerk_b at" ||
    fail "clerk b's second save"
echo "PASS: the second of two clerks on one customer is refused"
