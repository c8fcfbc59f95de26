#!/usr/bin/env bash
# Marketplace search throughput and latency, and bulk-import speed: the demo on SQLite plus N
# generated published profiles (copies of the 40 demo profiles under new ids and owners), then
# wrk against the marketplace page (HTML with facets) and the profiles API.
#
# Usage: bench/marketplace-search.sh [PROFILES] [SECONDS]      (needs Debian's `wrk` and python3)
set -euo pipefail
cd "$(dirname "$0")/.."
profiles="${1:-5000}"
secs="${2:-15}"
cargo build --release --quiet
bin=target/release/tandem
data="$(mktemp -d)"
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$data"' EXIT

# The demo, seeded by starting it once.
"$bin" --data-dir "$data" demo --smes 200 --addr 127.0.0.1:18081 > "$data/seed.log" 2>&1 &
pid=$!
until grep -q "listening on" "$data/seed.log"; do kill -0 "$pid" 2>/dev/null || { cat "$data/seed.log"; exit 1; }; sleep 0.05; done
kill "$pid"; wait "$pid" 2>/dev/null || true

python3 - "$profiles" data/demo/profiles.jsonl > "$data/profiles.jsonl" <<'PY'
import json, sys
n, source = int(sys.argv[1]), [json.loads(l) for l in open(sys.argv[2]) if l.strip()]
for i in range(n):
    p = dict(source[i % len(source)])
    p["external_id"] = f"bench-profile-{i}"
    # Each round of 40 copies has its own owners, described the same on all their lines.
    org = dict(p["organisation"])
    org["external_id"] = f"bench-{i // len(source)}-{org['external_id']}"
    org["name"] = f"Bench {i // len(source)} {org['name']}"
    p["organisation"] = org
    print(json.dumps(p, ensure_ascii=False))
PY
t0=$(date +%s%N)
"$bin" --data-dir "$data" import profiles "$data/profiles.jsonl" --publish
echo "import of $profiles profiles with --publish: $(awk -v ns="$(( $(date +%s%N) - t0 ))" 'BEGIN { printf "%.2f", ns / 1e9 }') s"

"$bin" --data-dir "$data" serve --addr 127.0.0.1:18081 --jobs-interval-secs 0 > "$data/serve.log" 2>&1 &
pid=$!
until grep -q "listening on" "$data/serve.log"; do kill -0 "$pid" 2>/dev/null || { cat "$data/serve.log"; exit 1; }; sleep 0.05; done

base=http://127.0.0.1:18081
for path in "/marketplace" "/marketplace?q=sensor" "/marketplace?type=TO&lang=de" "/marketplace?technology=ict.ai" "/api/v1/profiles?q=sensor&per_page=20"; do
    echo
    echo "== wrk -t2 -c8 -d${secs}s $path"
    wrk -t2 -c8 -d"${secs}s" --latency "$base$path" | grep -E "Requests/sec|Latency|50%|99%"
done
