#!/bin/sh
#
# gen-journal.sh: writes a made-up plain-text journal for the ledger
# benchmark, in the syntax that kontor, ledger and hledger all read.  The
# same COUNT and SEED always give the same file, byte for byte, whichever
# awk runs it: the random numbers come from our own generator.
#
#	sh bench/gen-journal.sh FILE [COUNT [SEED]]
#
# COUNT (default 1000000) transactions over ten years from 2015-01-01,
# in date order, on some 300 accounts: sales to 200 customers and their
# payments, bills from 50 suppliers and their payments, expenses paid
# from the bank, the cash box or a card, and one transaction in twenty
# in euros at a cost in dollars.  Two, three or four postings each, the
# last one's amount left out in half of them.  It is not test data for
# the rules (tests/shell/journal-oracle.sh has those).

if [ $# -lt 1 ] || [ $# -gt 3 ]; then
	echo "usage: sh gen-journal.sh FILE [COUNT [SEED]]" >&2
	exit 2
fi
file=$1
count=${2:-1000000}
seed=${3:-1}
case $count$seed in
'' | *[!0-9]*)
	echo "gen-journal.sh: COUNT and SEED are whole numbers" >&2
	exit 2
	;;
esac

exec ${AWK:-awk} -v count="$count" -v seed="$seed" '
# A linear congruential generator modulo 2^32.  Every product stays
# below 2^53, so it is exact in any awk; a draw takes the high bits.
function draw(n)
{
	state = (69069 * state + 1) % 4294967296
	return int(state / 4294967296 * n)
}

function money(cents,    sign)
{
	sign = cents < 0 ? "-" : ""
	if (cents < 0)
		cents = -cents
	return sprintf("%s%d.%02d", sign, int(cents / 100), cents % 100)
}

# Moves the calendar on to day number day (0 is 2015-01-01).
function date_of(day)
{
	while (today < day) {
		today++
		if (++mday > mlen[mon] + (mon == 2 && year % 4 == 0 &&
		    (year % 100 != 0 || year % 400 == 0))) {
			mday = 1
			if (++mon > 12) {
				mon = 1
				year++
			}
		}
	}
	return sprintf("%04d-%02d-%02d", year, mon, mday)
}

# One posting line; an empty amount leaves it out.
function post(account, amount)
{
	if (amount == "")
		printf "    %s\n", account
	else
		printf "    %-40s  %s\n", account, amount
}

# The amount of the balancing posting: left out, or written.
function rest(cents)
{
	return draw(2) ? "" : "$" money(cents)
}

BEGIN {
	state = seed % 4294967296
	split("31 28 31 30 31 30 31 31 30 31 30 31", mlen, " ")
	split("Rent Power Water Phone Internet Postage Stationery " \
	    "Cleaning Repairs Insurance Travel Meals Fuel Parking Freight " \
	    "Advertising Software Hardware Training Books Legal Audit " \
	    "Bank Fees Interest Wages Pensions Health Gifts Donations " \
	    "Subscriptions Licences Rates Security Canteen Uniforms " \
	    "Samples Packing Storage Hire Consulting", expense, " ")
	nexpense = 40
	split("North South East West Central Export Online Trade " \
	    "Retail Service", region, " ")
	split("Assets:Bank:Checking Assets:Cash Liabilities:Card", paid, " ")
	ndays = 3653
	year = 2015; mon = 1; mday = 1; today = 0

	print "; A made-up journal from kontor bench/gen-journal.sh."
	print "commodity $1,000.00"
	print "commodity EUR 1,000.00"
	print "account Assets:Bank:Checking"
	print ""
	print "2015-01-01 * Opening balances"
	post("Assets:Bank:Checking", "$250000.00")
	post("Assets:Cash", "$2000.00")
	post("Equity:Opening", "")

	for (i = 1; i <= count; i++) {
		d = date_of(int((i - 1) * ndays / count))
		k = draw(20)
		c = 100 + draw(500000)
		printf "\n%s %s(%d) ", d, draw(4) ? "* " : "", i
		if (k < 6) {
			who = sprintf("C%03d", draw(200) + 1)
			printf "Invoice to customer %s\n", who
			tax = int(c / 10)
			post("Assets:Receivable:" who, "$" money(c + tax))
			post("Income:Sales:" region[draw(10) + 1], \
			    "$" money(-c))
			post("Liabilities:Tax", rest(-tax))
		} else if (k < 10) {
			who = sprintf("C%03d", draw(200) + 1)
			printf "Payment from customer %s\n", who
			post("Assets:Bank:Checking", "$" money(c))
			post("Assets:Receivable:" who, rest(-c))
		} else if (k < 13) {
			who = sprintf("S%02d", draw(50) + 1)
			printf "Bill from supplier %s\n", who
			post("Expenses:Purchases", "$" money(c))
			post("Assets:Tax", "$" money(int(c / 10)))
			post("Liabilities:Payable:" who, \
			    rest(-c - int(c / 10)))
		} else if (k < 15) {
			who = sprintf("S%02d", draw(50) + 1)
			printf "Payment to supplier %s\n", who
			post("Liabilities:Payable:" who, "$" money(c))
			post("Assets:Bank:Checking", rest(-c))
		} else if (k < 19) {
			printf "Expense\n"
			e = expense[draw(nexpense) + 1]
			post("Expenses:" e, "$" money(1 + c % 20000))
			if (draw(3) == 0)
				post("Expenses:" expense[draw(nexpense) + 1], \
				    "$" money(1 + c % 5000))
			post(paid[draw(3) + 1], "")
		} else {
			# The bank gives what the euros cost in whole cents.
			printf "Sale in euros\n"
			rate = 10500 + draw(3000)
			post("Assets:Bank:Euro", sprintf("%s EUR @@ $%s", \
			    money(c), money(int(c * rate / 10000))))
			post("Income:Sales:Export", "")
		}
	}
}' >"$file"
