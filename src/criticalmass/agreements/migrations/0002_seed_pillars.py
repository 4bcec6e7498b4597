"""The coalition's pillars and the PA-X Gender codes mapped onto them. The secretariat edits both in
the admin; docs/data.md explains the choices. Labels are PA-X's own (gender_categories.csv)."""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

PILLARS = [
    ("participation", "Participation", "Women's participation in the process and in public life: quotas, "
     "effective participation, citizenship."),
    ("protection", "Protection", "Violence against women, sexual and gender-based violence, protection of "
     "women and of groups of women at particular risk (refugees and displaced, pregnant women)."),
    ("empowerment", "Empowerment", "Equality, development, education, health, reproductive rights, "
     "rehabilitation, and provisions for particular groups of women."),
    ("institutions-and-law", "Institutions and law", "International law and UNSCR 1325, new institutions, "
     "institutional reform (constitution, law, judiciary, police, DDR, public administration) and "
     "transitional justice."),
    ("implementation", "Implementation", "Women's role in implementing and signing the agreement."),
]

# code: (PA-X label, pillar slug or None)
CODES = {
    "WggPar": ("Participation", "participation"),
    "WggGenQuot": ("Gender Quotas", "participation"),
    "WggEffPart": ("Effective participation", "participation"),
    "WggCitizen": ("Citizenship", "participation"),
    "WggParOth": ("Participation (other)", "participation"),
    "WggEq": ("Equality", "empowerment"),
    "WggEqGen": ("Equality (general)", "empowerment"),
    "WggSocEq": ("Social Equality", "empowerment"),
    "WggEqOth": ("Equality (Other)", "empowerment"),
    "WggGrp": ("Groups of women", "empowerment"),
    "WggIndNom": ("Indigenous", "empowerment"),
    "WggRefDisp": ("Refugee", "protection"),
    "WggPreg": ("Pregnancy", "protection"),
    "WggGrpOth": ("Other (groups of women)", "empowerment"),
    "WggIntLaw": ("International law", "institutions-and-law"),
    "WggHR": ("International HR Law", "institutions-and-law"),
    "WggHrSta": ("International HR standards", "institutions-and-law"),
    "WggUnsc": ("UNSCR 1325", "institutions-and-law"),
    "WggIntLawOth": ("Other (international law)", "institutions-and-law"),
    "WggNewInst": ("New Institutions", "institutions-and-law"),
    "WggInstWom": ("Institutions for women", "institutions-and-law"),
    "WggInf": ("Infrastructure (general)", "institutions-and-law"),
    "WggRecon": ("Reconciliation", "institutions-and-law"),
    "WggNewInstOth": ("Other (new institutions)", "institutions-and-law"),
    "WggVio": ("Violence Against women", "protection"),
    "WggVioSex": ("Sexual violence", "protection"),
    "WggVioGen": ("Gender-based violence", "protection"),
    "WggVioProt": ("Protection (general)", "protection"),
    "WggVioOth": ("Other (violence against women)", "protection"),
    "WggTraJus": ("Transitional Justice", "institutions-and-law"),
    "WggPast": ("Past and gender", "institutions-and-law"),
    "WggPri": ("Prisons", "institutions-and-law"),
    "WggTraJusOth": ("Other (transitional justice)", "institutions-and-law"),
    "WggInstRef": ("Institutional Reform", "institutions-and-law"),
    "WggConst": ("Constitution", "institutions-and-law"),
    "WggLawRef": ("Law", "institutions-and-law"),
    "WggJud": ("Judiciary", "institutions-and-law"),
    "WggPol": ("Police", "institutions-and-law"),
    "WggDdr": ("DDR", "institutions-and-law"),
    "WggPubAdm": ("Public administration", "institutions-and-law"),
    "WggInstRefOth": ("Other (institutional reform)", "institutions-and-law"),
    "WggDev": ("Development", "empowerment"),
    "WggDevGen": ("General (development)", "empowerment"),
    "WggRehab": ("Rehabilitation", "empowerment"),
    "WggEdu": ("Education", "empowerment"),
    "WggHea": ("Health (general)", "empowerment"),
    "WggRepro": ("Reproductive rights", "empowerment"),
    "WggDevOth": ("Other (development)", "empowerment"),
    "WggImpl": ("Implementation", "implementation"),
    "WggImplRole": ("Role", "implementation"),
    "WggImplSign": ("Signing", "implementation"),
    "WggImplOth": ("Other (implementation)", "implementation"),
    "WggOth": ("Other", None),
}


def seed(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    Pillar = apps.get_model("agreements", "Pillar")
    GenderCode = apps.get_model("agreements", "GenderCode")
    pillars = {}
    for order, (slug, name, description) in enumerate(PILLARS, start=1):
        pillars[slug], _ = Pillar.objects.update_or_create(
            slug=slug, defaults={"name": name, "description": description, "order": order})
    for code, (label, pillar) in CODES.items():
        GenderCode.objects.update_or_create(
            code=code, defaults={"label": label, "pillar": pillars[pillar] if pillar else None})


class Migration(migrations.Migration):
    dependencies = [("agreements", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
