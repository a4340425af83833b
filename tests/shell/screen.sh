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

# tm_wait NAME REGEX [SECONDS]: waits until the screen shows REGEX.
tm_wait() {
	tm_name=$1
	tm_re=$2
	tm_limit=${3:-20}
	tm_end=$(($(date +%s) + tm_limit))
	until tm_screen "$tm_name" | grep -qE -- "$tm_re"; do
		if [ "$(date +%s)" -ge "$tm_end" ]; then
			echo "--- screen of $tm_name:" >&2
			tm_screen "$tm_name" >&2
			fail "the screen did not show /$tm_re/ in $tm_limit s"
		fi
		sleep 0.05
	done
}

# tm_wait_gone NAME REGEX [SECONDS]: waits until the screen no longer
# shows REGEX.
tm_wait_gone() {
	tm_end=$(($(date +%s) + ${3:-20}))
	while tm_screen "$1" | grep -qE -- "$2"; do
		if [ "$(date +%s)" -ge "$tm_end" ]; then
			echo "--- screen of $1:" >&2
			tm_screen "$1" >&2
			fail "the screen still shows /$2/ after ${3:-20} s"
		fi
		sleep 0.05
	done
}

# tm_line NAME N: line N (1 is the top) of the screen.
tm_line() {
	tm_screen "$1" | sed -n "${2}p"
}

# tm_wait_line NAME N REGEX [SECONDS]: waits until line N shows REGEX.
tm_wait_line() {
	tl_end=$(($(date +%s) + ${4:-20}))
	until tm_line "$1" "$2" | grep -qE -- "$3"; do
		if [ "$(date +%s)" -ge "$tl_end" ]; then
			tm_screen "$1" >&2
			fail "line $2 did not show /$3/"
		fi
		sleep 0.05
	done
}
