"""Hub pages: the "click here" cards, evidence (and its CSV), search, practices and stories, review.

Reading is public; submitting needs a login; publishing is the secretariat's.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from criticalmass.core.models import Role, User, audit
from criticalmass.core.permissions import role_required
from criticalmass.figures.csv import csv_response
from criticalmass.hub import consent, indexing, queries, search
from criticalmass.hub.forms import ConsentAnswerForm, PracticeForm, ReviewForm
from criticalmass.hub.models import (
    AUDIENCE_TAGS,
    Argument,
    Card,
    Evidence,
    Grade,
    Kind,
    Practice,
    Status,
)

EVERYONE = [choice[0] for choice in Role.choices]
PAGE_SIZE = 20
CSV_COLUMNS = [
    "slug",
    "claim",
    "number",
    "unit",
    "year",
    "grade",
    "kind",
    "arguments",
    "audiences",
    "themes",
    "source_org",
    "source_title",
    "source_year",
    "url",
    "qualifies",
]


def me(request: HttpRequest) -> User | None:
    return request.user if request.user.is_authenticated else None


# ---- Cards ---------------------------------------------------------------------------------


@require_safe
def cards(request: HttpRequest) -> HttpResponse:
    return render(request, "hub/cards.html", {"cards": Card.objects.prefetch_related("links")})


# ---- Evidence ------------------------------------------------------------------------------


class BadFilter(ValueError):
    pass


def evidence_filters(request: HttpRequest) -> queries.EvidenceFilters:
    """The filters in the address; an unknown value is an error naming it (a typo must not show all)."""
    allowed = {
        "kind": Kind.values,
        "argument": Argument.values,
        "audience": AUDIENCE_TAGS,
        "grade": Grade.values,
    }
    values = {}
    for name in ("kind", "argument", "audience", "theme", "grade"):
        value = request.GET.get(name, "").strip()
        if value and name in allowed and value not in allowed[name]:
            raise BadFilter(f"There is no {name} '{value}'. Choose one from the list.")
        values[name] = value
    return queries.EvidenceFilters(**values)


def filter_options() -> dict[str, Any]:
    return {
        "kinds": Kind.choices,
        "arguments": Argument.choices,
        "audiences": AUDIENCE_TAGS,
        "grades": Grade.choices,
    }


@require_safe
def evidence(request: HttpRequest) -> HttpResponse:
    secretariat = bool(me(request) and me(request).is_secretariat)  # type: ignore[union-attr]
    context = {**filter_options(), "secretariat": secretariat, "query": request.GET.urlencode()}
    try:
        filters = evidence_filters(request)
    except BadFilter as exc:
        return render(
            request,
            "hub/evidence.html",
            {**context, "error": str(exc), "filters": queries.EvidenceFilters()},
            status=400,
        )
    items = list(queries.evidence(me(request), filters))
    rows = [(item, queries.counter_evidence(item, me(request))) for item in items]
    return render(request, "hub/evidence.html", {**context, "rows": rows, "filters": filters})


def evidence_row(item: Evidence) -> list[Any]:
    values = {name: getattr(item, name) for name in CSV_COLUMNS if name != "qualifies"}
    values.update(
        arguments=" ".join(item.argument_list),
        audiences=" ".join(item.audience_list),
        themes="; ".join(item.theme_list),
        qualifies=" ".join(q.slug for q in item.qualifies.all()),
    )
    return [values[name] for name in CSV_COLUMNS]


@require_safe
def evidence_csv(request: HttpRequest) -> HttpResponse:
    try:
        filters = evidence_filters(request)
    except BadFilter as exc:
        return HttpResponse(str(exc), status=400, content_type="text/plain; charset=utf-8")
    rows = (evidence_row(item) for item in queries.evidence(me(request), filters))
    return csv_response("criticalmass-evidence.csv", CSV_COLUMNS, rows)


# ---- Search --------------------------------------------------------------------------------


def search_filters(request: HttpRequest) -> search.Filters:
    get = request.GET
    type_ = get.get("type", "")
    return search.Filters(
        type=type_ if type_ in search.TYPES else "",
        country=get.get("country", "")[:3],
        theme=get.get("theme", "")[:100],
        audience=get.get("audience", "")[:50],
        argument=get.get("argument", "")[:50],
        kind=get.get("kind", "")[:30],
    )


def page_number(request: HttpRequest) -> int:
    """The page asked for; anything that is not a page number is the first page, as Paginator reads it."""
    text = request.GET.get("page", "1").strip()
    return int(text) if text.isascii() and text.isdecimal() and 0 < len(text) < 7 and int(text) > 0 else 1


def page_link(request: HttpRequest, number: int) -> str:
    params = request.GET.copy()
    params["page"] = str(number)
    return "?" + params.urlencode()


def search_results(request: HttpRequest, text: str, filters: search.Filters) -> dict[str, Any]:
    """One page of hits, "results N–M of T" and the links to the pages either side.

    A page past the last shows the last, as Paginator.get_page does.
    """
    number = page_number(request)
    found = search.results(text, filters, PAGE_SIZE, (number - 1) * PAGE_SIZE)
    last = max(1, -(-found.total // PAGE_SIZE))
    if number > last:
        number = last
        found = search.results(text, filters, PAGE_SIZE, (number - 1) * PAGE_SIZE)
    first = (number - 1) * PAGE_SIZE
    return {
        "hits": found.hits,
        "total": found.total,
        "first": first + 1 if found.hits else 0,
        "last": first + len(found.hits),
        "previous_link": page_link(request, number - 1) if number > 1 else "",
        "next_link": page_link(request, number + 1) if number < last else "",
    }


@require_safe
def search_page(request: HttpRequest) -> HttpResponse:
    text = request.GET.get("q", "")
    filters = search_filters(request)
    indexing.sync()
    found = search_results(request, text, filters) if text.strip() else {"hits": [], "total": 0}
    return render(
        request,
        "hub/search.html",
        {
            **filter_options(),
            **found,
            "q": text,
            "filters": filters,
            "types": search.TYPES,
        },
    )


# ---- Practices and stories -----------------------------------------------------------------


@require_safe
def practices(request: HttpRequest) -> HttpResponse:
    qs = queries.published_practices()
    type_ = request.GET.get("type", "")
    if type_ in Practice.Type.values:
        qs = qs.filter(type=type_)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request, "hub/practices.html", {"page": page, "types": Practice.Type.choices, "type": type_}
    )


@require_safe
def practice(request: HttpRequest, slug: str) -> HttpResponse:
    item = get_object_or_404(Practice.objects.select_related("author", "country"), slug=slug)
    if not queries.practice_visible_to(item, me(request)):
        raise Http404("There is no published practice here.")
    if item.contacts and item.show_contacts:
        consent.contacts_seen(item, me(request), "page")
    return render(request, "hub/practice.html", {"item": item})


@role_required(*EVERYONE)
@require_http_methods(["GET", "HEAD", "POST"])
def practice_new(request: HttpRequest) -> HttpResponse:
    form = PracticeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            item = form.save(commit=False)
            item.author = me(request)  # type: ignore[assignment]  # role_required: a user is logged in
            item.save()
            audit("practice-submitted", item.slug, me(request))
        messages.success(request, "Thank you. The secretariat will review it before it is published.")
        return redirect("hub:practice", slug=item.slug)
    return render(request, "hub/practice_form.html", {"form": form}, status=400 if form.errors else 200)


def pending_practices() -> Any:
    return (
        Practice.objects.filter(status=Status.PENDING)
        .select_related("author", "country")
        .order_by("submitted_at")
    )


@role_required(Role.SECRETARIAT)
@require_http_methods(["GET", "HEAD", "POST"])
def review(request: HttpRequest) -> HttpResponse:
    """Pending practices and stories; a POST publishes one or declines it."""
    if request.method != "POST":
        return render(request, "hub/review.html", {"pending": pending_practices()})
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose a submission and whether to publish it.")
        return render(request, "hub/review.html", {"pending": pending_practices()}, status=400)
    item = get_object_or_404(Practice, slug=form.cleaned_data["slug"])
    with transaction.atomic():
        item.status = Status.PUBLISHED if form.cleaned_data["decision"] == "publish" else Status.REJECTED
        item.reviewed_at, item.reviewed_by = timezone.now(), me(request)
        item.save()
        audit("practice-reviewed", item.slug, me(request), detail={"decision": item.status})
    messages.success(request, f"“{item.title}”: {item.get_status_display().lower()}.")
    return redirect("hub:review")


# ---- An author's own stories: consent asked of her, views of her contacts -------------------------


def my_practices_page(request: HttpRequest, form: ConsentAnswerForm | None = None) -> HttpResponse:
    author: User = request.user  # type: ignore[assignment]
    context = {
        "practices": Practice.objects.filter(author=author).order_by("-submitted_at"),
        "pending": consent.pending_for(author),
        "views": consent.contact_views_for(author)[:50],
        "form": form,
    }
    return render(request, "hub/my_practices.html", context, status=400 if form and form.errors else 200)


@role_required(*EVERYONE)
@require_safe
def my_practices(request: HttpRequest) -> HttpResponse:
    return my_practices_page(request)


@role_required(*EVERYONE)
@require_http_methods(["POST"])
def consent_answer(request: HttpRequest) -> HttpResponse:
    """The author confirms or declines a change the secretariat asked; only her own pending requests."""
    author: User = request.user  # type: ignore[assignment]
    form = ConsentAnswerForm(author, request.POST)
    if not form.is_valid():
        return my_practices_page(request, form)
    confirm = form.cleaned_data["decision"] == "confirm"
    consent.answer(form.cleaned_data["request"], author, confirm)
    messages.success(request, "Your story is changed as you confirmed." if confirm else
                     "Nothing is changed: you declined.")
    return redirect("hub:my_practices")
