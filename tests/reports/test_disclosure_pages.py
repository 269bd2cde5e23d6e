"""Issue 11 item 3: one disclosure policy, checked as a reader would attack it.

`protect_sums` over random families of tables tied by sums, and `disclose` over random
pages (a count indicator by quarter with its year, year to date (forecast) and a breakdown
of the last quarter, and a percentage whose numerator is the same count: cross-table
differencing). For every case: every count of 1-5 is hidden, and no hidden count follows
from what the page shows by any linear combination of the sums a reader knows (exact
recovery over the reals, tested by rank as in test_disclosure.py)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from csc_insight.indicators import Figure, Result
from csc_insight.reports.disclosure import (
    SUPPRESSED,
    Audience,
    Policy,
    Rule,
    configured_rule,
    disclose,
    policy_for,
    protect_sums,
    suppress_below,
)

RULE = Rule()


def determined(known: dict, sums: list[tuple[object, list[object]]]) -> list[object]:
    """Unknown keys fixed by `sums` given the `known` values (rank test)."""
    unknown = sorted({k for t, p in sums for k in (t, *p) if k not in known}, key=repr)
    if not unknown:
        return []
    index = {k: i for i, k in enumerate(unknown)}
    rows = []
    for total, parts in sums:
        row = np.zeros(len(unknown))
        for key, sign in ((total, 1.0), *((p, -1.0) for p in parts)):
            if key in index:
                row[index[key]] += sign
        if row.any():
            rows.append(row)
    if not rows:
        return []
    a = np.array(rows)
    rank = np.linalg.matrix_rank(a)
    found = []
    for k in unknown:
        unit = np.zeros(len(unknown))
        unit[index[k]] = 1.0
        if np.linalg.matrix_rank(np.vstack([a, unit])) == rank:
            found.append(k)
    return found


counts = st.one_of(st.integers(0, 6), st.integers(0, 30))


@st.composite
def families(draw: st.DrawFn) -> tuple[dict, list]:
    """Tables 'i' of quarters q0..q3 adding up to a year, the last quarter broken into
    groups; some tables tied to another (the same count shown twice)."""
    n_tables = draw(st.integers(1, 3))
    n_groups = draw(st.integers(1, 4))
    values: dict = {}
    sums: list = []
    for i in range(n_tables):
        groups = draw(st.lists(counts, min_size=n_groups, max_size=n_groups))
        quarters = [*draw(st.lists(counts, min_size=3, max_size=3)), sum(groups)]
        for g, v in enumerate(groups):
            values[(i, "q3", g)] = v
        for q, v in enumerate(quarters):
            values[(i, f"q{q}", None)] = v
        values[(i, "year", None)] = sum(quarters)
        sums.append(((i, "year", None), [(i, f"q{q}", None) for q in range(4)]))
        sums.append(((i, "q3", None), [(i, "q3", g) for g in range(n_groups)]))
    for i in range(1, n_tables):
        if draw(st.booleans()):  # table i counts what table 0 counts
            for key in [k for k in values if k[0] == 0]:
                values[(i, *key[1:])] = values[key]
            sums += [((i, *k[1:]), [k]) for k in values if k[0] == 0]
    return values, sums


@settings(max_examples=300, deadline=None)
@given(families())
def test_protect_sums_leaves_no_hidden_count_recoverable(family) -> None:
    values, sums = family
    hidden = protect_sums(values, sums, RULE)
    assert {k for k, v in values.items() if RULE.small(v)} <= hidden
    known = {k: v for k, v in values.items() if k not in hidden}
    assert determined(known, sums) == []  # no hidden count at all, small or not


def test_protect_sums_hides_a_partner_not_the_total() -> None:
    """Quarters 3, 10, 12, 20 add up to a year of 45: 3 is small and the year would give
    it back, so the next smallest quarter (10) is hidden with it; 3 + 10 = 13 is all a
    reader can work out."""
    values = {"q1": 3, "q2": 10, "q3": 12, "q4": 20, "year": 45}
    assert protect_sums(values, [("year", ["q1", "q2", "q3", "q4"])], RULE) == {"q1", "q2"}


def test_a_tie_between_tables_carries_a_hidden_cell_across() -> None:
    """Referrals by team: A 3, B 40, C 50 (total 93); the conversion rate's numerator by team
    is the same count. Protecting referrals alone hides A and B; the numerator's B is then
    hidden as well (its 40 would give A back as 93 - 40 - 50)."""
    values = {
        ("ref", "A"): 3,
        ("ref", "B"): 40,
        ("ref", "C"): 50,
        ("ref", None): 93,
        ("num", "A"): 3,
        ("num", "B"): 40,
        ("num", "C"): 50,
        ("num", None): 93,
    }
    sums = [
        (("ref", None), [("ref", g) for g in "ABC"]),
        (("num", None), [("num", g) for g in "ABC"]),
    ]
    sums += [(("num", g), [("ref", g)]) for g in ("A", "B", "C", None)]
    hidden = protect_sums(values, sums, RULE)
    assert hidden == {("ref", "A"), ("ref", "B"), ("num", "A"), ("num", "B")}


# --- disclose(): a page of indicator results ---------------------------------------------

QUARTERS = [f"2018-19-Q{q}" for q in range(1, 5)] + [f"2019-20-Q{q}" for q in range(1, 5)]
PERIOD = "2019-20-Q4"


def _result(ident: str, unit: str, n: list[int], d: list[int] | None) -> Result:
    def fig(label: str, num: float, den: float | None) -> Figure:
        if unit == "count":
            return Figure(label, num, num, None)
        return Figure(label, round(100 * num / den, 1) if den else None, num, den)

    dens = d or [None] * 8
    trend = [fig(q, n[i], dens[i]) for i, q in enumerate(QUARTERS)]
    last_year = fig("2018-19", sum(n[:4]), sum(d[:4]) if d else None)
    ytd = fig("2019-20-YTD-Q4", sum(n[4:]), sum(d[4:]) if d else None)
    return Result(
        id=ident,
        title=ident,
        area="Area",
        unit=unit,
        polarity="higher",
        period_type="flow",
        period=PERIOD,
        snapshot="s",
        status="ok",
        value=trend[-1].value,
        numerator=trend[-1].numerator,
        denominator=trend[-1].denominator,
        previous_quarters=trend[3:7],
        same_period_last_year=trend[3],
        last_year_outturn=last_year,
        forecast=ytd.value if unit != "count" else (ytd.value or 0) * 1.0,
    )


@st.composite
def pages(draw: st.DrawFn) -> tuple[dict, dict, dict, dict]:
    """A count (`ref`) by quarter with a breakdown of the last quarter, and a percentage
    (`conv`) whose numerator is the same count in every quarter and group."""
    n_groups = draw(st.integers(1, 4))
    groups = draw(st.lists(counts, min_size=n_groups, max_size=n_groups))
    quarters = [*draw(st.lists(counts, min_size=7, max_size=7)), sum(groups)]
    extra = draw(st.lists(st.integers(0, 30), min_size=n_groups, max_size=n_groups))
    group_d = [g + e for g, e in zip(groups, extra, strict=True)]
    earlier = draw(st.lists(st.integers(0, 30), min_size=7, max_size=7))
    dens = [q + e for q, e in zip(quarters[:7], earlier, strict=True)] + [sum(group_d)]
    ref = _result("ref", "count", quarters, None)
    conv = _result("conv", "percent", quarters, dens)
    keys = [f"g{k}" for k in range(n_groups)]
    breakdown = {
        "ref": [
            Result(**{**_base(ref), "key": k, "value": v, "numerator": v})
            for k, v in zip(keys, groups, strict=True)
        ],
        "conv": [
            Result(
                **{
                    **_base(conv),
                    "key": k,
                    "numerator": v,
                    "denominator": dd,
                    "value": round(100 * v / dd, 1) if dd else None,
                }
            )
            for k, v, dd in zip(keys, groups, group_d, strict=True)
        ],
    }
    trends = {"ref": _trend(ref, quarters, None), "conv": _trend(conv, quarters, dens)}
    truth = {
        "groups": dict(zip(keys, groups, strict=True)),
        "group_d": dict(zip(keys, group_d, strict=True)),
        "quarters": quarters,
        "dens": dens,
    }
    return {"ref": ref, "conv": conv}, trends, breakdown, truth


def _base(r: Result) -> dict:
    return {
        "id": r.id,
        "title": r.title,
        "area": r.area,
        "unit": r.unit,
        "polarity": r.polarity,
        "period_type": r.period_type,
        "period": r.period,
        "snapshot": r.snapshot,
        "status": "ok",
        "by": "age_band",
    }


def _trend(r: Result, n: list[int], d: list[int] | None) -> list[Figure]:
    return [
        Figure(
            q,
            float(n[i])
            if r.unit == "count"
            else (round(100 * n[i] / d[i], 1) if d and d[i] else None),
            n[i],
            None if d is None else d[i],
        )
        for i, q in enumerate(QUARTERS)
    ]


def _reader(results: dict, trends: dict, breakdown: dict) -> tuple[dict, list, dict]:
    """What a reader of the page knows: every shown count, and every count a shown value
    gives away (a shown percentage gives its numerator and denominator; a shown forecast
    gives the year to date; a shown year its sum), plus the sums that tie them."""
    known: dict = {}
    truth: dict = {}

    def see(
        ident: str, label: str, group: str | None, fig: object, n: float, d: float | None
    ) -> None:
        for m, true in (("n", n), ("d", d)):
            if true is None:
                continue
            truth[(ident, m, label, group)] = true
            shown = getattr(fig, "numerator" if m == "n" else "denominator", None)
            if shown is not None and shown is not SUPPRESSED:
                known[(ident, m, label, group)] = true
            if getattr(fig, "value", None) not in (None, SUPPRESSED):
                known[(ident, m, label, group)] = true

    sums: list = []
    for ident, r in results.items():
        for f in trends[ident]:
            see(ident, f.period, None, f, *_truth_of(ident, f.period))
        see(ident, "2018-19", None, r.last_year_outturn, *_truth_of(ident, "2018-19"))
        if r.forecast is not SUPPRESSED:
            for m, v in zip(("n", "d"), _truth_of(ident, "2019-20"), strict=True):
                if v is not None:
                    known[(ident, m, "2019-20", None)] = v
        for row in breakdown[ident]:
            see(ident, PERIOD, row.key, row, *_TRUTH["group"][(ident, row.key)])
        for m in ("n", "d"):
            sums.append(((ident, m, "2018-19", None), [(ident, m, q, None) for q in QUARTERS[:4]]))
            sums.append(((ident, m, "2019-20", None), [(ident, m, q, None) for q in QUARTERS[4:]]))
            sums.append(
                (
                    (ident, m, PERIOD, None),
                    [(ident, m, PERIOD, row.key) for row in breakdown[ident]],
                )
            )
    for key in list(truth):
        if key[0] == "ref":  # the conversion rate's numerator is the same count
            sums.append((("conv", "n", *key[2:]), [key]))
    return known, sums, truth


_TRUTH: dict = {}


def _truth_of(ident: str, label: str) -> tuple[float, float | None]:
    return _TRUTH["period"][(ident, label)]


def _remember(truth: dict) -> None:
    q, d = truth["quarters"], truth["dens"]
    period: dict = {}
    for i, label in enumerate(QUARTERS):
        period[("ref", label)] = (q[i], None)
        period[("conv", label)] = (q[i], d[i])
    for label, part in (("2018-19", slice(0, 4)), ("2019-20", slice(4, 8))):
        period[("ref", label)] = (sum(q[part]), None)
        period[("conv", label)] = (sum(q[part]), sum(d[part]))
    group = {}
    for k, v in truth["groups"].items():
        group[("ref", k)] = (v, None)
        group[("conv", k)] = (v, truth["group_d"][k])
    _TRUTH.clear()
    _TRUTH.update(period=period, group=group)


@settings(max_examples=200, deadline=None)
@given(pages())
def test_no_suppressed_figure_on_a_member_page_can_be_worked_out(page) -> None:
    results, trends, breakdown, truth = page
    _remember(truth)
    shown, shown_trends, shown_breakdown = disclose(
        results, trends, breakdown, Policy(Audience.MEMBER, RULE)
    )
    known, sums, every = _reader(shown, shown_trends, shown_breakdown)
    small = {k for k, v in every.items() if RULE.small(v)}
    assert not small & known.keys(), "a count of 1-5 is shown"
    assert not small & set(determined(known, sums)), "a count of 1-5 can be worked out"
    # what is shown is the true figure
    for ident in results:
        for before, after in zip(trends[ident], shown_trends[ident], strict=True):
            if after.value is not SUPPRESSED:
                assert after == before


def test_staff_see_everything_and_members_no_worker_breakdown() -> None:
    staff, member = policy_for("staff", RULE), policy_for("member", RULE)
    assert not staff.suppresses and staff.shows_breakdown("worker")
    assert member.suppresses and not member.shows_breakdown("worker")
    assert not member.shows_breakdown("team") and member.shows_breakdown("age_band")
    assert policy_for("public", RULE).suppresses


@pytest.mark.parametrize(
    ("setting", "threshold", "hides_5", "hides_6"),
    [(None, 5, True, False), ("6", 5, True, False), ("11", 10, True, True), ("0", 0, False, False)],
)
def test_the_setting_sets_the_threshold(monkeypatch, setting, threshold, hides_5, hides_6) -> None:
    if setting is None:
        monkeypatch.delenv("CSC_INSIGHT_SUPPRESS_BELOW", raising=False)
    else:
        monkeypatch.setenv("CSC_INSIGHT_SUPPRESS_BELOW", setting)
    rule = configured_rule()
    assert rule.threshold == threshold
    assert (rule.small(5), rule.small(6)) == (hides_5, hides_6)
    assert policy_for("member").suppresses is (setting != "0")


def test_a_bad_setting_is_named(monkeypatch) -> None:
    monkeypatch.setenv("CSC_INSIGHT_SUPPRESS_BELOW", "five")
    with pytest.raises(ValueError, match="CSC_INSIGHT_SUPPRESS_BELOW must be a whole number"):
        suppress_below()
