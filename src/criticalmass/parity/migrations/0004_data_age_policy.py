"""The data age policy: its table and the one row the secretariat edits (stale after 12 months)."""

from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps


def seed(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    """The one row the secretariat edits: stale after 12 months, a ranking window of 3 months."""
    apps.get_model("parity", "DataAgePolicy").objects.get_or_create(
        pk=1, defaults={"stale_after_months": 12, "report_window_months": 3})


class Migration(migrations.Migration):

    dependencies = [
        ('parity', '0003_observation_unique_per_source'),
    ]

    operations = [
        migrations.CreateModel(
            name='DataAgePolicy',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('stale_after_months', models.PositiveSmallIntegerField(default=12, help_text='A page whose latest month is more than this many months old says so in a banner.')),
                ('report_window_months', models.PositiveSmallIntegerField(default=3, help_text='The ranking on a month ranks a mission on its latest month within this many months up to that month (1 = that month only); a mission with no month in the window, or closed by then, is listed apart.')),
            ],
            options={
                'verbose_name': 'data age policy',
                'verbose_name_plural': 'data age policy',
            },
        ),
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
