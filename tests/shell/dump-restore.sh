#!/bin/sh
# kontor dump writes the whole company as text, and kontor restore reads
# it back into an identical company: the same dump, and the same bytes in
# every table as Berkeley DB's own db_dump shows them.
. "$TESTS_LIB"

demo "$T/a"
# Chinese text, a tab and a line break inside values must come through.
k -d "$T/a" load customers "$KONTOR_TEST_DATA/customers-zh.utf8.csv" \
    >/dev/null || fail "load the Chinese customers"
printf 'code,name,address\nTABS1,"Tab\there","Line one\nLine two \\ back"\n' \
    >"$T/odd.csv"
k -d "$T/a" load customers "$T/odd.csv" >/dev/null || fail "load odd.csv"

k -d "$T/a" dump -o "$T/a.dump" || fail "dump a"
k -d "$T/b" restore "$T/a.dump" || fail "restore into b"
k -d "$T/b" dump -o "$T/b.dump" || fail "dump b"
cmp "$T/a.dump" "$T/b.dump" || fail "the dumps of a and b differ"
grep -q "^code=JPYS08	name=𠮷野家食品（上海）有限公司	" "$T/b.dump" ||
    fail "𠮷 did not survive"
grep -qF 'address=Line one\nLine two \\ back' "$T/b.dump" ||
    fail "escapes in the dump"

# Table by table, the stored bytes are the same (indices included).
if command -v db5.3_dump >/dev/null; then
	for f in "$T"/a/*.db; do
		name=$(basename "$f")
		db5.3_dump -p -h "$T/a" "$name" >"$T/a.db.txt" 2>/dev/null ||
		    fail "db_dump $name in a"
		db5.3_dump -p -h "$T/b" "$name" >"$T/b.db.txt" 2>/dev/null ||
		    fail "db_dump $name in b"
		cmp -s "$T/a.db.txt" "$T/b.db.txt" || fail "$name differs"
	done
fi
k -d "$T/b" check >/dev/null || fail "kontor check on the restored company"
k -d "$T/b" report sales-by-customer | grep -q "^Grand total  *1,265,793.29$" ||
    fail "the restored company's sales"

# A restore into a company that holds records is refused.
expect_fail "$T/err" k -d "$T/a" restore "$T/a.dump"
grep -q "already holds records" "$T/err" || fail "restore over data"

# A cut dump is refused whole.
head -n 500 "$T/a.dump" >"$T/cut.dump"
expect_fail "$T/err" k -d "$T/c" restore "$T/cut.dump"
grep -q "cut.dump:500: the dump ends too soon" "$T/err" ||
    fail "cut dump: $(cat "$T/err")"
[ "$(count "$T/c" customers)" = 0 ] || fail "a cut restore kept records"
# A dump that fails leaves the file that was there as it was.
echo "an earlier backup" >"$T/keep.dump"
expect_fail "$T/err" k -d "$T/nowhere" dump -o "$T/keep.dump"
[ "$(cat "$T/keep.dump")" = "an earlier backup" ] ||
    fail "a failed dump spoiled the earlier file"
# Output to a device is written to it, not replaced by a file.
k -d "$T/a" dump -o /dev/null || fail "dump to /dev/null"
[ -c /dev/null ] || fail "/dev/null is no longer a device"
# A full disk under standard output fails the dump, and the reports.
if [ -c /dev/full ]; then
	for cmd in dump "report customers" "export journal"; do
		# shellcheck disable=SC2086 # the command's words
		k -d "$T/a" $cmd >/dev/full 2>"$T/err" &&
		    fail "$cmd >/dev/full succeeded"
		grep -q "standard output: .*; what was written is incomplete" \
		    "$T/err" || fail "$cmd >/dev/full: $(cat "$T/err")"
	done
fi
echo "PASS: dump and restore give an identical company"
