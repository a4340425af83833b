#!/bin/sh
# screens.sh: how fast the clerk's screens answer, on a small company and
# on a large one, driven through tmux as the screen tests drive them.
#
#	sh bench/screens.sh [CUSTOMERS]
#
# Builds two companies: one with CUSTOMERS/100 customers and one with
# CUSTOMERS (default 1,000,000), plus 500 items.  For each it measures:
# a keystroke (typing one character into a field until it shows), opening
# the customer list (F3 until the list shows), finding a name by prefix
# (typing five letters until the first match shows), and saving an order
# of 20 lines (F5 until "saved").  Each figure is the median of RUNS
# (default 5) tries, timed from send-keys to the screen showing the
# result, polled every 2 ms: the figures include tmux's own delay, so
# they are an upper bound on kontor's.  Run by hand; never by make check.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
KONTOR=${KONTOR:-$top/kontor}
N=${1:-1000000}
RUNS=${RUNS:-5}
work=$(mktemp -d "${TMPDIR:-/tmp}/kontor-screens.XXXXXX")
sock="kontor-bench-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null; rm -rf "$work"' EXIT

now_ms() {
	date +%s%3N
}

# timed KEYS... -- REGEX: ms from sending KEYS until the screen shows REGEX.
timed() {
	keys=
	while [ "$1" != "--" ]; do
		keys="$keys $1"
		shift
	done
	re=$2
	start=$(now_ms)
	# shellcheck disable=SC2086
	tmux -L "$sock" send-keys -t b $keys
	until tmux -L "$sock" capture-pane -p -t b | grep -qE -- "$re"; do
		sleep 0.002
	done
	echo $(($(now_ms) - start))
}

# wait_for REGEX: until the screen shows it.
wait_for() {
	until tmux -L "$sock" capture-pane -p -t b | grep -qE -- "$1"; do
		sleep 0.005
	done
}

median() {
	sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

make_company() {
	dir=$1
	n=$2
	"$KONTOR" -d "$dir" init
	printf 'name,value\nname,Bench Traders\ncurrency,USD\ntax_rate,0.10\n' \
	    >"$work/settings.csv"
	"$KONTOR" -d "$dir" load settings "$work/settings.csv" >/dev/null
	awk -v n="$n" 'BEGIN {
		print "code,name,city"
		for (i = 1; i <= n; i++)
			printf "C%07d,Trader%07d Ltd,City %d\n", i,
			    (i * 7919) % n, i % 500
	}' >"$work/customers.csv"
	awk 'BEGIN {
		print "code,name,price"
		for (i = 1; i <= 500; i++)
			printf "I%04d,Item %04d,%d.%02d\n", i, i, i % 90 + 1,
			    i % 100
	}' >"$work/items.csv"
	"$KONTOR" -d "$dir" load customers "$work/customers.csv" >/dev/null
	"$KONTOR" -d "$dir" load items "$work/items.csv" >/dev/null
}

measure() {
	dir=$1
	n=$2
	tmux -L "$sock" kill-server 2>/dev/null || true
	tmux -L "$sock" -f /dev/null new-session -d -s b -x 80 -y 24 \
	    "TERM=screen '$KONTOR' -d '$dir'; sleep 600"
	until tmux -L "$sock" capture-pane -p -t b | grep -q "Main menu"; do
		sleep 0.01
	done
	timed 4 -- "Customer contact" >/dev/null

	key=$(for i in $(seq "$RUNS"); do
		timed x -- "Customer +x{$i}" </dev/null
	done | median)
	tmux -L "$sock" send-keys -t b Escape
	wait_for "Leave without saving"
	tmux -L "$sock" send-keys -t b y
	wait_for "Main menu"
	tmux -L "$sock" send-keys -t b 4
	wait_for "Customer contact"

	open=$(for i in $(seq "$RUNS"); do
		timed F3 -- "customers by name" </dev/null
		tmux -L "$sock" send-keys -t b Escape
		wait_for "^  Company name"
	done | median)
	# The prefix of a name in the middle of the table.
	mid=$(printf 'Trader%07d' $((n / 2)))
	find=$(for i in $(seq "$RUNS"); do
		tmux -L "$sock" send-keys -t b F3
		wait_for "customers by name"
		timed "$mid" -- "$mid Ltd" </dev/null
		tmux -L "$sock" send-keys -t b Escape
		wait_for "^  Company name"
	done | median)

	# An order of 20 lines, typed, then saved.
	tmux -L "$sock" send-keys -t b Escape
	wait_for "Main menu"
	tmux -L "$sock" send-keys -t b 1
	wait_for "Order entry"
	save=$(for i in $(seq "$RUNS"); do
		tmux -L "$sock" send-keys -t b F4
		wait_for "^  Order *$"
		tmux -L "$sock" send-keys -t b C0000001 Tab Tab Tab Tab Tab
		for l in $(seq 20); do
			tmux -L "$sock" send-keys -t b "$(printf 'I%04d' "$l")" \
			    Tab 3 Tab Tab Tab
		done
		until tmux -L "$sock" capture-pane -p -t b |
		    grep -q "Lines (.* of 20)"; do
			sleep 0.01
		done
		timed F5 -- "order [0-9]+ saved" </dev/null
	done | median)
	printf '%-10s %12s %10s %10s %10s %10s\n' "$n" customers "$key" \
	    "$open" "$find" "$save"
}

small=$((N / 100))
echo "building companies of $small and $N customers in $work ..."
make_company "$work/small" "$small"
make_company "$work/large" "$N"
printf '%-10s %12s %10s %10s %10s %10s\n' customers "" "key ms" \
    "list ms" "find ms" "save20 ms"
measure "$work/small" "$small"
measure "$work/large" "$N"
echo "on $(nproc) CPUs, $(awk '/MemTotal/ { print int($2 / 1048576) }' /proc/meminfo) GiB, $(uname -sr)"
