#!/bin/sh
# Reports from the menu: "All reports" lists every report file by title;
# a report asks for its parameters in one small form, refuses a wrong
# value on its line, and shows in the pager the same pages as
# kontor report with the same parameters.
. "$TESTS_LIB"
. "${TESTS_LIB%lib.sh}screen.sh"

demo "$T/co"
k -d "$T/co" report orders --from 1997-01-01 --to 1997-03-31 >"$T/want" ||
    fail "report orders"
pages=$(sed -n 's/.*Page 1 of \([0-9]*\).*/\1/p' "$T/want" | head -n 1)
total=$(grep '^Grand total' "$T/want" | tr -s ' ')
[ -n "$pages" ] && [ -n "$total" ] || fail "report orders: no pages or total"

tm_start r 80 24
tm_keys r 7
tm_wait r "Stock on hand by warehouse"
for f in "$KONTOR_SHARE"/reports/*.rpt; do
	title=$(sed -n 's/^title *"\(.*\)"$/\1/p' "$f")
	tm_wait r "│[> ] $title"
done
tm_keys r o
tm_keys r Enter
tm_wait r "Order date from \(date\) +1996-07-01"
tm_wait r "Order date to \(date\) +1998-12-31"

# A month that does not exist: refused on its line, nothing runs.
tm_type r "1997-13-01"
tm_keys r Enter
tm_wait r "Order date from 1997-13-01: no such day"
tm_keys r BSpace BSpace BSpace BSpace BSpace
tm_type r "01-01"
tm_keys r Enter
# The first key typed replaces the default.
tm_type r "1997-03-31"
tm_keys r Enter Enter
tm_wait r "Order date from 1997-01-01, Order date to 1997-03-31"
tm_wait r "Page 1 of $pages\$"
tm_keys r g
tm_wait r "Go to page:"
tm_type r "$pages"
tm_keys r Enter
tm_wait r "Page $pages of $pages"
tm_keys r /
tm_wait r "Search for:"
tm_type r "Grand total"
tm_keys r Enter
tm_wait r "^Grand total"
tm_screen r | tr -s ' ' | grep -qF "$total" ||
    fail "the last page has not \"$total\": $(tm_screen r)"
tm_keys r Escape
tm_wait r "Main menu"
echo "PASS: reports from the menu"
