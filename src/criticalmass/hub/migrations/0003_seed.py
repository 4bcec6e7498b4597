"""The evidence seed and the "click here" cards, both edited later in the admin.

The evidence is 0003_seed_evidence.json beside this file: the records of hub/data/evidence.json as
`criticalmass load-evidence` checks and stores them (tags as ",a,b,", numbers as decimal strings), with
the slugs each one qualifies. It is a copy kept with the migration, so that the migration gives the same
rows whatever the data file or the application code later become; `load-evidence` updates a database
from the data file.
"""

import json
from decimal import Decimal
from pathlib import Path

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

EVIDENCE = Path(__file__).with_name("0003_seed_evidence.json")

CARDS = [
    (
        "ministry-implementer",
        "Ministry implementer",
        "Plans, laws and the obligations they answer to.",
        [
            ("data", "Women at the peace table, by process", "/negotiations/"),
            ("data", "Targets and how they rise to parity", "/targets/"),
            ("evidence", "Obligations and baselines", "/hub/evidence/?kind=obligation"),
            ("practice", "Practices and toolkits", "/hub/practices/"),
            ("support", "Build a briefing for your minister", "/briefings/"),
        ],
    ),
    (
        "mission-leader",
        "Mission leader",
        "Your mission's women's share against target, and what works.",
        [
            ("data", "Missions ranked by their gap to target", "/"),
            ("evidence", "Evidence for military and police audiences", "/hub/evidence/?audience=military"),
            ("practice", "Practices from peace operations", "/hub/practices/"),
            ("support", "Elsie Initiative Fund for uniformed women", "https://elsiefund.org/"),
            ("support", "Build a briefing for a force commander", "/briefings/"),
        ],
    ),
    (
        "donor",
        "Donor",
        "Where the money goes, and where it does not.",
        [
            ("evidence", "Funding baselines", "/hub/evidence/?theme=funding"),
            ("data", "Sources of every figure", "/sources/"),
            ("practice", "Practices worth funding", "/hub/practices/"),
            ("support", "Build a briefing for a donor", "/briefings/"),
        ],
    ),
    (
        "male-ally",
        "Male ally",
        "What you can do with the access you have.",
        [
            ("evidence", "Evidence for men as allies", "/hub/evidence/?audience=men_allies"),
            ("data", "Sign the Charter and make commitments", "/charter/"),
            ("practice", "Stories from allies and advocates", "/hub/practices/?type=story"),
            ("support", "Build a briefing for a meeting", "/briefings/"),
        ],
    ),
    (
        "grassroots-advocate",
        "Grassroots advocate",
        "Evidence to argue with, and a safe place to share.",
        [
            ("evidence", "All verified evidence", "/hub/evidence/"),
            ("practice", "Share a practice or a story", "/hub/practices/new/"),
            ("data", "Peace agreements and their provisions", "/agreements/"),
            ("support", "Build a briefing for a decision-maker", "/briefings/"),
        ],
    ),
]


def seed_evidence(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    Evidence = apps.get_model("hub", "Evidence")
    records = json.loads(EVIDENCE.read_text(encoding="utf-8"))
    items = {}
    for record in records:
        fields = {k: v for k, v in record.items() if k not in ("slug", "qualifies")}
        if fields["number"] is not None:
            fields["number"] = Decimal(fields["number"])
        items[record["slug"]], _ = Evidence.objects.get_or_create(slug=record["slug"], defaults=fields)
    for record in records:
        items[record["slug"]].qualifies.set([items[s] for s in record["qualifies"]])


def seed_cards(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    Card = apps.get_model("hub", "Card")
    CardLink = apps.get_model("hub", "CardLink")
    for order, (slug, title, blurb, links) in enumerate(CARDS):
        card, _ = Card.objects.get_or_create(
            slug=slug, defaults={"title": title, "blurb": blurb, "order": order}
        )
        for i, (type_, label, url) in enumerate(links):
            CardLink.objects.get_or_create(
                card=card, label=label, defaults={"type": type_, "url": url, "order": i}
            )


class Migration(migrations.Migration):
    dependencies = [("hub", "0002_search_index"), ("core", "0001_initial")]

    operations = [
        migrations.RunPython(seed_evidence, migrations.RunPython.noop),
        migrations.RunPython(seed_cards, migrations.RunPython.noop),
    ]
