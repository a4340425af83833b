# lib.sh: what every shell test shares.  Sourced, not run.
#
# Make check sets KONTOR (the program), KONTOR_SHARE (the source tree)
# and KONTOR_TEST_DATA.  Each test works in its own temporary folder,
# removed when it ends.

set -eu

: "${KONTOR:?run this through make check}"
T=$(mktemp -d "${TMPDIR:-/tmp}/kontor-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
unset KONTOR_HOME

# fail MESSAGE: stops the test.
fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# k ARGS: runs kontor.
k() {
	"$KONTOR" "$@"
}

# demo DIR: builds the demo company in DIR.
demo() {
	k -d "$1" demo >/dev/null || fail "kontor demo in $1"
}

# books DIR: a company with the demo's settings (name, currency) and
# chart of accounts and nothing posted, for tests of the ledger.
books() {
	k -d "$1" init >/dev/null &&
	    k -d "$1" load settings "$KONTOR_SHARE/data/company.csv" \
	    >/dev/null &&
	    k -d "$1" load accounts \
	    "$KONTOR_SHARE/data/accounts/cn-standard.csv" >/dev/null ||
	    fail "books in $1"
}

# count DIR TABLE: how many records TABLE holds, read from a dump.
count() {
	k -d "$1" dump | awk -v t="$2" '$1 == "end" && $2 == t { print $3 }'
}

# expect_fail OUTFILE CMD...: CMD must fail; its stderr goes to OUTFILE.
expect_fail() {
	out=$1
	shift
	if "$@" >/dev/null 2>"$out"; then
		fail "expected to fail: $*"
	fi
}

# wait_for SECONDS CMD...: polls CMD until it succeeds or time runs out.
wait_for() {
	limit=$1
	shift
	end=$(($(date +%s) + limit))
	until "$@"; do
		[ "$(date +%s)" -lt "$end" ] || return 1
		sleep 0.05
	done
}

# kill_a_load DIR FILE: starts "kontor load customers FILE" on the company
# in DIR and kills it with SIGKILL in the middle of its transaction, once
# its log has grown by 4 MB (polled, so that a slow machine is waited
# for, not guessed at).
kill_a_load() {
	kl_dir=$1
	kl_start=$(cat "$kl_dir"/log.* 2>/dev/null | wc -c)
	"$KONTOR" -d "$kl_dir" load customers "$2" >/dev/null 2>&1 &
	kl_pid=$!
	kl_grown() {
		[ "$(cat "$kl_dir"/log.* 2>/dev/null | wc -c)" -gt \
		    $((kl_start + 4000000)) ] || ! kill -0 $kl_pid 2>/dev/null
	}
	wait_for 120 kl_grown || fail "the load wrote nothing in 120 seconds"
	kill -KILL $kl_pid 2>/dev/null ||
	    fail "the load ended before it was killed"
	wait $kl_pid 2>/dev/null || true
}
