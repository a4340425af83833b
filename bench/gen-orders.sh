#!/bin/sh
#
# gen-orders.sh: writes the CSV files of a made-up trading company for
# the benchmark, sized by its number of order lines.  The same LINES and
# SEED always give the same files, byte for byte, whichever awk runs it:
# the random numbers come from our own generator, not from awk's rand().
#
# It writes only what a benchmark of orders needs (customers, items,
# orders, order lines); the column headers are kontor's field names, so
# `kontor load` needs no --map.  It is not test data for the rules.
#
#	sh bench/gen-orders.sh DIR [LINES [SEED]]
#
# LINES defaults to 1000000 and SEED to 1.  There are LINES/5 orders
# (at least one) of 1 to 9 lines each, over ten years from 2015-01-01,
# 2000 customers and 500 items.

if [ $# -lt 1 ] || [ $# -gt 3 ]; then
	echo "usage: sh gen-orders.sh DIR [LINES [SEED]]" >&2
	exit 2
fi
dir=$1
lines=${2:-1000000}
seed=${3:-1}
case $lines$seed in
*[!0-9]*)
	echo "gen-orders.sh: LINES and SEED are whole numbers" >&2
	exit 2
	;;
esac
if [ "$lines" -lt 1 ]; then
	echo "gen-orders.sh: LINES must be at least 1" >&2
	exit 2
fi
mkdir -p "$dir" || exit 1

exec ${AWK:-awk} -v dir="$dir" -v lines="$lines" -v seed="$seed" '
# A linear congruential generator modulo 2^32.  Every product stays
# below 2^53, so it is exact in any awk; a draw takes the high bits.
function draw(n)
{
	state = (69069 * state + 1) % 4294967296
	return int(state / 4294967296 * n)
}

function money(cents)
{
	return sprintf("%d.%02d", int(cents / 100), cents % 100)
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

# Discounts as a clerk gives them: mostly none, some round rates, a
# few with four decimals.
function discount(  d)
{
	d = draw(100)
	if (d < 60) return "0"
	if (d < 70) return "0.05"
	if (d < 78) return "0.1"
	if (d < 85) return "0.15"
	if (d < 91) return "0.2"
	if (d < 97) return "0.25"
	if (d < 99) return "0.125"
	return "0.0375"
}

BEGIN {
	state = seed % 4294967296
	ncustomers = 2000
	nitems = 500
	norders = int(lines / 5)
	if (norders < 1)
		norders = 1
	ndays = 3653

	split("Alpine Baltic Cedar Delta Elbe Fjord Granite Harbour " \
	    "Iris Juniper Kestrel Linden Meridian Nordic Orchard Pioneer " \
	    "Quarry Riverside Summit Tundra", first, " ")
	split("Traders Foods Imports Supplies Markets Provisions Stores " \
	    "Wholesale Grocers Delicatessen", second, " ")
	split("Germany France UK USA Brazil Spain Italy Sweden Canada " \
	    "Mexico Austria Belgium Denmark Finland Ireland Norway " \
	    "Poland Portugal Switzerland Venezuela", country, " ")
	split("Tea Coffee Cheese Sauce Syrup Chocolate Biscuits Pasta " \
	    "Anchovies Olives Crab Pickles Spice Honey Ale", product, " ")
	split("31 28 31 30 31 30 31 31 30 31 30 31", mlen, " ")

	f = dir "/customers.csv"
	print "code,name,city,country" > f
	for (i = 1; i <= ncustomers; i++)
		printf "C%05d,%s %s %d,City %d,%s\n", i,
		    first[draw(20) + 1], second[draw(10) + 1], i,
		    draw(400) + 1, country[draw(20) + 1] > f
	close(f)

	f = dir "/items.csv"
	print "code,name,price" > f
	for (i = 1; i <= nitems; i++) {
		price[i] = 100 + draw(30000)
		printf "I%04d,%s no. %d,%s\n", i, product[draw(15) + 1], i,
		    money(price[i]) > f
	}
	close(f)

	# Lines per order come in pairs, 5+d and 5-d, so that norders
	# orders hold 5 x norders lines; the last order takes the rest.
	fo = dir "/orders.csv"
	fl = dir "/order_lines.csv"
	print "number,customer,order_date" > fo
	print "order,line,item,quantity,price,discount" > fl
	year = 2015; mon = 1; mday = 1; today = 0
	left = lines
	for (o = 1; o <= norders; o++) {
		if (o == norders)
			n = left
		else if (o % 2 == 1) {
			d = draw(5)
			n = 5 + d
		} else
			n = 5 - d
		left -= n
		printf "%d,C%05d,%s\n", o, draw(ncustomers) + 1,
		    date_of(int((o - 1) * ndays / norders)) > fo
		for (k = 1; k <= n; k++) {
			i = draw(nitems) + 1
			printf "%d,%d,I%04d,%d,%s,%s\n", o, k, i,
			    draw(120) + 1, money(price[i]), discount() > fl
		}
	}
	close(fo)
	close(fl)
}'
