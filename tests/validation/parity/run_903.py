"""Run inside a virtualenv holding csc-validator-be-903 (the DfE's reference for SSDA903):
`python run_903.py FOLDER COLLECTION_YEAR_END RULESET OUT.json` writes, per rule code, the
failing rows as [file, Excel row (header = 1), child], and under "registry" the codes of
the rule set run. Not imported by CSC Insight.

Our synthetic OC2 and OC3 hold every year with a YEAR column the reference does not know:
it is given the rows of the collection year only, without YEAR, and its row numbers are
mapped back to the file's own."""

import csv
import io
import json
import sys
from pathlib import Path

from lac_validator import lac_validator

FILES = {
    "Header": "header.csv",
    "Episodes": "episodes.csv",
    "OC2": "oc2.csv",
    "OC3": "oc3.csv",
    "Reviews": "reviews.csv",
    "UASC": "uasc.csv",
    "Missing": "missing.csv",
    "AD1": "ad1.csv",
}

# The local authority: Southwark, the synthetic borough profile's (DfE number 210), whose
# postcodes the generator gives homes and the council's own provision (rule 1015).
LA = "E09000028"


def main() -> None:
    import importlib

    folder, year_end, ruleset, out = Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    files, rows_of = [], {}
    for name in FILES.values():
        if not (folder / name).exists():
            continue
        content = (folder / name).read_bytes()
        rows_of[name] = None
        if name in ("oc2.csv", "oc3.csv"):
            reader = csv.DictReader(io.StringIO(content.decode("utf-8")))
            fields = [f for f in reader.fieldnames if f != "YEAR"]
            kept = [(n + 2, r) for n, r in enumerate(reader) if r.get("YEAR") == year_end]
            buffer = io.StringIO()
            writer = csv.DictWriter(
                buffer, fieldnames=fields, extrasaction="ignore", lineterminator="\n"
            )
            writer.writeheader()
            writer.writerows(r for _, r in kept)
            content, rows_of[name] = buffer.getvalue().encode("utf-8"), [n for n, _ in kept]
        files.append({"name": name, "description": "This year", "file_content": content})
    registry = importlib.import_module(f"lac_validator.rules.{ruleset}").registry
    v = lac_validator.LacValidator(
        metadata={"collectionYear": year_end, "localAuthority": LA},
        files=files,
        registry=registry,
    )
    found: dict[str, list] = {}
    for table, df in v.ds_results.items():
        if not hasattr(df, "columns") or table not in FILES:
            continue
        for col in [c for c in df.columns if str(c).startswith("ERR_")]:
            hit = df[df[col] == True]  # noqa: E712
            for index, row in hit.iterrows():
                name = FILES[table]
                number = rows_of[name][int(index)] if rows_of.get(name) else int(index) + 2
                found.setdefault(col[4:], []).append([name, number, str(row.get("CHILD"))])
    found["registry"] = sorted(str(rule.code) for rule in registry.values())
    Path(out).write_text(json.dumps(found))


if __name__ == "__main__":
    main()
