#!/bin/sh
# The oracle suite for plain-text journals: each journal from ledger's own
# tests and hledger's sample, and generated journals of several sizes in
# several commodities, imported into a new company, give account by
# account and commodity by commodity the balances that `ledger bal --flat`
# and (where it reads the file) `hledger bal --flat` give.  The expected
# outputs written inside ledger's .test files are checked against ledger
# itself and, for the flat ones, against kontor.
. "$TESTS_LIB"
command -v ledger >/dev/null || { echo "SKIP: no ledger (apt-get install ledger)"; exit 77; }
command -v hledger >/dev/null || { echo "SKIP: no hledger (apt-get install hledger)"; exit 77; }

data=$KONTOR_TEST_DATA

# norm: a balance listing of ledger's or kontor's in a form to compare
# (see tests/tools/balances.awk), sorted.
norm() {
	awk -f "$KONTOR_SHARE/tests/tools/balances.awk" | LC_ALL=C sort
}

# hledger's CSV ("account","$1, 2 EUR") in the same form.
hnorm() {
	awk -F'","' 'NR > 1 {
		sub(/^"/, "", $1); sub(/"$/, "", $2)
		n = split($2, a, ", ")
		for (i = 1; i <= n; i++)
			printf "%*s  %s\n", 20, a[i], $1
	}' | norm
}

# The journal as ledger's and hledger's test blocks leave it.
strip_tests() {
	sed '/^test /,/^end test/d' "$1"
}

# import NAME FILE: a new company in $T/NAME with FILE imported; its
# balances normalised in $T/NAME.got.
import() {
	k -d "$T/$1" init >/dev/null || fail "init $1"
	k -d "$T/$1" import journal "$2" --type asset >"$T/out" 2>&1 ||
	    fail "import $2: $(cat "$T/out")"
	k -d "$T/$1" check >"$T/out" 2>&1 || fail "check $1: $(cat "$T/out")"
	k -d "$T/$1" ledger balances | norm >"$T/$1.got"
	[ -s "$T/$1.got" ] || fail "$1: no balances"
}

# against NAME FILE: kontor's balances equal ledger's, and hledger's
# where hledger reads the file.
against() {
	ledger -f "$2" bal --flat --no-total | norm >"$T/want"
	diff "$T/want" "$T/$1.got" >"$T/diff" ||
	    fail "$1: kontor differs from ledger: $(cat "$T/diff")"
	if strip_tests "$2" | hledger -f - ${3:-} bal --flat --no-total \
	    -O csv >"$T/h.csv" 2>/dev/null; then
		hnorm <"$T/h.csv" >"$T/want"
		diff "$T/want" "$T/$1.got" >"$T/diff" ||
		    fail "$1: kontor differs from hledger: $(cat "$T/diff")"
		hledgered=$((hledgered + 1))
	fi
}

# (a) The journals from ledger's and hledger's own sources.
hledgered=0
n=0
for f in "$data"/ledger/*.test "$data"/ledger/sample.dat \
    "$data"/hledger-sample.journal; do
	n=$((n + 1))
	import "j$n" "$f"
	against "j$n" "$f"
done
[ "$hledgered" -ge 4 ] || fail "hledger read only $hledgered journals"

# drewr3.dat posts to Assets:Checking and to Assets:Checking:Business;
# kontor posts only to accounts without sub-accounts, and says so.
k -d "$T/d" init >/dev/null
expect_fail "$T/err" k -d "$T/d" import journal "$data/ledger/drewr3.dat"
grep -qF "drewr3.dat:15: account Assets:Checking takes a posting here but also has the sub-account Assets:Checking:Business (line 69)" \
    "$T/err" || fail "drewr3: $(cat "$T/err")"
[ "$(count "$T/d" journals)" = 0 ] || fail "drewr3 left entries"
# The same journal with the business sales moved to a sibling account.
sed 's/Assets:Checking:Business/Assets:Business/' \
    "$data/ledger/drewr3.dat" >"$T/drewr3.dat"
import drewr3 "$T/drewr3.dat"
against drewr3 "$T/drewr3.dat"

# (b) The expected output in each test block of ledger's .test files:
# first ledger itself must print it (the oracle is sound; figures
# compared by value, as this ledger shows fewer decimals after
# --exchange than the version that wrote the test), then kontor, for the
# blocks that list every account by its full name.
for f in "$data"/ledger/*.test; do
	rm -f "$T"/blk.*
	awk -v d="$T" '
	/^test / { n++; print substr($0, 6) > (d "/blk." n ".cmd");
		printf "" > (d "/blk." n ".want"); inb = 1; next }
	/^end test/ { inb = 0; next }
	inb { print > (d "/blk." n ".want") }' "$f"
	for cmd in "$T"/blk.*.cmd; do
		want=${cmd%.cmd}.want
		args=$(cat "$cmd")
		# shellcheck disable=SC2086
		ledger -f "$f" --columns=80 $args >"$T/got" 2>&1 ||
		    fail "$f: ledger $args failed"
		if ! cmp -s "$want" "$T/got"; then
			norm <"$want" >"$T/w"
			norm <"$T/got" >"$T/g"
			cmp -s "$T/w" "$T/g" ||
			    fail "$f: ledger $args does not print the expected output"
		fi
		case "$(basename "$f") $args" in
		"1050.test bal" | "cmd-balance.test bal --flat")
			k -d "$T/x" init >/dev/null
			k -d "$T/x" import journal "$f" --type asset >/dev/null
			k -d "$T/x" ledger balances | norm >"$T/g"
			norm <"$want" >"$T/w"
			diff "$T/w" "$T/g" >"$T/diff" ||
			    fail "$f: kontor differs from: test $args: $(cat "$T/diff")"
			rm -rf "$T/x"
			compared=$((${compared:-0} + 1))
			;;
		esac
	done
done
[ "${compared:-0}" = 2 ] || fail "compared ${compared:-0} expected outputs"

# (c) Generated journals of several sizes: four commodities, prices per
# unit and in total, two-commodity exchanges with the price left to be
# worked out, an elided amount taking several commodities, balanced
# virtual postings, balance assertions worked out as it goes (kept in
# whole cents, so awk does no arithmetic on fractions).
gen() {
	awk -v n="$1" -v seed="$2" 'BEGIN {
		srand(seed)
		print "commodity $"
		print "account Assets:Bank"
		split("EUR GBP AAPL", com, " ")
		for (i = 1; i <= n; i++) {
			d = sprintf("2025-%02d-%02d", 1 + (i % 12), 1 + (i % 28))
			c = int(rand() * 100000) + 1
			cents = sprintf("%d.%02d", c / 100, c % 100)
			q = int(rand() * 50) + 1
			x = com[1 + i % 3]
			k = i % 6
			printf "\n%s * Transaction %d\n", d, i
			if (k == 0) {
				printf "    Assets:Broker  %d %s @ $%d.%02d\n", q, x, 1 + c % 90, c % 100
				print "    Assets:Bank"
			} else if (k == 1) {
				printf "    Assets:Broker  -%d %s @@ $%s\n", q, x, cents
				print "    Income:Trading"
			} else if (k == 2) {
				printf "    Assets:Foreign  %s %s\n", cents, x
				printf "    Assets:Bank  $-%d.%02d\n", c / 90, c % 100
			} else if (k == 3) {
				printf "    Expenses:Travel  %d.%02d EUR\n", q, c % 100
				printf "    Expenses:Food  $%s\n", cents
				print "    Liabilities:Card"
			} else if (k == 4) {
				printf "    [Assets:Budget:Food]  $%s\n", cents
				printf "    [Assets:Bank]  $-%s\n", cents
				printf "    Income:Salary  $-%s\n", cents
				printf "    Assets:Bank  $%s\n", cents
			} else {
				printf "    Expenses:Rent  $%s\n", cents
				print "    Assets:Cash"
				cash += c
				if (i % 50 == 5) {
					printf "\n%s Cash count\n", d
					printf "    Assets:Cash  $0 = $-%d.%02d\n", int(cash / 100), cash % 100
					print "    Equity:Opening  $0"
				}
			}
		}
	}'
}
for size in 200 3000; do
	gen "$size" "$size" >"$T/gen$size.journal"
	import "gen$size" "$T/gen$size.journal"
	against "gen$size" "$T/gen$size.journal"
	grep -c '|' "$T/gen$size.got" >"$T/lines"
	[ "$(cat "$T/lines")" -ge 12 ] || fail "gen$size: only $(cat "$T/lines") balances"
done

# (d) Round trip with several commodities: exported, imported into a
# new company, the same balances; ledger reads the export the same.
k -d "$T/gen3000" export journal -o "$T/out.journal" || fail "export"
import back "$T/out.journal"
diff "$T/gen3000.got" "$T/back.got" || fail "the round trip changed balances"
against back "$T/out.journal"
k -d "$T/gen3000" report trial-balance --csv >"$T/tb1"
k -d "$T/back" report trial-balance --csv >"$T/tb2"
diff "$T/tb1" "$T/tb2" || fail "the round trip changed the trial balance"
# (e) A parent's figure in the trial balance takes in its sub-accounts
# only: Assets:Bankfees begins with Assets:Bank but is not under it.
cat >"$T/fees.journal" <<'EOF'
2025-01-02 opening
    Assets:Bank:Checking  $100.00
    Assets:Bankfees  $7.00
    Equity:Opening
EOF
k -d "$T/fees" init >/dev/null
k -d "$T/fees" import journal "$T/fees.journal" >/dev/null || fail "fees import"
k -d "$T/fees" report trial-balance --csv | tr -d '\r' >"$T/tb"
grep -q '^Assets:Bank,.*,100\.00$' "$T/tb" || fail "Assets:Bank: $(grep '^Assets:Bank,' "$T/tb")"
grep -q '^Assets,.*,107\.00$' "$T/tb" || fail "Assets: $(grep '^Assets,' "$T/tb")"
echo "PASS: $n journals and generated ones agree with ledger and hledger"
