#!/usr/bin/env python3
"""The exact optimum of the primary objective (total priority of scheduled meetings), solved as a
mixed-integer programme by HiGHS: the integer version of lpbound.py's model. It proves how far a
schedule is from the best possible one, which the LP bound alone cannot (the LP may be loose).
Unlike lpbound.py it forces locked meetings in, as check.py demands, which can cost score: with
--lp it gives the LP value of this exact model.
usage: optimum.py INSTANCE.json [--time-limit SECONDS] [--lp] [--write SCHEDULE.json]
prints {"optimum": X, "proven": true|false, "dual_bound": Y, "gap": G, "seconds": T}
("proven": false when the time limit stopped HiGHS first: "optimum" is then the best schedule
found and "dual_bound" the best proven upper bound)."""
import argparse, json, time
import highspy, numpy as np

ap = argparse.ArgumentParser()
ap.add_argument("instance")
ap.add_argument("--time-limit", type=float, default=600.0)
ap.add_argument("--lp", action="store_true", help="solve the LP relaxation of this exact model (locked meetings forced in)")
ap.add_argument("--write", metavar="SCHEDULE.json", help="write the MIP's schedule (tables numbered in order) for check.py")
args = ap.parse_args()
inst = json.load(open(args.instance))
P = {p["id"]: p for p in inst["participants"]}
slots = [s["id"] for s in inst["slots"]]
# A booth owner takes part in every meeting at its booth and meets once per slot, so booths need
# no capacity rows; only onsite meetings without a booth owner compete for the general tables.
booths = {p["table"] for p in P.values() if p.get("table")}
ngeneral = inst["tables"] - len(booths)
rows, cost, var = {}, [], []  # var[c] = (meeting, slot)
def add(key, c): rows.setdefault(key, []).append(c)
for m in inst["meetings"]:
    pa, pb = P[m["a"]], P[m["b"]]
    allowed = [s for s in slots if s in pa["available"] and s in pb["available"]]
    locked = m.get("locked_slot")
    if locked: allowed = [locked]
    needs_table = m.get("mode", "onsite") == "onsite" and not (pa.get("table") or pb.get("table"))
    first = len(cost)
    for s in allowed:
        c = len(cost); cost.append(float(m.get("priority", 1.0))); var.append((m, s))
        add(("m", m["id"]), c); add(("ps", m["a"], s), c); add(("ps", m["b"], s), c)
        add(("pmax", m["a"]), c); add(("pmax", m["b"]), c)
        if needs_table: add(("cap", s), c)
    if locked: add(("lock", m["id"]), first)
n = len(cost)
h = highspy.Highs()
h.setOptionValue("output_flag", False)
h.setOptionValue("time_limit", args.time_limit)
h.setOptionValue("mip_rel_gap", 0.0)
h.addVars(n, np.zeros(n), np.ones(n))
h.changeColsCost(n, np.arange(n, dtype=np.int32), np.array(cost))
if not args.lp:
    h.changeColsIntegrality(n, np.arange(n, dtype=np.int32), np.array([highspy.HighsVarType.kInteger] * n))
h.changeObjectiveSense(highspy.ObjSense.kMaximize)
for key, cs in rows.items():
    lb = -highspy.kHighsInf
    if key[0] == "pmax":
        ub = P[key[1]].get("max_meetings")
        if ub is None: continue
    elif key[0] == "cap": ub = ngeneral
    elif key[0] == "lock": lb, ub = 1.0, 1.0  # a locked meeting must be scheduled (check.py)
    else: ub = 1
    h.addRow(lb, float(ub), len(cs), np.array(cs, dtype=np.int32), np.ones(len(cs)))
t0 = time.time(); h.run()
info = h.getInfo()
proven = h.getModelStatus() == highspy.HighsModelStatus.kOptimal
if args.lp:
    print(json.dumps({"lp_bound_locked": info.objective_function_value, "seconds": round(time.time() - t0, 2)}))
    raise SystemExit(0)
if args.write:
    x = h.getSolution().col_value
    general = [t for t in range(1, inst["tables"] + 1) if t not in booths]
    used, out = {}, []
    for c, (m, s) in enumerate(var):
        if x[c] < 0.5: continue
        pa, pb = P[m["a"]], P[m["b"]]
        mode, booth = m.get("mode", "onsite"), pa.get("table") or pb.get("table")
        t = None
        if mode != "remote":
            if booth: t = booth
            else:
                free = [g for g in general if g not in used.setdefault(s, set())]
                if mode == "onsite" or free: t = free[0] if free else None
                if t is not None: used[s].add(t)
        out.append({"meeting": m["id"], "slot": s, "table": t})
    json.dump({"assignments": out}, open(args.write, "w"))
result = {"optimum": info.objective_function_value, "proven": proven,
          "dual_bound": info.mip_dual_bound, "gap": info.mip_gap}
result["seconds"] = round(time.time() - t0, 2)
print(json.dumps(result))
