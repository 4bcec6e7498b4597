"""What the search index holds: public evidence, published practices and stories, processes, countries,
plans and agreements.

Evidence, practices, plans and agreements are indexed when saved (signals.py); all of them but practices,
which the importers may write in bulk, are brought up to date before each search when their counts differ
(`sync`), and by `criticalmass reindex`.
"""

from __future__ import annotations

from django.db import transaction
from django.urls import reverse

from criticalmass.agreements.models import Agreement
from criticalmass.core.models import Country
from criticalmass.hub.models import Evidence, Practice, SearchDocument, Status
from criticalmass.parity.models import Process
from criticalmass.watchdog.models import Plan


def evidence_document(item: Evidence) -> SearchDocument:
    body = f"{item.claim} {item.figure()} {item.year}. {item.citation()}"
    return SearchDocument(
        type="evidence",
        ref=item.slug,
        title=item.claim[:400],
        body=body,
        url=reverse("hub:evidence") + f"#{item.slug}",
        kind=item.kind,
        themes=item.themes,
        audiences=item.audiences,
        arguments=item.arguments,
    )


def practice_document(item: Practice) -> SearchDocument:
    body = " ".join([item.what, item.public_where, item.public_who, item.results])
    return SearchDocument(
        type="practice",
        ref=item.slug,
        title=item.title,
        body=body,
        url=reverse("hub:practice", args=[item.slug]),
        kind=item.type,
        country=item.country_id or "",
        themes=item.themes,
    )


def process_document(item: Process) -> SearchDocument:
    host = item.host_country.name if item.host_country else ""
    url = (
        reverse("parity:mission", args=[item.slug])
        if item.kind == Process.Kind.OPERATION
        else reverse("parity:negotiation", args=[item.slug])
    )
    return SearchDocument(
        type="process",
        ref=item.slug,
        title=item.name,
        body=f"{item.code} {item.get_kind_display()} {host}",
        url=url,
        kind=item.kind,
        country=item.host_country_id or "",
    )


def country_document(item: Country) -> SearchDocument:
    return SearchDocument(
        type="country",
        ref=item.iso3,
        title=item.name,
        body=f"{item.name} {item.region} {item.iso3}",
        url=reverse("parity:country", args=[item.iso3]),
        country=item.iso3,
    )


def plan_document(item: Plan) -> SearchDocument:
    """The country's name goes in the body only when the title lacks it: a plan must not outrank the
    country itself for the country's name."""
    title = str(item)
    country = "" if item.country.name.lower() in title.lower() else item.country.name
    body = f"{country} {item.get_kind_display()} {item.lead_agency} {item.period}".strip()
    return SearchDocument(
        type="plan",
        ref=item.slug,
        title=title[:400],
        body=body,
        url=reverse("watchdog:plan", args=[item.slug]),
        kind=item.kind,
        country=item.country_id,
    )


def agreement_document(item: Agreement) -> SearchDocument:
    """The agreement's countries are in the body; the filter's country is the process's host, else the
    only country the agreement names."""
    countries = list(item.countries.all())
    names = " ".join(c.name for c in countries)
    country = item.process.host_country_id or (countries[0].iso3 if len(countries) == 1 else "")
    return SearchDocument(
        type="agreement",
        ref=str(item.pax_id),
        title=item.name[:400],
        body=f"{item.name}. {item.process.name}. {item.conflict} {names} {item.date:%Y}",
        url=reverse("agreements:agreement", args=[item.pax_id]),
        kind=item.stage[:20],
        country=country or "",
    )


def plans() -> list[SearchDocument]:
    return [plan_document(p) for p in Plan.objects.select_related("country")]


def agreements() -> list[SearchDocument]:
    found = Agreement.objects.select_related("process").prefetch_related("countries")
    return [agreement_document(a) for a in found]


def put(doc: SearchDocument) -> None:
    SearchDocument.objects.filter(type=doc.type, ref=doc.ref).delete()
    doc.save()


def remove(type_: str, ref: str) -> None:
    SearchDocument.objects.filter(type=type_, ref=ref).delete()


def index_evidence(item: Evidence) -> None:
    if item.is_public:
        put(evidence_document(item))
    else:
        remove("evidence", item.slug)


def index_practice(item: Practice) -> None:
    if item.status == Status.PUBLISHED:
        put(practice_document(item))
    else:
        remove("practice", item.slug)


@transaction.atomic
def replace_all(type_: str, docs: list[SearchDocument]) -> None:
    SearchDocument.objects.filter(type=type_).delete()
    SearchDocument.objects.bulk_create(docs, batch_size=500)


def stale(type_: str, count: int) -> bool:
    return SearchDocument.objects.filter(type=type_).count() != count


def sync() -> None:
    """Index again what was written without signals (bulk imports, data migrations): a count differs.

    Only reads unless something changed: a write transaction here would make every search wait.
    """
    if stale("evidence", Evidence.objects.public().count()):
        replace_all("evidence", [evidence_document(e) for e in Evidence.objects.public()])
    # The months without a mission breakdown (parity.Process.Kind.ALL_OPERATIONS) are no page to find.
    processes = Process.objects.exclude(kind=Process.Kind.ALL_OPERATIONS)
    if stale("process", processes.count()):
        replace_all("process", [process_document(p) for p in processes.select_related("host_country")])
    if stale("country", Country.objects.count()):
        replace_all("country", [country_document(c) for c in Country.objects.all()])
    if stale("plan", Plan.objects.count()):
        replace_all("plan", plans())
    if stale("agreement", Agreement.objects.count()):
        replace_all("agreement", agreements())


@transaction.atomic
def rebuild() -> int:
    """Everything again, from scratch. Returns the number of documents."""
    replace_all("evidence", [evidence_document(e) for e in Evidence.objects.public()])
    published = Practice.objects.filter(status=Status.PUBLISHED)
    replace_all("practice", [practice_document(p) for p in published])
    SearchDocument.objects.filter(type__in=["process", "country", "plan", "agreement"]).delete()
    sync()
    return SearchDocument.objects.count()
