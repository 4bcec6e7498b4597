"""Public pages of the agreements monitor and their CSV downloads. No login needed.

As in the parity app, each page's figures are tables (figures.py); the CSV endpoints write the same
tables, so a download holds exactly the numbers on the page.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_http_methods, require_safe

from criticalmass.agreements import codebook, figures, queries, renewal_figures
from criticalmass.agreements.forms import ScorecardForm
from criticalmass.agreements.models import Agreement, Mandate, RubricItem, ScoreEntry
from criticalmass.core.models import Role, audit
from criticalmass.core.permissions import role_required
from criticalmass.figures import charts
from criticalmass.figures.citations import cite_row
from criticalmass.figures.pages import Tables, link_csvs, one_table
from criticalmass.parity.models import Process

IMPORT_HINT = "criticalmass import pax FILE"
SCORERS = (Role.REVIEWER, Role.SECRETARIAT)
BARS = ("Horizontal bars: for each year, the share of that year's peace agreements with provisions on "
        "women, girls and gender, with the count behind it.")
GROUP_BARS = ("Horizontal bars: for each group, the share of its agreements with provisions on women, "
              "girls and gender, with the number of agreements in the group.")


def chosen_scope(request: HttpRequest) -> queries.Scope:
    """?country=ISO3 and ?region=PA-X region; 404 with a sentence when either names nothing known."""
    country, region = request.GET.get("country", "").strip().upper(), request.GET.get("region", "").strip()
    scope = queries.Scope(country[:20], region[:100])
    problem = queries.scope_problem(scope)
    if problem:
        raise Http404(problem)
    return scope


@require_safe
def overview(request: HttpRequest) -> HttpResponse:
    scope = chosen_scope(request)
    tables = link_csvs(figures.overview_tables(scope), "agreements:overview_csv", [], **scope.params)
    chart = charts.chart("count_bars", tables["year"], BARS, label_key="year",
                         value_label="Agreements with gender provisions (%)")
    return render(request, "agreements/overview.html", {
        "tables": tables, "chart": chart, "empty": not tables["year"].rows, "import_hint": IMPORT_HINT,
        "scope": scope, "regions": queries.regions(),
        "pillars": queries.pillars(), "processes": queries.processes_with_agreements()[:200],
    })


@require_safe
def overview_csv(request: HttpRequest, name: str) -> HttpResponse:
    scope = chosen_scope(request)
    suffix = "".join(f"-{v}" for v in scope.params.values())
    return one_table(figures.overview_tables(scope), name, slugify(f"agreements{suffix}"), request)


def agreement_data(pax_id: int) -> tuple[Agreement, Tables]:
    agreement = get_object_or_404(Agreement.objects.select_related("process", "source"), pax_id=pax_id)
    tables = figures.agreement_tables(agreement)
    return agreement, link_csvs(tables, "agreements:agreement_csv", [str(pax_id)])


@require_safe
def agreement(request: HttpRequest, pax_id: int) -> HttpResponse:
    found, tables = agreement_data(pax_id)
    items = queries.rubric()
    entries = found.entries.select_related("item", "updated_by")
    return render(request, "agreements/agreement.html", {
        "score": queries.mandate_score(found, items), "ratings": ratings(found, items),
        "reviewers": sorted({e.updated_by.public_name for e in entries
                             if e.updated_by}),
        "can_score": request.user.is_authenticated and request.user.has_role(*SCORERS),
        "agreement": found, "tables": tables, "stage": codebook.stage_label(found.stage),
        "agreement_type": codebook.type_label(found.agreement_type),
        "countries": found.countries.all(), "cited": cite_row(found.source, found.source_row),
    })


@require_safe
def agreement_csv(request: HttpRequest, pax_id: int, name: str) -> HttpResponse:
    found, tables = agreement_data(pax_id)
    return one_table(tables, name, f"pax-{found.pax_id}", request)


def process_data(slug: str) -> tuple[Process, Tables]:
    process = get_object_or_404(Process, slug=slug, kind=Process.Kind.NEGOTIATION)
    tables = {"timeline": figures.timeline_table(process)}
    return process, link_csvs(tables, "agreements:process_csv", [slug])


@require_safe
def process(request: HttpRequest, slug: str) -> HttpResponse:
    found, tables = process_data(slug)
    return render(request, "agreements/process.html", {"process": found, "tables": tables})


@require_safe
def process_csv(request: HttpRequest, slug: str, name: str) -> HttpResponse:
    found, tables = process_data(slug)
    return one_table(tables, name, found.slug, request)


def comparison_data() -> tuple[str, Tables]:
    floor = queries.floor()
    tables = link_csvs(figures.comparison_tables(floor), "agreements:at_the_table_csv", [])
    return f"{floor.normalize():f}%", tables


@require_safe
def at_the_table(request: HttpRequest) -> HttpResponse:
    floor, tables = comparison_data()
    chart = charts.chart("count_bars", tables["groups"], GROUP_BARS, label_key="group",
                         value_label="Agreements with gender provisions (%)")
    return render(request, "agreements/at_the_table.html", {"floor": floor, "tables": tables, "chart": chart})


@require_safe
def at_the_table_csv(request: HttpRequest, name: str) -> HttpResponse:
    floor, tables = comparison_data()
    return one_table(tables, name, "at-the-table", request)


# ---- Mandates: scorecards and renewals -----------------------------------------------------

def operation(slug: str) -> Process:
    return get_object_or_404(Process, slug=slug, kind=Process.Kind.OPERATION)


def ratings(mandate: Mandate | Agreement, items: list[RubricItem],
            ) -> list[tuple[RubricItem, ScoreEntry | None]]:
    entries = {e.item_id: e for e in mandate.entries.all()}
    return [(item, entries.get(item.pk)) for item in items]


@require_safe
def mandates(request: HttpRequest, slug: str) -> HttpResponse:
    process = operation(slug)
    table = figures.mandates_table(process)
    table.csv_url = reverse("agreements:mandates_csv", args=[slug, "mandates"])
    items = queries.rubric()
    history = [(m, queries.mandate_score(m, items), ratings(m, items)) for m in queries.mandates_of(process)]
    return render(request, "agreements/mandates.html", {
        "process": process, "table": table, "history": history, "items": items,
        "can_score": request.user.is_authenticated and request.user.has_role(*SCORERS),
    })


@require_safe
def mandates_csv(request: HttpRequest, slug: str, name: str) -> HttpResponse:
    process = operation(slug)
    return one_table({"mandates": figures.mandates_table(process)}, name, process.slug, request)


def renewal_tables() -> Tables:
    today = timezone.localdate()
    tables = {"renewals": figures.renewals_table(today), "calendar": renewal_figures.calendar_table(today)}
    return link_csvs(tables, "agreements:renewals_csv", [])


@require_safe
def renewals(request: HttpRequest) -> HttpResponse:
    tables = renewal_tables()
    return render(request, "agreements/renewals.html", {
        "table": tables["renewals"], "calendar": tables["calendar"], "days": queries.RENEWAL_DAYS,
        "can_score": request.user.is_authenticated and request.user.has_role(*SCORERS),
    })


@require_safe
def renewals_csv(request: HttpRequest, name: str) -> HttpResponse:
    return one_table(renewal_tables(), name, "renewals", request)


@require_http_methods(["GET", "POST"])
@role_required(*SCORERS)
def scorecard(request: HttpRequest) -> HttpResponse:
    """Reviewers and the secretariat rate a mandate (?mandate=<id>); without one, the mandates to rate."""
    mandate_id = request.POST.get("mandate") or request.GET.get("mandate")
    if not mandate_id:
        return render(request, "agreements/scorecards.html", {"mandates": Mandate.objects.select_related(
            "process").order_by("expires", "process__name")})
    mandate = get_object_or_404(Mandate.objects.select_related("process"),
                                pk=mandate_id if str(mandate_id).isdigit() else 0)
    form = ScorecardForm(request.POST or None, target=mandate, items=queries.rubric())
    if request.method == "POST":
        if form.is_valid():
            changed = form.save(request.user)
            audit("score-mandate", str(mandate), user=request.user, detail={"changed": changed})  # type: ignore[arg-type]
            messages.success(request, f"Saved: {changed} rating{'s' if changed != 1 else ''} changed.")
            return redirect("agreements:mandates", slug=mandate.process.slug)
        return render(request, "agreements/scorecard.html", {"mandate": mandate, "form": form}, status=400)
    return render(request, "agreements/scorecard.html", {"mandate": mandate, "form": form})


@require_http_methods(["GET", "POST"])
@role_required(*SCORERS)
def agreement_score(request: HttpRequest, pax_id: int) -> HttpResponse:
    """Reviewers and the secretariat rate an agreement on the mandates' rubric."""
    found = get_object_or_404(Agreement.objects.select_related("process"), pax_id=pax_id)
    form = ScorecardForm(request.POST or None, target=found, items=queries.rubric())
    context = {"agreement": found, "form": form}
    if request.method == "POST":
        if form.is_valid():
            changed = form.save(request.user)
            audit("score-agreement", str(found), user=request.user, detail={"changed": changed})  # type: ignore[arg-type]
            messages.success(request, f"Saved: {changed} rating{'s' if changed != 1 else ''} changed.")
            return redirect("agreements:agreement", pax_id=found.pax_id)
        return render(request, "agreements/agreement_score.html", context, status=400)
    return render(request, "agreements/agreement_score.html", context)
