#!/bin/sh
# kontor report --print hands the finished pages to lp with a fixed
# argument list.  A stand-in lp on PATH records what it was given; the
# real CUPS test belongs to the report engine's own work.
. "$TESTS_LIB"

demo "$T/co"
mkdir "$T/bin"
cat >"$T/bin/lp" <<LP
#!/bin/sh
printf '%s\n' "\$@" >"$T/lp-args"
for last; do :; done
cp "\$last" "$T/printed"
LP
chmod +x "$T/bin/lp"

PATH="$T/bin:$PATH" k -d "$T/co" report customers --print office ||
    fail "report --print"
# 132 columns: 17 characters to the inch, 8 lines, one page a sheet.
printf '%s\n' -s -d office -n 1 -o cpi=17 -o lpi=8 -t "Customer list" -- \
    >"$T/want"
head -n 12 "$T/lp-args" | cmp - "$T/want" || fail "lp args: $(cat "$T/lp-args")"
# 91 customers on 132-column pages of 66 lines: 2 pages, 1 form feed.
[ "$(tr -cd '\f' <"$T/printed" | wc -c)" = 1 ] || fail "not 2 pages"
grep -q "Page 2 of 2$" "$T/printed" || fail "no page 2 of 2"
[ "$(awk 'BEGIN { RS = "\f" } NR == 1 { print split($0, l, "\n") - 1 }' \
    "$T/printed")" = 66 ] || fail "page 1 is not 66 lines"
# The spool file is removed once lp has it.
[ "$(tail -n 1 "$T/lp-args")" != "" ] && [ ! -e "$(tail -n 1 "$T/lp-args")" ] ||
    fail "the spool file $(tail -n 1 "$T/lp-args") was left behind"

# Copies go to lp as -n.
PATH="$T/bin:$PATH" k -d "$T/co" report customers --print office \
    --copies 3 || fail "report --print --copies"
sed -n 5p "$T/lp-args" | grep -qx 3 || fail "copies: $(cat "$T/lp-args")"

# An lp that fails is reported, not ignored.
printf '#!/bin/sh\nexit 3\n' >"$T/bin/lp"
expect_fail "$T/err" env PATH="$T/bin:$PATH" "$KONTOR" -d "$T/co" report \
    customers --print office
grep -q "lp could not queue the report on office (exit status 3)" \
    "$T/err" || fail "lp failure: $(cat "$T/err")"
echo "PASS: --print hands the pages to lp"
