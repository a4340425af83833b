#!/bin/sh
# Lists and lookups in every order a table is indexed in: Tab steps from
# code to name to the table's other orders; an account is found by its
# Chinese name, a shipper by its name, an order by its customer; a code
# that begins nothing opens the list at the nearest name.
. "$TESTS_LIB"
. "${TESTS_LIB%lib.sh}screen.sh"

demo "$T/co"
tm_start b 80 24 LANG=C.UTF-8

# The account lookup on a journal line: English name first, then Tab to
# the Chinese names; typing 银行 finds 1002 银行存款, and Enter puts it in
# the field.
tm_keys b 3
tm_wait b "Ledger journal entry"
tm_keys b Tab Tab Tab F2
tm_wait b "accounts by name"
tm_keys b Tab
tm_wait b "accounts by 名称"
tm_type b "银行"
tm_wait b "accounts by 名称: 银行"
tm_wait_line b 5 "1002 +银行存款 +Bank deposits"
tm_keys b Enter
tm_wait_line b 8 "^1002( |$)"
tm_keys b Escape
tm_wait b "Leave without saving"
tm_keys b y
tm_wait b "Main menu"

# The shipper lookup on an order, by name.
tm_keys b 1
tm_wait b "Order entry"
tm_keys b Tab Tab Tab F2
tm_wait b "shippers by name"
tm_type b "fed"
tm_wait_line b 5 "^ *│3 +Federal Shipping"
tm_keys b Enter
tm_wait b "Shipper +3 "

# The list of orders: Tab to the customer order, then ALFKI's first
# order (10643, of 25 August 1997) is the first line; Enter opens it.
tm_keys b F3
tm_wait b "Leave without saving"
tm_keys b y
tm_wait b "orders by code"
tm_keys b Tab
tm_wait b "orders by customer"
tm_type b "alfki"
tm_wait_line b 5 "^ *│10643 +ALFKI"
tm_keys b Enter
tm_wait b "Order +10643"
tm_wait b "Alfreds Futterkiste"

# A lookup from a code that begins no name opens the list where the
# code would stand, with a line chosen, and says nothing begins with it:
# after the last name, the last screenful (it showed one line, or the
# list from the start, with nothing chosen and Enter doing nothing).
tm_keys b F4
tm_wait b "Order entry"
tm_type b XX
tm_keys b F2
tm_wait b 'no customer begins with "XX"'
tm_wait_line b 3 "customers by name ─"
tm_wait_line b 21 "WOLZA +Wolski  Zajazd"
tm_keys b Enter
tm_wait b "Customer +WOLZA +Wolski  Zajazd"
tm_screen b | grep -q "no customer begins" &&
    fail "the message stayed after the list closed"
# Between two names: the next one is the first line, and chosen.
tm_keys b F4
tm_wait b "Leave without saving"
tm_keys b y
tm_type b CZ
tm_keys b F2
tm_wait b 'no customer begins with "CZ"'
tm_wait_line b 5 "WANDK +Die Wandernde Kuh"
tm_keys b Enter
tm_wait b "Customer +WANDK +Die Wandernde Kuh"
echo "PASS: browse orders"
