"""The mandate scorecard's rubric the platform starts with; the secretariat edits items and weights
in the admin. The categories follow the coalition's demand: mandates for women's protection,
participation and empowerment, backed by resources, measurable goals and accountability."""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

ITEMS = [
    ("protection", "protection", "Protection of women and girls",
     "Provisions on conflict-related sexual violence, gender-based violence and the protection of women "
     "and girls.", 2),
    ("participation", "participation", "Women's full, equal and meaningful participation",
     "Provisions on women's participation in the peace process, elections, institutions and the mission's "
     "own work.", 2),
    ("empowerment", "empowerment", "Women's empowerment",
     "Provisions on women's economic, political and social empowerment and recovery.", 1),
    ("gender-advisers", "resources", "Gender advisers",
     "The mandate provides for gender advisers or a gender unit.", 1),
    ("women-protection-advisers", "resources", "Women protection advisers",
     "The mandate provides for women protection advisers.", 1),
    ("budget", "resources", "Budget lines for gender and WPS",
     "Resources earmarked for gender and Women, Peace and Security work.", 1),
    ("measurable-goals", "goals", "Measurable goals",
     "Targets, indicators or timelines for the mandate's gender provisions.", 1),
    ("reporting", "accountability", "Reporting duties",
     "The Secretary-General or the mission must report on women, peace and security.", 1),
    ("benchmarks", "accountability", "Benchmarks",
     "Benchmarks against which the Council reviews the gender provisions.", 1),
]


def seed(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    RubricItem = apps.get_model("agreements", "RubricItem")
    for order, (slug, category, name, description, weight) in enumerate(ITEMS, start=1):
        RubricItem.objects.update_or_create(slug=slug, defaults={
            "category": category, "name": name, "description": description, "weight": weight, "order": order})


class Migration(migrations.Migration):
    dependencies = [("agreements", "0002_seed_pillars")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
