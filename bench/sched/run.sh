#!/usr/bin/env bash
# Meeting-scheduler benchmark: generates brokerage-day instances with the shared gen.py (200,
# 2,000 and 5,000 participants, 10 requests each on average, seed 5), schedules each with
# `tandem schedule` (release build), checks it with check.py, and sets it beside lpbound.py's LP
# bound, greedy.py's first-come first-served schedule and, for the smallest size, the exact
# optimum from optimum.py (HiGHS MIP). Prints a Markdown table for BENCHMARKS.md.
#
#   bench/sched/run.sh                      # the table in BENCHMARKS.md
#   SIZES="200 2000" TIME_LIMIT=5s bench/sched/run.sh
#   OPTIMUM_UP_TO=2000 bench/sched/run.sh   # also prove the optimum at 2,000 (minutes)
#
# Needs python3 with highspy and numpy (pip install highspy). Instances and schedules are kept
# in $OUT (a temporary directory unless set).
set -euo pipefail
cd "$(dirname "$0")/../.."
TOOLS=${TOOLS:-../shared/bench/sched}
BIN=${BIN:-target/release/tandem}
OUT=${OUT:-$(mktemp -d)}
SIZES=${SIZES:-"200 2000 5000"}
TIME_LIMIT=${TIME_LIMIT:-2s}
SEED=${SEED:-5}
SOLVER_SEED=${SOLVER_SEED:-0}
OPTIMUM_UP_TO=${OPTIMUM_UP_TO:-200}

[ -x "$BIN" ] || cargo build --release -p tandem
echo "instances and schedules in $OUT" >&2
echo "| participants | requests | feasible | score | our bound | LP bound | share of LP bound | optimum | idle gaps | wall time | greedy score (share, idle gaps) |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for n in $SIZES; do
  inst=$OUT/instance-$n.json
  python3 "$TOOLS/gen.py" --participants "$n" --requests-per 10 --seed "$SEED" > "$inst"
  start=$(date +%s.%N)
  "$BIN" schedule "$inst" --time-limit "$TIME_LIMIT" --seed "$SOLVER_SEED" > "$OUT/schedule-$n.json" 2> "$OUT/summary-$n.txt"
  end=$(date +%s.%N)
  echo "$n: $(cat "$OUT/summary-$n.txt")" >&2
  python3 "$TOOLS/check.py" "$inst" "$OUT/schedule-$n.json" > "$OUT/check-$n.json"
  python3 "$TOOLS/lpbound.py" "$inst" 2>/dev/null | tail -1 > "$OUT/lp-$n.json"
  python3 "$TOOLS/greedy.py" "$inst" > "$OUT/greedy-$n.json"
  python3 "$TOOLS/check.py" "$inst" "$OUT/greedy-$n.json" > "$OUT/greedy-check-$n.json"
  if [ "$n" -le "$OPTIMUM_UP_TO" ]; then
    python3 bench/sched/optimum.py "$inst" 2>/dev/null | tail -1 > "$OUT/optimum-$n.json"
  else
    echo '{}' > "$OUT/optimum-$n.json"
  fi
  python3 - "$OUT" "$n" "$start" "$end" <<'PY'
import json, sys
out, n, start, end = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
load = lambda name: json.load(open(f"{out}/{name}-{n}.json"))
check, lp, greedy, opt, ours = load("check"), load("lp"), load("greedy-check"), load("optimum"), load("schedule")
bound = lp["lp_bound"]
optimum = opt.get("optimum")
optimum = "–" if optimum is None else f"{optimum:,.0f}" + ("" if opt.get("proven") else " (not proven)")
print(f"| {int(n):,} | {check['requested']:,} | {'yes' if check['feasible'] else 'NO'} | {check['score']:,.0f} "
      f"| {ours['stats']['bound']:,.0f} | {bound:,.0f} | {100 * check['score'] / bound:.2f} % | {optimum} "
      f"| {check['idle_gaps']:,} | {end - start:.2f} s "
      f"| {greedy['score']:,.0f} ({100 * greedy['score'] / bound:.1f} %, {greedy['idle_gaps']:,}) |")
PY
done
