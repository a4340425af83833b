#!/bin/sh
# Reports printed in another encoding are the UTF-8 report, converted:
# iconv turns them back into the same bytes.  A character the encoding
# cannot hold stops the report with the page, the line and the
# character, and nothing is written: no file with -o, nothing on
# standard output, no temporary file left behind.
. "$TESTS_LIB"

SOURCE_DATE_EPOCH=0
TZ=UTC
export SOURCE_DATE_EPOCH TZ

# The orders report holds Latin letters (Taquería, Spécialités) that
# GB18030 writes in other bytes than UTF-8.
demo "$T/co"
k -d "$T/co" report orders -o "$T/orders.txt" || fail "orders in UTF-8"
k -d "$T/co" report orders --encoding GB18030 -o "$T/orders.gb" ||
    fail "orders in GB18030"
grep -q "Taquería" "$T/orders.txt" || fail "no Taquería in the orders"
cmp -s "$T/orders.gb" "$T/orders.txt" && fail "GB18030 is not converted"
iconv -f GB18030 -t UTF-8 "$T/orders.gb" | cmp - "$T/orders.txt" ||
    fail "the GB18030 orders report, converted back, differs"

# company DIR: a small company whose every character Big5 holds.
company() {
	k -d "$1" init >/dev/null || fail "kontor init $1"
	printf 'name,value\nname,臺灣貿易股份有限公司\n' >"$T/settings.csv"
	k -d "$1" load settings "$T/settings.csv" >/dev/null ||
	    fail "load settings into $1"
	cat >"$T/customers.csv" <<CSV
code,name,contact,city,country,phone
TPE01,臺北興業有限公司,陳大文,臺北,臺灣,02-2311-0001
KHH02,高雄港務貿易行,林美麗,高雄,臺灣,07-551-0002
HKG03,香港華興公司,黃國強,香港,香港,+852 2101 0003
CSV
	k -d "$1" load customers "$T/customers.csv" >/dev/null ||
	    fail "load customers into $1"
}

company "$T/tw"
k -d "$T/tw" report customers -o "$T/list.txt" || fail "list in UTF-8"
grep -q "^臺灣貿易股份有限公司 .* Page 1 of 1$" "$T/list.txt" ||
    fail "header: $(head -n 1 "$T/list.txt")"
grep -q "^KHH02    高雄港務貿易行  " "$T/list.txt" ||
    fail "KHH02: $(grep KHH02 "$T/list.txt")"
k -d "$T/tw" report customers --encoding BIG5 -o "$T/list.big5" ||
    fail "list in Big5"
cmp -s "$T/list.big5" "$T/list.txt" && fail "Big5 is not converted"
iconv -f BIG5 -t UTF-8 "$T/list.big5" | cmp - "$T/list.txt" ||
    fail "the Big5 customer list, converted back, differs"

# refused DIR MESSAGE: the customer list in Big5 fails with MESSAGE and
# writes nothing, to a file or to standard output.
refused() {
	mkdir "$T/out" "$T/tmp"
	expect_fail "$T/err" env TMPDIR="$T/tmp" "$KONTOR" -d "$1" report \
	    customers --encoding BIG5 -o "$T/out/list.big5"
	[ "$(cat "$T/err")" = "kontor: $2" ] ||
	    fail "Big5 error: $(cat "$T/err"), expected: kontor: $2"
	[ -z "$(ls -A "$T/out")" ] ||
	    fail "a failed report left $(ls -A "$T/out")"
	if env TMPDIR="$T/tmp" "$KONTOR" -d "$1" report customers \
	    --encoding BIG5 >"$T/stdout" 2>"$T/err"; then
		fail "the Big5 report to standard output did not fail"
	fi
	[ ! -s "$T/stdout" ] || fail "part of a failed report went to stdout"
	[ "$(cat "$T/err")" = "kontor: $2" ] ||
	    fail "Big5 error on stdout: $(cat "$T/err")"
	[ -z "$(ls -A "$T/tmp")" ] ||
	    fail "a failed report left $(ls -A "$T/tmp") in TMPDIR"
	rm -rf "$T/out" "$T/tmp"
}

# 𠮷 lies outside Big5: the fourth customer, on line 9 of page 1.
company "$T/kanji"
cat >"$T/more.csv" <<CSV
code,name,contact,city,country,phone
TPE04,𠮷野家臺灣分公司,吳小姐,臺北,臺灣,02-2311-0004
CSV
k -d "$T/kanji" load customers "$T/more.csv" >/dev/null ||
    fail "load the 𠮷 customer"
refused "$T/kanji" 'page 1, line 9: "𠮷" (U+20BB7) cannot be written in BIG5'

# So does é, here in the third customer by code.
company "$T/latin"
cat >"$T/more.csv" <<CSV
code,name,contact,city,country,phone
PAR05,Café de Flore,Paul,Paris,France,01 45 48 55 26
CSV
k -d "$T/latin" load customers "$T/more.csv" >/dev/null ||
    fail "load the café"
refused "$T/latin" 'page 1, line 8: "é" (U+00E9) cannot be written in BIG5'

echo "PASS: GB18030 and Big5 reports convert back; Big5 refuses 𠮷 and é"
