#!/bin/sh
# What the clerk gives a report on the command line: kontor report
# --list shows every report and its parameters; a parameter is checked
# against its type before the company is read; a parameter the report
# does not have, or a number of copies out of range, is refused; a
# filter given the only value there is changes nothing; a broken
# definition is reported as FILE:LINE.
. "$TESTS_LIB"

SOURCE_DATE_EPOCH=0
TZ=UTC
export SOURCE_DATE_EPOCH TZ

# Every report in reports/ is listed, with the orders report's params.
k report --list >"$T/list" || fail "kontor report --list"
for rpt in "$KONTOR_SHARE"/reports/*.rpt; do
	name=$(basename "$rpt" .rpt)
	grep -q "^$name " "$T/list" ||
	    fail "--list lacks $name: $(cat "$T/list")"
done
for name in customer-addresses customers items orders sales-by-customer \
    stock; do
	grep -q "^$name " "$T/list" || fail "--list lacks $name"
done
grep -q "broken" "$T/list" && fail "--list: $(grep broken "$T/list")"
sed -n '/^orders /,/^[^ ]/p' "$T/list" | grep '^    --' >"$T/params"
cat >"$T/want" <<'LIST'
    --from         date     Order date from (default 1996-07-01)
    --to           date     Order date to (default 1998-12-31)
    --customer     code     Customer
LIST
cmp -s "$T/params" "$T/want" ||
    fail "orders params: $(cat "$T/params")"

demo "$T/co"

# refused MESSAGE ARGS...: kontor report ARGS fails, exit status 1,
# with exactly MESSAGE, and prints nothing.
refused() {
	want=$1
	shift
	set +e
	k -d "$T/co" "$@" >"$T/stdout" 2>"$T/err"
	status=$?
	set -e
	[ "$status" = 1 ] || fail "$*: exit status $status, not 1"
	[ "$(cat "$T/err")" = "kontor: $want" ] ||
	    fail "$*: $(cat "$T/err"), expected: kontor: $want"
	[ ! -s "$T/stdout" ] || fail "$*: printed $(head -n 3 "$T/stdout")"
}

refused "--from 1997-13-01: no such day" \
    report orders --from 1997-13-01
refused "--to 1997-02-29: no such day" \
    report orders --to 1997-02-29
refused "--from yesterday: not a date (YYYY-MM-DD)" \
    report orders --from yesterday
refused "report orders has no parameter --colour (kontor report --list shows them)" \
    report orders --colour red
refused "--copies takes 1 to 100" report orders --copies 0
refused "--copies takes 1 to 100" report orders --copies 101
refused "--copies takes 1 to 100" report orders --copies two
refused "--from needs a value" \
    report orders --from

# A leap day is a day.
k -d "$T/co" report orders --from 1996-02-29 --to 1996-07-04 \
    -o "$T/leap.txt" || fail "--from 1996-02-29"
grep -q "^Grand total (1) " "$T/leap.txt" ||
    fail "1996-02-29 to 1996-07-04 is not the first order alone"

# The demo company has one warehouse: naming it leaves every row.
k -d "$T/co" report stock -o "$T/all.txt" || fail "stock"
k -d "$T/co" report stock --warehouse MAIN -o "$T/main.txt" ||
    fail "stock --warehouse MAIN"
grep -q "^Run 1970-01-01 00:00  Warehouse MAIN$" "$T/main.txt" ||
    fail "the run line does not name the warehouse"
# Apart from the run line, which says which warehouse was asked for.
grep -v '^Run ' "$T/all.txt" >"$T/all.body"
grep -v '^Run ' "$T/main.txt" >"$T/main.body"
cmp "$T/all.body" "$T/main.body" ||
    fail "stock --warehouse MAIN differs from stock"
grep -q "^All warehouses (77) " "$T/main.txt" ||
    fail "not 77 stock records for MAIN"
k -d "$T/co" report stock --warehouse main --csv -o "$T/lower.csv" ||
    fail "stock --warehouse main"
k -d "$T/co" report stock --csv -o "$T/all.csv" || fail "stock --csv"
cmp "$T/all.csv" "$T/lower.csv" || fail "--warehouse main is not MAIN"

# A broken definition given by path: FILE:LINE and what is wrong.
sed 's/^column  freight /column  frieght /' \
    "$KONTOR_SHARE/reports/orders.rpt" >"$T/broken.rpt"
line=$(grep -n '^column  frieght ' "$T/broken.rpt" | cut -d: -f1)
[ -n "$line" ] || fail "orders.rpt has no freight column to break"
refused "$T/broken.rpt:$line: orders has no field \"frieght\"" \
    report "$T/broken.rpt"
printf 'title "Broken"\nsource orders\nwidth eighty\n' >"$T/width.rpt"
refused "$T/width.rpt:3: \"eighty\" is not a number from 20 to 1000" \
    report "$T/width.rpt"
refused "there is no report \"nosuch\" ($KONTOR_SHARE/reports/nosuch.rpt)" \
    report nosuch
# Date formats of a column: YYYY-MM-DD, DD.MM.YYYY, MM/DD/YYYY.
cat >"$T/dates.rpt" <<'RPT'
title "Dates"
source orders
param from date "From"
param to date "To"
range order_date from to
column number "Order" 6
column order_date "ISO" 10
column order_date "DMY" 10 dmy
column order_date "MDY" 10 mdy
RPT
k -d "$T/co" report "$T/dates.rpt" --from 1996-07-04 --to 1996-07-04 \
    >"$T/dates.txt" || fail "dates report"
grep -q "^ 10248 1996-07-04 04.07.1996 07/04/1996$" "$T/dates.txt" ||
    fail "date formats: $(grep 10248 "$T/dates.txt")"
# A month stands for its first day, or its last as --to.
k -d "$T/co" report trial-balance --from 1996-02 --to 1996-02 >"$T/tb.txt" ||
    fail "trial balance of a month"
grep -q "Date from 1996-02-01, Date to 1996-02-29" "$T/tb.txt" ||
    fail "a month as dates: $(sed -n 2p "$T/tb.txt")"
# Parameters that would print an empty report looking like an answer.
refused "Order date from 1998-01-01 lies after Order date to 1997-01-01" \
    report orders --from 1998-01-01 --to 1997-01-01
refused "customer ZZZZZ does not exist" report orders --customer ZZZZZ
refused "account 9999 does not exist" \
    report account-statement --account 9999
echo "PASS: report parameters are listed, checked and refused"
