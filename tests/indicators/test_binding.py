"""Binding :name parameters into SQL as sqlglot literals (csc_insight.indicators.binding)."""

from datetime import date, datetime
from decimal import Decimal

import duckdb
import pytest
import sqlglot
from sqlglot import exp

from csc_insight.indicators.binding import (
    BindError,
    bind,
    literal,
    literal_sql,
    parse,
    placeholders,
)
from csc_insight.indicators.catalogue import catalogue, common_views, views_needed
from csc_insight.indicators.settings import sql_params


def one_line(sql, params, dialect="duckdb"):
    return bind(sql, params, dialect, pretty=False)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (True, "TRUE"),
        (False, "FALSE"),
        (45, "45"),
        (-1, "-1"),
        (0.5, "0.5"),
        (Decimal("2.50"), "2.50"),
        (date(2020, 3, 31), "CAST('2020-03-31' AS DATE)"),
        (datetime(2020, 3, 31, 9, 30), "CAST('2020-03-31 09:30:00' AS TIMESTAMP)"),
        ("F1", "'F1'"),
        (None, "NULL"),
    ],
)
def test_each_type_becomes_a_literal_of_its_own(value, expected):
    assert (
        one_line("SELECT x FROM t WHERE y = :v", {"v": value})
        == f"SELECT x FROM t WHERE y = {expected}"
    )


def test_a_definition_like_query():
    sql = """SELECT p.period, a.child_id,
       cb.working_day_no - ca.working_day_no + :inclusive * CAST(ca.is_working_day AS INTEGER)
           <= :wd_limit AS in_numerator,
       CASE WHEN :clock_from_referral THEN r.referral_date ELSE a.start_date END AS clock_start
FROM periods p
JOIN assessments a ON a.authorised_date BETWEEN p.period_start AND p.period_end
WHERE a.activity IN (:eet_codes) AND a.start_date > :year_end - INTERVAL 5 YEAR"""
    params = {
        "inclusive": 0,
        "wd_limit": 45,
        "clock_from_referral": True,
        "eet_codes": ["F1", "P1"],
        "year_end": date(2020, 3, 31),
        "unused": "ignored",
    }
    assert (
        bind(sql, params)
        == """SELECT
  p.period,
  a.child_id,
  cb.working_day_no - ca.working_day_no + 0 * CAST(ca.is_working_day AS INT) <= 45 AS in_numerator,
  CASE WHEN TRUE THEN r.referral_date ELSE a.start_date END AS clock_start
FROM periods AS p
JOIN assessments AS a
  ON a.authorised_date BETWEEN p.period_start AND p.period_end
WHERE
  a.activity IN ('F1', 'P1')
  AND a.start_date > CAST('2020-03-31' AS DATE) - INTERVAL '5' YEAR"""
    )


def test_rendered_for_spark():
    sql = "SELECT x FROM t WHERE d <= :year_end AND name = :name AND n IN (:codes)"
    assert one_line(
        sql, {"year_end": date(2020, 3, 31), "name": "O'Brien", "codes": [1, 2]}, "spark"
    ) == (
        "SELECT x FROM t WHERE d <= CAST('2020-03-31' AS DATE) "
        "AND name = 'O\\'Brien' AND n IN (1, 2)"
    )


def test_a_list_becomes_the_items_of_the_list_it_stands_in():
    assert (
        one_line("SELECT x FROM t WHERE y IN (0, :a, 9)", {"a": (1, 2)})
        == "SELECT x FROM t WHERE y IN (0, 1, 2, 9)"
    )
    assert (
        one_line("SELECT x FROM t WHERE y IN (:a)", {"a": {"b", "c", "a"}})
        == "SELECT x FROM t WHERE y IN ('a', 'b', 'c')"
    )


def test_a_placeholder_first_in_the_select_list():
    # DuckDB's `alias: expr` syntax must not swallow it
    assert one_line("SELECT :x AS y, (:x) AS z", {"x": 1}) == "SELECT 1 AS y, (1) AS z"


def test_strings_comments_casts_and_dollar_names():
    sql = "SELECT ':x', x::INTEGER, $y /* :z */ FROM t"
    assert placeholders(sql) == ["y"]
    assert one_line(sql, {"y": 2}) == "SELECT ':x', CAST(x AS INT), 2 /* :z */ FROM t"


def test_a_comment_on_a_placeholder_stays():
    assert (
        one_line("SELECT x FROM t WHERE y IN (:a /* codes */)", {"a": [1, 2]})
        == "SELECT x FROM t WHERE y IN (1, 2 /* codes */)"
    )


def test_parse_reads_a_placeholder_first_in_the_select_list():
    # the catalogue reads a definition's columns from this tree
    assert parse("SELECT :x AS y, a.b FROM a").named_selects == ["y", "b"]


def test_placeholders_in_order_of_first_use():
    assert placeholders("SELECT :b, :a FROM t WHERE c = :b") == ["b", "a"]


def test_a_placeholder_with_no_value_is_named():
    with pytest.raises(BindError, match=r"SQL parameter :wd_limit has no value \(given: :x\)"):
        bind("SELECT a <= :wd_limit FROM t", {"x": 1})


@pytest.mark.parametrize("sql", ["SELECT a FROM t WHERE b = ?", "SELECT a FROM t WHERE b = $1"])
def test_a_positional_placeholder_is_refused(sql):
    with pytest.raises(BindError, match="positional SQL parameter"):
        bind(sql, {})


@pytest.mark.parametrize(
    ("sql", "value", "message"),
    [
        ("SELECT a FROM t WHERE b = :v", [1, 2], "is a list, but is not used as an item"),
        ("SELECT a FROM t WHERE b IN (:v)", [], "is an empty list"),
        ("SELECT a FROM t WHERE b IN (:v)", [[1]], "is a list of lists"),
        ("SELECT a FROM t WHERE b IN (:v)", {1, "a"}, "cannot be sorted"),
        ("SELECT a FROM t WHERE b = :v", float("nan"), "has no SQL literal"),
        ("SELECT a FROM t WHERE b = :v", {"k": 1}, "type dict, which cannot be bound"),
    ],
)
def test_a_value_that_cannot_be_bound_is_named(sql, value, message):
    with pytest.raises(BindError, match=f"SQL parameter :v .*{message}"):
        bind(sql, {"v": value})


INJECTIONS = ["O'Brien", "x' OR '1'='1", "'; DROP TABLE t; --", "a\\'b", "\\", "it''s"]


@pytest.mark.parametrize("value", INJECTIONS)
def test_a_string_cannot_inject_sql_on_duckdb(value):
    con = duckdb.connect()
    con.execute("CREATE TABLE t (name VARCHAR)")
    con.execute("INSERT INTO t VALUES ('O''Brien'), ('other')")
    assert con.execute(bind("SELECT :v AS v", {"v": value})).fetchall() == [(value,)]
    found = con.execute(bind("SELECT name FROM t WHERE name = :v", {"v": value})).fetchall()
    assert found == ([("O'Brien",)] if value == "O'Brien" else [])
    assert con.execute("SELECT COUNT(*) FROM t").fetchone() == (2,)


@pytest.mark.parametrize("value", INJECTIONS)
@pytest.mark.parametrize("dialect", ["duckdb", "spark"])
def test_a_string_stays_one_literal_in_each_dialect(value, dialect):
    tree = sqlglot.parse_one(
        bind("SELECT a FROM t WHERE b = :v", {"v": value}, dialect), read=dialect
    )
    assert tree.args["where"].this.expression == exp.Literal.string(value)


def test_equal_values_of_other_types_are_not_confused():
    # bind caches its output: True == 1 and 0.0 == -0.0 must still be told apart
    assert one_line("SELECT :v", {"v": True}) == "SELECT TRUE"
    assert one_line("SELECT :v", {"v": 1}) == "SELECT 1"
    assert one_line("SELECT :v", {"v": 1.0}) == "SELECT 1.0"
    assert one_line("SELECT :v", {"v": 0.0}) == "SELECT 0.0"
    assert one_line("SELECT :v", {"v": -0.0}) == "SELECT -0.0"


def test_literal():
    assert literal(date(2020, 4, 1)).sql("duckdb") == "CAST('2020-04-01' AS DATE)"
    assert literal_sql("it's", "duckdb") == "'it''s'"
    assert literal_sql("it's", "spark") == "'it\\'s'"
    with pytest.raises(BindError, match=":value has a value of type object"):
        literal(object())


def test_every_definition_and_view_has_a_value_for_each_placeholder():
    settings = {"working_days": "day0", "assessment_clock": "assessment_start"}
    views = common_views()
    for definition in catalogue():
        params = sql_params(settings, definition.id, definition.params)
        for sql in [definition.sql, *(views[v] for v in views_needed(definition.sql))]:
            assert set(placeholders(sql)) <= set(params), definition.id
            bind(sql, params)
