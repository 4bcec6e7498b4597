"""The two target policies the platform starts with. The secretariat edits them in the admin."""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

ELSIE = "UN Strategies, Elsie Initiative Fund, summarising the DPO Uniformed Gender Parity Strategy 2018-2028 (https://elsiefund.org/un-strategies-eifund/)"
OMA_2021 = "UN DPO, 'Acknowledging uniformed gender parity target achievers' (2021), read in a mirror of https://peacekeeping.un.org/en/acknowledging-uniformed-gender-parity-target-achievers (secondary)"
UNPOL_2022 = "UN Police Division, 'UNPOL component in UNSOM surpasses the gender parity targets for 2028' (2022), https://police.un.org/en/unpol-component-un-assistance-mission-somalia-surpasses-gender-parity-targets-2028"

UGPS_ANCHORS = [
    ("troops", 2021, 8, OMA_2021),
    ("troops", 2028, 15, ELSIE),
    ("experts_on_mission", 2021, 18, OMA_2021),
    ("experts_on_mission", 2028, 25, ELSIE),
    ("formed_police", 2022, 12, UNPOL_2022),
    ("formed_police", 2028, 20, ELSIE),
    ("individual_police", 2028, 30, ELSIE),
]


def seed(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    TargetPolicy = apps.get_model("parity", "TargetPolicy")
    TargetAnchor = apps.get_model("parity", "TargetAnchor")
    TargetPolicy.objects.update_or_create(
        slug="escalating-to-parity",
        defaults=dict(
            name="Escalating to parity",
            kind="escalating",
            description="The coalition's demand: at least 30% women among leaders and participants "
            "from the start year, rising 5 points every year until parity (50%).",
            citation="Critical Mass coalition Charter demand (set by the secretariat).",
            floor=30, start_year=2025, step=5, cap=50, close_within=5, is_default=True,
        ),
    )
    ugps, _ = TargetPolicy.objects.update_or_create(
        slug="un-ugps-2018-2028",
        defaults=dict(
            name="UN Uniformed Gender Parity Strategy 2018-2028",
            kind="anchored",
            description="Per-category targets for women among uniformed UN peacekeepers. "
            "Official values where published; linear interpolation between them, labelled as such; "
            "before the first and after the last official value, the nearest one is held and labelled. "
            "The strategy's 'military observers and staff officers' target is applied to the "
            "'experts on mission' category, which before 2015 held military observers.",
            citation=ELSIE,
            floor=0, start_year=2018, step=0, cap=50, close_within=2, is_default=False,
        ),
    )
    for role, year, value, citation in UGPS_ANCHORS:
        TargetAnchor.objects.update_or_create(
            policy=ugps, role=role, year=year, defaults={"value": value, "citation": citation}
        )


class Migration(migrations.Migration):
    dependencies = [("parity", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
