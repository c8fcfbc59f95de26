#!/usr/bin/env bash
# CORDIS import speed: the 144,726 real Horizon 2020 participations (31,451 projects, 35,871
# organisations; names and texts synthesised, see bench/cordis_bench_data.py) written as the
# current CORDIS organization.csv / project.csv, then `tandem import cordis` into a fresh SQLite
# database and, if a PostgreSQL server answers on 127.0.0.1:5432 (user postgres, trust auth),
# into a fresh PostgreSQL database. Each backend: a dry run, the first import, and a re-import of
# the same files (nothing changes). Migrations run before the clock starts.
#
# Usage: bench/cordis-import.sh [SOURCE_DIR]     (needs python3; psql for PostgreSQL)
#   SOURCE_DIR defaults to ../shared/data/cordis-h2020-participations (h2020.csv.gz,
#   programme_parts.csv.gz, cordis-programmes.yml). Source: CORDIS, European Commission, CC BY 4.0.
set -euo pipefail
cd "$(dirname "$0")/.."
source_dir="${1:-../shared/data/cordis-h2020-participations}"
cargo build --release --quiet
bin=target/release/tandem
work="$(mktemp -d)"
pg_db="tandem_bench_cordis_$$"
pg_created=""
cleanup() {
    rm -rf "$work"
    if [ -n "$pg_created" ]; then
        psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" postgres >/dev/null 2>&1 || true
    fi
}
trap cleanup EXIT

python3 bench/cordis_bench_data.py "$source_dir" "$work"
orgs="$work/organization.csv"
projects="$work/project.csv"
participations=$(( $(python3 -c 'import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], newline=""))) - 1)' "$orgs") ))
echo "files: $(du -h "$orgs" | cut -f1) organization.csv ($participations rows), $(du -h "$projects" | cut -f1) project.csv; $(nproc) cores"

# Runs the import once against database URL $1 with extra flags; prints the wall time and rate.
run_import() {
    local url="$1" label="$2"; shift 2
    local t0 t1 secs
    t0=$(date +%s%N)
    "$bin" --data-dir "$work/data" --database-url "$url" import cordis --organizations "$orgs" --projects "$projects" "$@" \
        > "$work/out.txt"
    t1=$(date +%s%N)
    secs=$(awk -v ns="$(( t1 - t0 ))" 'BEGIN { printf "%.2f", ns / 1e9 }')
    printf '  %-22s %6s s  %8.0f participations/s   | %s\n' "$label" "$secs" \
        "$(awk -v n="$participations" -v s="$secs" 'BEGIN { print n / s }')" "$(cat "$work/out.txt")"
}

bench_backend() {
    local url="$1"
    "$bin" --data-dir "$work/data" --database-url "$url" migrate > /dev/null
    run_import "$url" "dry run (empty db)" --dry-run
    run_import "$url" "first import"
    run_import "$url" "re-import (unchanged)"
}

echo "== SQLite"
mkdir -p "$work/data"
bench_backend "sqlite://$work/data/bench.db"

echo "== PostgreSQL"
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    service postgresql start > /dev/null 2>&1 || true
    sleep 2
fi
if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null \
    && psql -h 127.0.0.1 -U postgres -q -c "CREATE DATABASE $pg_db" postgres > /dev/null; then
    pg_created=1
    bench_backend "postgres://postgres@127.0.0.1:5432/$pg_db"
else
    echo "  skipped: no PostgreSQL server at 127.0.0.1:5432 (user postgres)"
fi
