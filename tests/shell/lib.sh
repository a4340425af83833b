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
