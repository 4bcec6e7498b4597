"""Audiences, their argument-type weights and the objections to expect: a start the secretariat edits."""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

E, R, S, P, C = (
    "empirical_effectiveness",
    "legal_rights",
    "security_utilitarian",
    "personal_relational",
    "career_reputation",
)
AUDIENCES = [
    ("force-commander", "Force commander", "military,peacekeeping_tcc", {S: 90, E: 80, C: 70, R: 50, P: 40}),
    (
        "srsg",
        "Special Representative of the Secretary-General",
        "un_system,diplomats,mediators",
        {R: 85, E: 80, C: 70, S: 60, P: 30},
    ),
    (
        "police-commissioner",
        "Police commissioner",
        "police,peacekeeping_tcc",
        {S: 85, E: 80, C: 60, R: 50, P: 40},
    ),
    ("defence-ministry", "Defence ministry", "military,legislators", {S: 90, C: 70, E: 65, R: 55, P: 40}),
    (
        "foreign-ministry",
        "Foreign ministry",
        "diplomats,mediators,legislators",
        {R: 90, E: 75, C: 60, S: 55, P: 30},
    ),
    ("donor", "Donor", "development_donors,civil_society", {E: 90, R: 70, S: 50, C: 40, P: 30}),
    ("business-leader", "Business leader", "business,men_allies", {C: 85, E: 80, P: 60, R: 40, S: 30}),
    (
        "religious-traditional-leader",
        "Religious or traditional leader",
        "men_allies,general_public,civil_society",
        {P: 90, R: 60, S: 50, E: 40, C: 30},
    ),
    ("youth", "Youth", "general_public,civil_society,men_allies", {P: 80, R: 75, E: 60, C: 50, S: 40}),
]
OBJECTIONS = [
    (
        "Women's gains are men's losses.",
        "Peace that lasts is not a fixed pie. Agreements signed by women have been more durable and better "
        "implemented, which protects everyone at the table; and men who take part say equality asks for their "
        "participation, not their retreat.",
        [],
        ["signatories-durable-peace", "daughters-message"],
    ),
    (
        "Targets lower our standards: we deploy the best-qualified people.",
        "Standards can be gender-neutral without being gender-blind. The UN's own targets for each category "
        "were set with troop and police contributors, and the pool of qualified women is larger than the numbers "
        "deployed.",
        ["force-commander", "police-commissioner", "defence-ministry"],
        ["military-effectiveness-frame", "ugps-2028-troops"],
    ),
    (
        "There is no proof that women make peace last.",
        "Be precise: the studies show strong associations, and a systematic review finds the causal evidence "
        "weak. The obligation does not depend on it: Security Council resolutions and national law require "
        "women's full participation as a matter of rights.",
        [],
        ["systematic-review-instrumentalist", "scr-1325", "signatories-durable-peace"],
    ),
    (
        "This is not our mandate.",
        "The Security Council has asked for the number of women in military and police contingents to double, "
        "and senior UN managers are assessed on gender targets in their compacts.",
        ["force-commander", "police-commissioner", "srsg", "foreign-ministry"],
        ["scr-2242-doubling", "scr-2242-compacts"],
    ),
    (
        "There is no budget for it.",
        "Very little is asked: only 0.2% of bilateral aid to fragile countries reaches women's rights "
        "organisations directly, and fewer than half of national action plans have any allocated budget.",
        ["donor", "defence-ministry", "foreign-ministry"],
        ["aid-fragile-wros", "nap-budgets-2018"],
    ),
]


def seed(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    Audience = apps.get_model("briefings", "Audience")
    ArgumentWeight = apps.get_model("briefings", "ArgumentWeight")
    Objection = apps.get_model("briefings", "Objection")
    Evidence = apps.get_model("hub", "Evidence")
    audiences = {}
    for order, (slug, name, tags, weights) in enumerate(AUDIENCES):
        audience, _ = Audience.objects.get_or_create(
            slug=slug, defaults={"name": name, "evidence_tags": tags, "order": order}
        )
        audiences[slug] = audience
        for argument, weight in weights.items():
            ArgumentWeight.objects.get_or_create(
                audience=audience, argument=argument, defaults={"weight": weight}
            )
    for order, (text, answer, for_audiences, evidence) in enumerate(OBJECTIONS):
        objection, created = Objection.objects.get_or_create(
            objection=text, defaults={"answer": answer, "order": order}
        )
        if created:
            objection.audiences.set([audiences[s] for s in for_audiences])
            objection.evidence.set(Evidence.objects.filter(slug__in=evidence))


class Migration(migrations.Migration):
    dependencies = [("briefings", "0001_initial"), ("hub", "0003_seed")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
