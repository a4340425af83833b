#!/bin/sh
# The key map and the guards a fast, sloppy clerk relies on: menu arrows
# and letters, Esc followed by a key, unsaved typing before leaving, a
# search that finds nothing, a zero quantity, an order without lines,
# order numbers that are never given twice, and Prev and Next from a new
# order.
. "$TESTS_LIB"
. "${TESTS_LIB%lib.sh}screen.sh"

demo "$T/co"
tm_start m 80 24

# Menu: Down twice and Enter opens the third entry; a letter jumps.
tm_keys m Down Down Enter
tm_wait m "Ledger journal entry"
tm_keys m Escape
tm_wait m "Main menu"
tm_keys m C Enter
tm_wait m "Customer contact"

# Typing into a saved record and pressing F8 asks before leaving it.
tm_type m ALFKI
tm_keys m Tab
tm_wait m "Alfreds Futterkiste"
tm_keys m Tab Tab Tab Tab
tm_type m "Nowhere"
tm_keys m F8
tm_wait m "Leave without saving your changes\? \(y/n\)"
tm_keys m n
tm_wait m "City +Nowhere"

# Esc then a key at once: Esc cancels the question's screen, and the key
# that followed is not lost (here: y answers the question Esc raised).
tm_keys m Escape y
tm_wait m "Main menu"
k -d "$T/co" dump | grep -q "city=Nowhere" && fail "the unsaved city was saved"

# A list search that finds nothing chooses nothing.
tm_keys m 4
tm_wait m "Customer contact"
tm_keys m F3
tm_wait m "customers by name"
tm_type m "zzzz"
tm_wait m 'no customer begins with "zzzz"'
tm_keys m Enter
tm_wait m 'customers by name: zzzz'
tm_keys m Escape
tm_wait m "Customer contact"
tm_keys m Escape
tm_wait m "Main menu"

# Orders: digits find by leading digits; zero quantity; no lines.
tm_keys m 1
tm_wait m "Order entry"
tm_keys m F3
tm_wait m "orders by code"
tm_type m 1107
tm_wait m "^.*11070 "
tm_keys m Escape
tm_wait m "Order entry"
tm_type m ALFKI
tm_keys m F5
tm_wait m "an order needs at least one line"
tm_keys m Tab Tab Tab Tab Tab
tm_type m 11
tm_wait m "Item: Queso Cabrales"
tm_keys m Tab
tm_type m 0
tm_keys m Tab
tm_wait m "Quantity must be from 0.001 to 999999.000"
tm_type m 2
tm_keys m Tab
tm_keys m F5
tm_wait m "order 11078 saved"
# Deleted, its number is not given again.
tm_keys m F6
tm_wait m "Delete order 11078\? \(y/n\)"
tm_keys m y
tm_wait m "order 11078 deleted"
tm_type m ALFKI
tm_keys m Tab Tab Tab Tab Tab
tm_type m 11
tm_keys m Tab
tm_type m 1
tm_keys m Tab F5
tm_wait m "order 11079 saved"
[ "$(k -d "$T/co" dump | grep -c '^number=11078	')" = 0 ] ||
    fail "order 11078 was given twice"

# From a new, empty order, F7 opens the last order and F8 the first
# (F7 said "no record before this one").
tm_keys m F4
tm_wait_line m 3 "Order$"
tm_keys m F7
tm_wait_line m 3 "Order +11079$"
tm_keys m F4
tm_wait_line m 3 "Order$"
tm_keys m F8
tm_wait_line m 3 "Order +10248$"
echo "PASS: the key map and its guards"
