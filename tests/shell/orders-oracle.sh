#!/bin/sh
# The orders report against an independent oracle: sqlite3 reads the
# same Northwind CSV files and works out, for each customer, how many
# orders, their freight and their net (each order line's price x
# quantity less discount rounded to the cent, half away from zero, in
# integers), and the grand totals; the report's subtotals and totals
# must be those, for the whole range and for 1997.  The CSV rows of the
# same report must give each order's own freight and net.
. "$TESTS_LIB"
command -v sqlite3 >/dev/null || { echo "SKIP: no sqlite3"; exit 77; }

demo "$T/co"

# oracle FROM TO: "CODE ORDERS FREIGHT NET" for each customer with
# orders from FROM to TO, then "ALL ORDERS FREIGHT NET", amounts in
# cents written as units.cents.
oracle() {
	cat >"$T/oracle.sql" <<SQL
.mode csv
.import $KONTOR_SHARE/data/northwind/orders.csv orders
.import $KONTOR_SHARE/data/northwind/order-details.csv lines
.mode list
.separator " "
CREATE TEMP VIEW o AS
  SELECT orderID, customerID AS customer,
    CAST(round(CAST(freight AS REAL) * 100) AS INTEGER) AS freight
  FROM orders WHERE substr(orderDate, 1, 10) BETWEEN '$1' AND '$2';
CREATE TEMP VIEW net AS
  SELECT orderID, SUM((
    CAST(round(CAST(unitPrice AS REAL) * 100) AS INTEGER)
      * CAST(quantity AS INTEGER)
      * (10000 - CAST(round(CAST(discount AS REAL) * 10000) AS INTEGER))
    + 5000) / 10000) AS net
  FROM lines GROUP BY orderID;
CREATE TEMP VIEW t AS
  SELECT customer, freight, COALESCE(net, 0) AS net
  FROM o LEFT JOIN net USING (orderID);
SELECT customer, COUNT(*),
    printf('%d.%02d', SUM(freight) / 100, SUM(freight) % 100),
    printf('%d.%02d', SUM(net) / 100, SUM(net) % 100)
  FROM t GROUP BY customer ORDER BY customer;
SELECT 'ALL', COUNT(*),
    printf('%d.%02d', SUM(freight) / 100, SUM(freight) % 100),
    printf('%d.%02d', SUM(net) / 100, SUM(net) % 100)
  FROM t;
SQL
	sqlite3 <"$T/oracle.sql"
}

# totals FILE: the same lines read from the report's pages: each
# "Total CODE (ORDERS) NAME FREIGHT NET" and the "Grand total" line.
totals() {
	awk '$1 == "Total" && $3 ~ /^\([0-9]+\)$/ {
		n = $3; f = $(NF - 1); t = $NF
		gsub(/[(),]/, "", n); gsub(/,/, "", f); gsub(/,/, "", t)
		print $2, n, f, t }
	    $1 == "Grand" && $2 == "total" && NF == 5 {
		gsub(/[(),]/, ""); print "ALL", $3, $4, $5 }' "$1"
}

# check FROM TO WANT: the report from FROM to TO, with WANT orders in
# all, has the oracle's subtotals and totals.
check() {
	k -d "$T/co" report orders --from "$1" --to "$2" -o "$T/report.txt" ||
	    fail "kontor report orders --from $1 --to $2"
	oracle "$1" "$2" >"$T/oracle.txt"
	totals "$T/report.txt" >"$T/kontor.txt"
	grep -q "^ALL $3 " "$T/oracle.txt" ||
	    fail "sqlite3 does not find $3 orders from $1 to $2"
	[ "$(grep -c '^ALL ' "$T/kontor.txt")" = 1 ] ||
	    fail "$1 to $2: no single grand total line in the report"
	diff "$T/oracle.txt" "$T/kontor.txt" ||
	    fail "$1 to $2: the report's totals differ from sqlite3's"
}

check 1996-07-01 1998-12-31 830
grep -q "^ALL 830 64942.69 1265793.29$" "$T/kontor.txt" ||
    fail "whole range: not 830 orders, 64,942.69 and 1,265,793.29"
[ "$(wc -l <"$T/kontor.txt")" = 90 ] ||
    fail "whole range: not 89 customers and a grand total"
check 1997-01-01 1997-12-31 408

# Order by order, the CSV rows of the whole range.
k -d "$T/co" report orders --csv -o "$T/orders.csv" ||
    fail "kontor report orders --csv"
cat >"$T/rows.sql" <<SQL
.mode csv
.import $KONTOR_SHARE/data/northwind/orders.csv orders
.import $KONTOR_SHARE/data/northwind/order-details.csv lines
.import $T/orders.csv report
.mode list
.separator " "
CREATE TEMP VIEW net AS
  SELECT orderID, SUM((
    CAST(round(CAST(unitPrice AS REAL) * 100) AS INTEGER)
      * CAST(quantity AS INTEGER)
      * (10000 - CAST(round(CAST(discount AS REAL) * 10000) AS INTEGER))
    + 5000) / 10000) AS net
  FROM lines GROUP BY orderID;
SELECT COUNT(*) FROM report;
SELECT r."Order", r."Freight", o.freight, r."Net", n.net, r."Customer"
  FROM report r
  LEFT JOIN orders o ON o.orderID = r."Order"
  LEFT JOIN net n ON n.orderID = r."Order"
  WHERE o.orderID IS NULL
    OR r."Customer" != o.customerID
    OR CAST(replace(r."Freight", '.', '') AS INTEGER) !=
      CAST(round(CAST(o.freight AS REAL) * 100) AS INTEGER)
    OR CAST(replace(r."Net", '.', '') AS INTEGER) != n.net;
SQL
sqlite3 <"$T/rows.sql" >"$T/rows.txt"
[ "$(head -n 1 "$T/rows.txt")" = 830 ] ||
    fail "the CSV has $(head -n 1 "$T/rows.txt") orders, not 830"
[ "$(wc -l <"$T/rows.txt")" = 1 ] ||
    fail "CSV rows that differ from sqlite3 (order, freight, net):
$(tail -n +2 "$T/rows.txt")"
echo "PASS: the orders report's totals equal sqlite3's, in all and in 1997"
