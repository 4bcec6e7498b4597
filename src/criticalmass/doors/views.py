"""Doors pages. Public: the directory of posts, the leadership CSV, reprisal counts and the anonymised
accounts of meetings. Members: the secretariat's posts and holders; the advocate's requests; the
partner's offers and meetings; reprisal records. Every read of a sensitive record is logged (access)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from criticalmass.core.models import Role, User, audit
from criticalmass.core.permissions import role_required
from criticalmass.doors import access, figures
from criticalmass.doors.forms import (
    AssignForm,
    FollowUpForm,
    HolderForm,
    MeetingForm,
    PostForm,
    PromiseForm,
    ReprisalForm,
    RequestForm,
    ShareForm,
)
from criticalmass.doors.models import Holder, Meeting, MeetingRequest, Post, Promise, Reprisal, Visibility
from criticalmass.figures.csv import csv_response, table_response
from criticalmass.lib import doors
from criticalmass.parity.models import Process

PAGE_SIZE = 50
MEMBERS = (Role.ADVOCATE, Role.PARTNER, Role.SECRETARIAT, Role.REVIEWER)
POST_COLUMNS = ["title", "kind", "process", "country", "holder", "holder_sex", "since", "citation"]


def me(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def posted(request: HttpRequest) -> QueryDict | None:
    return request.POST if request.method == "POST" else None


def refused(request: HttpRequest, message: str) -> HttpResponse:
    """A change that cannot be made: 400, saying why; nothing changed."""
    return render(request, "doors/refused.html", {"message": message}, status=400)


def page_of(request: HttpRequest, items: Any) -> Any:
    return Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))


# ---- Public --------------------------------------------------------------------------------

def posts_with_holders() -> QuerySet[Post]:
    return Post.objects.select_related("process", "country").prefetch_related("holders")


def post_row(post: Post) -> list[Any]:
    holder = next(iter(post.holders.all()), None)  # ordered latest start first
    return [post.title, post.get_kind_display(), post.process.name if post.process else "",
            post.country.name if post.country else "", holder.name if holder else "",
            holder.sex if holder else "", holder.start_date if holder else "",
            holder.citation if holder else ""]


@require_safe
def posts(request: HttpRequest) -> HttpResponse:
    return render(request, "doors/posts.html", {"page": page_of(request, posts_with_holders())})


@require_safe
def posts_csv(request: HttpRequest) -> HttpResponse:
    return csv_response("criticalmass-doors-posts", POST_COLUMNS, map(post_row, posts_with_holders()))


@require_safe
def post(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(posts_with_holders(), pk=pk)
    return render(request, "doors/post.html", {"post": found})


@require_safe
def leadership_csv(request: HttpRequest, slug: str) -> HttpResponse:
    process = get_object_or_404(Process, slug=slug)
    return table_response(figures.leadership_table(process).table, f"criticalmass-{slug}-leadership")


@require_safe
def reprisals(request: HttpRequest) -> HttpResponse:
    return render(request, "doors/reprisals.html", {"table": figures.reprisal_counts()})


@require_safe
def reprisals_csv(request: HttpRequest) -> HttpResponse:
    return table_response(figures.reprisal_counts(), "criticalmass-doors-reprisals")


def published_accounts() -> QuerySet[Meeting]:
    return (Meeting.objects.filter(public_consent_at__isnull=False, request__visibility=Visibility.ACCOUNT)
            .select_related("request__post", "request__organization__country")
            .annotate(promised=Count("promises"),
                      kept=Count("promises", filter=Q(promises__kept_on__isnull=False)))
            .order_by("-held_on", "pk"))


@require_safe
def accounts(request: HttpRequest) -> HttpResponse:
    """Anonymised: a country (of her organisation) and a post, never a name or organisation."""
    return render(request, "doors/accounts.html", {"page": page_of(request, published_accounts())})


ACCOUNT_COLUMNS = ["month", "from_country", "post", "kind", "asks", "promises", "kept"]


def account_row(meeting: Meeting) -> list[Any]:
    country = meeting.request.organization.country if meeting.request.organization else None
    return [meeting.held_on.strftime("%Y-%m"), country.name if country else "", meeting.request.post.title,
            meeting.request.post.get_kind_display(), meeting.asks,
            getattr(meeting, "promised"), getattr(meeting, "kept")]  # noqa: B009 - annotated by the query


@require_safe
def accounts_csv(request: HttpRequest) -> HttpResponse:
    rows = map(account_row, published_accounts())
    return csv_response("criticalmass-doors-accounts", ACCOUNT_COLUMNS, rows)


# ---- The secretariat's directory -------------------------------------------------------------

@role_required(Role.SECRETARIAT)
@require_http_methods(["GET", "HEAD", "POST"])
def post_new(request: HttpRequest) -> HttpResponse:
    form = PostForm(posted(request))
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        audit("doors.post_created", f"doors.post:{saved.pk}", user=me(request))
        return redirect("doors:post", saved.pk)
    return render(request, "doors/form.html", {"form": form, "title": "A new post"},
                  status=400 if form.errors else 200)


@role_required(Role.SECRETARIAT)
@require_http_methods(["GET", "HEAD", "POST"])
def holder_new(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Post, pk=pk)
    form = HolderForm(posted(request))
    if request.method == "POST" and form.is_valid():
        holder = form.save(commit=False)
        holder.post = found
        holder.save()
        audit("doors.holder_added", f"doors.post:{found.pk}", user=me(request), detail={"holder": holder.pk})
        return redirect("doors:post", found.pk)
    return render(request, "doors/form.html", {"form": form, "title": f"A holder of {found}"},
                  status=400 if form.errors else 200)


HOLDER_FIELDS = ["name", "sex", "start_date", "end_date", "citation", "url"]


@role_required(Role.SECRETARIAT)
@require_http_methods(["GET", "HEAD", "POST"])
def holder_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """End a term or correct a holder; the values before and after go to the audit (a visible trace)."""
    holder = get_object_or_404(Holder, pk=pk)
    before = {name: str(getattr(holder, name)) for name in HOLDER_FIELDS}
    form = HolderForm(posted(request), instance=holder)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        after = {name: str(getattr(saved, name)) for name in HOLDER_FIELDS}
        changes = {name: [before[name], after[name]] for name in HOLDER_FIELDS if before[name] != after[name]}
        audit("doors.holder_changed", f"doors.post:{saved.post_id}", user=me(request),
              detail={"holder": saved.pk, "changes": changes})
        return redirect("doors:post", saved.post_id)
    return render(request, "doors/form.html", {"form": form, "title": f"{holder.name}, {holder.post}"},
                  status=400 if form.errors else 200)


# ---- Requests ------------------------------------------------------------------------------

@role_required(*MEMBERS)
@require_safe
def requests(request: HttpRequest) -> HttpResponse:
    """Hers, those he brokers or was invited to, all for the secretariat; open ones to offer, for partners
    (shown only as a post and languages)."""
    user = me(request)
    open_to_offer = MeetingRequest.objects.none()
    if user.has_role(Role.PARTNER):
        open_to_offer = MeetingRequest.objects.filter(
            status__in=[doors.Status.REQUESTED, doors.Status.OFFERED]).exclude(offers__partner=user)
    to_assign = MeetingRequest.objects.none()
    if user.is_secretariat:  # assigned from here, without opening (and so reading) the request
        to_assign = MeetingRequest.objects.filter(status=doors.Status.OFFERED)
    return render(request, "doors/requests.html", {
        "page": page_of(request, access.readable(user).select_related("post")),
        "open_to_offer": open_to_offer.select_related("post")[:PAGE_SIZE],
        "to_assign": [(door, AssignForm(door)) for door in to_assign.select_related("post")[:PAGE_SIZE]]})


@role_required(Role.ADVOCATE)
@require_http_methods(["GET", "HEAD", "POST"])
def request_new(request: HttpRequest) -> HttpResponse:
    form = RequestForm(me(request), posted(request), initial={"post": request.GET.get("post")})
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved.advocate = me(request)
        saved.save()
        audit("doors.requested", f"doors.request:{saved.pk}", user=me(request))
        messages.success(request, "Your request is saved. Nothing is sent in your name before you confirm.")
        return redirect("doors:request", saved.pk)
    return render(request, "doors/form.html", {"form": form, "title": "Ask for a door to be opened"},
                  status=400 if form.errors else 200)


def readable_request(request: HttpRequest, pk: int, what: str) -> MeetingRequest:
    """The request if the member may read it (the read logged); 404 if none, else 403."""
    found = get_object_or_404(MeetingRequest.objects.select_related("post", "broker", "advocate"), pk=pk)
    if not access.may_read(me(request), found):
        raise PermissionDenied("Only she who asked, her broker, whom she invited and the secretariat "
                               "see this.")
    access.log_read(me(request), found, what)
    return found


@role_required(*MEMBERS)
@require_safe
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    found = readable_request(request, pk, "request")
    user = me(request)
    part = access.actor(user, found)
    meeting = getattr(found, "meeting", None)
    return render(request, "doors/request.html", {
        "door": found, "meeting": meeting, "hers": access.is_hers(user, found),
        "actions": doors.allowed_actions(doors.Status(found.status), part) if part else [],
        "assign_form": AssignForm(found), "share_form": ShareForm(),
        "promise_form": PromiseForm(found.broker), "readings": found.readings.select_related("reader")[:100],
        "reprisals": [r for r in found.reprisals.all() if access.may_read_reprisal(user, r)],
        "promises": meeting.promises.all() if meeting else []})


def transition(request: HttpRequest, found: MeetingRequest, action: doors.Action) -> bool:
    """Move the request by `action` if the member's part allows; says why not otherwise."""
    part = access.actor(me(request), found)
    if part is None or part not in doors.ACTORS[action]:
        raise PermissionDenied("Your part in this request does not allow this.")
    if part is doors.Actor.PARTNER and action != doors.Action.OFFER and found.broker_id != me(request).pk:
        raise PermissionDenied("Only the broker assigned acts on this request.")
    try:
        found.status = doors.next_status(doors.Status(found.status), action, part)
    except doors.TransitionError as exc:
        messages.error(request, str(exc))
        return False
    return True


@role_required(Role.ADVOCATE, Role.PARTNER, Role.SECRETARIAT)
@require_POST
def act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    found = get_object_or_404(MeetingRequest, pk=pk)
    try:
        chosen = doors.Action(action)
    except ValueError:
        return refused(request, f"There is no action '{action}'.")
    if chosen is doors.Action.LOG_MEETING:  # only with the meeting itself, on the meeting's form
        return refused(request, "Record the meeting on its form: the date, who attended, the asks.")
    form = AssignForm(found, request.POST) if chosen is doors.Action.ASSIGN else None
    if form is not None and not form.is_valid():
        return refused(request, "Choose a partner who offered.")
    with transaction.atomic():
        if not transition(request, found, chosen):
            return after(chosen, pk)
        apply(request, found, chosen, form)
        found.last_activity = timezone.localdate()
        found.save()
        audit(f"doors.{chosen}", f"doors.request:{found.pk}", user=me(request))
    messages.success(request, f"Done: the request is now {found.status}.")
    return after(chosen, pk)


def after(action: doors.Action, pk: int) -> HttpResponse:
    """A partner offering goes back to the list (he reads the request only once assigned)."""
    return redirect("doors:requests") if action is doors.Action.OFFER else redirect("doors:request", pk)


def apply(request: HttpRequest, found: MeetingRequest, action: doors.Action, form: AssignForm | None) -> None:
    if action is doors.Action.OFFER:
        found.offers.get_or_create(partner=me(request))
    elif action is doors.Action.ASSIGN and form is not None:
        found.broker, found.handler = form.cleaned_data["broker"], me(request)
    elif action is doors.Action.CONFIRM:
        found.confirmed_at = timezone.now()


def her_request(request: HttpRequest, pk: int) -> MeetingRequest:
    found = get_object_or_404(MeetingRequest, pk=pk)
    if not access.is_hers(me(request), found):
        raise PermissionDenied("Only she who asked decides this.")
    return found


@role_required(Role.ADVOCATE)
@require_POST
def share(request: HttpRequest, pk: int) -> HttpResponse:
    found = her_request(request, pk)
    form = ShareForm(request.POST)
    if not form.is_valid():
        return refused(request, str(form.errors["member"][0]))
    found.shared_with.add(form.cleaned_data["member"])
    audit("doors.shared", f"doors.request:{found.pk}", user=me(request),
          detail={"with": form.cleaned_data["member"].pk})
    return redirect("doors:request", pk)


@role_required(Role.ADVOCATE)
@require_POST
def consent(request: HttpRequest, pk: int) -> HttpResponse:
    """She consents to the anonymised public account of her meeting (if she chose it may be shown)."""
    found = her_request(request, pk)
    meeting = getattr(found, "meeting", None)
    if meeting is None or found.visibility != Visibility.ACCOUNT:
        return refused(request, "There is no meeting to publish, or you chose "
                      "that nothing is ever shown.")
    meeting.public_consent_at = timezone.now()
    meeting.save(update_fields=["public_consent_at"])
    audit("doors.consented", f"doors.request:{found.pk}", user=me(request))
    return redirect("doors:request", pk)


def brokered(request: HttpRequest, pk: int) -> MeetingRequest:
    found = get_object_or_404(MeetingRequest.objects.select_related("broker"), pk=pk)
    if not (me(request).is_secretariat or found.broker_id == me(request).pk):
        raise PermissionDenied("Only the broker and the secretariat log the meeting.")
    return found


# What the public account of a meeting shows (doors:accounts): changing one after she consented asks her
# consent again, and the account is withdrawn until she gives it.
PUBLISHED_MEETING_FIELDS = {"held_on", "asks", "with_civil_society"}


@role_required(Role.PARTNER, Role.SECRETARIAT)
@require_http_methods(["GET", "HEAD", "POST"])
def meeting(request: HttpRequest, pk: int) -> HttpResponse:
    found = brokered(request, pk)
    existing = getattr(found, "meeting", None)
    if existing is not None:
        access.log_read(me(request), found, "meeting notes")
    form = MeetingForm(posted(request), instance=existing)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            if existing is None and not transition(request, found, doors.Action.LOG_MEETING):
                return redirect("doors:request", pk)
            saved = form.save(commit=False)
            saved.request = found
            withdrawn = (existing is not None and existing.public_consent_at is not None
                         and bool(set(form.changed_data) & PUBLISHED_MEETING_FIELDS))
            if withdrawn:
                saved.public_consent_at = None  # she consented to the account as it was: she is asked again
            saved.save()
            found.last_activity = timezone.localdate()
            found.save()
            audit("doors.meeting_logged", f"doors.request:{found.pk}", user=me(request),
                  detail={"changed": form.changed_data, "consent_withdrawn": withdrawn})
        return redirect("doors:request", pk)
    return render(request, "doors/form.html", {"form": form, "title": f"The meeting with {found.post}"},
                  status=400 if form.errors else 200)


@role_required(Role.PARTNER, Role.SECRETARIAT)
@require_POST
def promise_new(request: HttpRequest, pk: int) -> HttpResponse:
    found = brokered(request, pk)
    meeting = getattr(found, "meeting", None)
    form = PromiseForm(found.broker, request.POST)
    if meeting is None or not form.is_valid():
        message = "Log the meeting first." if meeting is None else "; ".join(
            f"{name}: {' '.join(map(str, errors))}" for name, errors in form.errors.items())
        return refused(request, message)
    saved = form.save(commit=False)
    saved.meeting = meeting
    saved.save()
    MeetingRequest.objects.filter(pk=found.pk).update(last_activity=timezone.localdate())
    return redirect("doors:request", pk)


@role_required(Role.ADVOCATE, Role.PARTNER, Role.SECRETARIAT)
@require_POST
def promise_kept(request: HttpRequest, pk: int) -> HttpResponse:
    promise = get_object_or_404(Promise.objects.select_related("meeting__request"), pk=pk)
    found = promise.meeting.request
    user = me(request)
    if not (user.is_secretariat or found.broker_id == user.pk or access.is_hers(user, found)):
        raise PermissionDenied("Only she, her broker and the secretariat follow this up.")
    promise.kept_on = timezone.localdate()
    promise.save(update_fields=["kept_on"])
    MeetingRequest.objects.filter(pk=found.pk).update(last_activity=timezone.localdate())
    audit("doors.promise_kept", f"doors.request:{found.pk}", user=user, detail={"promise": promise.pk})
    return redirect("doors:request", found.pk)


# ---- Reprisals -----------------------------------------------------------------------------

@role_required(Role.ADVOCATE, Role.PARTNER)
@require_http_methods(["GET", "HEAD", "POST"])
def reprisal_new(request: HttpRequest, pk: int) -> HttpResponse:
    """She records it, or her broker on her behalf."""
    found = get_object_or_404(MeetingRequest, pk=pk)
    if not (access.is_hers(me(request), found) or found.broker_id == me(request).pk):
        raise PermissionDenied("Only she, or her broker on her behalf, records a reprisal.")
    form = ReprisalForm(posted(request))
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved.request, saved.recorded_by = found, me(request)
        saved.save()
        MeetingRequest.objects.filter(pk=found.pk).update(last_activity=timezone.localdate())
        audit("doors.reprisal_recorded", f"doors.reprisal:{saved.pk}", user=me(request))
        messages.success(request, "Recorded. Only the secretariat and whom she chooses can read it.")
        return redirect("doors:request", pk)
    return render(request, "doors/form.html", {"form": form, "title": "Record a reprisal or threat"},
                  status=400 if form.errors else 200)


@role_required(*MEMBERS)
@require_safe
def reprisal(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Reprisal.objects.select_related("request"), pk=pk)
    if not access.may_read_reprisal(me(request), found):
        raise PermissionDenied("Only the secretariat and whom she chose read a reprisal record.")
    access.log_read(me(request), found.request, f"reprisal {found.pk}")
    return render(request, "doors/reprisal.html", {
        "reprisal": found, "form": FollowUpForm(instance=found), "share_form": ShareForm(),
        "hers": access.is_hers(me(request), found.request)})


@role_required(Role.ADVOCATE)
@require_POST
def reprisal_share(request: HttpRequest, pk: int) -> HttpResponse:
    """She chooses who else may read a reprisal record."""
    found = get_object_or_404(Reprisal.objects.select_related("request"), pk=pk)
    if not access.is_hers(me(request), found.request):
        raise PermissionDenied("Only she chooses who reads a reprisal record.")
    form = ShareForm(request.POST)
    if not form.is_valid():
        return refused(request, str(form.errors["member"][0]))
    found.shared_with.add(form.cleaned_data["member"])
    audit("doors.reprisal_shared", f"doors.reprisal:{found.pk}", user=me(request),
          detail={"with": form.cleaned_data["member"].pk})
    return redirect("doors:reprisal", pk)


@role_required(Role.SECRETARIAT)
@require_POST
def reprisal_follow_up(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Reprisal, pk=pk)
    form = FollowUpForm(request.POST, instance=found)
    if not form.is_valid():
        return refused(request, "Choose a follow-up from the list.")
    form.save()
    MeetingRequest.objects.filter(pk=found.request_id).update(last_activity=timezone.localdate())
    audit("doors.reprisal_followed_up", f"doors.reprisal:{found.pk}", user=me(request),
          detail={"follow_up": found.follow_up})
    return redirect("doors:reprisal", pk)
