"""Countries from ISO 3166-1 (pycountry), so importers can check codes against a real list."""

import pycountry
from django.db import migrations


def seed(apps, schema_editor):
    Country = apps.get_model("core", "Country")
    existing = set(Country.objects.values_list("iso3", flat=True))
    Country.objects.bulk_create(
        Country(iso3=c.alpha_3, name=getattr(c, "common_name", c.name))
        for c in pycountry.countries
        if c.alpha_3 not in existing
    )


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
