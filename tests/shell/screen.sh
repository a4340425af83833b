# screen.sh: driving the real program in tmux, as a clerk would.
# Sourced after lib.sh.  Every wait polls the screen with a time limit;
# no test sleeps for a fixed time.

command -v tmux >/dev/null || { echo "SKIP: no tmux"; exit 77; }
TMUX_SOCKET="kontor-test-$$"
trap 'tmux -L "$TMUX_SOCKET" kill-server 2>/dev/null || :; rm -rf "$T"' EXIT
unset TMUX

# tm_start NAME COLS LINES ENV...: starts kontor on "$T/co" in a window.
tm_start() {
	name=$1
	cols=$2
	lines=$3
	shift 3
	tmux -L "$TMUX_SOCKET" -f /dev/null new-session -d -s "$name" \
	    -x "$cols" -y "$lines" \
	    "env TERM=${TEST_TERM:-screen} $* '$KONTOR' -d '$T/co'; echo KONTOR-ENDED; sleep 600"
	tmux -L "$TMUX_SOCKET" set-option -g status off >/dev/null
	tm_wait "$name" "Main menu"
}

# tm_keys NAME KEY...: types, as tmux send-keys takes keys.
tm_keys() {
	name=$1
	shift
	tmux -L "$TMUX_SOCKET" send-keys -t "$name" "$@"
}

# tm_type NAME TEXT: types literal text.
tm_type() {
	tmux -L "$TMUX_SOCKET" send-keys -t "$1" -l "$2"
}

tm_screen() {
	tmux -L "$TMUX_SOCKET" capture-pane -p -t "$1"
}

# tm_fail NAME MESSAGE: shows the screen of NAME, then fails.
tm_fail() {
	echo "--- screen of $1:" >&2
	tm_screen "$1" >&2
	fail "$2"
}

tm_shows() {
	tm_screen "$1" | grep -qE -- "$2"
}

tm_hides() {
	! tm_shows "$1" "$2"
}

# tm_wait NAME REGEX [SECONDS]: waits until the screen shows REGEX.
tm_wait() {
	wait_for "${3:-20}" tm_shows "$1" "$2" ||
	    tm_fail "$1" "the screen did not show /$2/ in ${3:-20} s"
}

# tm_wait_gone NAME REGEX [SECONDS]: waits until the screen no longer
# shows REGEX.
tm_wait_gone() {
	wait_for "${3:-20}" tm_hides "$1" "$2" ||
	    tm_fail "$1" "the screen still shows /$2/ after ${3:-20} s"
}

# tm_line NAME N: line N (1 is the top) of the screen.
tm_line() {
	tm_screen "$1" | sed -n "${2}p"
}

tm_line_shows() {
	tm_line "$1" "$2" | grep -qE -- "$3"
}

# tm_wait_line NAME N REGEX [SECONDS]: waits until line N shows REGEX.
tm_wait_line() {
	wait_for "${4:-20}" tm_line_shows "$1" "$2" "$3" ||
	    tm_fail "$1" "line $2 did not show /$3/"
}
