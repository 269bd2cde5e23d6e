"""The canonical tables (`store.schema`): the ids are stored as they are, the codes and the
lineage compressed. Real DuckDB files."""

from __future__ import annotations

import duckdb

from csc_insight.store import schema


def _compression(path) -> dict[str, str]:
    """How each VARCHAR column of `children` and `referrals` is stored once 200,000 rows of
    distinct ids are written and checkpointed."""
    con = duckdb.connect(str(path))
    try:
        schema.create(con)
        con.execute(
            "INSERT INTO children (child_id, upn, sex, source, source_ref) SELECT 'C' || range, "
            "'A' || lpad(range::VARCHAR, 12, '0'), 'F', 'local', 'children.csv:' || range "
            "FROM range(200000)"
        )
        con.execute(
            "INSERT INTO referrals (referral_id, child_id, referral_date, source, source_ref) "
            "SELECT 'C' || range || '/REF/2019-06-03', 'C' || range, DATE '2019-06-03', "
            "'local', 'referrals.csv:' || range FROM range(200000)"
        )
        con.execute("CHECKPOINT")
        rows = con.execute(
            "SELECT DISTINCT table_name || '.' || column_name, compression "
            "FROM (SELECT 'children' AS table_name, * FROM pragma_storage_info('children') "
            "UNION ALL SELECT 'referrals', * FROM pragma_storage_info('referrals')) "
            "WHERE segment_type = 'VARCHAR' AND column_name IN "
            "('child_id', 'upn', 'referral_id', 'sex', 'source', 'source_ref')"
        ).fetchall()
    finally:
        con.close()
    return dict(rows)


def test_ids_are_stored_as_they_are_and_codes_and_lineage_compressed(tmp_path):
    assert _compression(tmp_path / "snapshot.duckdb") == {
        "children.child_id": "Uncompressed",
        "children.upn": "Uncompressed",
        "referrals.child_id": "Uncompressed",
        "referrals.referral_id": "Uncompressed",
        # Codes repeat: a dictionary is cheap and small. The lineage is zstd.
        "children.sex": "DICT_FSST",
        "children.source": "DICT_FSST",
        "referrals.source": "DICT_FSST",
        "children.source_ref": "ZSTD",
        "referrals.source_ref": "ZSTD",
    }


def test_a_table_made_from_a_query_stores_its_ids_as_they_are(tmp_path):
    """`create_as` (the tables made for the indicators at a load): the query's columns and
    rows, the ids uncompressed, every other column as DuckDB chooses."""
    con = duckdb.connect(str(tmp_path / "snapshot.duckdb"))
    try:
        schema.create_as(
            con,
            "links",
            "SELECT 'C' || range AS child_id, 'C' || range || '/CONT' AS contact_id, "
            "range % 3 = 0 AS converted, 'local' AS source, "
            "DATE '2019-06-03' + CAST(range % 7 AS INTEGER) AS day "
            "FROM range(200000)",
        )
        con.execute("CHECKPOINT")
        kinds = dict(
            con.execute(
                "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'links'"
            ).fetchall()
        )
        stored = dict(
            con.execute(
                "SELECT DISTINCT column_name, compression FROM pragma_storage_info('links') "
                "WHERE segment_type = 'VARCHAR'"
            ).fetchall()
        )
        counted = con.execute(
            "SELECT count(*), count(*) FILTER (converted), max(contact_id) FROM links"
        ).fetchone()
    finally:
        con.close()
    assert kinds == {
        "child_id": "VARCHAR",
        "contact_id": "VARCHAR",
        "converted": "BOOLEAN",
        "source": "VARCHAR",
        "day": "DATE",
    }
    assert stored == {
        "child_id": "Uncompressed",
        "contact_id": "Uncompressed",
        "source": "DICT_FSST",
    }
    assert counted == (200000, 66667, "C99999/CONT")
