#!/bin/sh
#
# run.sh: the load and report benchmark.  It builds two made-up
# companies in a temporary folder, one of LINES order lines and one of
# LINES/10, and for each times `kontor load` of customers, items, orders
# and order lines, then the sales-by-customer report, with GNU time for
# wall time and peak memory.  It prints a table, the company's size on
# disk and the machine it ran on.
#
# Run by hand from the top of the source tree, never by make check:
#
#	sh bench/run.sh [LINES]
#
# LINES defaults to 1000000.  SEED (default 1) picks the data; KONTOR
# names the program (default ./kontor); KEEP=1 keeps the temporary
# folder; TMPDIR says where it goes.  A failed load is shown with its
# message and stops that company; the script then exits 1.

lines=${1:-1000000}
seed=${SEED:-1}
bench=$(cd "$(dirname "$0")" && pwd)
kontor=${KONTOR:-$bench/../kontor}

case $lines in
'' | *[!0-9]*)
	echo "usage: sh bench/run.sh [LINES]" >&2
	exit 2
	;;
esac
if [ ! -x /usr/bin/time ]; then
	echo "run.sh: needs GNU time as /usr/bin/time" \
	    "(Debian: apt-get install time)" >&2
	exit 1
fi
if [ ! -x "$kontor" ]; then
	echo "run.sh: no program at $kontor (build it, or set KONTOR)" >&2
	exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/kontor-bench.XXXXXX") || exit 1
if [ "${KEEP:-0}" = 1 ]; then
	echo "run.sh: keeping $work"
else
	trap 'rm -rf "$work"' EXIT
	trap 'exit 130' INT TERM
fi
results=$work/results
failed=0

# Seconds of wall time, user and system CPU, CPU share, and peak
# resident memory in MiB, from the report of `time -v` in $1.
measures()
{
	awk -F': ' '
	/Elapsed \(wall clock\)/ {
		n = split($2, p, ":")
		wall = p[n] + 60 * p[n - 1] + (n > 2 ? 3600 * p[1] : 0)
	}
	/User time/ { user = $2 }
	/System time/ { sys = $2 }
	/Percent of CPU/ { cpu = $2 }
	/Maximum resident set size/ { rss = $2 / 1024 }
	END { printf "%.2f %.2f %.2f %s %.1f\n", wall, user, sys, cpu, rss }
	' "$1"
}

# Runs one timed step: step NAME RECORDS command...  Appends a row to
# the results; on failure prints the program's message and returns 1.
step()
{
	name=$1
	records=$2
	shift 2
	/usr/bin/time -v -o "$work/time.out" "$@" \
	    >"$work/step.out" 2>"$work/step.err"
	rc=$?
	set -- $(measures "$work/time.out")
	awk -v size="$size" -v name="$name" -v n="$records" -v wall="$1" \
	    -v user="$2" -v sys="$3" -v cpu="$4" -v rss="$5" -v rc="$rc" '
	BEGIN {
		rate = wall > 0 ? sprintf("%.0f", n / wall) : "-"
		printf "| %9s | %-16s | %9s | %7.2f | %7.2f | %6.2f |" \
		    " %4s | %8.1f | %9s |%s\n", size, name, n, wall, user,
		    sys, cpu, rss, rate, rc == 0 ? "" : " FAILED"
	}' >>"$results"
	if [ "$rc" -ne 0 ]; then
		echo "run.sh: $name of $size lines failed (exit $rc):" >&2
		cat "$work/step.err" >&2
		return 1
	fi
	return 0
}

# Sizes in KiB of a company's files: tables and indices, the log, and
# the database environment's shared regions.
disk()
{
	du -sk "$1" | awk '{ printf "%d", $1 }'
	printf ' '
	du -ck "$1"/*.db | awk 'END { printf "%d", $1 }'
	printf ' '
	du -ck "$1"/log.* 2>/dev/null | awk 'END { printf "%d", $1 + 0 }'
	printf ' '
	du -ck "$1"/__db.* 2>/dev/null | awk 'END { printf "%d\n", $1 + 0 }'
}

# One company of $size order lines, from generation to report.
company()
{
	csv=$work/csv-$size
	dir=$work/company-$size

	/usr/bin/time -f '%e' -o "$work/time.out" \
	    sh "$bench/gen-orders.sh" "$csv" "$size" "$seed" || return 1
	echo "generated $size lines in $(cat "$work/time.out") s" \
	    "($(du -sk "$csv" | cut -f1) KiB of CSV)"

	"$kontor" -d "$dir" init || return 1
	for table in customers items orders order_lines; do
		n=$(($(wc -l <"$csv/$table.csv") - 1))
		step "load $table" "$n" \
		    "$kontor" -d "$dir" load "$table" "$csv/$table.csv" ||
		    return 1
		echo "loaded $n $table"
	done

	disk "$dir" | awk -v size="$size" '{
		printf "| %9s | %7.1f | %7.1f | %7.1f | %7.1f |\n", size,
		    $1 / 1024, $2 / 1024, $3 / 1024, $4 / 1024
	}' >>"$work/disk"

	step "report" "$size" "$kontor" -d "$dir" report sales-by-customer \
	    -o "$work/report-$size.txt" || return 1
	echo "report: $(wc -l <"$work/report-$size.txt") lines," \
	    "$(grep 'Grand total' "$work/report-$size.txt" | tr -s ' ')"
	rm -rf "$csv"
}

for size in $((lines / 10)) "$lines"; do
	[ "$size" -ge 1 ] || continue
	company || failed=1
done

echo
echo "kontor benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), seed $seed"
echo
printf '%s%s\n' "| lines     | step             | records   | wall s " \
    " | user s  | sys s  | CPU  | RSS MiB  | records/s |"
printf '%s%s\n' "|----------:|------------------|----------:|--------:" \
    "|--------:|-------:|-----:|---------:|----------:|"
cat "$results"
if [ -f "$work/disk" ]; then
	echo
	echo "| lines     | all MiB | tables and indices MiB | log MiB" \
	    "| environment MiB |"
	echo "|----------:|--------:|--------:|--------:|--------:|"
	cat "$work/disk"
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
	echo "Source: $(git -C "$bench/.." rev-parse --short HEAD)$changed"
fi
exit $failed
