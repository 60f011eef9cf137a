from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("outcomes", "0002_reminder_policy_and_performance_reports"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="indicator",
            options={"ordering": ["outcome", "code"]},
        ),
        migrations.AddField(
            model_name="indicator",
            name="code",
            field=models.CharField(
                default="",
                help_text="A short reference, unique within the framework, that uploads of "
                "readings use: e.g. 1.2 or HSC-03.",
                max_length=20,
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="historicalindicator",
            name="code",
            field=models.CharField(
                default="",
                help_text="A short reference, unique within the framework, that uploads of "
                "readings use: e.g. 1.2 or HSC-03.",
                max_length=20,
            ),
            preserve_default=False,
        ),
    ]
