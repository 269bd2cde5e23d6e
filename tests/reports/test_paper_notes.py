"""What 'c' stands for is said under a paper that shows a 'c', and not under one that does
not (a plan's RAG counts, a register paper with nothing small): Members read a note about
hidden figures as a sign that some are hidden. A council that suppresses nothing says so on
every paper."""

from __future__ import annotations

from datetime import date

from csc_insight.reports.disclosure import Rule
from csc_insight.reports.paper import Appendix, Bullets, Chart, Grid, Paper, Para, shows_symbol
from csc_insight.reports.render import outline, to_html

NOTE = (
    "c: not shown to protect children's identities: a count of 1 to 5, a figure from which "
    "one could be worked out, or a percentage of one."
)


def _paper(*blocks: object, appendix: list[object] | None = None, rule: Rule | None) -> Paper:
    return Paper(
        kind="test",
        subject="Test paper",
        meeting=date(2020, 4, 20),
        public=True,
        body=list(blocks),  # type: ignore[arg-type]
        appendices=[Appendix("Appendix 1: Plan", appendix)] if appendix else [],  # type: ignore[arg-type]
        notes=["Counts of 1 to 5 are written 'fewer than 6'."],
        disclosure=rule,
    )


def _paras(paper: Paper) -> list[str]:
    return [b.text for b in outline(paper) if isinstance(b, Para)]


def test_the_note_follows_a_table_that_shows_c() -> None:
    grid = Grid("Actions", ["Section", "Red"], [["Safe", "c"], ["Total", "9"]])
    paras = _paras(_paper(grid, rule=Rule()))
    assert paras[-2:] == ["Counts of 1 to 5 are written 'fewer than 6'.", NOTE]
    assert "not shown to protect children&#x27;s identities" in to_html(_paper(grid, rule=Rule()))


def test_no_note_where_nothing_is_hidden() -> None:
    grid = Grid("Actions by RAG rating", ["Section", "Red"], [["Safe", "1"], ["Total", "3"]])
    plan = Grid("Plan", ["Ref", "Comments"], [["1", "Chair recruited\nOn target"]])
    paper = _paper(grid, Para("Children's plans reviewed: 4 of 13."), appendix=[plan], rule=Rule())
    paras = _paras(paper)
    assert paras[-1] == "Counts of 1 to 5 are written 'fewer than 6'."
    assert not any("not shown to protect" in p for p in paras)
    assert "not shown to protect" not in to_html(paper)


def test_a_c_in_an_appendix_a_chart_a_cell_line_or_a_sentence_counts() -> None:
    shown = [
        _paper(appendix=[Grid("Plan", ["Ref", "Children"], [["1", "c"]])], rule=Rule()),
        _paper(Chart("<svg/>", Grid("Trend", ["Quarter", "n"], [["Q3", "c"]])), rule=Rule()),
        _paper(Grid("Notes", ["Area", "Count"], [["Safe", "12\nc"]]), rule=Rule()),
        _paper(Para("Cases audited: c of 9."), rule=Rule()),
        _paper(Bullets(["Looked after: c"]), rule=Rule()),
    ]
    assert [_paras(p)[-1] for p in shown] == [NOTE] * 5


def test_shows_symbol_reads_words_not_letters() -> None:
    assert not shows_symbol([Para("The child's care plan (section 25B), a c-section, Tom's.")])
    assert not shows_symbol([Grid("x", ["a"], [["cc"], ["c1"], ["C"]])])
    assert shows_symbol([Para("Looked after: c.")])


def test_a_council_that_suppresses_nothing_says_so_on_every_paper() -> None:
    grid = Grid("Actions", ["Section", "Red"], [["Safe", "1"]])
    paras = _paras(_paper(grid, rule=Rule(threshold=0)))
    assert paras[-1].startswith("Small numbers are published: this council does not suppress")


def test_no_rule_no_note() -> None:
    grid = Grid("Actions", ["Section", "Red"], [["Safe", "c"]])
    assert _paras(_paper(grid, rule=None))[-1] == "Counts of 1 to 5 are written 'fewer than 6'."
