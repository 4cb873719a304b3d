#!/usr/bin/env python3
"""Converts the domain brief's OAP 2024-2025 (verbatim JSON) into the project's OAP document
format (src/main/resources/schema/oap-document.schema.json). Run from the repository root:

    python3 docs/demo-data/convert_domain_oap.py ../shared/domain/oap-2024-2025-migrant-smuggling.json \
        > src/main/resources/demo/oap-2024-2025-migrant-smuggling.json

Strings stay verbatim; only the shape changes: leaders become actor codes, the printed type of
operational action becomes the five type codes, a KPI's letter becomes its code and the target
printed inside the KPI text is copied into "target" (the indicator keeps the whole text)."""
import json
import re
import sys

LEADERS = {"United Kingdom": "UK", "eu-LISA": "EU-LISA", "Frontex": "FRONTEX"}
TYPES = [("1-Operational", r"operational"), ("2-Data collection/data exchange", r"data collection"),
         ("3-Strategic", r"strategic"), ("4-Knowledge/training", r"knowledge|training"),
         ("5-Prevention", r"prevention")]
TARGETS = [r"\((?:[Tt]arget)\s*[:=]\s*([^)]*)\)", r"\([Tt]arget:\s*([^)]*)\)", r"[;,] target(?: values)? (.+)$",
           r"\(minimum: ([^)]*)\)", r"([Aa]t least [^.]+(?:\.\d+[^.]*)?)", r"[–-] (\d.*)$",
           r": (\d.*)$", r"\(([\d.,]+(?:/year| each/year)?)\)(?: per year)?", r"\(([^)]*\d[^)]*)\)\.?$", r" (\d+)$"]


def target(text):
    for pattern in TARGETS:
        match = re.search(pattern, text)
        if match:
            return match.group(1).strip().rstrip(".")
    return None


def kpi(text):
    match = re.match(r"([a-z])\)\s*(.*)", text, re.S)
    code, indicator = (match.group(1), match.group(2)) if match else (None, text)
    return {"code": code, "indicator": indicator, "target": target(indicator)}


def action(oa):
    printed = oa["typeOfOperationalAction"].lower()
    return {
        "ref": oa["ref"],
        "strategicGoal": oa["strategicGoal"],
        "title": oa["titleOnOaSheet"] or oa["shortTitle"],
        "shortTitle": oa["shortTitle"],
        "actionLeaders": [LEADERS.get(oa["actionLeader"], oa["actionLeader"].upper())],
        "coActionLeaders": [],
        "participants": [],
        "types": [code for code, word in TYPES if re.search(word, printed)],
        "kpis": [kpi(k) for k in oa["kpis"]],
        "activities": [{"description": a["activity"], "timing": a["timing"]} for a in oa["activities"]],
        "linksToOtherOaps": oa["linksToOtherOAPs"] or [],
        "jointActionDays": oa["horizontalActivitiesJAD"] or [],
    }


def main(path):
    source = json.load(open(path, encoding="utf-8"))
    document = {
        "priority": {"name": source["priority"]["name"], "aim": source["priority"]["aim"]},
        "period": "2024-2025",
        "title": source["document"]["subject"],
        "driver": source["driver"],
        "coDrivers": source["coDrivers"] or [],
        "classification": source["document"]["classification"],
        "councilDocument": source["document"]["number"],
        "strategicGoals": [{"number": g["number"], "chsg": g["chsgLabel"],
                            "title": re.sub(r"^Strategic Goal \d+: ", "", g["listHeading"]),
                            "objective": g["objective"]} for g in source["strategicGoals"]],
        "operationalActions": [action(oa) for oa in source["operationalActions"]],
    }
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
