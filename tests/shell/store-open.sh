#!/bin/sh
# Opening a company reads only what the command needs: an index that is
# empty for good (no journal entry reverses another, so journals'
# by-reverses index holds nothing) is not built again from its table at
# every open.  Berkeley DB's own cache statistics (db_stat -m) count the
# pages of journals.db that a command asked for.
. "$TESTS_LIB"
stat=$(command -v db5.3_stat || command -v db_stat) ||
    { echo "SKIP: no db5.3_stat (apt-get install db5.3-util)"; exit 77; }

k -d "$T/co" init >/dev/null
awk 'BEGIN {
	for (i = 1; i <= 3000; i++)
		printf "2025-%02d-%02d Entry %d\n    Expenses:Food  $%d.00\n    Assets:Cash\n\n", \
		    1 + i % 12, 1 + i % 28, i, i
}' >"$T/j.journal"
k -d "$T/co" import journal "$T/j.journal" >/dev/null || fail "import"

# Pages of journals.db asked for so far, found in the cache or read.
pages() {
	"$stat" -h "$T/co" -m | awk '
	/^Pool File: / { f = $3 == "journals.db" }
	f && /Requested pages (found|not found) in the cache/ { n += $1 }
	END { print n + 0 }'
}
before=$(pages)
[ "$before" -gt 100 ] || fail "the import asked for only $before pages"
k -d "$T/co" report customers -o "$T/out" || fail "report customers"
after=$(pages)
[ $((after - before)) -le 5 ] ||
    fail "opening the company read $((after - before)) pages of journals"
echo "PASS: opening the company reads no table it does not need"
