"""An indicator that is not available says what it needs in words (indicators/needs.py)."""

from csc_insight.indicators import catalogue, needs
from csc_insight.indicators.catalogue import split_need


def test_every_column_a_definition_requires_has_words():
    """A definition requiring a snapshot column that needs.yaml does not describe would show
    the bare column to users: add its words there."""
    required = {
        "{}.{}".format(*split_need(need)[:2])
        for definition in catalogue()
        for need in definition.snapshot_requires
    }
    assert sorted(required - needs.words().keys()) == []
    assert sorted(needs.words().keys() - required) == []  # no words for what nothing needs


def test_not_available_in_words_with_the_columns_for_the_analyst():
    assert needs.explain("not available: needs contacts.decision_date") == (
        "Not available: needs the dates contacts were decided, which the data loaded do not "
        "hold (contacts.decision_date)."
    )
    assert needs.explain(
        "not available: needs cla_episodes.rne from ssda903, visits.visit_date from local"
    ) == (
        "Not available: needs why looked-after episodes started (new placements) from "
        "SSDA903; visits to children from the local extras files, which the data loaded do "
        "not hold (cla_episodes.rne from ssda903, visits.visit_date from local)."
    )


def test_other_statuses_are_shown_as_they_are():
    assert needs.explain("not available: the registers are read by the DuckDB engine only") == (
        "Not available: the registers are read by the DuckDB engine only"
    )
