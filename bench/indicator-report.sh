#!/usr/bin/env bash
# Funder evidence at scale (issue 6): the demo on SQLite with N synthetic Birmingham SMEs, each
# given 10 support records in the Innovation Engine (the demo's ERDF project) by a support log
# that `tandem import support` records (a dry run, then the import), then the project's claim for
# its whole period with `tandem report indicators` as CSV and as XLSX, median of RUNS runs each.
# See bench/support_bench_data.py for the log (and the SME declarations it copies).
#
# Usage: bench/indicator-report.sh [ENTERPRISES] [RUNS]      (needs python3)
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-1000}"
runs="${2:-5}"
cargo build --release --quiet
bin=target/release/tandem
data="$(mktemp -d)"
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$data"' EXIT

# The demo, seeded by starting it once. About half the synthetic SMEs are in Birmingham.
smes=$(( 2 * n + n / 5 + 100 ))
: > "$data/seed.log"
"$bin" --data-dir "$data" demo --smes "$smes" --addr 127.0.0.1:18082 --jobs-interval-secs 0 > "$data/seed.log" 2>&1 &
pid=$!
until grep -q "listening on" "$data/seed.log"; do kill -0 "$pid" 2>/dev/null || { cat "$data/seed.log"; exit 1; }; sleep 0.05; done
kill "$pid"; wait "$pid" 2>/dev/null || true

read -r project from to < <(python3 bench/support_bench_data.py "$data/tandem.db" "$n" "$data/support.csv")
rows=$(( $(wc -l < "$data/support.csv") - 1 ))
echo "support log: $rows records for $n enterprises ($(du -h "$data/support.csv" | cut -f1)); project $project, $from to $to; $(nproc) cores"

seconds() { awk -v ns="$1" 'BEGIN { printf "%.2f", ns / 1e9 }'; }

t0=$(date +%s%N)
"$bin" --data-dir "$data" import support "$data/support.csv" --project "$project" --dry-run
echo "  import --dry-run: $(seconds $(( $(date +%s%N) - t0 ))) s"
t0=$(date +%s%N)
"$bin" --data-dir "$data" import support "$data/support.csv" --project "$project"
echo "  import:           $(seconds $(( $(date +%s%N) - t0 ))) s"

# Runs the report RUNS times with the given format; prints every time and the median.
report() {
    local format="$1" out="$data/claim.$1" times=() t0 median
    for _ in $(seq "$runs"); do
        t0=$(date +%s%N)
        "$bin" --data-dir "$data" report indicators --project "$project" --from "$from" --to "$to" --format "$format" \
            --output "$out" 2> /dev/null
        times+=("$(seconds $(( $(date +%s%N) - t0 )))")
    done
    median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
    local size extra=""
    size=$(du -h "$out" | cut -f1)
    if [ "$format" = csv ]; then extra=", $(( $(wc -l < "$out") - 1 )) evidence lines"; fi
    echo "  report --format $format: median $median s of ${times[*]} ($size$extra)"
}
report csv
report xlsx
