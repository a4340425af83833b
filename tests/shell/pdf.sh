#!/bin/sh
# kontor report --pdf, read back with pdftotext -layout, has the text
# report's pages and lines: each page the same lines with the same words
# in the same order, so that a line wrapped on paper (its last letters
# on a line of their own) or a page cut short (its last lines lost)
# fails.  Reports 80, 132 and 200 cells wide are tried; the spaces
# between words are not compared, as pdftotext guesses them.  Needs no
# printer (tests/shell/cups.sh prints through CUPS).
. "$TESTS_LIB"

for tool in pango-view pdfinfo pdftotext; do
	command -v "$tool" >/dev/null || fail "$tool is not installed"
done
SOURCE_DATE_EPOCH=0
TZ=UTC
export SOURCE_DATE_EPOCH TZ

# words FILE: each non-empty line of FILE as "PAGE: WORDS", its blanks
# squeezed to one; pages are cut at form feeds.
words() {
	awk 'BEGIN { RS = "\f" }
	{
		n = split($0, line, "\n")
		for (i = 1; i <= n; i++) {
			s = line[i]
			gsub(/[ \t]+/, " ", s)
			sub(/^ /, "", s)
			sub(/ $/, "", s)
			if (s != "")
				print NR ": " s
		}
	}' "$1"
}

# same NAME REPORT ARGS...: the PDF of kontor report REPORT ARGS reads
# as the text report does; both are left as $T/NAME.txt and
# $T/NAME.pdf.txt.
same() {
	name=$1
	shift
	k -d "$T/co" report "$@" -o "$T/$name.txt" ||
	    fail "kontor report $*"
	k -d "$T/co" report "$@" --pdf -o "$T/$name.pdf" ||
	    fail "kontor report $* --pdf"
	pdftotext -layout "$T/$name.pdf" "$T/$name.pdf.txt" ||
	    fail "pdftotext $name.pdf"

	# A form feed ends each text page but the last.
	want=$(($(tr -cd '\f' <"$T/$name.txt" | wc -c) + 1))
	got=$(pdfinfo "$T/$name.pdf" | awk '$1 == "Pages:" { print $2 }')
	[ "$got" = "$want" ] ||
	    fail "the PDF of $* has $got pages, not $want"

	words "$T/$name.txt" >"$T/$name.want"
	words "$T/$name.pdf.txt" >"$T/$name.got"
	if ! cmp -s "$T/$name.want" "$T/$name.got"; then
		echo "the PDF of $* reads otherwise (page: words):" >&2
		diff -u "$T/$name.want" "$T/$name.got" | head -n 40 >&2 || :
		fail "the PDF of $* is not its text"
	fi
}

demo "$T/co"

# 80 cells: one page, and two.
same income income-statement
same sales sales-by-customer
grep -qE "^Grand total +1,265,793\.29$" "$T/sales.pdf.txt" ||
    fail "no grand total in the sales PDF"

# 132 cells: full-width lines with Chinese in them, and two pages.
same trial trial-balance
grep -qE "^Total +0\.00 +6,758,669\.50 +6,758,669\.50 +0\.00$" \
    "$T/trial.pdf.txt" || fail "no total in the trial balance PDF"
for account in 6401 6601 6602; do
	grep -q "^$account " "$T/trial.pdf.txt" ||
	    fail "account $account is not in the trial balance PDF"
done
same balance balance-sheet
same customers customers

# 200 cells: the customer list made wider by its own definition.
sed -e 's/^width .*/width   200/' \
    -e 's/"Company name"  36/"Company name" 104/' \
    "$KONTOR_SHARE/reports/customers.rpt" >"$T/wide.rpt"
same wide "$T/wide.rpt"
awk 'length($0) == 200 { n++ } END { exit !n }' "$T/wide.txt" ||
    fail "the wide report has no line of 200 cells"

echo "PASS: every report line is one line of its PDF"
