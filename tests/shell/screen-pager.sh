#!/bin/sh
# The report pager on an 80-column terminal: Right and Left move sideways
# over the 132-column customer list, so that its Country and Phone
# columns can be read; a Chinese name cut by the left edge leaves a blank
# cell, never half a character, and the columns after it stay where
# they belong; Home goes back to the first column.
. "$TESTS_LIB"
. "${TESTS_LIB%lib.sh}screen.sh"

demo "$T/co"
k -d "$T/co" load customers "$KONTOR_TEST_DATA/customers-zh.utf8.csv" \
    >/dev/null || fail "load the Chinese customers"
tm_start p 80 24

# The customer list, entry 5: the left 80 columns.
tm_keys p 5
tm_wait p "^ALFKI +Alfreds Futterkiste +Maria Anders +Berlin"
tm_screen p | grep -q "Phone" && fail "Phone shows before any Right"

# status: the pager's status line.
status() {
	tm_screen p | grep "^Page [0-9]* of"
}
moved() {
	[ "$(status)" != "$before" ]
}

# Right until the Phone heading shows, each press seen on the status line.
presses=0
until tm_screen p | grep -qE "Country +Phone"; do
	presses=$((presses + 1))
	[ "$presses" -le 6 ] || fail "Right never showed Phone: $(tm_screen p)"
	before=$(status)
	tm_keys p Right
	wait_for 20 moved || fail "Right did not move: $before"
done
tm_wait p "Germany +030-0074321 *\$"
tm_wait p "中国 +010-6552-3188 *\$"

# Right stops at the report's last column (53 to 132), so Left after
# it shows 33 to 112.
tm_keys p Right Right Right Left
tm_wait p "columns 33 to 112 of 132"

# Home: the first column again; Right: 20 columns on.  北京华夏商贸有限公司
# begins at cell 9, so 贸 takes cells 19 and 20 and the edge cuts it:
# the screen's first cell is blank, and 王小明 stays at cell 46 (26 on
# the screen).
tm_keys p Home
tm_wait p "^ALFKI +Alfreds"
tm_keys p Right
tm_wait p "columns 21 to 100 of 132"
tm_wait p "^ 有限公司 +王小明 +北京"
[ "$(tm_screen p | "$CELLCOL" 王小明)" = 26 ] ||
    fail "王小明 is not at screen cell 26: $(tm_screen p | grep 王小明)"

# Left goes back; Home on the first column goes to the first line.
tm_keys p Left
tm_wait p "^BJHX01 +北京华夏商贸有限公司 +王小明"
tm_keys p PageDown
tm_wait_gone p "^ALFKI "
tm_keys p Home
tm_wait p "^ALFKI +Alfreds"
tm_keys p Escape
tm_wait p "Main menu"
echo "PASS: the pager moves sideways over a wide report"
