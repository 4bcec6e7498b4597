"""The review checklist starts from the mandate rubric's items (agreements.RubricItem), as the secretariat
left them when this migration runs; from then on the checklist is edited on its own."""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps


def seed(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    RubricItem = apps.get_model("agreements", "RubricItem")
    ChecklistItem = apps.get_model("reviews", "ChecklistItem")
    for item in RubricItem.objects.order_by("order", "name"):
        ChecklistItem.objects.get_or_create(slug=item.slug, defaults={
            "name": item.name, "description": item.description, "order": item.order})


class Migration(migrations.Migration):
    dependencies = [("reviews", "0001_initial"), ("agreements", "0003_seed_rubric")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
