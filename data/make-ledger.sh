#!/bin/sh
#
# make-ledger.sh: writes ledger.csv, the demo company's journal entries
# from July 1996 to May 1998, as `kontor ledger post` reads them.  Run by
# hand from this folder when the Northwind files change; its output is
# kept beside it, and `kontor demo` posts it (demo.load).
#
#	sh make-ledger.sh >ledger.csv
#
# The sales and the freight come from the Northwind orders: each month's
# net sales (each order line rounded to the cent, half away from zero, as
# the sales-by-customer report rounds them) and the freight of the orders
# dated in it.  Everything else is made up in round figures, as a small
# trading company's books would have it:
#
#	opening, 1996-07-01	bank 200,000.00 and stock 50,000.00
#				against paid-in capital 250,000.00
#	each month, the 1st	rent 3,000.00 from the bank
#	the 10th		goods bought on account at 60% of the
#				month's net sales, with 10% input VAT
#	the 25th		wages of 10,800.00 (nine employees)
#	the last day		the month's sales on account with 10%
#				output VAT; their cost (the goods bought)
#				out of stock; the freight paid
#	next month, the 15th	the customers pay the month's invoices
#				and the month's VAT (output less input) is
#				paid to the tax office
#	next month, the 20th	the suppliers are paid
#
# Accounts are those of the Chinese standard chart (accounts/).  Needs
# sqlite3; integers only.

export LC_ALL=C
here=$(cd "$(dirname "$0")" && pwd)

# Cents per month, as integers: "YYYY-MM,net sales,freight".
months=$(sqlite3 <<SQL
.mode csv
.import $here/northwind/orders.csv orders
.import $here/northwind/order-details.csv lines
.mode list
.separator ,
WITH l AS (
  SELECT substr(o.orderDate, 1, 7) AS m,
    (CAST(round(CAST(d.unitPrice AS REAL) * 100) AS INTEGER)
      * CAST(d.quantity AS INTEGER)
      * (10000 - CAST(round(CAST(d.discount AS REAL) * 10000) AS INTEGER))
      + 5000) / 10000 AS cents
  FROM lines d JOIN orders o ON o.orderID = d.orderID),
s AS (SELECT m, SUM(cents) AS net FROM l GROUP BY m),
f AS (
  SELECT substr(orderDate, 1, 7) AS m,
    SUM(CAST(round(CAST(freight AS REAL) * 100) AS INTEGER)) AS freight
  FROM orders GROUP BY m)
SELECT s.m, s.net, f.freight FROM s JOIN f ON f.m = s.m ORDER BY s.m;
SQL
) || exit 1

echo "$months" | awk -F, '
function money(c) { return sprintf("%d.%02d", int(c / 100), c % 100) }
# A tenth, rounded half up (the figures are positive).
function tenth(c) { return int((c + 5) / 10) }
function last_day(m,    y, n) {
	y = substr(m, 1, 4) + 0; n = substr(m, 6, 2) + 0
	if (n == 2)
		return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28
	return (n == 4 || n == 6 || n == 9 || n == 11) ? 30 : 31
}
function next_month(m,    y, n) {
	y = substr(m, 1, 4) + 0; n = substr(m, 6, 2) + 0
	if (++n > 12) { n = 1; y++ }
	return sprintf("%04d-%02d", y, n)
}
# line(ENTRY, DATE, REFERENCE, DESCRIPTION, ACCOUNT, DEBIT, CREDIT)
function line(e, d, r, what, a, dr, cr) {
	printf "%s,%s,%s,%s,%s,%s,%s\n", e, d, r, what, a, \
	    dr == "" ? "" : money(dr), cr == "" ? "" : money(cr)
}
BEGIN {
	print "entry,date,reference,description,account,debit,credit"
	line("open", "1996-07-01", "OB", "Opening balances", "1002", 20000000)
	line("open", "1996-07-01", "OB", "Opening balances", "1405", 5000000)
	line("open", "1996-07-01", "OB", "Opening balances", "4001", "", \
	    25000000)
}
{
	m = $1; net = $2; freight = $3
	tax = tenth(net); cost = tenth(net * 6); input = tenth(cost)
	end = m "-" last_day(m)
	line("rent" m, m "-01", "R" m, "Rent " m, "6602", 300000)
	line("rent" m, m "-01", "R" m, "Rent " m, "1002", "", 300000)
	line("buy" m, m "-10", "P" m, "Goods bought " m, "1405", cost)
	line("buy" m, m "-10", "P" m, "Goods bought " m, "22210101", input)
	line("buy" m, m "-10", "P" m, "Goods bought " m, "220201", "", \
	    cost + input)
	line("wage" m, m "-25", "W" m, "Wages " m, "6602", 1080000)
	line("wage" m, m "-25", "W" m, "Wages " m, "1002", "", 1080000)
	line("sale" m, end, "S" m, "Sales " m, "1122", net + tax)
	line("sale" m, end, "S" m, "Sales " m, "6001", "", net)
	line("sale" m, end, "S" m, "Sales " m, "22210102", "", tax)
	line("cost" m, end, "C" m, "Cost of sales " m, "6401", cost)
	line("cost" m, end, "C" m, "Cost of sales " m, "1405", "", cost)
	line("frt" m, end, "F" m, "Freight " m, "6601", freight)
	line("frt" m, end, "F" m, "Freight " m, "1002", "", freight)
	if (m == "1998-05")
		next
	n = next_month(m)
	line("in" m, n "-15", "I" m, "Customers pay " m, "1002", net + tax)
	line("in" m, n "-15", "I" m, "Customers pay " m, "1122", "", \
	    net + tax)
	line("vat" m, n "-15", "V" m, "VAT paid " m, "22210103", tax - input)
	line("vat" m, n "-15", "V" m, "VAT paid " m, "1002", "", tax - input)
	line("out" m, n "-20", "O" m, "Suppliers paid " m, "220201", \
	    cost + input)
	line("out" m, n "-20", "O" m, "Suppliers paid " m, "1002", "", \
	    cost + input)
}'
