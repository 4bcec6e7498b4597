"""Countries from ISO 3166-1, so importers can check codes against a real list.

The list is 0002_seed_countries.json beside this file: [alpha-3 code, name] pairs, the common name where
ISO gives one, as pycountry 26.2 had them. It is a copy kept with the migration, so that the migration
gives the same rows whatever pycountry or the application code later become.
"""

import json
from pathlib import Path

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

DATA = Path(__file__).with_name("0002_seed_countries.json")


def seed(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    Country = apps.get_model("core", "Country")
    existing = set(Country.objects.values_list("iso3", flat=True))
    countries = json.loads(DATA.read_text(encoding="utf-8"))
    Country.objects.bulk_create(
        Country(iso3=iso3, name=name) for iso3, name in countries if iso3 not in existing
    )


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
