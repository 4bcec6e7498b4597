"""A briefing: one audience x one context (a mission, a negotiation process or a country).

Live figures are quoted from the parity pages' own tables (parity.figures), and for a
country its plans' status and scorecard from watchdog.queries (scored by lib.scorecard), for a
negotiation its agreements and their provisions by pillar from agreements.queries; the arguments
are public evidence grouped by argument type, in the order of the audience's weights.
Each figure and each piece of evidence carries its citation; all of them are listed at the end.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext, gettext_noop

from criticalmass.agreements import queries as agreements
from criticalmass.agreements.models import Agreement, Provision
from criticalmass.briefings.models import Audience, Objection
from criticalmass.core.models import Country, Organization
from criticalmass.doors import figures as doors_figures_of
from criticalmass.figures import charts
from criticalmass.figures.citations import cite_spans, spans_of
from criticalmass.figures.tables import Row, Table, cite_rows, share_of
from criticalmass.hub import queries as hub
from criticalmass.hub.models import Argument, Evidence
from criticalmass.lib import scorecard
from criticalmass.parity import figures, negotiation_figures, queries
from criticalmass.parity.models import Category, Process, TargetPolicy
from criticalmass.watchdog import queries as watchdog
from criticalmass.watchdog.models import Plan
from criticalmass.watchdog.models import today as watchdog_today

CONTEXTS = ("mission", "process", "country")
PER_ARGUMENT = 4
LINES = gettext_noop("One line per category: women's share each month (solid) and the target (dashed).")
LANGUAGES = [code for code, _name in settings.LANGUAGES]


class BriefingError(ValueError):
    """A request that cannot make a briefing; the message says what to choose instead."""


class NotFound(BriefingError):
    """The audience or context named does not exist."""


@dataclass
class Figure:
    label: str
    value: str
    source: str
    as_of: dt.date | None = None  # the last date of the data the figure stands on


@dataclass
class Said:
    """An objection and its answer as the briefing shows them, in its language when translated."""

    objection: str
    answer: str
    translated: bool
    record: Objection


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
    objections: list[Said] = field(default_factory=list)
    language: str = "en"
    organizations: list[Organization] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    @property
    def data_ends(self) -> dt.date | None:
        """The latest date of the data its figures quote: printed beside the date it was prepared."""
        return max((f.as_of for f in self.figures if f.as_of), default=None)

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
#
# Every figure is quoted from the table of the page that shows it (parity.figures,
# parity.negotiation_figures), with that table's formatting and citation: a briefing cannot disagree.


def cite_pairs(rows: Iterable[tuple[int, int]]) -> str:
    """The citation of (source id, row) pairs, for figures that count single records."""
    return cite_spans(spans_of(rows))


def shown(table: Table, row: Row, key: str) -> str:
    """A row's value as the page's table shows it."""
    return table.column(key).text(row.get(key))


def summary_figures(name: str, table: Table, policy: TargetPolicy) -> list[Figure]:
    """A status row (parity.figures.summary_row): latest share, target, status and forecasts."""
    row = table.rows[0] if table.rows else None
    if row is None or row["latest"] is None:
        cited = row["source"] if row else gettext("no source")
        return [Figure(gettext("Women in %(name)s") % {"name": name}, gettext("no counts with women known"),
                       cited)]
    source, as_of = row["source"], row["latest"]
    ending = gettext(" (from data ending %(month)s)") % {"month": date_format(as_of, "M Y")}
    forecast = shown(table, row, "forecast_target") + ending
    if row["forecast_in_past"]:
        forecast = row["forecast_note"]
    found = [Figure(gettext("Women's share in %(name)s, %(month)s") % {"name": name,
                                                                     "month": date_format(as_of, "F Y")},
                    gettext("%(share)s (%(women)s of %(total)s)") % {
                        "share": shown(table, row, "share"),
                        "women": number_format(row["women"], force_grouping=True),
                        "total": number_format(row["total"], force_grouping=True)}, source, as_of)]
    if row["target"] is not None:
        found += [
            Figure(gettext("Target for %(year)s (%(policy)s)")
                   % {"year": row["target_year"], "policy": policy.name},
                   shown(table, row, "target"), policy.name),
            Figure(gettext("Status against target"), gettext(row["status"]), source, as_of),
            Figure(gettext("Target reached at the current pace in"), forecast, source, as_of),
        ]
    found.append(Figure(gettext("Parity (50%) reached at the current pace in"),
                        shown(table, row, "forecast_parity") + ending, source, as_of))
    return found


def process_figures(process: Process, role: str, policy: TargetPolicy) -> list[Figure]:
    table = figures.series_tables(policy, role, process)["status"]
    label = gettext("all uniformed personnel") if role == Category.TOTAL else gettext("all delegates")
    return summary_figures(f"{process.code or process.name}, {label}", table, policy)


def mission_chart(process: Process, policy: TargetPolicy) -> charts.Chart | None:
    table = figures.mission_trend_table(process, policy)
    return charts.chart("share_lines", table, gettext(LINES),
                        target_label=gettext("Target: %(policy)s") % {"policy": policy.name})


def wps_index_figures(country: Country) -> list[Figure]:
    score = watchdog.wps_index(country.iso3)
    if score is None or score.score is None:
        return []
    rank = gettext("rank %(rank)s") % {"rank": score.rank} if score.rank else gettext("not ranked")
    return [Figure(gettext("Georgetown WPS Index %(edition)s") % {"edition": score.edition},
                   f"{number_format(float(score.score), 3)} ({rank})",
                   cite_pairs([(score.source_id, score.source_row)]))]


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
        alert = gettext(", no successor") if view.alert else ""
        found.append(Figure(gettext("Plan status: %(plan)s") % {"plan": name},
                            f"{gettext(view.status_label)}{alert}",
                            plan_source(view.plan)))
        found.append(Figure(gettext("Plan scorecard: %(plan)s") % {"plan": name}, score_text(view.score),
                            f"Critical Mass scorecard rubric on {plan_source(view.plan)}"))
    return found


def country_figures(country: Country, policy: TargetPolicy) -> list[Figure]:
    table = figures.deployments_table(country)
    known = [r for r in table.rows if r["role"] == Category.TOTAL and r["women"] is not None]
    found = []
    if known:
        women, total = sum(r["women"] for r in known), sum(r["total"] for r in known)
        found.append(
            Figure(
                gettext("Women among %(country)s's uniformed peacekeepers, latest month per mission")
                % {"country": country.name},
                gettext("%(share)s (%(women)s of %(total)s, %(missions)s missions)") % {
                    "share": table.column("share").text(share_of(women, total)),
                    "women": number_format(women, force_grouping=True),
                    "total": number_format(total, force_grouping=True), "missions": len(known)},
                cite_rows(table, known),
                max(r["date"] for r in known),
            )
        )
    found += wps_index_figures(country)
    found += plan_figures(country)
    for process in Process.objects.filter(host_country=country, kind=Process.Kind.OPERATION)[:3]:
        found += process_figures(process, Category.TOTAL, policy)[:2]
    return found


def floor_figures(process: Process, policy: TargetPolicy) -> list[Figure]:
    """How many of the process's agreements had women at or above the policy's floor, per role
    (the negotiations page's overview table)."""
    table = negotiation_figures.overview_table(policy, process)
    wanted = (Category.ALL_DELEGATES, Category.SIGNATORIES, Category.NEGOTIATORS)
    floor = negotiation_figures.floor_text(policy)
    return [Figure(f"Agreements with women at least {floor} of {row['role'].lower()}",
                   f"{row['reached']} of {row['with_data']}", row["source"])
            for row in table.rows if row["role_key"] in wanted and row["with_data"]]


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
        cite_pairs((a.source_id, a.source_row) for a in found_agreements),
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
            cite_pairs(rows.values_list("source_id", "source_row")),
        ))
    for item in found_agreements[:PER_ARGUMENT]:
        pillars = by_agreement.get(item.pk, [])
        found.append(Figure(
            f"{item.name} ({item.date.isoformat()})",
            "provisions on " + ", ".join(pillars) if pillars else "no provisions on a pillar",
            cite_pairs([(item.source_id, item.source_row)]),
        ))
    return found


def doors_figures(process: Process) -> list[Figure]:
    """Its leadership posts held by women (doors.figures), and the "without us" check."""
    found, check = doors_figures_of.leadership_table(process), doors_figures_of.without_us(process)
    name, table, quoted = process.code or process.name, found.table, []
    if table.rows:
        row = table.rows[-1]
        quoted.append(Figure(f"Women's share of {name}'s leadership posts, {row['date']:%B %Y}",
                             f"{shown(table, row, 'share')} ({row['women']} of {row['posts']})",
                             row["source"], row["date"]))
    if check.posts:
        none = " (none: nothing about us without us)" if check.flagged else ""
        quoted.append(Figure(f"Meetings of {name}'s decision-makers with women's civil society since "
                             f"{check.since:%B %Y}",
                             "fewer than 5" if check.shown_meetings is None
                             else f"{check.shown_meetings}{none}",
                             "The coalition's records of meetings"))
    return quoted


def live_figures(briefing: Briefing, subject: Process | Country) -> None:
    policy = queries.policy()
    if policy is None:
        raise BriefingError("There is no target policy; run `criticalmass migrate`.")
    if isinstance(subject, Country):
        briefing.figures = country_figures(subject, policy)
    elif subject.kind == Process.Kind.OPERATION:
        briefing.figures = process_figures(subject, Category.TOTAL, policy)
        briefing.chart = mission_chart(subject, policy)
    else:
        floor = queries.floor_policy() or policy
        briefing.figures = (
            process_figures(subject, Category.ALL_DELEGATES, floor)
            + floor_figures(subject, floor)
            + agreement_figures(subject)
        )
    if isinstance(subject, Process):
        briefing.figures += doors_figures(subject)


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


def objections(chosen: Audience, language: str = "en") -> list[Said]:
    qs = Objection.objects.filter(Q(audiences=chosen) | Q(audiences__isnull=True)).distinct()
    return [Said(*found.in_language(language), found) for found in qs.prefetch_related("evidence")]


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
    for said in briefing.objections:
        cited += [e.citation() for e in said.record.evidence.all() if e.is_public]
    return list(dict.fromkeys(cited))


def language_of(params: dict[str, str]) -> str:
    """The briefing's language (`language=en|fr|es|ar`), chosen apart from the interface's; the
    interface's language when none is given."""
    chosen = params.get("language", "").strip() or translation.get_language() or settings.LANGUAGE_CODE
    if chosen not in LANGUAGES:
        raise BriefingError(gettext("Choose the briefing's language among %(languages)s "
                                    "(language=%(given)s is not one).")
                            % {"languages": ", ".join(LANGUAGES), "given": chosen})
    return chosen


def build(params: dict[str, str]) -> Briefing:
    """The briefing the parameters ask for, written in its language (`language_of`)."""
    language = language_of(params)
    with translation.override(language):
        made = build_in_language(params)
    made.language = language
    made.objections = objections(made.audience, language)
    made.sources = source_list(made)
    return made


def build_in_language(params: dict[str, str]) -> Briefing:
    chosen = audience(params.get("audience", "").strip())
    kind, subject = context(params)
    slug = subject.iso3 if isinstance(subject, Country) else subject.slug
    briefing = Briefing(chosen, kind, subject.name, slug, timezone.localdate())
    live_figures(briefing, subject)
    briefing.sections = sections(chosen)
    briefing.organizations = organizations(subject)
    return briefing
