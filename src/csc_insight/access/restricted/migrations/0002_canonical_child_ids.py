"""Restricted records flagged before ids were normalised (issue 11): store each child id in
its canonical form (trimmed, upper-cased), so that `cl00000006` restricts `CL00000006`.

When the canonical id already has a row, the two are merged into it: it is in force if
either was, and the other row's grants move to it."""

from django.db import migrations


def _canonical(apps, schema_editor) -> None:
    Record = apps.get_model("restricted", "RestrictedRecord")
    Grant = apps.get_model("restricted", "Grant")
    for record in Record.objects.order_by("pk"):
        canonical = record.child_id.strip().upper()
        if canonical == record.child_id:
            continue
        kept = Record.objects.filter(child_id=canonical).first()
        if kept is None:
            record.child_id = canonical
            record.save(update_fields=["child_id"])
            continue
        if record.lifted_at is None and kept.lifted_at is not None:
            for name in (
                "category",
                "reason",
                "flagged_by_id",
                "flagged_at",
                "lifted_by_id",
                "lifted_at",
            ):
                setattr(kept, name, getattr(record, name))
            kept.save()
        Grant.objects.filter(record=record).update(record=kept)
        record.delete()


class Migration(migrations.Migration):
    dependencies = [("restricted", "0001_initial")]

    operations = [migrations.RunPython(_canonical, migrations.RunPython.noop)]
