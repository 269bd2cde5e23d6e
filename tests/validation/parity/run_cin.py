"""Run inside a virtualenv holding csc-validator-be-cin (the DfE's reference for the CIN
census): `python run_cin.py CENSUS.xml RULESET OUT.json` writes, per rule code, the failing
rows as [element, line, child], where element is the XML element the reference's table row
was read from (Child for ChildIdentifiers and ChildCharacteristics, CINdetails,
Assessments, CINPlanDates, Section47, ChildProtectionPlans, and for Reviews the first
CPPreviewDate of its Reviews block) and line is that element's line in the file, the
lineage CSC Insight gives its own rows. Return-level (LA-level) failures go under
"la_level" as rule codes, and the codes of the rule set run under "registry". Not
imported by CSC Insight.

The reference numbers each table's rows in the order it meets them child by child
(`cin_validator.ingress.XMLtoCSV`); the same walk over the file, with each element's line
taken from expat, gives the line of every row."""

import importlib
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from xml.parsers import expat

from cin_validator import cin_validator


def _start_lines(path: Path) -> list[int]:
    """The line of every element's start tag, in document order (ElementTree's iter())."""
    lines: list[int] = []
    parser = expat.ParserCreate()
    parser.StartElementHandler = lambda name, attrs: lines.append(parser.CurrentLineNumber)
    with path.open("rb") as fh:
        parser.ParseFile(fh)
    return lines


def _row_lines(root: ET.Element, line: dict[int, int]) -> dict[str, list[tuple[str, int]]]:
    """For each of the reference's tables, (element, line) of each row in its order."""
    tables: dict[str, list[tuple[str, int]]] = {
        t: []
        for t in (
            "ChildIdentifiers",
            "ChildCharacteristics",
            "CINdetails",
            "Assessments",
            "CINplanDates",
            "Section47",
            "ChildProtectionPlans",
            "Reviews",
        )
    }

    def plans(parent: ET.Element) -> None:
        for plan in parent.findall("ChildProtectionPlans"):
            tables["ChildProtectionPlans"].append(("ChildProtectionPlans", line[id(plan)]))
            for reviews in plan.findall("Reviews[CPPreviewDate]"):
                first = reviews.find("CPPreviewDate")
                tables["Reviews"].append(("CPPreviewDate", line[id(first)]))

    for child in root.find("Children").findall("Child"):
        tables["ChildIdentifiers"].append(("Child", line[id(child)]))
        tables["ChildCharacteristics"].append(("Child", line[id(child)]))
        for details in child.findall("CINdetails"):
            tables["CINdetails"].append(("CINdetails", line[id(details)]))
            for item in details.findall("Assessments"):
                tables["Assessments"].append(("Assessments", line[id(item)]))
            for item in details.findall("CINPlanDates"):
                tables["CINplanDates"].append(("CINPlanDates", line[id(item)]))
            for item in details.findall("Section47"):
                tables["Section47"].append(("Section47", line[id(item)]))
            plans(details)
        plans(child)
    return tables


def main() -> None:
    path, ruleset, out = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    root = ET.parse(path).getroot()
    line = {id(e): n for e, n in zip(root.iter(), _start_lines(path), strict=True)}
    rows = _row_lines(root, line)
    data = cin_validator.process_data(cin_validator.convert_data(root))
    registry = importlib.import_module(f"cin_validator.rules.{ruleset}").registry
    validator = cin_validator.CinValidator(data, registry)
    found: dict[str, list] = {}
    issues = validator.full_issue_df
    for _, issue in issues.iterrows():
        table = issue["tables_affected"]
        if not isinstance(table, str) or table not in rows:
            continue
        element, number = rows[table][int(issue["row_id"])]
        entry = [element, number, str(issue["child_id"])]
        if entry not in found.setdefault(str(issue["rule_code"]), []):
            found[str(issue["rule_code"])].append(entry)
    found["la_level"] = sorted({str(c) for c in validator.multichild_issues["rule_code"]})
    found["registry"] = sorted(str(rule.code) for _, rule in registry.items())
    out.write_text(json.dumps(found))


if __name__ == "__main__":
    main()
