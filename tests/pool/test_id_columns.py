"""Every id column of the snapshot is pseudonymised in the pool: ids are built from the
council's child id ('C1/REF/2019-06-01'), so one left as it is would carry the real id."""

from csc_insight.pool.pseudonymise import ID_COLUMNS
from csc_insight.store.schema import tables


def test_every_id_column_of_the_schema_is_pseudonymised() -> None:
    id_columns = {c for columns in tables().values() for c in columns if c.endswith("_id")}
    assert "pre_proceedings_id" in id_columns
    assert id_columns <= ID_COLUMNS
