#!/usr/bin/env python3
"""Writes a support log for bench/indicator-report.sh: RECORDS_PER support records for each of N
synthetic Birmingham SMEs of the demo, in the demo's ERDF project (Innovation Engine), spread
over the project's delivery period, as the CSV that `tandem import support` reads, with one small
PDF as every record's evidence file (records without evidence do not count).

The enterprises are the demo's synthetic SMEs and start-ups in Birmingham (the project's area)
that the demo gives no support, by name. Enterprises count under the indicators only with an SME
declaration, and Tandem has no bulk import of declarations, so the script copies the figures of a
demo enterprise's declaration (a micro enterprise) to each of them directly in the database,
before the import; the copies are not in the audit trail.

The support is deterministic: per enterprise a diagnostic, then advice, mentoring, workshops and
events (1-4 hours each, about 20 hours in all, so most enterprises pass the 12-hour threshold);
every tenth enterprise gets a grant, every twentieth a loan.

Usage: support_bench_data.py DATABASE N OUT.csv [RECORDS_PER]
Prints: PROJECT_ID STARTS_ON LAST_DAY (the project's period, up to today).
"""

import csv
import datetime
import os
import random
import sqlite3
import sys
import uuid

# A small, valid PDF (the demo's evidence files are the same).
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
COLUMNS = [
    "enterprise",
    "support_organisation",
    "adviser",
    "delivered_on",
    "hours",
    "activity",
    "written_output",
    "grant_amount",
    "loan_amount",
    "loan_aid_value",
    "evidence",
]
# (activity, written output or None); the first record of each enterprise is the diagnostic.
ADVICE = [
    ("one_to_one_advice", "Action plan: {topic}"),
    ("mentoring", "Mentoring notes and milestones: {topic}"),
    ("workshop", None),
    ("one_to_one_advice", "Review memo: {topic}"),
    ("event_participation", None),
]
TOPICS = [
    "export readiness for Germany",
    "pricing for public-sector buyers",
    "investor readiness and pitch",
    "digital product road map",
    "cyber-security remediation",
    "recruitment plan for the next year",
    "funding options for the prototype",
    "market entry in Saxony",
]


def main():
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    database, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    per = int(sys.argv[4]) if len(sys.argv) == 5 else 10
    db = sqlite3.connect(database)
    project_id, starts_on, ends_on, lead = db.execute(
        "SELECT id, starts_on, ends_on, lead_org_id FROM funded_projects WHERE name = 'Innovation Engine'"
    ).fetchone()
    delivery = [lead] + [r[0] for r in db.execute("SELECT org_id FROM project_partners WHERE project_id = ?", (project_id,))]
    delivery_names = [db.execute("SELECT name FROM organisations WHERE id = ?", (o,)).fetchone()[0] for o in delivery]
    enterprises = db.execute(
        """SELECT o.id, o.name FROM organisations o JOIN cities c ON c.id = o.city_id
           WHERE c.name = 'Birmingham' AND o.kind IN ('sme', 'startup')
             AND NOT EXISTS (SELECT 1 FROM support_records s WHERE s.enterprise_id = o.id)
             AND NOT EXISTS (SELECT 1 FROM sme_declarations d WHERE d.org_id = o.id)
           ORDER BY o.name LIMIT ?""",
        (n,),
    ).fetchall()
    if len(enterprises) < n:
        sys.exit(f"the demo has only {len(enterprises)} unsupported Birmingham SMEs; seed it with more --smes")

    # One declaration per enterprise, copied from a demo enterprise's.
    template = db.execute(
        """SELECT period_end, input, category, assessment, accounts_currency, euro_rate, declared_by,
                  declarant_role, declared_on, created_at FROM sme_declarations ORDER BY created_at LIMIT 1"""
    ).fetchone()
    db.executemany(
        """INSERT INTO sme_declarations (id, org_id, period_end, input, category, assessment, accounts_currency,
               euro_rate, declared_by, declarant_role, declared_on, recorded_by, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)""",
        [(uuid.uuid4().bytes, org_id, *template) for org_id, _ in enterprises],
    )
    db.commit()

    first = datetime.date.fromisoformat(starts_on)
    last = min(datetime.date.fromisoformat(ends_on), datetime.date.today())
    days = (last - first).days
    folder = os.path.dirname(os.path.abspath(out))
    with open(os.path.join(folder, "evidence.pdf"), "wb") as f:
        f.write(PDF)
    draw = random.Random(6)
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(COLUMNS)
        for i, (_, name) in enumerate(enterprises):
            topic = TOPICS[i % len(TOPICS)]
            # The enterprise's support falls in a year-long stretch of the period, in date order.
            begin = draw.randrange(max(1, days - 365))
            dates = sorted(first + datetime.timedelta(days=begin + draw.randrange(365)) for _ in range(per))
            for k, day in enumerate(dates):
                day = min(day, last)
                by = delivery_names[1] if len(delivery_names) > 1 and k % 4 == 3 else delivery_names[0]
                adviser = "Dr Sam Okafor" if by != delivery_names[0] else "Jordan Hayes"
                grant = loan = aid = ""
                if k == 0:
                    activity, output, hours = "diagnostic", f"Diagnostic report: {topic}", "3"
                elif k == 1 and i % 10 == 0:
                    activity, output, hours, grant = "grant", None, "0", "5000"
                elif k == 2 and i % 20 == 5:
                    activity, output, hours, loan, aid = "loan", None, "0", "25000", "2000"
                else:
                    activity, output = ADVICE[(i + k) % len(ADVICE)]
                    output = output.format(topic=topic) if output else None
                    hours = str(draw.choice([1, 1.5, 2, 2.5, 3, 4]))
                w.writerow([name, by, adviser, day.isoformat(), hours, activity, output or "", grant, loan, aid, "evidence.pdf"])
    print(uuid.UUID(bytes=project_id), first.isoformat(), last.isoformat())


if __name__ == "__main__":
    main()
