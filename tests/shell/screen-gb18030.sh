#!/bin/sh
# A clerk whose terminal and locale are GB18030 types a Chinese customer
# name; a clerk on a UTF-8 terminal then sees it, and the company holds it
# in UTF-8.  luit stands between the GB18030 program and tmux, which
# speaks UTF-8, as a GB18030 terminal would.  The name has no character
# outside the Basic Multilingual Plane: luit garbles GB18030's four-byte
# sequences (such as 𠮷) on their way in, so this rig cannot test them;
# the GB18030 file load (encoding.sh) covers 𠮷.
. "$TESTS_LIB"
. "${TESTS_LIB%lib.sh}screen.sh"

command -v luit >/dev/null || { echo "SKIP: no luit"; exit 77; }
locale -a | grep -qi '^zh_CN.gb18030$' ||
    { echo "SKIP: no zh_CN.GB18030 locale (localedef -i zh_CN -f GB18030 zh_CN.GB18030)"; exit 77; }

demo "$T/co"
tmux -L "$TMUX_SOCKET" -f /dev/null new-session -d -s gb -x 80 -y 24 \
    "env TERM=screen LANG=zh_CN.GB18030 LC_ALL=zh_CN.GB18030 luit -encoding GB18030 -- '$KONTOR' -d '$T/co'; sleep 600"
tmux -L "$TMUX_SOCKET" set-option -g status off >/dev/null
tm_wait gb "Main menu"
tm_keys gb 4
tm_wait gb "Customer contact"
tm_type gb "BJ01"
tm_keys gb Tab
tm_type gb "北京吉祥贸易（集团）有限公司"
tm_keys gb Tab
tm_type gb "王小明"
tm_keys gb Tab Tab Tab
tm_type gb "北京"
tm_keys gb Tab
tm_wait gb "Company name  北京吉祥贸易（集团）有限公司"
tm_keys gb F5
tm_wait gb "customer BJ01 saved"

k -d "$T/co" dump | grep -q "^code=BJ01	name=北京吉祥贸易（集团）有限公司	contact=王小明	city=北京	" ||
    fail "stored: $(k -d "$T/co" dump | grep '^code=BJ01')"

# The UTF-8 clerk opens it: the name and its alignment by display cells.
tm_start u 80 24 LANG=C.UTF-8 LC_ALL=C.UTF-8
tm_keys u 4
tm_wait u "Customer contact"
tm_type u BJ01
tm_keys u Tab
tm_wait u "Company name  北京吉祥贸易（集团）有限公司"
tm_wait u "^  City          北京 +Postal code"
# Postal code starts in the same cell as on a Latin line: after "北京"
# (4 cells) come the same blanks as after four Latin letters.
[ "$(tm_screen u | grep '^  City' | "$CELLCOL" 'Postal code')" = 40 ] ||
    fail "Postal code is not in cell 40: $(tm_screen u | grep '^  City')"
echo "PASS: Chinese typed in a GB18030 session, seen in a UTF-8 one"
