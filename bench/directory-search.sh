#!/usr/bin/env bash
# Directory search throughput and latency: `tandem demo` with N synthetic SMEs on SQLite, then
# wrk against the directory page (HTML, full render) and the JSON API.
#
# Usage: bench/directory-search.sh [SMES] [SECONDS]        (needs Debian's `wrk`)
# Prints start-up times (empty database with seeding; existing database) and wrk summaries.
set -euo pipefail
cd "$(dirname "$0")/.."
smes="${1:-5000}"
secs="${2:-15}"
cargo build --release --quiet
bin=target/release/tandem
data="$(mktemp -d)"
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$data"' EXIT

# Starts the binary in the background (sets $pid) and waits for its "listening on" line;
# sets $elapsed to the seconds that took.
start_and_wait() {
    local log="$1"; shift
    local t0; t0=$(date +%s%N)
    "$bin" --data-dir "$data" "$@" > "$log" 2>&1 &
    pid=$!
    until grep -q "listening on" "$log"; do
        kill -0 "$pid" 2>/dev/null || { cat "$log"; exit 1; }
        sleep 0.01
    done
    elapsed=$(awk -v ns="$(( $(date +%s%N) - t0 ))" 'BEGIN { printf "%.2f", ns / 1e9 }')
}

start_and_wait "$data/first.log" demo --smes "$smes" --addr 127.0.0.1:18080
echo "start-up with seeding $smes SMEs (empty database): ${elapsed} s"
kill "$pid"; wait "$pid" 2>/dev/null || true
start_and_wait "$data/again.log" demo --addr 127.0.0.1:18080
echo "start-up on the existing database: ${elapsed} s"

base=http://127.0.0.1:18080
for path in "/directory?q=software" "/directory?q=medizintechnik&city=" "/directory?section=J" "/api/v1/organisations?q=software&per_page=20"; do
    echo
    echo "== wrk -t2 -c8 -d${secs}s $path"
    wrk -t2 -c8 -d"${secs}s" --latency "$base$path" | grep -E "Requests/sec|Latency|50%|99%"
done
