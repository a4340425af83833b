#!/bin/sh
# Every report in reports/, printed from a fresh demo company, is byte
# for byte its golden copy in tests/golden: headers, "Page N of M", form
# feeds, groups, subtotals, totals and column widths all at once.  The
# run date is pinned (SOURCE_DATE_EPOCH=0, TZ=UTC) so that the pages do
# not change with the clock.  A report that differs shows its diff.
#
# After a deliberate change to a report or to the layout, rewrite the
# golden files with
#
#	KONTOR_UPDATE_GOLDEN=1 make check TESTS=tests/shell/report-golden.sh
#
# then read every line of `git diff tests/golden` before committing it:
# the golden files are only as right as the last person who read them.
. "$TESTS_LIB"

G=$KONTOR_SHARE/tests/golden
SOURCE_DATE_EPOCH=0
TZ=UTC
export SOURCE_DATE_EPOCH TZ
failed=

# golden FILE REPORT ARGS...: kontor report REPORT ARGS must print
# tests/golden/FILE.
golden() {
	name=$1
	shift
	k -d "$T/co" report "$@" -o "$T/$name" || fail "kontor report $*"
	if [ -n "${KONTOR_UPDATE_GOLDEN:-}" ]; then
		cp "$T/$name" "$G/$name"
		echo "wrote $G/$name"
		return 0
	fi
	[ -f "$G/$name" ] ||
	    fail "no golden file $G/$name (KONTOR_UPDATE_GOLDEN=1 makes it)"
	if ! cmp -s "$G/$name" "$T/$name"; then
		echo "report $* differs from $G/$name:" >&2
		diff -u "$G/$name" "$T/$name" | head -n 100 >&2 || true
		failed="$failed $name"
	fi
}

demo "$T/co"

# Each report in reports/, as it comes, with no parameters given.
n=0
for rpt in "$KONTOR_SHARE"/reports/*.rpt; do
	name=$(basename "$rpt" .rpt)
	golden "$name.txt" "$name"
	n=$((n + 1))
done
[ "$n" -ge 6 ] || fail "only $n reports in $KONTOR_SHARE/reports"

# A date range, and the rows as CSV.
golden orders-1997q1.txt orders --from 1997-01-01 --to 1997-03-31
golden orders.csv orders --csv
golden stock.csv stock --csv
# The statements at a given month (the demo company has no postings, so
# these hold the layout: every line, heading and label), and an account
# statement on one account with nothing posted.
golden balance-sheet-1997.txt balance-sheet --date 1997-12-31
golden income-statement-1997.txt income-statement --from 1997-01-01 \
    --to 1997-12-31
golden income-statement.csv income-statement --csv --to 1997-06-30
golden account-statement-1001.txt account-statement --account 1001 \
    --from 1997-01-01

[ -z "$failed" ] || fail "differs from the golden files:$failed"
if [ -n "${KONTOR_UPDATE_GOLDEN:-}" ]; then
	echo "PASS: golden files rewritten; read git diff $G"
else
	echo "PASS: $n reports and 7 variants equal their golden files"
fi
