#!/bin/sh
# Ctrl-L draws the screen again, every cell of it: what another program
# wrote on the terminal behind kontor's back is wiped from the main menu,
# the list of all reports and the report pager, as from the forms.
. "$TESTS_LIB"
. "${TESTS_LIB%lib.sh}screen.sh"

demo "$T/co"
tm_start r 80 24

# garbled: writes GARBAGE on the terminal, presses Ctrl-L and waits
# until it is gone.  Line 20 is below the list of reports, which is
# drawn anew whenever it is made again, Ctrl-L or not.
garbled() {
	printf '\033[20;50HGARBAGE' >"$(tmux -L "$TMUX_SOCKET" display -p \
	    -t r '#{pane_tty}')"
	tm_wait r GARBAGE
	tm_keys r C-l
	tm_wait_gone r GARBAGE
}

garbled
tm_wait r "> +1 Order entry"

tm_keys r 7
tm_wait r "│[> ] Customer list"
garbled
tm_wait r "│[> ] Customer list"
tm_keys r Escape
tm_wait r "Main menu"

tm_keys r 5
tm_wait r "^ALFKI +Alfreds Futterkiste"
garbled
tm_wait r "^ALFKI +Alfreds Futterkiste"
tm_keys r Escape
tm_wait r "Main menu"
echo "PASS: Ctrl-L draws the menu, the report list and the pager again"
