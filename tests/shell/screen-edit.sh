#!/bin/sh
# Editing in a field: after a refused value the first key typed replaces
# it, as in a field just entered, and an arrow or Backspace edits it; a
# value as wide as its field shows whole; a longer one scrolls, and what
# the field shows is always a part of what it holds.
. "$TESTS_LIB"
. "${TESTS_LIB%lib.sh}screen.sh"

demo "$T/co"
tm_start e 80 24
tm_keys e 1
tm_wait e "Order entry"

# A full date in the 10-wide date field shows whole while it has the
# focus (it showed 026-12-04).
tm_type e alfki
tm_keys e Tab
tm_wait e "Alfreds Futterkiste"
tm_wait_line e 5 "Order date  [0-9]{4}-[0-9]{2}-[0-9]{2} "

# 1997-13-45 is refused; 1997-02-28 typed next replaces it.  (It was
# added to the bad text: 1997-13-451997-02-28, "no such day" again.)
tm_type e 1997-13-45
tm_keys e Tab
tm_wait e "Order date: no such day"
tm_wait_line e 5 "Order date  1997-13-45 "
tm_type e 1997-02-28
tm_wait_line e 5 "Order date  1997-02-28 "
tm_keys e Tab
tm_wait_line e 5 "Order date  1997-02-28 +Required$"
tm_screen e | grep -q "no such day" && fail "1997-02-28 was refused"

# After a refusal, Backspace edits the bad value instead.
tm_type e 1998-02-299
tm_keys e Tab
tm_wait e "Required: "
tm_keys e BSpace
tm_wait_line e 5 "Required +1998-02-29$"
tm_keys e BSpace
tm_type e 8
tm_keys e Tab
tm_wait_line e 6 "Shipper +[^ ]* +Employee"
tm_wait_line e 5 "Order date  1997-02-28 +Required +1998-02-28$"
tm_keys e F5
tm_wait e "an order needs at least one line"
tm_keys e Escape
tm_wait e "Leave without saving"
tm_keys e y
tm_wait e "Main menu"

# A longer text in the 10-wide postal code: End and Backspace leave the
# field full of its last characters (it showed them empty while the
# field still held sixteen).
tm_keys e 4
tm_wait e "Customer contact"
tm_keys e Tab Tab Tab Tab Tab Tab
tm_type e ABCDEFGHIJKLMNOPQRSTUVWXY
tm_wait_line e 8 "Postal code +QRSTUVWXY$"
tm_keys e Home
tm_wait_line e 8 "Postal code +ABCDEFGHI>"
tm_keys e End BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace \
    BSpace
tm_wait_line e 8 "Postal code +HIJKLMNOP$"
tm_keys e BSpace BSpace BSpace BSpace BSpace BSpace
tm_wait_line e 8 "Postal code +ABCDEFGHIJ$"
tm_keys e Tab
tm_wait_line e 8 "Postal code +ABCDEFGHIJ$"
echo "PASS: a refused value is replaced; a field shows what it holds"
