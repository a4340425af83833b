#!/bin/sh
#
# reports.sh: the benchmark of the report engine.  It builds made-up
# companies of 10,000, 100,000 and LINES order lines (with
# gen-orders.sh, loaded as run.sh loads them), and for each runs
# bench/lines.rpt, a report of every order line, three ways: as pages,
# as CSV and as pages in GB18030.  Each report is set against the floor
# for a file of the same size: `cat FILE >/dev/null` (reading it) and
# `cat FILE >COPY` (reading and writing it).  It prints a table, whether
# memory stayed flat, and the machine it ran on.
#
# Run by hand from the top of the source tree, never by make check:
#
#	sh bench/reports.sh [LINES]
#
# LINES defaults to 1000000.  SEED (default 1) picks the data; KONTOR
# names the program (default ./kontor); KEEP=1 keeps the temporary
# folder; TMPDIR says where it goes; RUNS (default 3) is how many
# times each report and its floor run, of which the median is shown.
# A failed load or report is shown with its message and stops that
# company; the script then exits 1.
#
# Wall times come from the nanosecond clock around each command, since
# the small runs take less than the 10 ms that GNU time can show; user
# and system time and the peak resident set come from GNU time -v.  The
# heap is sampled apart, from /proc, in one more run of the pages.

lines=${1:-1000000}
seed=${SEED:-1}
runs=${RUNS:-3}
bench=$(cd "$(dirname "$0")" && pwd)
kontor=${KONTOR:-$bench/../kontor}
rpt=$bench/lines.rpt

case $lines,$runs in
*[!0-9,]* | ,* | *, | *,0)
	echo "usage: [RUNS=n] sh bench/reports.sh [LINES]" >&2
	exit 2
	;;
esac
if [ ! -x /usr/bin/time ]; then
	echo "reports.sh: needs GNU time as /usr/bin/time" \
	    "(Debian: apt-get install time)" >&2
	exit 1
fi
if [ ! -x "$kontor" ]; then
	echo "reports.sh: no program at $kontor (build it, or set KONTOR)" >&2
	exit 1
fi
case $(date +%N) in
*[!0-9]*)
	echo "reports.sh: needs a date(1) that knows %N (GNU)" >&2
	exit 1
	;;
esac

work=$(mktemp -d "${TMPDIR:-/tmp}/kontor-reports.XXXXXX") || exit 1
if [ "${KEEP:-0}" = 1 ]; then
	echo "reports.sh: keeping $work"
else
	trap 'rm -rf "$work"' EXIT
	trap 'exit 130' INT TERM
fi
results=$work/results
heap=$work/heap

# A copy of the program, so that a rebuild while the benchmark runs
# cannot change the program under it half-way.
built=$(date -u -r "$kontor" '+%Y-%m-%d %H:%M UTC')
cp "$kontor" "$work/kontor" || exit 1
kontor=$work/kontor
failed=0

# The same run time in every page header, so that the pages and the
# GB18030 pages of one company can be compared byte for byte.
SOURCE_DATE_EPOCH=1796256000
export SOURCE_DATE_EPOCH

# The clock in milliseconds, with three decimals.
now()
{
	date +%s%N
}

# Milliseconds from nanosecond stamps $1 to $2.
elapsed()
{
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f\n", (b - a) / 1e6 }'
}

# User and system seconds and peak RSS in MiB from `time -v` in $1.
measures()
{
	awk -F': ' '
	/User time/ { user = $2 }
	/System time/ { sys = $2 }
	/Maximum resident set size/ { rss = $2 / 1024 }
	END { printf "%.2f %.2f %.1f\n", user, sys, rss }
	' "$1"
}

# Milliseconds of wall time for one command, its output sent to $1.
clocked()
{
	to=$1
	shift
	t0=$(now)
	"$@" >"$to" || return 1
	t1=$(now)
	elapsed "$t0" "$t1"
}

# One try of a report and its floor: appends to $tries the report's
# wall ms, user and system seconds and peak RSS MiB, then the ms of
# `cat OUT >/dev/null` and of `cat OUT >COPY`.
try()
{
	rm -f "$out" "$work/copy"
	t0=$(now)
	/usr/bin/time -v -o "$work/time.out" \
	    "$kontor" -d "$dir" report "$rpt" -o "$out" "$@" \
	    >"$work/report.out" 2>"$work/report.err"
	rc=$?
	t1=$(now)
	if [ "$rc" -ne 0 ]; then
		echo "reports.sh: $format report of $size lines failed" \
		    "(exit $rc): $kontor -d $dir report $rpt -o $out $*" >&2
		cat "$work/report.err" >&2
		return 1
	fi
	ms=$(elapsed "$t0" "$t1")
	read_ms=$(clocked /dev/null cat "$out") || return 1
	copy_ms=$(clocked "$work/copy" cat "$out") || return 1
	rm -f "$work/copy"
	echo "$ms $(measures "$work/time.out") $read_ms $copy_ms" >>"$tries"
}

# Runs one report $runs times with its floor: report FORMAT OUT
# [options...].  Appends a row of medians (the largest RSS) to the
# results; on failure prints kontor's message and returns 1.
report()
{
	format=$1
	out=$2
	shift 2
	tries=$work/tries
	: >"$tries"
	i=0
	while [ "$i" -lt "$runs" ]; do
		if ! try "$@"; then
			echo "| $size | $format | FAILED |" >>"$results"
			return 1
		fi
		i=$((i + 1))
	done
	bytes=$(wc -c <"$out")

	for column in 1 2 3 4 5 6; do
		sort -n -k "$column,$column" "$tries" |
		    awk -v c="$column" -v n="$runs" '
		NR == int((n + 1) / 2) { m = $c }
		{ if ($c > top) top = $c }
		END { print (c == 4) ? top : m }'
	done | tr '\n' ' ' >"$work/medians"
	set -- $(cat "$work/medians")
	awk -v size="$size" -v format="$format" -v bytes="$bytes" \
	    -v ms="$1" -v user="$2" -v sys="$3" -v rss="$4" \
	    -v rd="$5" -v cp="$6" '
	BEGIN {
		printf "| %9s | %-7s | %9.1f | %8.3f | %6.2f | %5.2f |" \
		    " %7.3f | %7.3f | %6.0f | %7.1f |\n", size, format,
		    bytes / 1048576, ms / 1000, user, sys, rd / 1000,
		    cp / 1000, (cp > 0) ? ms / cp : 0, rss
	}' >>"$results"
	return 0
}

# Runs the pages once more in the background and samples, every 10 ms,
# the process's anonymous memory (its own heap and stack, not the
# database cache mapped from files).  Prints the largest in KiB.
sample()
{
	"$kontor" -d "$dir" report "$rpt" -o "$work/sampled.txt" &
	pid=$!
	peak=0
	while [ -r "/proc/$pid/status" ]; do
		while read -r key value unit; do
			case $key in
			RssAnon:)
				[ "$value" -gt "$peak" ] && peak=$value
				;;
			esac
		done <"/proc/$pid/status" 2>/dev/null
		sleep 0.01
	done
	wait "$pid"
	echo "$peak"
}

# One company of $size order lines, from generation to reports.
company()
{
	csv=$work/csv-$size
	dir=$work/company-$size

	t0=$(now)
	sh "$bench/gen-orders.sh" "$csv" "$size" "$seed" || return 1
	"$kontor" -d "$dir" init || return 1
	for table in customers items orders order_lines; do
		if ! "$kontor" -d "$dir" load "$table" "$csv/$table.csv" \
		    >"$work/load.out" 2>"$work/load.err"; then
			echo "reports.sh: load $table of $size lines" \
			    "failed:" >&2
			cat "$work/load.err" >&2
			return 1
		fi
	done
	rm -rf "$csv"
	t1=$(now)
	echo "built the company of $size lines in" \
	    "$(elapsed "$t0" "$t1" | awk '{ printf "%.1f", $1 / 1000 }') s"

	report pages "$work/pages-$size.txt" || return 1
	report csv "$work/lines-$size.csv" --csv || return 1
	report GB18030 "$work/gb-$size.txt" --encoding GB18030 || return 1
	echo "$size: $(grep 'Grand total' "$work/pages-$size.txt" |
	    tr -s ' '), $(grep -c "$(printf '\f')" \
	    "$work/pages-$size.txt") form feeds," \
	    "$(($(wc -l <"$work/lines-$size.csv") - 1)) CSV rows"
	cmp -s "$work/pages-$size.txt" "$work/gb-$size.txt" ||
	    echo "$size: the GB18030 pages differ from the pages"

	echo "$size $(sample)" >>"$heap"
	rm -f "$work/pages-$size.txt" "$work/lines-$size.csv" \
	    "$work/gb-$size.txt" "$work/sampled.txt"
	rm -rf "$dir"
}

for size in $(printf '%s\n' 10000 100000 "$lines" | sort -n -u); do
	[ "$size" -ge 1 ] || continue
	company || failed=1
done

echo
echo "kontor report benchmark (bench/lines.rpt)," \
    "$(date -u '+%Y-%m-%d %H:%M UTC'), seed $seed"
echo
printf '%s%s\n' "| lines     | output  | out MiB   | report s |" \
    " user s | sys s | read s  | cat s   | ratio  | RSS MiB |"
printf '%s%s\n' "|----------:|---------|----------:|---------:|" \
    "-------:|------:|--------:|--------:|-------:|--------:|"
cat "$results"
echo
echo "Medians of $runs runs (RSS: the largest).  read s: cat OUT" \
    ">/dev/null; cat s: cat OUT >COPY; ratio: report s / cat s."

if [ -s "$heap" ]; then
	echo
	echo "| lines     | heap KiB |"
	echo "|----------:|---------:|"
	awk '{ printf "| %9s | %8s |\n", $1, $2 }' "$heap"
	awk -F'|' '$3 ~ /pages|csv|GB18030/ { print $2, $11 }' \
	    "$results" | awk -v heap="$heap" '
	NR == 1 { small = $1 }
	{ rss[$1] = ($2 > rss[$1]) ? $2 : rss[$1]; big = $1 }
	END {
		while ((getline line < heap) > 0) {
			split(line, f, " ")
			anon[f[1]] = f[2]
		}
		if (big == small)
			exit
		printf "\nMemory from %d to %d lines: peak RSS %.1f -> %.1f" \
		    " MiB, heap %d -> %d KiB: ", small, big, rss[small],
		    rss[big], anon[small], anon[big]
		if (anon[big] <= 2 * anon[small] + 1024)
			print "the heap stays flat."
		else
			print "the heap GROWS with the rows."
	}'
fi

echo
echo "Machine: $(nproc) CPUs" \
    "($(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | sed 1q))," \
    "$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' \
    /proc/meminfo) of memory, $(uname -sr)," \
    "$(df -T "$work" | awk 'NR == 2 { print $2 }') file system"
if git -C "$bench/.." rev-parse --short HEAD >/dev/null 2>&1; then
	changed=
	git -C "$bench/.." diff --quiet HEAD -- src 2>/dev/null ||
	    changed=" with uncommitted changes to src/"
	echo "Source: $(git -C "$bench/.." rev-parse --short HEAD)$changed;" \
	    "program built $built"
fi
exit $failed
