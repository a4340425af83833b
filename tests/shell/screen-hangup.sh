#!/bin/sh
# A clerk's terminal that goes away.  Without a terminal the screens do
# not start, and say why; a session whose connection drops while
# hangups are ignored (as under nohup) leaves by itself instead of
# spinning on a dead terminal, and leaves the company whole.
. "$TESTS_LIB"
. "${TESTS_LIB%lib.sh}screen.sh"

demo "$T/co"
expect_fail "$T/err" k -d "$T/co" </dev/null
grep -q "the screens need a terminal" "$T/err" ||
    fail "screens without a terminal: $(cat "$T/err")"

tmux -L "$TMUX_SOCKET" -f /dev/null new-session -d -s h -x 80 -y 24 \
    "echo \$\$ >'$T/pid'; trap '' HUP; exec env TERM=screen '$KONTOR' -d '$T/co' 2>'$T/gone'"
tm_wait h "Main menu"
tm_keys h 4
tm_wait h "Customer contact"
tm_type h ALFKI
tm_keys h Tab
tm_wait h "Alfreds Futterkiste"
pid=$(cat "$T/pid")
tmux -L "$TMUX_SOCKET" kill-server
gone() {
	! kill -0 "$pid" 2>/dev/null
}
if ! wait_for 20 gone; then
	kill -KILL "$pid"
	fail "kontor went on for 20 s after its terminal was gone"
fi
grep -q "the terminal is gone" "$T/gone" || fail "no word why: $(cat "$T/gone")"
k -d "$T/co" check >/dev/null || fail "kontor check after the hangup"
echo "PASS: screens without a terminal"
