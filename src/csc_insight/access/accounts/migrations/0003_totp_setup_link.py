"""The one-time setup link an Administrator gives a user required to use a second factor
(issue 11): its hash and expiry."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_user_totp_required"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="totp_setup_hash",
            field=models.CharField(blank=True, default="", max_length=64),
        ),
        migrations.AddField(
            model_name="user",
            name="totp_setup_until",
            field=models.DateTimeField(blank=True, null=True),
        ),
    ]
