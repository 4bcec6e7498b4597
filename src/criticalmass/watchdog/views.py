"""The watchdog's pages: plans and laws, scorecards, legal reporting duties, country profiles, actions.

Reading is public. Reviewers and the secretariat edit actions; partners propose status updates, which
a reviewer or the secretariat accepts; reviewers' and the secretariat's own updates apply at once.
"""

from __future__ import annotations

import io
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from criticalmass.agreements import figures as agreements_figures
from criticalmass.core.models import Country, DataNote, Role, audit
from criticalmass.core.permissions import role_required
from criticalmass.core.sections import sections_for
from criticalmass.figures.citations import sources_by_id
from criticalmass.figures.csv import csv_response, table_response
from criticalmass.figures.notes import notes_response
from criticalmass.figures.pages import one_table
from criticalmass.lib.deadlines import State
from criticalmass.lib.plans import TEMPLATE_COLUMNS
from criticalmass.parity import queries as parity
from criticalmass.parliaments import figures as parliaments_figures
from criticalmass.watchdog import aid_figures, queries
from criticalmass.watchdog.forms import ActionForm, StatusUpdateForm
from criticalmass.watchdog.models import Action, Criterion, Plan, StatusUpdate, today

EDITORS = (Role.SECRETARIAT, Role.REVIEWER)
REPORTERS = (Role.SECRETARIAT, Role.REVIEWER, Role.PARTNER)
TEMPLATE_EXAMPLE = ["usa-law-1", "United States", "USA", "law", "1",
                    "Women, Peace, and Security Act of 2017 (Public Law 115-68)", "2017", "10", "2017", "",
                    "President, with USAID, State, DoD, DHS", "in_force", "unknown",
                    "https://govinfo.gov/content/pkg/PLAW-115publ68/html/PLAW-115publ68.htm",
                    "GovInfo PLAW-115publ68",
                    "https://govinfo.gov/content/pkg/PLAW-115publ68/html/PLAW-115publ68.htm", "V", ""]


def filtered_plans(request: HttpRequest) -> Any:
    qs = Plan.objects.all()
    country, kind = request.GET.get("country", "").upper(), request.GET.get("kind", "")
    if country:
        qs = qs.filter(country_id=country)
    if kind in Plan.Kind.values:
        qs = qs.filter(kind=kind)
    return qs


PLAN_HEADER = ["slug", "iso3", "country", "kind", "generation", "title", "adopted", "period", "lead_agency",
               "status", "score_percent", "document_url", "source_title", "source_url", "flag"]


def plan_row(view: queries.PlanView) -> list[Any]:
    p = view.plan
    return [p.slug, p.country_id, p.country.name, p.kind, p.generation, p.title, p.adopted, p.period,
            p.lead_agency, view.status, view.score.percent, p.document_url, p.source_title, p.source_url,
            p.verification]


@require_safe
def plans(request: HttpRequest) -> HttpResponse:
    views = queries.plan_views(filtered_plans(request), today())
    return render(request, "watchdog/plans.html", {
        "views": views, "kinds": Plan.Kind.choices, "kind": request.GET.get("kind", ""),
        "country": request.GET.get("country", "").upper(), "query": request.GET.urlencode(),
    })


@require_safe
def plans_csv(request: HttpRequest) -> HttpResponse:
    views = queries.plan_views(filtered_plans(request), today())
    return csv_response("plans.csv", PLAN_HEADER, map(plan_row, views))


@require_safe
def template_csv(request: HttpRequest) -> HttpResponse:
    return csv_response("plans-template.csv", TEMPLATE_COLUMNS, [TEMPLATE_EXAMPLE])


@require_safe
def template_xlsx(request: HttpRequest) -> HttpResponse:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.create_sheet("plans", 0)
    del workbook[workbook.sheetnames[1]]  # the empty default sheet
    sheet.title = "plans"
    sheet.append(TEMPLATE_COLUMNS)
    sheet.append(TEMPLATE_EXAMPLE)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
    response["Content-Disposition"] = 'attachment; filename="plans-template.xlsx"'
    return response


@require_safe
def plan(request: HttpRequest, slug: str) -> HttpResponse:
    found = get_object_or_404(Plan.objects.select_related("country", "source"), slug=slug)
    view = queries.plan_views(Plan.objects.filter(pk=found.pk), today())[0]
    agencies = found.agencies.prefetch_related("actions")
    actions = [a for agency in agencies for a in agency.actions.all()]
    answers = queries.answers(found, queries.action_counts([found.pk]).get(found.pk, (0, 0)))
    return render(request, "watchdog/plan.html", {
        "view": view, "plan": found, "agencies": agencies, "budgets": queries.budget_total(actions),
        "criteria": [(c, answers.get(c.slug)) for c in Criterion.objects.all()],
        "duties": [d for d in queries.duties(today(), found.country_id) if d.obligation.plan_id == found.pk],
        "panels": sections_for("plan", found),
    })


SCORE_HEADER = ["iso3", "country", "slug", "title", "status", "score_percent", "unknown_criteria",
                "source_url"]


@require_safe
def scorecards(request: HttpRequest) -> HttpResponse:
    views = queries.plan_views(Plan.objects.all(), today())
    return render(request, "watchdog/scorecards.html", {
        "views": views, "alerts": [v for v in views if v.alert], "criteria": Criterion.objects.all(),
    })


@require_safe
def scorecards_csv(request: HttpRequest) -> HttpResponse:
    views = queries.plan_views(Plan.objects.all(), today())
    rows = ([v.plan.country_id, v.plan.country.name, v.plan.slug, v.plan.title, v.status, v.score.percent,
             " ".join(v.score.unknown), v.plan.source_url] for v in views)
    return csv_response("scorecards.csv", SCORE_HEADER, rows)


DUTY_HEADER = ["slug", "iso3", "title", "state", "next_due", "days", "delivered", "legal_basis", "source_url"]


@require_safe
def obligations(request: HttpRequest) -> HttpResponse:
    duties = queries.duties(today())
    return render(request, "watchdog/obligations.html", {
        "overdue": [d for d in duties if d.standing.state == State.OVERDUE],
        "due_soon": [d for d in duties if d.standing.state == State.DUE_SOON],
        "duties": duties, "today": today(),
    })


@require_safe
def obligations_csv(request: HttpRequest) -> HttpResponse:
    return csv_response("obligations.csv", DUTY_HEADER, map(duty_row, queries.duties(today())))


def duty_row(d: queries.DutyView) -> list[Any]:
    return [d.obligation.slug, d.obligation.country_id, d.obligation.title, d.standing.state.value,
            d.standing.due, d.standing.days, d.delivered, d.obligation.legal_basis, d.obligation.source_url]


def country_data(iso3: str) -> dict[str, Any]:
    """Everything the country profile shows; its CSV downloads write the same objects."""
    found = get_object_or_404(Country, iso3=iso3)
    money = queries.country_money(iso3)
    agreements = agreements_figures.country_table(iso3, found.name)
    agreements.csv_url = reverse("watchdog:country_csv", args=[iso3, "agreements"])
    parliament = {"parliament-ranking": parliaments_figures.ranking_table(found),
                  "parliament-history": parliaments_figures.history_table(found)}
    for name, table in parliament.items():
        table.csv_url = reverse("watchdog:country_csv", args=[iso3, name])
    return {
        "country": found, "views": queries.plan_views(Plan.objects.filter(country=found), today()),
        "index": queries.wps_index(iso3), "duties": queries.duties(today(), iso3),
        "money": money, "money_rows": money_rows(money), "agreements_table": agreements,
        "aid_gender_table": aid_figures.gender_marker_table(iso3, found.name),
        "parliament": parliament,
    }


@require_safe
def country(request: HttpRequest, iso3: str) -> HttpResponse:
    if iso3 != iso3.upper():
        return redirect("watchdog:country", iso3=iso3.upper(), permanent=True)
    context = country_data(iso3)
    deployments = parity.country_latest_by_mission(iso3)
    return render(request, "watchdog/country.html", {
        **context, "deployments": deployments, "csv_names": COUNTRY_TABLES,
        "deployment_sources": sources_by_id({d["source_id"] for d in deployments}),
        "panels": sections_for("country", context["country"]),
    })


PARLIAMENT_TABLES = ("parliament-ranking", "parliament-history")
COUNTRY_TABLES = ("index", "plans", "duties", "money", aid_figures.NAME, "agreements", *PARLIAMENT_TABLES)
INDEX_HEADER = ["iso3", "edition", "rank", "score", "region", "indicator", "value", "note", "source"]
MONEY_HEADER = ["iso3", "figure", "currency", "amount", "share_percent", "activities", "source"]


def index_rows(context: dict[str, Any]) -> list[list[Any]]:
    index = context["index"]
    if index is None:
        return []
    source = f"{index.source.citation} Row {index.source_row} of {index.source.file}."
    score = floatformat(index.score, 3) if index.rank else ""
    return [[index.country_id, index.edition, index.rank, score, index.region, name,
             floatformat(item.get("value"), "-3") if item.get("value") is not None else "",
             item.get("note", ""), source] for name, item in index.indicators.items()]


def money_csv_rows(context: dict[str, Any]) -> list[list[Any]]:
    money, iso3 = context["money"], context["country"].iso3
    source = "; ".join(s.citation for s in money.sources)
    found = []
    for row in context["money_rows"]:
        figure, shares = row["figure"], row["shares"]
        for currency in sorted(set(figure.amounts) | set(shares)):
            amount, share = figure.amounts.get(currency), shares.get(currency)
            found.append([iso3, row["label"], currency, "0" if amount is None else floatformat(amount, 0),
                          share, " ".join(figure.activities), source])
    return found


@require_safe
def country_csv(request: HttpRequest, iso3: str, name: str) -> HttpResponse:
    """One table of the country profile as CSV, with the same numbers as the page and their source."""
    if name.removesuffix("-notes") in PARLIAMENT_TABLES:  # kit tables, with their notes' CSV
        return one_table(country_data(iso3)["parliament"], name, iso3, request)
    if name not in COUNTRY_TABLES and name != f"{aid_figures.NAME}-notes":
        raise Http404(f"There is no table '{name}' on a country's profile.")
    context = country_data(iso3)
    filename = f"criticalmass-{iso3}-{name}.csv"
    aid_gender = context["aid_gender_table"]
    if name == aid_figures.NAME:
        return table_response(aid_gender, filename, request)
    if name.endswith("-notes"):
        return notes_response(aid_gender.notes if aid_gender.notes is not None else DataNote.objects.none(),
                              filename)
    if name == "index":
        return csv_response(filename, INDEX_HEADER, index_rows(context))
    if name == "plans":
        return csv_response(filename, PLAN_HEADER, map(plan_row, context["views"]))
    if name == "duties":
        return csv_response(filename, DUTY_HEADER, map(duty_row, context["duties"]))
    if name == "money":
        return csv_response(filename, MONEY_HEADER, money_csv_rows(context))
    table = context["agreements_table"]
    return csv_response(filename, table.header(), table.csv_rows())


MONEY_LABELS = [
    ("all", "All aid recorded"),
    ("gender_principal", "Gender equality the principal objective (marker 2)"),
    ("womens_rights_organisations", "To women's rights organisations (DAC 15170)"),
    ("ending_violence", "Ending violence against women and girls (DAC 15180)"),
]


def money_rows(money: queries.Money) -> list[dict[str, Any]]:
    return [{"label": label, "figure": money.figures[name], "shares": money.shares.get(name, {})}
            for name, label in MONEY_LABELS]


def visible_updates(request: HttpRequest, action: Action) -> Any:
    updates = action.updates.select_related("reported_by")
    if request.user.is_authenticated and request.user.has_role(*EDITORS):
        return updates
    return updates.filter(accepted=True)


@require_safe
def action(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Action.objects.select_related("agency__plan__country"), pk=pk)
    context = {"action": found, "updates": visible_updates(request, found)}
    return render(request, "watchdog/action.html", context)


@require_http_methods(["GET", "POST"])
@role_required(*EDITORS)
def action_edit(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Action, pk=pk)
    form = ActionForm(request.POST or None, instance=found)
    if request.method == "POST" and form.is_valid():
        form.save()
        audit("watchdog.action.edit", f"action {found.pk}", user=request.user,  # type: ignore[arg-type]
              detail={"fields": sorted(form.changed_data)})
        messages.success(request, "The action is saved.")
        return redirect("watchdog:action", pk=found.pk)
    return render(request, "watchdog/action_form.html", {"action": found, "form": form}, status=400 if
                  request.method == "POST" else 200)


@require_http_methods(["GET", "POST"])
@role_required(*REPORTERS)
def update_new(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Action, pk=pk)
    form = StatusUpdateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        update = form.save(commit=False)
        update.action, update.reported_by = found, request.user
        update.accepted = request.user.has_role(*EDITORS)  # type: ignore[union-attr]
        update.save()
        if update.accepted:
            apply(update)
        audit("watchdog.update.report", f"action {found.pk}", user=request.user,  # type: ignore[arg-type]
              detail={"status": update.status, "accepted": update.accepted})
        messages.success(request, "Saved." if update.accepted else "Sent: a reviewer will check it.")
        return redirect("watchdog:action", pk=found.pk)
    return render(request, "watchdog/update_form.html", {"action": found, "form": form},
                  status=400 if request.method == "POST" else 200)


@require_POST
@role_required(*EDITORS)
def update_accept(request: HttpRequest, pk: int) -> HttpResponse:
    update = get_object_or_404(StatusUpdate, pk=pk)
    if update.accepted:  # accepted meanwhile by someone else: nothing more to do
        messages.info(request, "This update had already been accepted.")
        return redirect("watchdog:action", pk=update.action_id)
    update.accepted = True
    update.save(update_fields=["accepted"])
    apply(update)
    audit("watchdog.update.accept", f"update {update.pk}", user=request.user)  # type: ignore[arg-type]
    return redirect("watchdog:action", pk=update.action_id)


def apply(update: StatusUpdate) -> None:
    Action.objects.filter(pk=update.action_id).update(status=update.status)
