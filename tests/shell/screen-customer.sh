#!/bin/sh
# A clerk creates a customer with two contacts on the Customer contact
# screen, with the keyboard alone; the company then holds them.
. "$TESTS_LIB"
. "${TESTS_LIB%lib.sh}screen.sh"

demo "$T/co"
tm_start c 80 24
tm_keys c 4
tm_wait c "Customer contact"
tm_type c "NEWCO"
tm_keys c Tab
tm_type c "Nordic Trading AS"
tm_keys c Tab
tm_type c "Kari Nordmann"
tm_keys c Tab Tab Tab
tm_type c "Oslo"
tm_keys c Tab Tab Tab
tm_type c "Norway"
tm_keys c Tab Tab Tab
tm_type c "5000.00"
tm_keys c Tab
# Into the contacts grid: two persons.
tm_type c "Kari Nordmann"
tm_keys c Tab
tm_type c "Owner"
tm_keys c Tab
tm_type c "+47 22 00 00 01"
tm_keys c Tab
tm_type c "Ola Nordmann"
tm_keys c Tab
tm_type c "Buyer"
tm_keys c Tab Tab
tm_wait c "Contacts \(1-2 of 2\)"
tm_keys c F5
tm_wait c "customer NEWCO saved"
tm_wait c "^ +2 Ola Nordmann +Buyer"

k -d "$T/co" dump >"$T/dump" 2>/dev/null ||
    fail "dump while the screen is open"
grep -q "^code=NEWCO	name=Nordic Trading AS	contact=Kari Nordmann	city=Oslo	country=Norway	credit_limit=5000.00	changed=1	" \
    "$T/dump" || fail "customer NEWCO: $(grep NEWCO "$T/dump")"
grep -q "^customer=NEWCO	seq=1	name=Kari Nordmann	title=Owner	phone=+47 22 00 00 01$" \
    "$T/dump" || fail "first contact: $(grep NEWCO "$T/dump")"
grep -q "^customer=NEWCO	seq=2	name=Ola Nordmann	title=Buyer$" \
    "$T/dump" || fail "second contact: $(grep NEWCO "$T/dump")"

# A wrong value keeps the cursor in its field and saves nothing.
tm_keys c F4
tm_type c "BADCO"
tm_keys c Tab
tm_type c "Bad Money Ltd"
tm_keys c Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab
tm_type c "12x"
tm_keys c Tab
tm_wait c "Credit limit: not a number"
tm_keys c F5
tm_wait c "Credit limit: not a number"
k -d "$T/co" dump | grep -q "^code=BADCO" && fail "BADCO was stored"

tm_keys c Escape
tm_wait c "Leave without saving"
tm_keys c y
tm_wait c "Main menu"
tm_keys c 0
tm_wait c "KONTOR-ENDED"
echo "PASS: a customer with two contacts, typed at the screen"
