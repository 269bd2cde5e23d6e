"""The round summary and the trend, from hand-made audit records."""

from __future__ import annotations

from csc_insight.audits.summary import AuditRecord, summarise, trend

G, OUT, RI, INAD = "good", "outstanding", "requires_improvement", "inadequate"


def _records() -> list[AuditRecord]:
    return [
        AuditRecord("cin", True, G, {"assessment": G, "family": RI}, frozenset({"family"})),
        AuditRecord(
            "cp",
            True,
            RI,
            {"assessment": RI, "family": RI},
            frozenset({"family", "voice"}),
            concern=True,
            moderated=True,
            changed_in_moderation=2,
        ),
        AuditRecord("cla", True, OUT, {"assessment": OUT, "family": G}, frozenset({"voice"})),
        AuditRecord("cin", False),
        AuditRecord(None, True, INAD, {"assessment": INAD}, frozenset()),
    ]


def test_summary_counts_by_type_grade_and_theme() -> None:
    s = summarise(_records())
    assert (s.cases, s.completed, s.concerns, s.moderated, s.changed_in_moderation) == (
        5,
        4,
        1,
        1,
        2,
    )
    assert s.by_type == [
        ("Early help", 0),
        ("Child in need", 2),
        ("Child protection", 1),
        ("Looked after", 1),
        ("Care leaver", 0),
        ("Not open at the end of the quarter", 1),
    ]
    rows = {r.label: r for r in s.grades}
    assert rows["Assessment"].counts == [1, 1, 1, 1]
    assert rows["Assessment"].good_or_better == 50.0
    assert rows["Views of family and partners"].counts == [0, 1, 2, 0]
    assert rows["Views of family and partners"].good_or_better == 33.3
    assert rows["Referral and response"].graded == 0
    assert rows["Referral and response"].good_or_better is None
    assert rows["Overall"].counts == [1, 1, 1, 1]
    # Two sections with the same count share one line (issue 11: the number was repeated).
    assert s.themes == [
        "Voice of the child and Views of family and partners: areas to improve in 2 of 4 audits"
    ]
    assert s.improve == [("Voice of the child", 2), ("Views of family and partners", 2)]


def test_trend_per_section_across_rounds() -> None:
    second = [
        AuditRecord("cin", True, G, {"assessment": G}),
        AuditRecord("cin", True, G, {"assessment": G}),
    ]
    t = trend([("2019-20 Q3", _records()), ("2019-20 Q4", second)])
    assert t.rounds == ["2019-20 Q3", "2019-20 Q4"]
    rows = dict(t.rows)
    assert rows["Assessment"] == [50.0, 100.0]
    assert rows["Overall"] == [50.0, 100.0]
    assert rows["Voice of the child"] == [None, None]
