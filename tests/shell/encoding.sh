#!/bin/sh
# Chinese customers load from GB18030 with every character kept (𠮷 is
# four bytes in both encodings), and reports line them up by display
# cells, in UTF-8 and converted to GB18030.
. "$TESTS_LIB"

demo "$T/co"
k -d "$T/co" load customers "$KONTOR_TEST_DATA/customers-zh.gb18030.csv" \
    --encoding GB18030 >"$T/out" || fail "GB18030 load"
grep -q "12 records" "$T/out" || fail "not 12 customers: $(cat "$T/out")"

# Every field equals the UTF-8 edition of the same file, byte for byte.
k -d "$T/b" init
k -d "$T/b" load customers "$KONTOR_TEST_DATA/customers-zh.utf8.csv" \
    >/dev/null || fail "UTF-8 load"
k -d "$T/co" dump | grep -E '^code=[A-Z]{4}[0-9]{2}	' >"$T/gb.txt"
k -d "$T/b" dump | grep -E '^code=[A-Z]{4}[0-9]{2}	' >"$T/utf8.txt"
[ "$(wc -l <"$T/gb.txt")" = 12 ] || fail "not 12 Chinese customers"
cmp "$T/gb.txt" "$T/utf8.txt" || fail "GB18030 and UTF-8 loads differ"
grep -q "name=云南䶮氏茶业	" "$T/gb.txt" || fail "䶮 was lost"
grep -q "name=上海\"一心\"办公用品店	" "$T/gb.txt" || fail "doubled quotes"
grep -q "name=杭州西湖丝绸厂, 分厂	" "$T/gb.txt" || fail "quoted comma"

# In the customer list the phone column starts in the same display cell
# on every line, Chinese or Latin (cellcol measures with the C library's
# own wcwidth, not kontor's).
k -d "$T/co" report customers -o "$T/list.txt" || fail "customer list"
for phone in 030-0074321 010-6552-3188 021-6000-0808 0871-6333-1111 \
    "+852 2101 0010"; do
	"$CELLCOL" "$phone" <"$T/list.txt"
done | sort -u >"$T/cols"
[ "$(wc -l <"$T/cols")" = 1 ] ||
    fail "phones start in different cells: $(tr '\n' ' ' <"$T/cols")"
# A name too long for its column is clipped whole characters, marked >.
grep -q "^SZKJ04   深圳科技创新（集团）有限公司 " "$T/list.txt" ||
    fail "SZKJ04 line: $(grep SZKJ04 "$T/list.txt")"

# The same report in GB18030, converted back, is the same report.
k -d "$T/co" report customers -o "$T/list.gb" --encoding GB18030 ||
    fail "GB18030 report"
iconv -f GB18030 -t UTF-8 "$T/list.gb" | cmp - "$T/list.txt" ||
    fail "GB18030 report differs from the UTF-8 one"
# Big5 cannot hold 𠮷: the report stops and says where, writing nothing.
expect_fail "$T/err" k -d "$T/co" report customers -o "$T/list.big5" \
    --encoding BIG5
grep -q "cannot be written in BIG5" "$T/err" || fail "Big5: $(cat "$T/err")"
[ ! -e "$T/list.big5" ] || fail "a half-written Big5 report was left"
# To standard output too, nothing is written when it fails.
expect_fail "$T/err" sh -c "'$KONTOR' -d '$T/co' report customers --encoding BIG5 >'$T/stdout'"
[ ! -s "$T/stdout" ] || fail "part of a failed report went to stdout"
echo "PASS: GB18030 in and out, aligned by display cells"
