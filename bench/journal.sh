#!/bin/sh
#
# journal.sh: the ledger benchmark.  For a made-up journal of COUNT
# transactions (bench/gen-journal.sh), and one of COUNT/10, it times side
# by side in one run: `ledger bal` and `hledger bal` reading the file,
# `kontor import journal` posting it into a new company, and then
# kontor's trial balance and `kontor ledger balances`, which read the
# balance table.  It checks that kontor's balances equal ledger's,
# account by account and commodity by commodity, and prints a table and
# the machine it ran on.
#
# Run by hand from the top of the built source tree, never by make check:
#
#	sh bench/journal.sh [COUNT]
#
# COUNT defaults to 1000000.  SEED (default 1) picks the data; KONTOR
# names the program (default ./kontor); KEEP=1 keeps the temporary
# folder; TMPDIR says where it goes; RUNS (default 3) is how often the
# reading steps (ledger, hledger, the trial balance, the balances) run,
# of which the median wall time is shown.  NO_HLEDGER=1 leaves hledger
# out.  A failed step is shown with its message; the script then exits 1.

count=${1:-1000000}
seed=${SEED:-1}
runs=${RUNS:-3}
bench=$(cd "$(dirname "$0")" && pwd)
kontor=${KONTOR:-$bench/../kontor}
normalise=$bench/../tests/tools/balances.awk

case $count,$runs in
*[!0-9,]* | ,* | *, | *,0)
	echo "usage: [RUNS=n] sh bench/journal.sh [COUNT]" >&2
	exit 2
	;;
esac
for tool in /usr/bin/time ledger; do
	if ! command -v "$tool" >/dev/null; then
		echo "journal.sh: needs $tool (Debian: apt-get install" \
		    "$(basename "$tool"))" >&2
		exit 1
	fi
done
if [ "${NO_HLEDGER:-0}" != 1 ] && ! command -v hledger >/dev/null; then
	echo "journal.sh: needs hledger (apt-get install hledger)," \
	    "or NO_HLEDGER=1" >&2
	exit 1
fi
if [ ! -x "$kontor" ]; then
	echo "journal.sh: no program at $kontor (build it, or set KONTOR)" >&2
	exit 1
fi
case $(date +%N) in
*[!0-9]*)
	echo "journal.sh: needs a date(1) that knows %N (GNU)" >&2
	exit 1
	;;
esac

work=$(mktemp -d "${TMPDIR:-/tmp}/kontor-journal.XXXXXX") || exit 1
if [ "${KEEP:-0}" = 1 ]; then
	echo "journal.sh: keeping $work"
else
	trap 'rm -rf "$work"' EXIT
	trap 'exit 130' INT TERM
fi
# A copy, so that a rebuild during the run cannot change the program;
# its reports are still the tree's.
cp "$kontor" "$work/kontor" || exit 1
KONTOR_SHARE=${KONTOR_SHARE:-$(cd "$(dirname "$kontor")" && pwd)}
export KONTOR_SHARE
kontor=$work/kontor
results=$work/results
failed=0

now()
{
	date +%s%N
}

# Runs command once under GNU time: wall seconds (from the nanosecond
# clock), user and system seconds and peak RSS in MiB on stdout; the
# command's output in $work/out, its errors in $work/err.  Returns its
# exit status.
timed()
{
	start=$(now)
	/usr/bin/time -f '%U %S %M' -o "$work/time.out" "$@" \
	    >"$work/out" 2>"$work/err"
	rc=$?
	end=$(now)
	awk -v ns=$((end - start)) '{
		printf "%.3f %.2f %.2f %.1f\n", ns / 1e9, $1, $2, $3 / 1024
	}' "$work/time.out"
	return $rc
}

# step NAME TIMES command...: runs command TIMES times and adds a row
# with the median wall time and the largest RSS.
step()
{
	name=$1
	times=$2
	shift 2
	: >"$work/runs"
	i=0
	while [ "$i" -lt "$times" ]; do
		if ! timed "$@" >>"$work/runs"; then
			echo "journal.sh: $name of $count failed:" >&2
			cat "$work/err" >&2
			return 1
		fi
		i=$((i + 1))
	done
	sort -n "$work/runs" | awk -v n="$size" -v name="$name" \
	    -v tx="$size" '
	{ wall[NR] = $1; user[NR] = $2; sys[NR] = $3
	  if ($4 > rss) rss = $4 }
	END {
		m = int((NR + 1) / 2)
		rate = wall[m] > 0 ? sprintf("%.0f", tx / wall[m]) : "-"
		printf "| %9s | %-22s | %9.3f | %7.2f | %6.2f | %8.1f |" \
		    " %9s |\n", n, name, wall[m], user[m], sys[m], rss, rate
	}' >>"$results"
}

# Balances in the form tests/tools/balances.awk gives.
balances()
{
	awk -f "$normalise" | LC_ALL=C sort
}

one_size()
{
	journal=$work/journal-$size
	dir=$work/company-$size

	start=$(now)
	sh "$bench/gen-journal.sh" "$journal" "$size" "$seed" || return 1
	echo "generated $size transactions in" \
	    "$(( ($(now) - start) / 1000000 )) ms," \
	    "$(du -sk "$journal" | cut -f1) KiB"

	step "ledger bal" "$runs" ledger -f "$journal" bal || return 1
	if [ "${NO_HLEDGER:-0}" != 1 ]; then
		step "hledger bal" "$runs" hledger -f "$journal" bal ||
		    return 1
	fi

	"$kontor" -d "$dir" init >/dev/null || return 1
	step "kontor import journal" 1 \
	    "$kontor" -d "$dir" import journal "$journal" || return 1
	cat "$work/out"
	step "kontor trial balance" "$runs" \
	    "$kontor" -d "$dir" report trial-balance -o "$work/tb" || return 1
	step "kontor ledger balances" "$runs" \
	    "$kontor" -d "$dir" ledger balances || return 1
	balances <"$work/out" >"$work/kontor.bal"
	ledger -f "$journal" bal --flat --no-total | balances \
	    >"$work/ledger.bal"
	if cmp -s "$work/kontor.bal" "$work/ledger.bal"; then
		echo "balances: kontor's $(wc -l <"$work/kontor.bal") equal" \
		    "ledger's"
	else
		echo "journal.sh: kontor's balances differ from ledger's:" >&2
		diff "$work/ledger.bal" "$work/kontor.bal" | head -n 20 >&2
		return 1
	fi
	echo "company: $(du -sk "$dir" | cut -f1) KiB"
	rm -rf "$journal" "$dir"
}

for size in $((count / 10)) "$count"; do
	[ "$size" -ge 1 ] || continue
	one_size || failed=1
done

echo
echo "kontor ledger benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')," \
    "seed $seed, median of $runs runs for reading steps"
echo
echo "| entries   | step                   | wall s    | user s  |" \
    "sys s  | RSS MiB  | per s     |"
echo "|----------:|------------------------|----------:|--------:|" \
    "------:|---------:|----------:|" | tr -d ' '
cat "$results"
echo
echo "Machine: $(nproc) CPUs" \
    "($(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | sed 1q))," \
    "$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' \
    /proc/meminfo) of memory, $(uname -sr)," \
    "$(df -T "$work" | awk 'NR == 2 { print $2 }') file system;" \
    "$(ledger --version | sed 1q), hledger $(hledger --version 2>/dev/null |
    awk '{ print $2 }' | tr -d ',')"
if git -C "$bench/.." rev-parse --short HEAD >/dev/null 2>&1; then
	changed=
	git -C "$bench/.." diff --quiet HEAD -- src 2>/dev/null ||
	    changed=" with uncommitted changes to src/"
	echo "Source: $(git -C "$bench/.." rev-parse --short HEAD)$changed"
fi
exit $failed
