#!/usr/bin/env python3
"""Writes organization.csv and project.csv in the current CORDIS column set from the
pre-processed Horizon 2020 participations (shared/data/cordis-h2020-participations), for
bench/cordis-import.sh.

That data has no names, cities, project ids or texts (its author dropped them), so they are
synthesised: the project id is the CORDIS record number (rcn), organisations are called
"Organisation <pic>" with an empty city, projects "Project <rcn>" with a ~1 kB objective (real
objectives are 1-2 kB, and their size matters for the write speed). The programme area is the
first H2020 legal basis of the project's programme parts (cordis-programmes.yml).
Amounts and dates are passed through as written (including "NA").

Usage: cordis_bench_data.py SOURCE_DIR OUT_DIR
Source: CORDIS, European Commission (CC BY 4.0).
"""

import csv
import gzip
import os
import sys

ORG_COLUMNS = (
    "projectID,projectAcronym,organisationID,vatNumber,name,shortName,SME,activityType,street,postCode,"
    "city,country,nutsCode,geolocation,organizationURL,contactForm,contentUpdateDate,rcn,order,role,"
    "ecContribution,netEcContribution,totalCost,endOfParticipation"
).split(",")
PROJECT_COLUMNS = (
    "id,acronym,status,title,startDate,endDate,totalCost,ecMaxContribution,legalBasis,topics,"
    "ecSignatureDate,frameworkProgramme,masterCall,subCall,fundingScheme,objective,contentUpdateDate,rcn,grantDoi"
).split(",")
OBJECTIVE = (
    "This project develops, tests and demonstrates new methods, with partners from research and "
    "industry, and shares the results openly. "
) * 8


def programme_codes(path):
    """Part name (SC4, LEIT, ...) -> first legal basis code, from the small YAML list."""
    codes, part = {}, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip()
            if line.endswith(":") and not line.startswith("-"):
                part = line[:-1]
            elif line.startswith("- ") and part and part not in codes:
                codes[part] = line[2:].strip().strip('"')
    return codes


def main(source, out):
    codes = programme_codes(os.path.join(source, "cordis-programmes.yml"))
    parts = {}
    with gzip.open(os.path.join(source, "programme_parts.csv.gz"), "rt", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            parts.setdefault(row["rcn"], codes.get(row["programme_part"], ""))
    projects, orders = {}, {}
    with gzip.open(os.path.join(source, "h2020.csv.gz"), "rt", newline="", encoding="utf-8") as f, open(
        os.path.join(out, "organization.csv"), "w", newline="", encoding="utf-8"
    ) as org_out:
        writer = csv.writer(org_out)
        writer.writerow(ORG_COLUMNS)
        for row in csv.DictReader(f):
            rcn, pic = row["rcn"], row["pic"]
            projects.setdefault(rcn, row)
            orders[rcn] = orders.get(rcn, 0) + 1
            writer.writerow([
                rcn, f"P{rcn}", pic, "", f"Organisation {pic}", "", "", row["type"], "", "",
                "", row["country"], "", "", "", "", "2020-12-01 00:00:00", "", orders[rcn], row["role"],
                row["contribution"], row["contribution"], "", "False",
            ])
    with open(os.path.join(out, "project.csv"), "w", newline="", encoding="utf-8") as project_out:
        writer = csv.writer(project_out)
        writer.writerow(PROJECT_COLUMNS)
        for rcn, row in projects.items():
            writer.writerow([
                rcn, f"P{rcn}", "CLOSED", f"Project {rcn}", row["start_date"], row["end_date"],
                row["total_cost"], row["max_contribution"], parts.get(rcn, ""), "", "", "H2020", "", "",
                "", OBJECTIVE, "2020-12-01 00:00:00", rcn, "",
            ])


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
