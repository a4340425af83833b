# balances.awk: a balance listing ("AMOUNT  ACCOUNT" lines, as ledger,
# hledger and `kontor ledger balances` print them; an amount alone on a
# line belongs to the next account) as "ACCOUNT|COMMODITY|NUMBER" lines,
# the number with six decimals and no thousands commas, zeros and totals
# left out.  Text only, no floating point.  Sort the output to compare.
# Used by tests/shell/journal-oracle.sh and bench/journal.sh.
function number(a,    n, i, f, neg) {
	gsub(/,/, "", a)
	if (!match(a, /-?[0-9][0-9.]*/))
		return ""
	n = substr(a, RSTART, RLENGTH)
	neg = substr(n, 1, 1) == "-"
	if (neg)
		n = substr(n, 2)
	i = n; f = ""
	if (index(n, ".")) {
		i = substr(n, 1, index(n, ".") - 1)
		f = substr(n, index(n, ".") + 1)
	}
	sub(/^0+/, "", i)
	while (length(f) < 6)
		f = f "0"
	if (i == "" && f == "000000")
		return "0"
	return (neg ? "-" : "") (i == "" ? "0" : i) "." f
}
function commodity(a) {
	gsub(/,/, "", a)
	match(a, /-?[0-9][0-9.]*/)
	a = substr(a, 1, RSTART - 1) substr(a, RSTART + RLENGTH)
	gsub(/^ +| +$/, "", a)
	sub(/^-/, "", a)
	gsub(/^ +| +$/, "", a)
	return a
}
function put(acct, a,    n) {
	n = number(a)
	if (n != "" && n != "0")
		print acct "|" commodity(a) "|" n
}
/^-+$/ { np = 0; next }
{
	s = $0
	sub(/^ +/, "", s)
	i = index(s, "  ")
	if (i == 0) {
		pend[np++] = s
		next
	}
	acct = substr(s, i)
	gsub(/^ +| +$/, "", acct)
	for (k = 0; k < np; k++)
		put(acct, pend[k])
	np = 0
	put(acct, substr(s, 1, i - 1))
}
