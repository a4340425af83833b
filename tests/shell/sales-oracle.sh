#!/bin/sh
# Sales by customer against an independent oracle: sqlite3 sums the same
# Northwind CSV files with the same rounding rule (each line to the cent,
# half away from zero), in integers, customer by customer.
. "$TESTS_LIB"
command -v sqlite3 >/dev/null || { echo "SKIP: no sqlite3"; exit 77; }

demo "$T/co"
k -d "$T/co" report sales-by-customer -o "$T/report.txt" ||
    fail "report sales-by-customer"

# Customer code and amount of each report line, commas dropped.
awk '/^[A-Z][A-Z][A-Z][A-Z][A-Z] / { gsub(",", "", $NF); print $1, $NF }' \
    "$T/report.txt" | sort >"$T/kontor.txt"

# In sqlite: price in cents x quantity x (10000 - discount in 1/10000),
# over 10000, rounded half away from zero with integer division (the
# values are positive), then summed per customer.
cat >"$T/oracle.sql" <<SQL
.mode csv
.import $KONTOR_SHARE/data/northwind/orders.csv orders
.import $KONTOR_SHARE/data/northwind/order-details.csv lines
.mode list
.separator " "
WITH l AS (
  SELECT o.customerID AS customer,
    CAST(round(CAST(d.unitPrice AS REAL) * 100) AS INTEGER)
      * CAST(d.quantity AS INTEGER)
      * (10000 - CAST(round(CAST(d.discount AS REAL) * 10000) AS INTEGER))
      AS exact
  FROM lines d JOIN orders o ON o.orderID = d.orderID)
SELECT customer, printf('%d.%02d', SUM((exact + 5000) / 10000) / 100,
    SUM((exact + 5000) / 10000) % 100)
FROM l GROUP BY customer ORDER BY customer;
SQL
sqlite3 <"$T/oracle.sql" | sort >"$T/oracle.txt"

[ "$(wc -l <"$T/oracle.txt")" -eq 89 ] || fail "sqlite3 gave no 89 customers"
diff "$T/oracle.txt" "$T/kontor.txt" || fail "per-customer totals differ"

# The known answer for the whole company (shared/data/README.md).
grep -q "^Grand total  *1,265,793.29$" "$T/report.txt" ||
    fail "grand total is not 1,265,793.29"
echo "PASS: sales by customer equals sqlite3 for all 89 customers"
