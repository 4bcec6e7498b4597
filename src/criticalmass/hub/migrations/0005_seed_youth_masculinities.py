"""The youth card, the gender norms and masculinities card, and their evidence (graded like the rest).

Self-contained (docs/developers.md): the records are kept here, so the migration gives the same rows
whatever the code or data files later become. Each reference is in ../shared/research/evidence.md and
was read in the source named by `url` (grade "verified"): IMAGES (MEN-005, MEN-006) and UNSCR 2106
(RES-2106). Evidence about youth (e.g. Resolution 2250) is not added: no verified record exists yet.
"""

from decimal import Decimal
from typing import Any

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

EVIDENCE: list[dict[str, Any]] = [
    {
        "slug": "images-evolving-men",
        "claim": "The first International Men and Gender Equality Survey (IMAGES), 2009-2010, asked more than "
                 "8,000 men and 3,500 women aged 18-59 in Brazil, Chile, Croatia, India, Mexico and Rwanda: "
                 "most men accept gender equality in the abstract but not yet in daily practice; younger and "
                 "more educated men hold more equitable views.",
        "number": None, "unit": "", "year": "2009-2010",
        "source_title": "Evolving Men: Initial Results from the International Men and Gender Equality Survey "
                        "(IMAGES)",
        "source_org": "ICRW and Instituto Promundo", "source_year": 2011,
        "url": "https://menandboys.ids.ac.uk/files/evolving-men-initial-results-international-men-and-gender-"
               "equality-survey-images",
        "grade": "verified", "kind": "evidence", "arguments": ",personal_relational,empirical_effectiveness,",
        "audiences": ",men_allies,development_donors,academics,", "themes": ",masculinities,gender norms,",
    },
    {
        "slug": "images-32-countries",
        "claim": "Since 2008 the IMAGES survey of men's attitudes and practices has been adapted in over 32 "
                 "countries, with more than 67,000 men and women surveyed.",
        "number": "67000", "unit": "people surveyed", "year": "2008-2022",
        "source_title": "International Men and Gender Equality Survey", "source_org": "Equimundo",
        "source_year": 2022, "url": "https://www.equimundo.org/images-research/",
        "grade": "verified", "kind": "evidence", "arguments": ",personal_relational,",
        "audiences": ",men_allies,academics,", "themes": ",masculinities,gender norms,",
    },
    {
        "slug": "scr-2106-men-and-boys",
        "claim": "Security Council Resolution 2106 (24 June 2013) affirms that enlisting men and boys is "
                 "central to preventing sexual violence in conflict.",
        "number": None, "unit": "", "year": "2013",
        "source_title": "Security Council resolution 2106 (2013), press release SC/11043",
        "source_org": "United Nations Security Council", "source_year": 2013,
        "url": "https://press.un.org/en/2013/sc11043.doc.htm",
        "grade": "verified", "kind": "obligation", "arguments": ",legal_rights,",
        "audiences": ",military,legislators,men_allies,", "themes": ",masculinities,sexual violence,",
    },
]

CARDS = [
    (
        "youth",
        "Students and youth clubs",
        "Trainings for youth, and what university and youth clubs do.",
        [
            ("practice", "Trainings for youth", "/trainings/?youth=yes"),
            ("data", "Cross-gender dialogues", "/trainings/dialogues/"),
            ("support", "Ask to join as a university or youth club", "/accounts/signup/"),
        ],
    ),
    (
        "masculinities",
        "Gender norms and masculinities",
        "Men as fathers, as allies inside their institutions, and as victims of conflict too.",
        [
            ("evidence", "Evidence on men and gender norms", "/hub/evidence/?theme=masculinities"),
            ("practice", "The gender norms training track", "/trainings/?track=masculinities"),
            ("data", "People reached through trainers", "/trainings/cascade/"),
        ],
    ),
]


def seed(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    Evidence = apps.get_model("hub", "Evidence")
    Card = apps.get_model("hub", "Card")
    CardLink = apps.get_model("hub", "CardLink")
    for record in EVIDENCE:
        fields = {k: v for k, v in record.items() if k != "slug"}
        fields["number"] = Decimal(fields["number"]) if fields["number"] is not None else None
        Evidence.objects.get_or_create(slug=record["slug"], defaults=fields)
    after = Card.objects.order_by("-order").values_list("order", flat=True).first() or 0
    for offset, (slug, title, blurb, links) in enumerate(CARDS, start=1):
        card, _ = Card.objects.get_or_create(slug=slug, defaults={"title": title, "blurb": blurb,
                                                                  "order": after + offset})
        for i, (type_, label, url) in enumerate(links):
            CardLink.objects.get_or_create(card=card, label=label, defaults={"type": type_, "url": url, "order": i})


class Migration(migrations.Migration):
    dependencies = [("hub", "0004_story_consent")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
