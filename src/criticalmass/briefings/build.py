"""A briefing: one audience x one context (a mission, a negotiation process or a country).

Live figures come from parity.queries and parity.logic, the functions the parity pages use, and for a
country its plans' status and scorecard from watchdog.queries (scored by lib.scorecard), for a
negotiation its agreements and their provisions by pillar from agreements.queries; the arguments
are public evidence grouped by argument type, in the order of the audience's weights.
Each figure and each piece of evidence carries its citation; all of them are listed at the end.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from criticalmass.agreements import queries as agreements
from criticalmass.agreements.models import Agreement, Provision
from criticalmass.briefings.models import Audience, Objection
from criticalmass.core.models import Country, Organization, Source
from criticalmass.hub import queries as hub
from criticalmass.hub.models import Argument, Evidence
from criticalmass.lib import scorecard
from criticalmass.parity import charts, figures, logic, queries
from criticalmass.parity.models import Observation, Process, Role, TargetPolicy
from criticalmass.watchdog import queries as watchdog
from criticalmass.watchdog.models import Plan
from criticalmass.watchdog.models import today as watchdog_today

CONTEXTS = ("mission", "process", "country")
PER_ARGUMENT = 4
LINES = "One line per category: women's share each month (solid) and the target (dashed)."


class BriefingError(ValueError):
    """A request that cannot make a briefing; the message says what to choose instead."""


class NotFound(BriefingError):
    """The audience or context named does not exist."""


@dataclass
class Figure:
    label: str
    value: str
    source: str


@dataclass
class Point:
    evidence: Evidence
    counters: list[Evidence]


@dataclass
class Section:
    argument: str
    label: str
    weight: int
    points: list[Point]


@dataclass
class Briefing:
    audience: Audience
    context_kind: str
    context_name: str
    context_slug: str
    date: dt.date
    figures: list[Figure] = field(default_factory=list)
    chart: charts.Chart | None = None
    sections: list[Section] = field(default_factory=list)
    objections: list[Objection] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    @property
    def arguments_order(self) -> list[str]:
        return [s.argument for s in self.sections]


# ---- Choosing --------------------------------------------------------------------------------


def audience(slug: str) -> Audience:
    found = Audience.objects.prefetch_related("weights").filter(slug=slug).first()
    if not slug:
        raise BriefingError("Choose an audience.")
    if found is None:
        raise NotFound(f"There is no audience '{slug}'. Choose one of the audiences listed.")
    return found


def context(params: dict[str, str]) -> tuple[str, Process | Country]:
    """Exactly one of mission=, process=, country=; the object it names."""
    given = {k: params[k].strip() for k in CONTEXTS if params.get(k, "").strip()}
    if len(given) != 1:
        raise BriefingError("Choose one context: a mission, a negotiation process or a country.")
    kind, key = next(iter(given.items()))
    found: Process | Country | None
    if kind == "country":
        found = Country.objects.filter(iso3=key.upper()).first()
    else:
        process_kind = Process.Kind.OPERATION if kind == "mission" else Process.Kind.NEGOTIATION
        found = Process.objects.select_related("host_country").filter(slug=key, kind=process_kind).first()
    if found is None:
        raise NotFound(f"There is no {kind} '{key}'.")
    return kind, found


# ---- Live figures ----------------------------------------------------------------------------


def cite_rows(rows: Iterable[tuple[int, int]]) -> str:
    """'Dataset, file, rows 2-40' per source of (source_id, row) pairs."""
    spans: dict[int, list[int]] = {}
    for source_id, row in rows:
        spans.setdefault(source_id, []).append(row)
    sources = Source.objects.in_bulk(spans)
    parts = []
    for source_id, found in sorted(spans.items()):
        first, last = min(found), max(found)
        where = f"row {first}" if first == last else f"rows {first}–{last}"
        parts.append(f"{sources[source_id].dataset}, {sources[source_id].file}, {where}")
    return "; ".join(parts)


def pct(value: float | None) -> str:
    return "unknown" if value is None else f"{value:.1f}%"


def forecast_text(year: int | None) -> str:
    return str(year) if year is not None else "not at the current pace"


def summary_figures(name: str, summary: logic.Summary, policy: TargetPolicy, source: str) -> list[Figure]:
    latest = summary.latest
    if latest is None:
        return [Figure(f"Women in {name}", "no counts with women known", source or "no source")]
    found = [
        Figure(
            f"Women's share in {name}, {latest.date:%B %Y}",
            f"{pct(latest.share)} ({latest.women:,} of {latest.total:,})",
            source,
        )
    ]
    if summary.target is not None:
        found += [
            Figure(
                f"Target for {summary.target.year} ({policy.name})", pct(summary.target.value), policy.name
            ),
            Figure("Status against target", figures.status_text(summary), source),
            Figure("Target reached at the current pace in", forecast_text(summary.forecast_target), source),
        ]
    found.append(
        Figure("Parity (50%) reached at the current pace in", forecast_text(summary.forecast_parity), source)
    )
    return found


def latest_rows(process: Process, role: str, date: dt.date) -> list[tuple[int, int]]:
    rows = Observation.objects.filter(process=process, role=role, date=date, women__isnull=False)
    return list(rows.values_list("source_id", "source_row"))


def process_figures(process: Process, role: str, policy: TargetPolicy) -> list[Figure]:
    summary = logic.summarize(queries.series(process, role), policy, role)
    rows = latest_rows(process, role, summary.latest.date) if summary.latest else []
    label = "all uniformed personnel" if role == Role.TOTAL else "all delegates"
    return summary_figures(f"{process.code or process.name}, {label}", summary, policy, cite_rows(rows))


def mission_chart(process: Process, policy: TargetPolicy) -> charts.Chart | None:
    table = figures.mission_tables(process, policy, "women")["trend"]
    return charts.chart("share_lines", table, LINES, target_label=f"Target: {policy.name}")


def wps_index_figures(country: Country) -> list[Figure]:
    score = watchdog.wps_index(country.iso3)
    if score is None or score.score is None:
        return []
    rank = f"rank {score.rank}" if score.rank else "not ranked"
    return [Figure(f"Georgetown WPS Index {score.edition}", f"{float(score.score):.3f} ({rank})",
                   cite_rows([(score.source_id, score.source_row)]))]


def plan_source(plan: Plan) -> str:
    return f"{plan.source_title}, {plan.source_url}"


def score_text(score: scorecard.Score) -> str:
    if score.percent is None:
        return "not scored (the rubric has no weights)"
    unknown = f"; {len(score.unknown)} criteria unknown" if score.unknown else ""
    return f"{score.percent}% ({score.points.normalize():f} of {score.out_of.normalize():f} points{unknown})"


def plan_figures(country: Country) -> list[Figure]:
    """Each plan's status and scorecard, as the watchdog's pages show them, citing the plan's source."""
    found = []
    for view in watchdog.plan_views(Plan.objects.filter(country=country), watchdog_today()):
        name = f"{view.plan} ({view.plan.period})" if view.plan.period else str(view.plan)
        alert = ", no successor" if view.alert else ""
        found.append(Figure(f"Plan status: {name}", f"{view.status_label}{alert}", plan_source(view.plan)))
        found.append(Figure(f"Plan scorecard: {name}", score_text(view.score),
                            f"Critical Mass scorecard rubric on {plan_source(view.plan)}"))
    return found


def country_figures(country: Country, policy: TargetPolicy) -> list[Figure]:
    rows = [r for r in queries.country_latest_by_mission(country.iso3) if r["role"] == Role.TOTAL]
    known = [r for r in rows if r["women"] is not None]
    found = []
    if known:
        women, total = sum(r["women"] for r in known), sum(r["total"] for r in known)
        share = 100.0 * women / total if total else None
        cited = cite_rows((r["source_id"], r["source_row"]) for r in known)
        found.append(
            Figure(
                f"Women among {country.name}'s uniformed peacekeepers, latest month per mission",
                f"{pct(share)} ({women:,} of {total:,}, {len(known)} missions)",
                cited,
            )
        )
    found += wps_index_figures(country)
    found += plan_figures(country)
    for process in Process.objects.filter(host_country=country, kind=Process.Kind.OPERATION)[:3]:
        found += process_figures(process, Role.TOTAL, policy)[:2]
    return found


def floor_figures(process: Process, policy: TargetPolicy) -> list[Figure]:
    """How many of the process's agreements had women at or above the policy's floor, per role."""
    found = []
    overview = queries.floor_overview(policy.floor, process)
    for role in (Role.ALL_DELEGATES, Role.SIGNATORIES, Role.NEGOTIATORS):
        if role not in overview or not overview[role][0]:
            continue
        with_data, reached, spans = overview[role]
        rows = [(span.source_id, row) for span in spans for row in (span.first, span.last)]
        found.append(
            Figure(
                f"Agreements with women at least {float(policy.floor):g}% of {Role(role).label.lower()}",
                f"{reached} of {with_data}",
                cite_rows(rows),
            )
        )
    return found


def agreement_figures(process: Process) -> list[Figure]:
    """The process's agreements (PA-X), how many carry gender provisions, and their provisions by pillar
    (PA-X Gender mapped onto the pillars), each citing the source rows counted."""
    found_agreements = list(Agreement.objects.filter(process=process).order_by("-date", "pax_id"))
    if not found_agreements:
        return []
    ids = [a.pk for a in found_agreements]
    with_provisions = [a for a in found_agreements if a.gender_provisions]
    found = [Figure(
        "Agreements signed in the process (PA-X)",
        f"{len(found_agreements)}, {len(with_provisions)} with provisions on women, girls and gender",
        cite_rows((a.source_id, a.source_row) for a in found_agreements),
    )]
    by_agreement = agreements.pillars_by_agreement(ids)
    for pillar in agreements.pillars():
        covering = [i for i in ids if pillar.name in by_agreement.get(i, [])]
        if not covering:
            continue
        rows = Provision.objects.filter(agreement_id__in=covering, code__pillar=pillar)
        found.append(Figure(
            f"Agreements with provisions on {pillar.name} (PA-X Gender)",
            f"{len(covering)} of {len(found_agreements)}",
            cite_rows(rows.values_list("source_id", "source_row")),
        ))
    for item in found_agreements[:PER_ARGUMENT]:
        pillars = by_agreement.get(item.pk, [])
        found.append(Figure(
            f"{item.name} ({item.date.isoformat()})",
            "provisions on " + ", ".join(pillars) if pillars else "no provisions on a pillar",
            cite_rows([(item.source_id, item.source_row)]),
        ))
    return found


def live_figures(briefing: Briefing, subject: Process | Country) -> None:
    policy = logic.default_policy()
    if isinstance(subject, Country):
        briefing.figures = country_figures(subject, policy)
    elif subject.kind == Process.Kind.OPERATION:
        briefing.figures = process_figures(subject, Role.TOTAL, policy)
        briefing.chart = mission_chart(subject, policy)
    else:
        floor = queries.floor_policy() or policy
        briefing.figures = (
            process_figures(subject, Role.ALL_DELEGATES, floor)
            + floor_figures(subject, floor)
            + agreement_figures(subject)
        )


# ---- Arguments, objections, organisations -----------------------------------------------------


def sections(chosen: Audience) -> list[Section]:
    """Evidence for the audience grouped by argument type, heaviest weight first; weight 0 left out.

    An item tagged with several argument types appears once, under the heaviest of them.
    """
    labels = dict(Argument.choices)
    items = list(hub.evidence_for_audience(chosen.tags))
    found, used = [], set()
    for weight in sorted(chosen.weights.all(), key=lambda w: (-w.weight, w.argument)):
        if weight.weight == 0:
            continue
        matching = [e for e in items if weight.argument in e.argument_list and e.slug not in used]
        points = [Point(e, [c for c in e.qualified_by.all() if c.is_public]) for e in matching[:PER_ARGUMENT]]
        used |= {p.evidence.slug for p in points}
        if points:
            found.append(Section(weight.argument, str(labels[weight.argument]), weight.weight, points))
    return found


def objections(chosen: Audience) -> list[Objection]:
    qs = Objection.objects.filter(Q(audiences=chosen) | Q(audiences__isnull=True)).distinct()
    return list(qs.prefetch_related("evidence"))


def organizations(subject: Process | Country) -> list[Organization]:
    country = subject if isinstance(subject, Country) else subject.host_country
    if country is None:
        return []
    return list(Organization.objects.filter(country=country, kind=Organization.Kind.WOMENS_ORGANIZATION)[:8])


def source_list(briefing: Briefing) -> list[str]:
    cited = [f.source for f in briefing.figures if f.source]
    for section in briefing.sections:
        for point in section.points:
            cited += [point.evidence.citation()] + [c.citation() for c in point.counters]
    for objection in briefing.objections:
        cited += [e.citation() for e in objection.evidence.all() if e.is_public]
    return list(dict.fromkeys(cited))


def build(params: dict[str, str]) -> Briefing:
    chosen = audience(params.get("audience", "").strip())
    kind, subject = context(params)
    slug = subject.iso3 if isinstance(subject, Country) else subject.slug
    briefing = Briefing(chosen, kind, subject.name, slug, timezone.localdate())
    live_figures(briefing, subject)
    briefing.sections = sections(chosen)
    briefing.objections = objections(chosen)
    briefing.organizations = organizations(subject)
    briefing.sources = source_list(briefing)
    return briefing
