from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies: list[tuple[str, str]] = []

    operations = [
        migrations.CreateModel(
            name="AccessEvent",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("at", models.DateTimeField(auto_now_add=True, db_index=True)),
                ("user_id", models.BigIntegerField(null=True)),
                ("username", models.CharField(db_index=True, max_length=150)),
                ("child_id", models.CharField(db_index=True, max_length=64)),
                ("route", models.CharField(max_length=100)),
                ("path", models.CharField(max_length=300)),
                ("reason", models.CharField(blank=True, max_length=300)),
            ],
            options={"ordering": ["-at", "-id"]},
        ),
    ]
