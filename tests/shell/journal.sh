#!/bin/sh
# Plain-text journals: hledger's sample journal and a generated one,
# imported, agree account by account with what ledger(1) and hledger(1)
# compute from the same files; an exported journal imports into a new
# company with the same trial balance and reads the same in ledger; each
# thing kontor cannot hold is refused with FILE:LINE and nothing stored;
# an import killed halfway leaves the company as it was.
. "$TESTS_LIB"
command -v ledger >/dev/null || { echo "SKIP: no ledger (apt-get install ledger)"; exit 77; }
command -v hledger >/dev/null || { echo "SKIP: no hledger (apt-get install hledger)"; exit 77; }

# company DIR: a new company whose currency is USD.
company() {
	k -d "$1" init || fail "init $1"
	printf 'name,value\ncurrency,USD\n' >"$T/settings.csv"
	k -d "$1" load settings "$T/settings.csv" >/dev/null || fail "settings"
}

# The oracles: each account's balance as "ACCOUNT AMOUNT", sorted.
ledger_bal() {
	ledger -f "$1" --flat --no-total \
	    --balance-format '%(account) %(quantity(scrub(display_amount)))\n' \
	    bal | awk '{ a = $NF; $NF = ""; sub(/ $/, ""); printf "%s %.2f\n", $0, a }' |
	    sort
}
# hledger reads no comment lines that begin with % or |, as ledger does.
hledger_bal() {
	grep -v '^[%|]' "$1" | hledger -f - bal --flat --no-total -O csv |
	    awk -F'","' 'NR > 1 {
		sub(/^"/, "", $1); sub(/"$/, "", $2); gsub(/[^0-9.-]/, "", $2)
		printf "%s %.2f\n", $1, $2
	    }' | sort
}
# kontor's closing balances of the accounts that take postings (a
# parent's line, the sum of its sub-accounts, is left out as --flat
# leaves it out).
balances() {
	k -d "$1" report trial-balance --csv | tr -d '\r' |
	    awk -F, 'NR > 1 && $7 != "0.00" { code[NR] = $1; bal[NR] = $7 }
	    END {
		for (i in code) {
			leaf = 1
			for (j in code)
				if (j != i && index(code[j], code[i] ":") == 1)
					leaf = 0
			if (leaf)
				print code[i], bal[i]
		}
	    }' | sort
}

# (a) hledger's sample journal.
sample="$KONTOR_TEST_DATA/hledger-sample.journal"
company "$T/a"
k -d "$T/a" import journal "$sample" >"$T/out" || fail "import: $(cat "$T/out")"
grep -q "5 entries posted" "$T/out" || fail "sample: $(cat "$T/out")"
balances "$T/a" >"$T/got"
ledger_bal "$sample" >"$T/want"
[ "$(wc -l <"$T/want")" -eq 7 ] || fail "ledger gave $(wc -l <"$T/want") accounts"
diff "$T/want" "$T/got" || fail "sample: kontor differs from ledger"
hledger_bal "$sample" >"$T/want"
diff "$T/want" "$T/got" || fail "sample: kontor differs from hledger"
k -d "$T/a" check >/dev/null || fail "check after the sample"

# (b) A generated journal: elided amounts, codes, comments of each kind,
# tags, status marks, auxiliary dates, three date styles, thousands
# commas, the symbol before or after the minus, and balance assertions
# on the cash account worked out as it goes.
awk 'BEGIN {
	srand(11)
	print "; generated for kontor'"'"'s journal test"
	print "# a hash comment"
	print "% a percent comment"
	print "| a bar comment"
	print "* an org heading"
	print "commodity $"
	print "account Assets:Bank:Checking  ; type: A"
	print "account Equity:Opening"
	print ""
	print "2024-01-01 * Opening balances"
	print "    Assets:Bank:Checking    $10,000.00"
	print "    Assets:Cash    $500.00"
	print "    Equity:Opening"
	cash = 50000
	split("Expenses:Food Expenses:Rent Expenses:Office:Paper Expenses:Travel", ex, " ")
	split("Income:Salary Income:Consulting", inc, " ")
	for (i = 1; i <= 400; i++) {
		day = 1 + int((i - 1) / 2)
		m = 1 + int((day - 1) / 28); d = 1 + (day - 1) % 28
		sep = i % 3 == 0 ? "/" : (i % 3 == 1 ? "-" : ".")
		date = sprintf("2024%s%02d%s%02d", sep, m, sep, d)
		if (i % 7 == 0)
			date = date "=" sprintf("2024-%02d-%02d", m, d)
		mark = i % 4 == 0 ? "* " : (i % 4 == 1 ? "! " : "")
		code = i % 5 == 0 ? "" : sprintf("(%d) ", 1000 + i)
		n = int(rand() * 250000) + 1
		amt = sprintf("%d.%02d", n / 100, n % 100)
		if (n >= 100000)
			amt = sprintf("%d,%03d.%02d", n / 100000, (n / 100) % 1000, n % 100)
		printf "\n%s %s%sTransaction %d  ; note: tag%d\n", date, mark, code, i, i
		if (i % 10 == 0)
			print "    ; a comment on the transaction, with a tag:value"
		if (i % 3 == 0) {
			printf "    %s    $%s  ; memo %d\n", inc[1 + i % 2], "-" amt, i
			if (i % 2)
				print "    Assets:Bank:Checking"
			else {
				printf "    Assets:Cash    $%s\n", amt
				cash += n
			}
		} else if (i % 3 == 1) {
			printf "    %s    $%s\n", ex[1 + i % 4], amt
			if (i % 2) {
				printf "    Assets:Cash    -$%s\n", amt
				cash -= n
			} else
				print "    Liabilities:Card"
		} else {
			printf "    %s    %s\n", "Liabilities:Card", "$ " amt
			printf "    Assets:Bank:Checking    $ -%s", amt
			print ""
		}
		if (i % 25 == 0) {
			printf "\n%s Cash count\n", date
			c = cash < 0 ? -cash : cash
			printf "    Assets:Cash    $0 = $%s%d.%02d\n", cash < 0 ? "-" : "", \
			    c / 100, c % 100
			print "    Equity:Opening    $0"
		}
	}
}' >"$T/gen.journal"
company "$T/b"
k -d "$T/b" import journal "$T/gen.journal" >"$T/out" ||
    fail "import generated: $(cat "$T/out")"
grep -q "401 entries posted" "$T/out" || fail "generated: $(cat "$T/out")"
balances "$T/b" >"$T/got"
ledger_bal "$T/gen.journal" >"$T/want"
[ "$(wc -l <"$T/want")" -ge 9 ] || fail "ledger gave too few accounts"
diff "$T/want" "$T/got" || fail "generated: kontor differs from ledger"
hledger_bal "$T/gen.journal" >"$T/want"
diff "$T/want" "$T/got" || fail "generated: kontor differs from hledger"
k -d "$T/b" check >/dev/null || fail "check after the generated journal"

# A transaction of nothing but zeros, its last amount left out, posts
# nothing and makes up no commodity: the dollars that follow are still
# the currency of a company that had none, and its trial balance shows
# them.
k -d "$T/z" init >/dev/null
printf '2025-01-01 nothing\n    Expenses:Fees  $0.00\n    Assets:Bank\n' \
    >"$T/zero.journal"
printf '\n2025-01-02 fee\n    Expenses:Fees  $10.00\n    Assets:Bank\n' \
    >>"$T/zero.journal"
k -d "$T/z" import journal "$T/zero.journal" >"$T/out" ||
    fail "import zeros: $(cat "$T/out")"
grep -q '1 entry posted; amounts in "\$" are in the company' "$T/out" ||
    fail "zeros: $(cat "$T/out")"
k -d "$T/z" report trial-balance --csv | tr -d '\r' >"$T/tb"
grep -q '^Expenses:Fees,.*,10\.00$' "$T/tb" || fail "zeros: $(cat "$T/tb")"

# (c) Round trip: exported, imported into a new company, the same trial
# balance; and ledger reads the export as kontor does.
k -d "$T/b" export journal -o "$T/out.journal" || fail "export"
grep -q '^    Assets:Cash  -[0-9]*\.[0-9][0-9] USD' "$T/out.journal" ||
    fail "export: $(head "$T/out.journal")"
company "$T/c"
k -d "$T/c" import journal "$T/out.journal" >"$T/out" ||
    fail "import the export: $(cat "$T/out")"
k -d "$T/b" report trial-balance --csv >"$T/tb.b"
k -d "$T/c" report trial-balance --csv >"$T/tb.c"
diff "$T/tb.b" "$T/tb.c" || fail "the round trip changed the trial balance"
ledger_bal "$T/out.journal" >"$T/want"
balances "$T/b" >"$T/got"
diff "$T/want" "$T/got" || fail "ledger reads the export differently"
hledger_bal "$T/out.journal" >"$T/want"
diff "$T/want" "$T/got" || fail "hledger reads the export differently"

# A later journal adds a sub-account beside one that holds postings: a
# parent with postings only under it may take a new sub-account.
printf '2024-12-31 to savings\n    Assets:Bank:Savings  $100.00\n' \
    >"$T/second.journal"
printf '    Assets:Bank:Checking\n' >>"$T/second.journal"
k -d "$T/b" import journal "$T/second.journal" >"$T/out" ||
    fail "a second journal: $(cat "$T/out")"
k -d "$T/b" report trial-balance --csv | tr -d '\r' |
    grep -q '^Assets:Bank:Savings,.*,100\.00$' ||
    fail "Assets:Bank:Savings is not 100.00"

# (d) Refusals, each with FILE:LINE, and the company left as it was.
# Every file starts with a good transaction, which must not be stored.
refuse() {	# NAME LINE MESSAGE, the journal on standard input
	{
		printf '2024-02-01 good\n    Assets:Cash  $1.00\n'
		printf '    Income:Gifts\n\n'
		cat
	} >"$T/$1.journal"
	k -d "$T/a" dump >"$T/before"
	expect_fail "$T/err" k -d "$T/a" import journal "$T/$1.journal"
	grep -qF "$T/$1.journal:$2: $3" "$T/err" ||
	    fail "$1: $(cat "$T/err")"
	k -d "$T/a" dump >"$T/after"
	cmp -s "$T/before" "$T/after" || fail "$1: the company changed"
}
refuse assertion 6 'balance assertion failed: account Assets:Cash should be $7.00 here, but is $6.00' <<'EOF'
2024-02-02 counted
    Assets:Cash  $5 = $7
    Income:Gifts
EOF
refuse sole 10 'balance assertion failed: account Assets:Cash should hold only $1.00 here, but also holds 10.00 EUR' <<'EOF'
2024-02-02 euros
    Assets:Cash  10 EUR
    Income:Gifts  -10 EUR

2024-02-03 counted, dollars alone
    Assets:Cash  $0 == $1.00
    Income:Gifts  $0
EOF
refuse postdate 6 'a posting date in a comment ([DATE] or date:) is not supported' <<'EOF'
2024-02-02 cleared later
    Assets:Cash  $5  ; [2024-02-10]
    Income:Gifts
EOF
refuse postdate-tag 7 'a posting date in a comment ([DATE] or date:) is not supported' <<'EOF'
2024-02-02 cleared later
    Assets:Cash  $5
    ; date:2024-02-10
    Income:Gifts
EOF
printf 'code,name_en,type,normal,blocked\nAssets:Frozen,Frozen,asset,D,1\n' \
    >"$T/frozen.csv"
k -d "$T/a" load accounts "$T/frozen.csv" >/dev/null || fail "load frozen"
refuse blocked-virtual 5 'account Assets:Frozen is blocked and takes no postings' <<'EOF'
2024-02-02 a memo posting on a blocked account
    Assets:Cash  $5
    Income:Gifts
    (Assets:Frozen)  $50
EOF
refuse elided 7 'a second posting without an amount (the first is on line 6)' <<'EOF'
2024-02-02 two blanks
    Assets:Cash
    Income:Gifts
EOF
refuse unbalanced 5 'the transaction does not balance: its postings add up to $0.01, not zero' <<'EOF'
2024-02-02 off by a cent
    Assets:Cash  $10.00
    Income:Gifts  $-9.99
EOF
refuse decimals 6 '$1.005: the company'"'"'s currency takes at most 2 decimals' <<'EOF'
2024-02-02 fractions
    Assets:Cash  $1.005
    Income:Gifts
EOF
refuse automated 5 'an automated transaction is read only as = /REGEX/ on account names; other expressions are not supported yet' <<'EOF'
= expr account =~ /Food/
    (Budget:Food)  -1
EOF
refuse ownprice 6 'a price in the amount'"'"'s own commodity' <<'EOF'
2024-02-02 odd
    Assets:Cash  $5 @ $1
    Income:Gifts
EOF
refuse lot 6 'a lot price, date or note is not supported yet' <<'EOF'
2024-02-02 lots
    Assets:Shares  10 AAPL {$30}
    Assets:Cash
EOF
refuse unbalanced-virtual 6 'an unbalanced virtual posting needs an amount' <<'EOF'
2024-02-02 memo
    (Budget:Food)
    Assets:Cash  $1
    Income:Gifts
EOF
refuse include 5 'the include directive is not supported yet' <<'EOF'
include other.journal
EOF
refuse directive 5 'the directive "alias" is not supported yet' <<'EOF'
alias food=Expenses:Food
EOF
refuse type 6 'account Stuff:Things: cannot tell its type from its name' <<'EOF'
2024-02-02 what is it
    Stuff:Things  $1
    Assets:Cash
EOF
refuse parent 6 'account Assets:Bank takes a posting here but also has the sub-account Assets:Bank:Checking (line 10)' <<'EOF'
2024-02-02 to the bank
    Assets:Bank  $1
    Assets:Cash

2024-02-03 to checking
    Assets:Bank:Checking  $1
    Assets:Cash
EOF
refuse date 5 'not a date: "2024-02-30" (YYYY-MM-DD, YYYY/MM/DD or YYYY.MM.DD)' <<'EOF'
2024-02-30 no such day
    Assets:Cash  $1
    Income:Gifts
EOF
k -d "$T/a" check >/dev/null || fail "check after the refusals"

# (e) An import of 200,000 transactions killed with SIGKILL in the middle
# of its one transaction: the company opens, checks clean, and holds
# what it held before.
awk 'BEGIN {
	print "commodity $"
	for (i = 1; i <= 200000; i++) {
		printf "2024-%02d-%02d (%d) Sale %d\n", 1 + i % 12, 1 + i % 28, i, i
		printf "    Assets:Bank:Checking  $%d.%02d\n", 1 + i % 997, i % 100
		print "    Income:Salary\n"
	}
}' >"$T/big.journal"
k -d "$T/a" report trial-balance --csv >"$T/tb.before"
before=$(count "$T/a" journals)
start=$(cat "$T/a"/log.* 2>/dev/null | wc -c)
"$KONTOR" -d "$T/a" import journal "$T/big.journal" >/dev/null 2>&1 &
pid=$!
grown() {
	[ "$(cat "$T/a"/log.* 2>/dev/null | wc -c)" -gt $((start + 4000000)) ] ||
	    ! kill -0 $pid 2>/dev/null
}
wait_for 180 grown || fail "the import wrote nothing in 180 seconds"
kill -KILL $pid 2>/dev/null || fail "the import ended before it was killed"
wait $pid 2>/dev/null || true
k -d "$T/a" check >"$T/out" 2>&1 || fail "check after the kill: $(cat "$T/out")"
[ "$(count "$T/a" journals)" = "$before" ] || fail "the killed import left entries"
k -d "$T/a" report trial-balance --csv >"$T/tb.after"
diff "$T/tb.before" "$T/tb.after" || fail "the killed import changed balances"
echo "PASS: journals agree with ledger and hledger, round trip, refusals, kill"
