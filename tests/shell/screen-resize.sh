#!/bin/sh
# A screen at 80x24, resized to 132x43, is drawn again to the new size;
# keys typed while it is too small wait for it; and the screens work
# under each kind of terminal, with and without colour.
. "$TESTS_LIB"
. "${TESTS_LIB%lib.sh}screen.sh"

demo "$T/co"
tm_start r 80 24
tm_keys r 1
tm_wait r "Order entry"
tm_type r ALFKI
tm_keys r Tab
tm_wait r "Alfreds Futterkiste"
[ "$(tm_line r 24 | cut -c1-7)" = "F1Help " ] || fail "no help line on line 24"

tmux -L "$TMUX_SOCKET" resize-window -t r -x 132 -y 43
# The help line moved to the new last line, the title reaches the new
# right edge, and what was typed is still there.
tm_wait_line r 43 "^F1Help"
tm_wait_line r 1 "^.{124}2026-|  [0-9]{4}-[0-9]{2}-[0-9]{2} *$"
[ "$(tm_line r 1 | awk '{ print length($0) }')" -ge 131 ] ||
    fail "the title line is not 132 wide: $(tm_line r 1)"
tm_wait r "Customer +ALFKI +Alfreds Futterkiste"
tmux -L "$TMUX_SOCKET" resize-window -t r -x 60 -y 20
tm_wait r "needs a terminal of at least 80x24"
tmux -L "$TMUX_SOCKET" resize-window -t r -x 80 -y 24
tm_wait r "Customer +ALFKI +Alfreds Futterkiste"

# Keys typed while the terminal is too small are kept and applied once
# it is large enough (F4, y and xyz were lost): F4 asks before leaving
# the unsaved order, y answers, and xyz goes into the new order.
tmux -L "$TMUX_SOCKET" resize-window -t r -x 60 -y 20
tm_wait r "needs a terminal of at least 80x24"
tm_keys r F4
tm_type r yxyz
tm_wait r "5 keys typed meanwhile, kept for then"
tmux -L "$TMUX_SOCKET" resize-window -t r -x 80 -y 24
tm_wait_line r 4 "Customer +xyz$"
# So in the menu, and in a list, which says too that it needs more room.
tm_keys r Escape
tm_wait r "Leave without saving"
tm_keys r y
tm_wait r "Main menu"
tmux -L "$TMUX_SOCKET" resize-window -t r -x 60 -y 20
tm_wait r "needs a terminal of at least 80x24"
tm_type r 4
tm_wait r "1 key typed meanwhile"
tmux -L "$TMUX_SOCKET" resize-window -t r -x 80 -y 24
tm_wait r "Customer contact"
tm_keys r F3
tm_wait r "customers by name"
tmux -L "$TMUX_SOCKET" resize-window -t r -x 60 -y 20
tm_wait r "needs a terminal of at least 80x24"
tm_type r bon
tm_keys r Enter
tm_wait r "4 keys typed meanwhile"
tmux -L "$TMUX_SOCKET" resize-window -t r -x 80 -y 24
tm_wait r "Company name +Bon app'"

# Each terminal type, colour or not: the menu and a screen work.
for term in xterm screen tmux-256color linux vt100; do
	infocmp "$term" >/dev/null 2>&1 || continue
	TEST_TERM=$term tm_start "t-$term" 80 24
	tm_keys "t-$term" 4
	tm_wait "t-$term" "Customer contact"
	tm_type "t-$term" BERGS
	tm_keys "t-$term" Tab
	tm_wait "t-$term" "Berglunds snabbk"
	# Esc then a digit stands for an F-key: Esc 3 is Find.
	tm_keys "t-$term" Escape 3
	tm_wait "t-$term" "customers by name"
done
TEST_TERM=xterm tm_start nocolour 80 24 NO_COLOR=1
tm_keys nocolour 2
tm_wait nocolour "Stock item"
echo "PASS: resize, and every kind of terminal"
