#!/bin/sh
# Bad CSV input stops a load with FILE:LINE and what is wrong, and leaves
# the company exactly as it was: one load is one transaction.
. "$TESTS_LIB"

demo "$T/co"
k -d "$T/co" dump -o "$T/before.dump"

# try FILE EXPECTED [load options]: the load must fail with EXPECTED on
# stderr and change nothing.
try() {
	file=$1
	want=$2
	shift 2
	expect_fail "$T/err" k -d "$T/co" load customers "$file" "$@"
	grep -qF "$want" "$T/err" ||
	    fail "$file: expected \"$want\", got: $(cat "$T/err")"
	k -d "$T/co" dump -o "$T/after.dump"
	cmp -s "$T/before.dump" "$T/after.dump" ||
	    fail "$file: the company changed after a failed load"
}

# Every file starts with good rows, so that a partial load would show.
header='code,name,city,credit_limit'

printf '%s\nNEW01,First Ltd,Oslo,100.00\nNEW02,"Second, unclosed,Bergen,5\nNEW03,Third,Oslo,1\n' \
    "$header" >"$T/unclosed.csv"
try "$T/unclosed.csv" "$T/unclosed.csv:3: unclosed quote"

printf '%s\nNEW01,First Ltd,Oslo,100.00\nNEW02,Second Ltd,Bergen\n' \
    "$header" >"$T/columns.csv"
try "$T/columns.csv" "$T/columns.csv:3: 3 fields, but the header row has 4"

printf '%s\nNEW01,First Ltd,Oslo,100.00\nNEW02,Second Ltd,Bergen,12x.50\n' \
    "$header" >"$T/money.csv"
try "$T/money.csv" "$T/money.csv:3: credit_limit \"12x.50\": not a number"

printf '%s\nNEW01,First Ltd,Oslo,100.00\nNEW02,Second Ltd,Bergen,-5\n' \
    "$header" >"$T/negative.csv"
try "$T/negative.csv" "$T/negative.csv:3: customer: credit_limit -5.00 cannot be negative"
# The business rules hold for a load as for a clerk: no order line of
# less than nothing.
printf 'order,item,quantity,price\n10248,11,-2,14.00\n' >"$T/lines.csv"
expect_fail "$T/err" k -d "$T/co" load order_lines "$T/lines.csv"
grep -qF "$T/lines.csv:2: order line: quantity -2.000 must be more than 0" \
    "$T/err" || fail "negative quantity: $(cat "$T/err")"

printf '%s\nNEW01,First Ltd,Oslo,100.001\n' "$header" >"$T/decimals.csv"
try "$T/decimals.csv" "$T/decimals.csv:2: credit_limit \"100.001\": too many decimals"

# 0x81 0x20 is no GB18030 character; the bad bytes are on line 3.
printf '%s\nNEW01,First Ltd,Oslo,1\nNEW02,Bad \201 name,Xi an,1\n' \
    "$header" >"$T/gb.csv"
try "$T/gb.csv" "$T/gb.csv:3: bytes not valid in GB18030" --encoding GB18030

printf '%s\nNEW01,First Ltd,Oslo,1\nNEW02,Bad \377 name,Oslo,1\n' \
    "$header" >"$T/utf8.csv"
try "$T/utf8.csv" "$T/utf8.csv:3: bytes not valid in UTF-8"

# A customer that is there already, on line 3.
printf '%s\nNEW01,First Ltd,Oslo,1\nALFKI,Again,Berlin,1\n' \
    "$header" >"$T/dup.csv"
try "$T/dup.csv" "$T/dup.csv:3: customer ALFKI already exists"

printf '%s\nNEW01,First Ltd,Oslo,1\nNEW02,,Oslo,1\n' "$header" >"$T/req.csv"
try "$T/req.csv" "$T/req.csv:3: customer: name is required"

printf '%s\nNEW01,First Ltd,Oslo,1\nNEW02,Nul\000led,Oslo,1\n' "$header" \
    >"$T/nul.csv"
try "$T/nul.csv" "$T/nul.csv:3: a NUL byte inside a field"

printf 'code,name,name\nNEW01,First,Second\n' >"$T/twice.csv"
try "$T/twice.csv" "$T/twice.csv:1: column \"name\" appears twice"

printf 'code,name\nNEW01,First\n' >"$T/set.csv"
try "$T/set.csv" "$T/set.csv:1: code is given both by --set and by a column" \
    --set code=ZZZ

try "$T/set.csv" "$T/set.csv: unknown encoding \"NOPE-42\"" --encoding NOPE-42

printf 'code,name,colour\nNEW01,First,red\n' >"$T/col.csv"
try "$T/col.csv" "$T/col.csv:1: column \"colour\" is not a field of customers"

# The real Northwind suppliers file, whose line 8 has an unquoted comma,
# into a new company.
k -d "$T/new" init || fail "kontor init"
expect_fail "$T/err" k -d "$T/new" load suppliers \
    "$KONTOR_TEST_DATA/suppliers-unquoted-commas.csv" --null NULL \
    --map code=supplierID --map name=companyName
grep -qF "suppliers-unquoted-commas.csv:8: 13 fields, but the header row has 12" \
    "$T/err" || fail "unquoted comma: $(cat "$T/err")"
[ "$(count "$T/new" suppliers)" = 0 ] || fail "suppliers 1 to 7 were kept"

# An order line whose item does not exist.
printf 'order,item,quantity,price\n10248,11,1,1.00\n10248,999,1,1.00\n' \
    >"$T/lines.csv"
expect_fail "$T/err" k -d "$T/co" load order_lines "$T/lines.csv"
grep -qF "$T/lines.csv:3: order line: item 999 does not exist" "$T/err" ||
    fail "missing item: $(cat "$T/err")"

# A given amount must be the one the figures give.
printf 'order,item,quantity,price,amount\n10248,11,1,10.00,999.99\n' \
    >"$T/amount.csv"
expect_fail "$T/err" k -d "$T/co" load order_lines "$T/amount.csv"
grep -qF "$T/amount.csv:2: order line: amount 999.99 does not follow from quantity, price and discount (10.00)" \
    "$T/err" || fail "given amount: $(cat "$T/err")"

# An account type that is not one of the six.
printf 'code,name_en,type,normal\n9999,Test,NOPE,D\n' >"$T/acc.csv"
expect_fail "$T/err" k -d "$T/co" load accounts "$T/acc.csv"
grep -qF "$T/acc.csv:2: account: type \"NOPE\" is not one of asset, liability, equity, cost, revenue, expense" \
    "$T/err" || fail "account type: $(cat "$T/err")"

# Blank lines hold no records and are passed over.
printf 'code,name\n\nBLANK1,One\n\nBLANK2,Two\n\n' >"$T/blank.csv"
k -d "$T/new" load customers "$T/blank.csv" >/dev/null ||
    fail "blank lines stopped a load"
[ "$(count "$T/new" customers)" = 2 ] || fail "blank lines: not 2 customers"

k -d "$T/co" dump -o "$T/after.dump"
cmp -s "$T/before.dump" "$T/after.dump" || fail "the company changed"
k -d "$T/co" check >/dev/null || fail "kontor check after bad loads"
echo "PASS: bad input is refused with FILE:LINE and stores nothing"
