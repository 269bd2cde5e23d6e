"""The ids a list of children showed, in one access event (issue 11). A nullable column is
added in place (ALTER TABLE), so the append-only triggers of 0002 stay."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accesslog", "0002_append_only"),
    ]

    operations = [
        migrations.AddField(
            model_name="accessevent",
            name="child_ids",
            field=models.TextField(blank=True, null=True),
        ),
    ]
