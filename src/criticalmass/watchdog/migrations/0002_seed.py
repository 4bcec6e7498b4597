"""The watchdog's seed: the plans registry, the scorecard rubric and the US Women, Peace, and Security
Act's strategy duty (facts marked verified in shared/research).

The plans are 0002_seed_plans.json beside this file: the rows of watchdog/data/plans.csv as
`criticalmass import plans` reads and checks them (model field values, with the file's line as
source_row). It is a copy kept with the migration, so that the migration gives the same rows whatever
the data file or the application code later become; `criticalmass import plans` updates a database from
the data file.
"""

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

PLANS = Path(__file__).with_name("0002_seed_plans.json")
CRITERIA = [
    ("allocated-budget", "An allocated budget", Decimal(2),
     "The plan allocates money to its actions (not only 'subject to available resources')."),
    ("indicators-with-targets", "Indicators with targets", Decimal(1),
     "Its actions have indicators with baselines and targets."),
    ("time-bound-actions", "Time-bound actions", Decimal(1), "Its actions have deadlines."),
    ("monitoring-framework", "A monitoring and reporting framework", Decimal(1),
     "It says who monitors it, how and when results are reported."),
    ("civil-society", "Civil society in design and monitoring", Decimal(1),
     "Women's organisations and civil society helped write it and take part in monitoring it."),
    ("actions-on-track", "Share of actions on track", Decimal(1),
     "Of its actions not cancelled, the share on track or completed (unknown when it has none)."),
]
ACT_URL = "https://govinfo.gov/content/pkg/PLAW-115publ68/html/PLAW-115publ68.htm"
US_AGENCIES = ["Department of State", "USAID", "Department of Defense", "Department of Homeland Security"]


def seed_plans(apps: StateApps) -> None:
    """Each plan cites the source its facts were read in. No Source row is made here: live-server
    tests reload the migrations' data with its ids, and `criticalmass import plans` records the file."""
    Plan, Country = apps.get_model("watchdog", "Plan"), apps.get_model("core", "Country")
    known = set(Country.objects.values_list("iso3", flat=True))
    for row in json.loads(PLANS.read_text(encoding="utf-8")):
        fields = {k: v for k, v in row.items() if k not in ("slug", "country")}
        if row["country"] in known:
            Plan.objects.update_or_create(slug=row["slug"], defaults={**fields, "country_id": row["country"]})


def seed_rubric(apps: StateApps) -> None:
    Criterion = apps.get_model("watchdog", "Criterion")
    for order, (slug, label, weight, description) in enumerate(CRITERIA, start=1):
        Criterion.objects.get_or_create(slug=slug, defaults={
            "label": label, "weight": weight, "description": description, "order": order})


def seed_us_act(apps: StateApps) -> None:
    Plan, Agency, Obligation, Delivery = (apps.get_model("watchdog", m) for m in
                                          ["Plan", "Agency", "Obligation", "Delivery"])
    act = Plan.objects.filter(slug="usa-law-1").first()
    strategy = Plan.objects.filter(slug="usa-strategy-3").first()
    if act is None:
        return
    if strategy is not None:
        for name in US_AGENCIES:
            Agency.objects.get_or_create(plan=strategy, name=name)
    duty, created = Obligation.objects.get_or_create(slug="usa-wps-act-strategy", defaults={
        "country_id": "USA", "plan": act, "first_due": dt.date(2018, 10, 6), "every_months": 48, "occurrences": 2,
        "title": "Submit to Congress and make public a government-wide Women, Peace, and Security Strategy",
        "legal_basis": "Women, Peace, and Security Act of 2017, sec. 5 (22 U.S.C. 2152j-1)",
        "responsible": "The President, with USAID, the Department of State, the Department of Defense and "
                       "the Department of Homeland Security",
        "source_title": "GovInfo PLAW-115publ68; 22 U.S.C. 2152j-1", "source_url": ACT_URL,
        "notes": "'Not later than one year after October 6, 2017, and again four years thereafter.' The "
                 "second due date is read as four years after the first (6 Oct 2022); the text is ambiguous "
                 "as to whether it runs from the deadline or from the submission.",
    })
    if not created:
        return
    Delivery.objects.create(
        obligation=duty, delivered_on=dt.date(2019, 6, 11),
        title="United States Strategy on Women, Peace, and Security (June 2019)",
        source_title="Wikipedia, U.S. National Action Plan on WPS; sl.usembassy.gov strategy text",
        url="https://en.wikipedia.org/wiki/U.S._National_Action_Plan_on_Women,_Peace,_and_Security")
    Delivery.objects.create(
        obligation=duty, delivered_on=dt.date(2023, 10, 31),
        title="2023 U.S. Strategy and National Action Plan on Women, Peace, and Security",
        source_title="American Presidency Project, fact sheet of 31 Oct 2023",
        url="https://www.presidency.ucsb.edu/documents/fact-sheet-release-the-2023-women-peace-and-security-"
            "strategy-and-national-action-plan")


def seed(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    seed_plans(apps)
    seed_rubric(apps)
    seed_us_act(apps)


class Migration(migrations.Migration):
    dependencies = [("watchdog", "0001_initial"), ("core", "0002_seed_countries")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
