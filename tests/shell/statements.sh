#!/bin/sh
# The income statement, the balance sheet and the account statement on a
# small set of entries (capital, sales on credit to two customers'
# sub-accounts, a purchase, cost of sales, expenses, taxes, a fixed
# asset and its depreciation) over two years, checked against figures
# that awk works out from the posted CSV by itself: revenue, expense and
# net profit; total assets equal to liabilities and equity, before and
# after the year-end close; an account statement's opening balance is
# the balance before --from, and opening + debits - credits = closing.
. "$TESTS_LIB"

books "$T/co"
printf '%s\n' 'code,name_zh,name_en,type,normal' \
    '112201,应收账款-阿尔弗雷德,Receivable - Alfreds,asset,D' \
    '112202,应收账款-安娜,Receivable - Ana Trujillo,asset,D' \
    >"$T/customers.csv"
k -d "$T/co" load accounts "$T/customers.csv" >/dev/null ||
    fail "load the customers' sub-accounts"

cat >"$T/entries.csv" <<'END'
entry,date,reference,description,account,debit,credit,memo
1,2024-12-15,C1,Capital paid in,1002,100000.00,,
1,2024-12-15,C1,Capital paid in,4001,,100000.00,
2,2024-12-20,S1,Sale to Alfreds,112201,11300.00,,
2,2024-12-20,S1,Sale to Alfreds,6001,,10000.00,
2,2024-12-20,S1,Sale to Alfreds,22210102,,1300.00,output VAT
3,2025-01-10,S2,Sale to Alfreds,112201,5650.00,,
3,2025-01-10,S2,Sale to Alfreds,6001,,5000.00,
3,2025-01-10,S2,Sale to Alfreds,22210102,,650.00,output VAT
4,2025-02-05,R1,Receipt from Alfreds,1002,8000.00,,
4,2025-02-05,R1,Receipt from Alfreds,112201,,8000.00,
5,2025-02-15,P1,Goods bought,1405,3000.00,,
5,2025-02-15,P1,Goods bought,22210101,390.00,,input VAT
5,2025-02-15,P1,Goods bought,220201,,3390.00,
6,2025-03-01,K1,Cost of goods sold,6401,2500.00,,
6,2025-03-01,K1,Cost of goods sold,1405,,2500.00,
7,2025-03-10,S3,Cash sale,1001,2260.00,,
7,2025-03-10,S3,Cash sale,6051,,2000.00,
7,2025-03-10,S3,Cash sale,22210102,,260.00,output VAT
8,2025-03-12,S4,Sale to Alfreds,112201,1130.00,,
8,2025-03-12,S4,Sale to Alfreds,6001,,1000.00,
8,2025-03-12,S4,Sale to Alfreds,22210102,,130.00,output VAT
9,2025-03-15,S5,Sale to Ana Trujillo,112202,565.00,,
9,2025-03-15,S5,Sale to Ana Trujillo,6001,,500.00,
9,2025-03-15,S5,Sale to Ana Trujillo,22210102,,65.00,output VAT
10,2025-03-20,X1,Expenses,6601,300.00,,
10,2025-03-20,X1,Expenses,6602,450.00,,
10,2025-03-20,X1,Expenses,6603,25.50,,
10,2025-03-20,X1,Expenses,1002,,775.50,
11,2025-03-25,T1,City tax,6403,80.00,,
11,2025-03-25,T1,City tax,222104,,80.00,
12,2025-04-02,N1,Fine received,1001,100.00,,
12,2025-04-02,N1,Fine received,6301,,100.00,
13,2025-04-03,N2,Donation,6711,40.00,,
13,2025-04-03,N2,Donation,1001,,40.00,
14,2025-05-31,F1,Machine bought,1601,6000.00,,
14,2025-05-31,F1,Machine bought,1002,,6000.00,
15,2025-05-31,F2,Depreciation,6602,120.00,,
15,2025-05-31,F2,Depreciation,1602,,120.00,
16,2025-06-30,I1,Income tax,6801,900.00,,
16,2025-06-30,I1,Income tax,222103,,900.00,
17,2025-12-20,S6,Sale to Alfreds,112201,2260.00,,
17,2025-12-20,S6,Sale to Alfreds,6001,,2000.00,
17,2025-12-20,S6,Sale to Alfreds,22210102,,260.00,output VAT
END
k -d "$T/co" ledger post "$T/entries.csv" >/dev/null || fail "post"

# sums FROM TO WHAT: from the posted CSV, in cents, over dates FROM to
# TO (YYYY-MM-DD): revenue (6xxx credit accounts below 6401, credits
# less debits), expense (6401 and up, debits less credits), profit,
# assets (classes 1 and 5, debits less credits), liabilities (class 2)
# and equity (class 4 with the profit not yet closed, 6xxx), both
# credits less debits, or the balance of one account (acct=CODE).
sums() {
	awk -F, -v from="$1" -v to="$2" -v what="$3" -v acct="${4:-}" '
	function cents(s) { if (s == "") return 0; split(s, p, "."); \
	    return p[1] * 100 + p[2] }
	NR > 1 && $2 >= from && $2 <= to {
		net = cents($6) - cents($7)	# debit positive
		c = substr($5, 1, 1)
		if ($5 == acct) bal += net
		if (c == "6" && $5 < "6401") rev -= net
		if (c == "6" && $5 >= "6401" && $5 != "6901") cost += net
		if (c == "1" || c == "5") assets += net
		if (c == "2") liab -= net
		if (c == "4" || c == "6") equity -= net
	}
	END {
		v = what == "revenue" ? rev : what == "expense" ? cost : \
		    what == "profit" ? rev - cost : what == "assets" ? assets : \
		    what == "liabilities" ? liab : what == "equity" ? equity : \
		    bal
		printf "%.2f\n", v / 100
	}' "$T/entries.csv"
}

# line REPORT LABEL FIGURE ARGS...: the first, second or third figure of
# a statement's line, by its English label, from the CSV in English; no
# label holds a comma, so quotes are just taken out.
line() {
	rpt=$1 label=$2 col=$(($3 + 1))
	shift 3
	k -d "$T/co" report "$rpt" --csv --lang en "$@" | tr -d '\r"' |
	    awk -F, -v l="$label" -v c="$col" '$1 == l { print $c }'
}

# expect WHAT GOT WANT
expect() {
	[ "$2" = "$3" ] || fail "$1: got '$2', want '$3'"
}

# The income statement: the first quarter, and the year to date.
q1="--from 2025-01-01 --to 2025-03-31"
expect "Q1 revenue" "$(line income-statement Revenue 1 $q1)" \
    "$(sums 2025-01-01 2025-03-31 revenue)"
expect "Q1 net profit" "$(line income-statement 'Net profit' 1 $q1)" \
    "$(sums 2025-01-01 2025-03-31 profit)"
# The same months a year later show these as the year before.
expect "Q1 revenue a year later" \
    "$(line income-statement Revenue 3 --from 2026-01-01 --to 2026-03-31)" \
    "$(sums 2025-01-01 2025-03-31 revenue)"
statements() {
	year="--from 2025-04-01 --to 2025-12-31"
	expect "April to December net profit" \
	    "$(line income-statement 'Net profit' 1 $year)" \
	    "$(sums 2025-04-01 2025-12-31 profit)"
	expect "2025 net profit to date" \
	    "$(line income-statement 'Net profit' 2 $year)" \
	    "$(sums 2025-01-01 2025-12-31 profit)"
	expect "2025 cost of sales" \
	    "$(line income-statement '  Less: cost of sales' 2 $year)" \
	    2500.00

	# The balance sheet: the end of 2025 and its year's opening.
	at="--date 2025-12-31"
	assets=$(line balance-sheet 'Total assets' 1 $at)
	expect "total assets" "$assets" "$(sums 0 2025-12-31 assets)"
	expect "total liabilities and equity" \
	    "$(line balance-sheet "Total liabilities and equity" 1 $at)" \
	    "$assets"
	expect "liabilities" "$(line balance-sheet 'Total liabilities' 1 $at)" \
	    "$(sums 0 2025-12-31 liabilities)"
	expect "equity" "$(line balance-sheet "Total owners' equity" 1 $at)" \
	    "$(sums 0 2025-12-31 equity)"
	expect "assets at the start of 2025" \
	    "$(line balance-sheet 'Total assets' 2 $at)" \
	    "$(sums 0 2024-12-31 assets)"
	expect "liabilities and equity at the start of 2025" \
	    "$(line balance-sheet "Total liabilities and equity" 2 $at)" \
	    "$(sums 0 2024-12-31 assets)"
	expect "receivables" \
	    "$(line balance-sheet '  Accounts receivable' 1 $at)" \
	    "$(echo "$(sums 0 2025-12-31 x 112201) $(sums 0 2025-12-31 x 112202)" |
	    awk '{ printf "%.2f", $1 + $2 }')"
	expect "fixed assets, less depreciation" \
	    "$(line balance-sheet '  Fixed assets' 1 $at)" 5880.00

	# On the page, the Chinese form: liabilities and equity beside the
	# assets, the two totals on the last row, equal.
	k -d "$T/co" report balance-sheet $at >"$T/bs"
	grep -q '^流动资产： *| 流动负债：$' "$T/bs" ||
	    fail "the halves do not begin side by side: $(sed -n 8p "$T/bs")"
	awk -v want="$assets" '$1 == "资产总计" && $4 == "|" &&
	    $5 == "负债和所有者权益总计" && $2 == $6 && $3 == $7 {
		gsub(/,/, "", $2); ok = $2 == want }
	    END { exit !ok }' "$T/bs" ||
	    fail "the totals' row: $(grep 资产总计 "$T/bs")"
	[ "$(grep -c 资产总计 "$T/bs")" = 1 ] || fail "the totals are not on one row"
}
statements

# Before and after the year-end close the statements are the same: the
# income statement leaves the close out; the balance sheet's retained
# earnings held the unclosed profit, and now 4104 holds the profit of
# 2024 and 2025 (a credit: the trial balance is debit positive).  Years
# close in order: 2024 first.
k -d "$T/co" ledger close-year 2024 >/dev/null || fail "close-year 2024"
k -d "$T/co" ledger close-year 2025 >/dev/null || fail "close-year 2025"
statements
expect "4104 after the close" "$(k -d "$T/co" report trial-balance --csv \
    --from 2025-12-01 --to 2025-12-31 | tr -d '\r' |
    awk -F, '$1 == "4104" { print $7 }')" \
    "-$(sums 0 2025-12-31 profit)"
expect "retained earnings in 2026" \
    "$(line balance-sheet '  Retained earnings' 1 --date 2026-01-31)" \
    "$(sums 0 2025-12-31 profit)"

# The account statement: opening, postings, closing.  From the 10th of
# February, so the opening takes in the month's receipt on the 5th.
statement() {
	k -d "$T/co" report account-statement --csv "$@" | tr -d '\r'
}
statement --account 112201 --from 2025-02-10 --to 2025-12-31 >"$T/st"
awk -F, 'NR == 2 && $2 == "Opening balance" { print $9 }' "$T/st" >"$T/open"
expect "opening of 112201" "$(cat "$T/open")" \
    "$(sums 0 2025-02-09 x 112201)"
expect "closing of 112201" \
    "$(awk -F, '$2 == "Closing balance" { print $9 }' "$T/st")" \
    "$(sums 0 2025-12-31 x 112201)"
expect "opening + debits - credits = closing" \
    "$(awk -F, 'NR > 2 && $2 != "Closing balance" { s += ($7 - $8) * 100 }
    $2 == "Opening balance" { s += $9 * 100 }
    $2 == "Closing balance" { printf "%.2f %.2f", s / 100, $9 }' "$T/st")" \
    "$(sums 0 2025-12-31 x 112201) $(sums 0 2025-12-31 x 112201)"
expect "postings in the range" "$(grep -c ',Sale to Alfreds,' "$T/st")" 2
# Every line's running balance follows from the one above.
awk -F, 'NR > 1 { if (NR > 2 && $2 != "Closing balance" &&
    sprintf("%.2f", b + $7 - $8) != $9) exit 1; b = $9 }' "$T/st" ||
    fail "a running balance does not follow: $(cat "$T/st")"
# With no posting in the range, the balance still shows.
statement --account 112202 --from 2025-06-01 >"$T/st"
expect "112202 with nothing after June" \
    "$(awk -F, '{ print $2, $9 }' "$T/st" | sed 1d | tr '\n' ';')" \
    "Opening balance 565.00;Closing balance 565.00;"
# A parent's postings are its sub-accounts': it has no statement.
expect_fail "$T/err" k -d "$T/co" report account-statement --account 1122
grep -q "account 1122 has sub-accounts" "$T/err" ||
    fail "statement of a parent: $(cat "$T/err")"
# The general ledger opens each account the same way.
k -d "$T/co" report general-ledger --csv --from 2025-02-10 \
    --account 112201 | tr -d '\r' >"$T/gl"
expect "general ledger opening" \
    "$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "Balance") b = i }
	$2 == "Opening balance" { print $b }' "$T/gl")" \
    "$(sums 0 2025-02-09 x 112201)"

# A broken line names its file and line.
printf 'title "x"\nsource statement\ncolumn label "x" 10\nline a "a" "a" 1001 +\n' \
    >"$T/bad.rpt"
expect_fail "$T/err" k -d "$T/co" report "$T/bad.rpt"
grep -q "bad.rpt:4: a term must follow + or -" "$T/err" ||
    fail "broken line: $(cat "$T/err")"
printf 'title "x"\nsource statement\ncolumn closing "x" 10\nline a "a" "a" 1003\n' \
    >"$T/bad.rpt"
expect_fail "$T/err" k -d "$T/co" report "$T/bad.rpt"
grep -q "line a: there is no account 1003" "$T/err" ||
    fail "unknown account: $(cat "$T/err")"
echo "PASS: the statements agree with the entries, before and after the close"
