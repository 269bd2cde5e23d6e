"""A period that names no real period is a usage error on the command line: exit code 2 and
one line on standard error saying why, before any data is opened, with no traceback."""

from __future__ import annotations

import pytest

from csc_insight.cli import main

IMPOSSIBLE = {
    "2019-20-Q5": "'2019-20-Q5' is not a period: use 2019-20-Q3, 2019-20, 2019-20-YTD-Q3, "
    "rolling-12m:2019-12-31 or asat:2019-12-31",
    "2019-21": "'2019-21' is not a period: a financial year runs from one year into the next "
    "(2019-20)",
    "asat:2019-02-30": "'asat:2019-02-30' is not a period: day is out of range for month",
    "9999-00-Q1": "'9999-00-Q1' is not a period: periods run from 1 April 1900 to 31 March 2100",
    "asat:9999-12-31": "'asat:9999-12-31' is not a period: periods run from 1 April 1900 to "
    "31 March 2100",
}
COMMANDS = {
    "indicators": ["indicators", "--period"],
    "children": ["children", "contacts", "--period"],
    "report": [
        "report",
        "performance",
        "--meeting",
        "2020-02-10",
        "--format",
        "html",
        "--out",
        "x.html",
        "--period",
    ],
    "audits": ["audits", "sample", "--quarter"],
}


@pytest.mark.parametrize("period", sorted(IMPOSSIBLE))
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_impossible_period_is_one_line_and_exit_2(capsys, command: str, period: str) -> None:
    assert main([*COMMANDS[command], period]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"csc-insight {command}: {IMPOSSIBLE[period]}\n"


def test_no_data_loaded_is_one_line(capsys) -> None:
    assert main(["indicators", "--period", "2019-20-Q3"]) == 1
    assert capsys.readouterr().err == (
        "csc-insight indicators: No data loaded yet: run `csc-insight load PATH` first.\n"
    )
