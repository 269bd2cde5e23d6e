"""Make the access log append-only in the database itself, whatever the app does."""

from django.db import migrations

TABLE = "accesslog_accessevent"

SQLITE = [
    f"""CREATE TRIGGER accesslog_no_update BEFORE UPDATE ON {TABLE}
        BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END""",
    f"""CREATE TRIGGER accesslog_no_delete BEFORE DELETE ON {TABLE}
        BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END""",
]
SQLITE_REVERSE = ["DROP TRIGGER accesslog_no_update", "DROP TRIGGER accesslog_no_delete"]

POSTGRES = [
    """CREATE FUNCTION accesslog_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'the access log is append-only'; END $$""",
    f"""CREATE TRIGGER accesslog_no_change BEFORE UPDATE OR DELETE ON {TABLE}
        FOR EACH ROW EXECUTE FUNCTION accesslog_refuse()""",
    f"""CREATE TRIGGER accesslog_no_truncate BEFORE TRUNCATE ON {TABLE}
        FOR EACH STATEMENT EXECUTE FUNCTION accesslog_refuse()""",
]
POSTGRES_REVERSE = [
    f"DROP TRIGGER accesslog_no_truncate ON {TABLE}",
    f"DROP TRIGGER accesslog_no_change ON {TABLE}",
    "DROP FUNCTION accesslog_refuse()",
]


def _run(statements: dict[str, list[str]]):
    def run(apps, schema_editor) -> None:
        vendor = schema_editor.connection.vendor
        if vendor not in statements:
            raise RuntimeError(f"No append-only triggers for the {vendor} database")
        for sql in statements[vendor]:
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("accesslog", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRES_REVERSE}),
        )
    ]
