"""Public pages of the parity monitor and their CSV downloads. No login needed.

Each page's figures come from figures.py as tables; a page draws them (charts.py) and each CSV
endpoint writes one of the same tables, so a download holds exactly the numbers on the page.
"""

from __future__ import annotations

from itertools import groupby
from typing import Any

from django.core.paginator import Paginator
from django.db.models import Count, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from criticalmass.core.models import Country, DataNote, Source
from criticalmass.core.sections import process_sections
from criticalmass.figures import charts
from criticalmass.figures.notes import notes_about, notes_response, with_notes
from criticalmass.figures.pages import Tables, link_csvs, one_table
from criticalmass.figures.tables import Table
from criticalmass.lib.months import Month, parse_month
from criticalmass.lib.notes import observation_subject
from criticalmass.parity import figures, negotiation_figures, queries, ranking_figures, reference_figures
from criticalmass.parity.figure_cache import cached_table
from criticalmass.parity.models import Category, Process, TargetPolicy
from criticalmass.parity.report_months import SERIES_SUBJECT

RANKING_PAGE_SIZE = 20
NOTES_PAGE_SIZE = 50
AGREEMENTS_PAGE_SIZE = 25
UGPS = "un-ugps-2018-2028"
IMPORT_HINT = "criticalmass import peacekeeping-gender FILE"
LINES = ("Small multiples, one panel per category: women's share each month (solid line) and the "
         "target (dashed line).")
BARS = "Horizontal bars: women's share of each category in the latest month, with a tick at the target."


# ---- Parameters ----------------------------------------------------------------------------

def chosen_policy(request: HttpRequest, default: str | None = None) -> TargetPolicy:
    """?policy=slug, else the page's default (if it exists), else the default policy; 404 if unknown."""
    slug = request.GET.get("policy")
    found = queries.policy(slug) if slug else (default and queries.policy(default)) or queries.policy()
    if found is None:
        raise Http404(f"There is no target policy '{slug}'." if slug else "There is no target policy.")
    return found


def chosen_role(request: HttpRequest) -> str:
    role = request.GET.get("role") or Category.TOTAL
    if role not in figures.SERIES_ROLES:
        raise Http404(f"There is no peacekeeping category '{role}'.")
    return role


def chosen_month(request: HttpRequest) -> Month | None:
    """?as_of=YYYY-MM, the month the ranking is on; None (the data's latest month) when absent; 404 if bad."""
    text = request.GET.get("as_of")
    if not text:
        return None
    month = parse_month(text)
    if month is None:
        raise Http404(f"'{text}' is not a month: give it as YYYY-MM, e.g. 2014-02.")
    return month


def chosen_sort(request: HttpRequest) -> str:
    sort = request.GET.get("sort", "women")
    return sort if sort in figures.CONTRIBUTOR_SORTS else "women"


def policy_options(policy: TargetPolicy, role: str | None = None) -> dict[str, Any]:
    return {"policy": policy, "policies": TargetPolicy.objects.all(), "role": role,
            "roles": [(r, figures.ROLE_LABELS[r]) for r in figures.SERIES_ROLES] if role else []}


def target_label(policy: TargetPolicy) -> str:
    return f"Target: {policy.name}"


# ---- Peace operations ----------------------------------------------------------------------

def dashboard_data(request: HttpRequest, only: str | None = None) -> tuple[TargetPolicy, str, Tables]:
    policy, role, month = chosen_policy(request), chosen_role(request), chosen_month(request)
    tables = ranking_figures.dashboard_tables(policy, role, month, only)
    if "overall" in tables:  # what the imports noted of the whole series (a category change, a bad month)
        with_notes(tables["overall"], notes_about([SERIES_SUBJECT]))
    as_of = {"as_of": f"{month[0]:04d}-{month[1]:02d}"} if month else {}
    return policy, role, link_csvs(tables, "parity:dashboard_csv", [], policy=policy.slug, role=role, **as_of)


@require_safe
def dashboard(request: HttpRequest) -> HttpResponse:
    if not queries.has_operations_data():
        chosen_policy(request)  # an unknown policy is still a 404
        return render(request, "parity/dashboard.html", {"empty": True, "import_hint": IMPORT_HINT})
    policy, role, tables = dashboard_data(request)
    ranking = Paginator(tables["ranking"].rows, RANKING_PAGE_SIZE).get_page(request.GET.get("page"))
    chart = charts.chart("share_lines", tables["overall"], LINES, target_label=target_label(policy))
    as_of = tables["ranking"].as_of
    # The month picker lists every month of the data: kept with the figures, compared as text.
    months = cached_table("dashboard-months", lambda: data_months(tables["overall"]), policy.pk)
    return render(request, "parity/dashboard.html", {
        **policy_options(policy, role), "tables": tables, "chart": chart,
        "ranking": ranking, "ranking_html": tables["ranking"].html(ranking.object_list),
        "as_of": as_of, "as_of_month": f"{as_of:%Y-%m}" if as_of else "", "months": months,
        "window": queries.data_age_policy().report_window_months,
        "data_age": figures.data_age(without(tables, "ranking", "closed")),
    })


def without(tables: Tables, *names: str) -> Tables:
    """The page's tables but `names`: the ranking on a chosen month does not date the page."""
    return {name: table for name, table in tables.items() if name not in names}


def data_months(table: Table) -> list[str]:
    """The months the data holds, latest first, as YYYY-MM (the ranking's choice of month)."""
    return sorted({f"{row['date']:%Y-%m}" for row in table.rows if row["total"] is not None}, reverse=True)


@require_safe
def dashboard_csv(request: HttpRequest, name: str) -> HttpResponse:
    policy, role, tables = dashboard_data(request, only=name)
    return one_table(tables, name, "operations", request)


def operation(slug: str) -> Process:
    return get_object_or_404(Process.objects.select_related("host_country"), slug=slug,
                             kind=Process.Kind.OPERATION)


def mission_data(request: HttpRequest, slug: str) -> tuple[Process, TargetPolicy, str, Tables]:
    process, policy, sort = operation(slug), chosen_policy(request), chosen_sort(request)
    tables = figures.mission_tables(process, policy, sort)
    subject = observation_subject(process.slug)  # the mission, then its observations under it
    with_notes(tables["trend"], notes_about([subject, SERIES_SUBJECT], prefix=f"{subject}/"))
    link_csvs(tables, "parity:mission_csv", [slug], policy=policy.slug, sort=sort)
    return process, policy, sort, tables


@require_safe
def mission(request: HttpRequest, slug: str) -> HttpResponse:
    process, policy, sort, tables = mission_data(request, slug)
    label = target_label(policy)
    return render(request, "parity/mission.html", {
        **policy_options(policy), "process": process, "tables": tables, "sort": sort,
        "sorts": figures.CONTRIBUTOR_SORTS,
        "bars": charts.chart("share_bars", tables["categories"], BARS, target_label=label),
        "lines": charts.chart("share_lines", tables["trend"], LINES, target_label=label),
        "panels": process_sections(process), "data_age": figures.data_age(tables, closed=process.end_date),
    })


@require_safe
def mission_csv(request: HttpRequest, slug: str, name: str) -> HttpResponse:
    process, policy, sort, tables = mission_data(request, slug)
    return one_table(tables, name, process.slug, request)


def country_data(request: HttpRequest, iso3: str) -> tuple[Country, TargetPolicy, Tables]:
    country, policy = get_object_or_404(Country, iso3=iso3.upper()), chosen_policy(request, UGPS)
    tables = figures.country_tables(country, policy)
    with_notes(tables["trend"], notes_about([SERIES_SUBJECT]))
    return country, policy, link_csvs(tables, "parity:country_csv", [country.iso3], policy=policy.slug)


@require_safe
def country(request: HttpRequest, iso3: str) -> HttpResponse:
    if iso3 != iso3.upper():
        return redirect("parity:country", iso3=iso3.upper(), permanent=True)
    found, policy, tables = country_data(request, iso3)
    return render(request, "parity/country.html", {
        **policy_options(policy), "country": found, "tables": tables,
        "chart": charts.chart("share_lines", tables["trend"], LINES, target_label=target_label(policy)),
        "data_age": figures.data_age(tables),
    })


@require_safe
def country_csv(request: HttpRequest, iso3: str, name: str) -> HttpResponse:
    found, policy, tables = country_data(request, iso3)
    return one_table(tables, name, found.iso3.lower(), request)


# ---- Negotiations --------------------------------------------------------------------------

def negotiation_data(slug: str | None) -> tuple[Process | None, TargetPolicy, Tables]:
    process = get_object_or_404(Process, slug=slug, kind=Process.Kind.NEGOTIATION) if slug else None
    policy = queries.floor_policy()
    if policy is None:
        raise Http404("There is no target policy.")
    tables = negotiation_figures.negotiation_tables(policy, process)
    if process is None:
        # Every note of the cited sources: the agreements they list but do not code among them.
        listing = tables["agreements"]
        with_notes(listing, DataNote.objects.filter(source__in=listing.cited_sources))
        return None, policy, link_csvs(tables, "parity:negotiations_csv", [])
    return process, policy, link_csvs(tables, "parity:negotiation_csv", [process.slug])


def agreements(table: Table) -> list[dict[str, Any]]:
    """The table's rows grouped into agreements (document, conflict and date), in the table's order."""
    def key(row: dict[str, Any]) -> tuple[str, str, Any]:
        return row["document"], row["conflict_slug"], row["date"]

    return [{"rows": list(rows), "first": first} for first, rows in
            ((k, list(g)) for k, g in groupby(table.rows, key=key))]


@require_safe
def negotiations(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    process, policy, tables = negotiation_data(slug)
    page = Paginator(agreements(tables["agreements"]), AGREEMENTS_PAGE_SIZE).get_page(request.GET.get("page"))
    columns = negotiation_figures.agreement_role_columns(policy)
    for agreement in page.object_list:
        caption = f"Delegates by role, {agreement['first'][0]}"
        agreement["html"] = tables["agreements"].html(agreement["rows"], columns, caption)
        agreement["source"] = "; ".join(dict.fromkeys(row["source"] for row in agreement["rows"]))
    floor = negotiation_figures.floor_text(policy)
    listed = negotiation_figures.listed_agreements(process)
    description = (f"Horizontal bars: for each role, the share of agreements whose delegates in that role "
                   f"were at least {floor} women.")
    return render(request, "parity/negotiations.html", {
        "process": process, "policy": policy, "floor": floor, "tables": tables, "page": page,
        "columns": columns, "conflicts": queries.negotiations_with_agreements() if process is None else None,
        "not_coded": listed.not_coded, "listed": listed.listed, "coded": listed.coded,
        "panels": process_sections(process) if process else [],
        "chart": charts.chart("count_bars", tables["overview"], description, label_key="role",
                              value_label=f"Agreements with at least {floor} women (%)"),
    })


@require_safe
def negotiations_csv(request: HttpRequest, name: str, slug: str | None = None) -> HttpResponse:
    process, policy, tables = negotiation_data(slug)
    return one_table(tables, name, process.slug if process else "negotiations", request)


# ---- Targets and sources -------------------------------------------------------------------

def all_policies() -> list[TargetPolicy]:
    return list(TargetPolicy.objects.prefetch_related("anchors"))


@require_safe
def policies(request: HttpRequest) -> HttpResponse:
    found = all_policies()
    table = reference_figures.trajectories_table(found)
    table.csv_url = reverse("parity:policies_csv", args=["trajectories"])
    grids = [(policy, reference_figures.trajectory_grid(policy)) for policy in found]
    return render(request, "parity/policies.html", {
        "grids": grids, "years": list(reference_figures.TRAJECTORY_YEARS), "table": table,
    })


@require_safe
def policies_csv(request: HttpRequest, name: str) -> HttpResponse:
    trajectories = reference_figures.trajectories_table(all_policies())
    return one_table({"trajectories": trajectories}, name, "targets", request)


@require_safe
def sources(request: HttpRequest) -> HttpResponse:
    table = reference_figures.sources_table()
    table.csv_url = reverse("parity:sources_csv", args=["sources"])
    rows = zip(table.rows, table.cells(), strict=True)
    return render(request, "parity/sources.html", {"table": table, "rows": rows})


@require_safe
def sources_csv(request: HttpRequest, name: str) -> HttpResponse:
    return one_table({"sources": reference_figures.sources_table()}, name, "sources", request)



def notes_of(slug: str) -> tuple[Source, QuerySet[DataNote]]:
    source = get_object_or_404(Source, slug=slug)
    return source, DataNote.objects.filter(source=source).order_by("source_row", "pk")


@require_safe
def source_notes(request: HttpRequest, slug: str) -> HttpResponse:
    """What the import found wrong or missing in one source, a page of notes at a time."""
    source, notes = notes_of(slug)
    page = Paginator(notes, NOTES_PAGE_SIZE).get_page(request.GET.get("page"))
    kinds = notes.order_by().values_list("kind").annotate(n=Count("pk")).order_by("kind")
    return render(request, "parity/source_notes.html", {"source": source, "page": page, "kinds": kinds})


@require_safe
def source_notes_csv(request: HttpRequest, slug: str) -> HttpResponse:
    source, notes = notes_of(slug)
    return notes_response(notes, f"criticalmass-{source.slug}-notes")
