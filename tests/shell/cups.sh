#!/bin/sh
# kontor report --print through a real CUPS scheduler to a virtual PDF
# printer (cups-pdf), and kontor report --pdf read back as text.
#
# No route through CUPS keeps the text: cups-pdf redraws every job
# through PostScript, so the PDF it writes has Type 3 glyphs or none,
# whether it was sent plain text or the PDF that pdf_convert makes (both
# PPDs were tried).  So the printed pages are checked by count, by
# looking (pdftoppm: each page has ink) and by reading them as a person
# would: tesseract's OCR of each printed page must show the page header,
# the page number and the grand total.  The words are also checked on
# the PDF that kontor makes itself, which is sent through CUPS too to
# show that a PDF prints with the same page count.
. "$TESTS_LIB"

PATH=$PATH:/usr/sbin
if [ ! -x /usr/sbin/cupsd ] || ! command -v lpadmin >/dev/null; then
	echo "SKIP: cupsd or lpadmin is not installed"
	exit 77
fi
for tool in lp lpstat pdfinfo pdftotext pdftoppm tesseract; do
	command -v "$tool" >/dev/null || fail "$tool is not installed"
done

# A queue of our own, named for this run, so that two runs at once do
# not see each other's jobs.
Q=KontorPDF_$$
started=
cleanup() {
	lpadmin -x "$Q" 2>/dev/null || :
	# The PDFs this run made in cups-pdf's folder, and nothing else.
	if [ -f "$T/made" ]; then
		while read -r f; do
			rm -f "$f"
		done <"$T/made"
	fi
	if [ -n "$started" ]; then
		kill "$started" 2>/dev/null || :
	fi
	rm -rf "$T"
}
trap cleanup EXIT

running() {
	lpstat -r 2>/dev/null | grep -q '^scheduler is running'
}
if ! running; then
	/usr/sbin/cupsd </dev/null >/dev/null 2>&1 ||
	    fail "cannot start cupsd"
	wait_for 60 running || fail "cupsd did not start"
	started=$(pidof cupsd) || :
fi

# The queue accepts jobs once lpstat can see it enabled.
lpadmin -p "$Q" -v cups-pdf:/ -E -m lsb/usr/cups-pdf/CUPS-PDF_opt.ppd \
    2>"$T/lpadmin.err" || fail "lpadmin: $(cat "$T/lpadmin.err")"
wait_for 60 sh -c "lpstat -p '$Q' 2>/dev/null | grep -q enabled" ||
    fail "queue $Q is not enabled"

# Where cups-pdf puts its files: Out in cups-pdf.conf, with ${HOME} and
# ${USER} for the user who printed (its default without an Out line).
user=$(id -un)
home=$(getent passwd "$user" | cut -d: -f6)
out=$(sed -n 's/^[[:space:]]*Out[[:space:]]\{1,\}//p' \
    /etc/cups/cups-pdf.conf 2>/dev/null | tail -n 1)
# shellcheck disable=SC2016 # cups-pdf expands ${USER}, not the shell.
[ -n "$out" ] || out='/var/spool/cups-pdf/${USER}'
out=$(printf '%s\n' "$out" | sed -e "s|\${HOME}|$home|g" \
    -e "s|\${USER}|$user|g")

# newest_job: the number of the newest job on the queue.
newest_job() {
	lpstat -W all -o "$Q" 2>/dev/null |
	    sed -n "s/^$Q-\([0-9][0-9]*\) .*/\1/p" | sort -n | tail -n 1
}

# landed ID: the job is completed and its PDF (named TITLE-job_ID.pdf,
# the PPD's default label) is whole enough for pdfinfo.
landed() {
	lpstat -W completed -o "$Q" 2>/dev/null | grep -q "^$Q-$1 " &&
	    for f in "$out"/*-job_"$1".pdf; do
		[ -f "$f" ] && pdfinfo "$f" >/dev/null 2>&1 &&
		    echo "$f" >"$T/landed" && return 0
	    done
	return 1
}

# printed ID: waits for job ID's PDF and names it.
printed() {
	wait_for 180 landed "$1" || fail "job $1 made no PDF in $out" \
	    "($(lpstat -W all -l -o "$Q" 2>&1 | tail -n 3))"
	f=$(cat "$T/landed")
	echo "$f" >>"$T/made"
	echo "$f"
}

# pages FILE: its page count.
pages() {
	pdfinfo "$1" | awk '$1 == "Pages:" { print $2 }'
}

# inked FILE N: each of its N pages, drawn small in grey, has ink (a
# blank page is all white).
inked() {
	pdftoppm -r 36 -gray "$1" "$T/look" 2>/dev/null ||
	    fail "pdftoppm $1"
	n=0
	for pgm in "$T"/look-*.pgm; do
		n=$((n + 1))
		# A PGM of 8-bit greys: a hundred grey bytes, more than the
		# digits of its 15-byte header could be.
		od -An -v -tu1 "$pgm" |
		    awk '{ for (i = 1; i <= NF; i++) if ($i < 200) d++ }
			END { exit d > 100 ? 0 : 1 }' ||
		    fail "page $n of $1 is blank"
	done
	[ "$n" = "$2" ] || fail "$1 drew $n pages, not $2"
	rm -f "$T"/look-*.pgm
}

demo "$T/co"

# The text report, as a clerk prints it: 91 customers, 2 pages.
k -d "$T/co" report customers --print "$Q" || fail "report --print $Q"
job=$(newest_job)
[ -n "$job" ] || fail "no job on $Q"
pdf=$(printed "$job")
[ "$(pages "$pdf")" = 2 ] ||
    fail "printed report has $(pages "$pdf") pages, not 2"
inked "$pdf" 2

# ocr FILE: the text of each page of FILE, as OCR reads it from a
# 300 dpi picture, in $T/ocr-N.txt.
ocr() {
	rm -f "$T"/ocr-*
	pdftoppm -r 300 -gray "$1" "$T/ocr" 2>/dev/null || fail "pdftoppm $1"
	for pgm in "$T"/ocr-*.pgm; do
		OMP_THREAD_LIMIT=1 tesseract "$pgm" "${pgm%.pgm}" --psm 6 \
		    >/dev/null 2>&1 || fail "tesseract $pgm"
	done
}

# The sales report printed and read back: its page headers, page numbers
# and the grand total that tests/shell/sales-oracle.sh proves against
# sqlite3.  OCR joins the columns' blanks into one.
k -d "$T/co" report sales-by-customer --print "$Q" ||
    fail "sales-by-customer --print $Q"
job=$(newest_job)
pdf=$(printed "$job")
[ "$(pages "$pdf")" = 2 ] ||
    fail "the printed sales report has $(pages "$pdf") pages, not 2"
ocr "$pdf"
for n in 1 2; do
	grep -qE "^Northwind Traders +Sales by customer +Page $n of 2" \
	    "$T/ocr-$n.txt" ||
	    fail "printed page $n reads: $(head -n 2 "$T/ocr-$n.txt")"
done
grep -qE "^Grand total +1,265,793\.29" "$T/ocr-2.txt" ||
    fail "no grand total on printed page 2: $(grep -i total "$T/ocr-2.txt")"

# The same report as kontor's own PDF: its words survive pdftotext.
k -d "$T/co" report customers --pdf -o "$T/c.pdf" || fail "report --pdf"
[ "$(pages "$T/c.pdf")" = 2 ] || fail "kontor's PDF is not 2 pages"
pdftotext -layout "$T/c.pdf" "$T/c.txt" || fail "pdftotext"
for want in "Page 1" "Page 2" "Customer list" "Alfreds Futterkiste"; do
	grep -q "$want" "$T/c.txt" || fail "\"$want\" not in kontor's PDF"
done
# Page 2 starts after the form feed that pdftotext puts between pages.
awk 'BEGIN { RS = "\f" } NR == 2 && /Page 2/ { found = 1 }
    END { exit !found }' "$T/c.txt" || fail "Page 2 is not on page 2"

# kontor's PDF through CUPS keeps its two pages.
lp -s -d "$Q" -t "kontor PDF" -- "$T/c.pdf" || fail "lp of the PDF"
job=$(newest_job)
pdf=$(printed "$job")
[ "$(pages "$pdf")" = 2 ] || fail "printed PDF is not 2 pages"
inked "$pdf" 2

echo "PASS: reports print through CUPS to a PDF printer"
