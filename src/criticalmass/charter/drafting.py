"""Drafting the Charter with the women it concerns: endorsing a new version in one click, the
consultation on a draft (invitees comment paragraph by paragraph, the secretariat answers each comment)
and its public record."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from criticalmass.charter import queries
from criticalmass.charter.forms import CommentForm, ResponseForm
from criticalmass.charter.models import (
    Consultation,
    ConsultationComment,
    Endorsement,
    Signature,
    current_version,
    published,
)
from criticalmass.core import membership
from criticalmass.core.models import Role, User, audit
from criticalmass.core.permissions import role_required
from criticalmass.figures.csv import csv_response
from criticalmass.lib import paragraphs


def me(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


# ---- Endorsing a new version -------------------------------------------------------------------

@role_required(Role.PARTNER)
@require_POST
def endorse(request: HttpRequest) -> HttpResponse:
    """One click: the signatory of an earlier version endorses the current one; his signature stays."""
    version = current_version()
    signature = Signature.objects.filter(user=me(request), withdrawn_at__isnull=True).first()
    if version is None or signature is None:
        messages.error(request, "Only a signatory of the Charter can endorse a new version: sign it first.")
        return redirect("charter:charter")
    if signature.version.number >= version.number:
        messages.info(request, f"You signed version {signature.version.number}; there is nothing to endorse.")
        return redirect("charter:charter")
    try:
        with transaction.atomic():
            endorsement, made = Endorsement.objects.get_or_create(signature=signature, version=version)
            if made:
                audit("charter.endorsed", f"charter.signature:{signature.pk}", user=me(request),
                      detail={"version": version.number})
    except IntegrityError:  # posted twice at once: the other post endorsed it
        made = False
    if made:
        messages.success(request, f"You endorsed version {version.number}; it is shown beside your name.")
    else:
        messages.info(request, f"You had already endorsed version {version.number}.")
    return redirect("charter:charter")


# ---- The consultation on a draft ---------------------------------------------------------------

def invited_organisations(user: User, consultation: Consultation) -> list[tuple[int, str]]:
    mine = membership.organisation_ids(user)
    return [(o.pk, o.name) for o in consultation.organizations.all() if o.pk in mine]


def invited_by_name(user: User, consultation: Consultation) -> bool:
    return consultation.advocates.filter(pk=user.pk).exists()


def draft_consultation(request: HttpRequest, number: int) -> Consultation:
    """The consultation on an unpublished version, for the secretariat and invitees; 404 if none, 403 for
    anyone not invited."""
    consultation = get_object_or_404(Consultation.objects.select_related("version"), version__number=number)
    if published().filter(pk=consultation.version_id).exists():
        raise Http404("This version is published: read it on the Charter's page.")
    user = me(request)
    if not (user.is_secretariat or invited_by_name(user, consultation)
            or invited_organisations(user, consultation)):
        raise PermissionDenied("This draft is open to the organisations and advocates invited to comment.")
    return consultation


def comment_form(request: HttpRequest, consultation: Consultation, data: Any = None) -> CommentForm:
    user = me(request)
    return CommentForm(data, paragraphs=len(paragraphs.split(consultation.version.text)),
                       organisations=invited_organisations(user, consultation),
                       personal=invited_by_name(user, consultation), advocate=user.has_role(Role.ADVOCATE))


def draft_context(request: HttpRequest, consultation: Consultation, form: CommentForm | None = None,
                  ) -> dict[str, Any]:
    comments = list(consultation.comments.select_related("organization", "author"))
    secretariat = me(request).is_secretariat
    forms = {c.pk: ResponseForm(instance=c, auto_id=f"comment-{c.pk}-%s")
             for c in comments} if secretariat else {}
    parts = [(p, [(c, forms.get(c.pk)) for c in comments if c.paragraph == p.number])
             for p in paragraphs.split(consultation.version.text)]
    return {"consultation": consultation, "version": consultation.version, "paragraphs": parts,
            "may_comment": not secretariat and consultation.is_open(),
            "form": form or comment_form(request, consultation),
            "secretariat": secretariat,
            "record": queries.consultation_record(consultation)}


@role_required(*Role.values)
@require_safe
def draft(request: HttpRequest, number: int) -> HttpResponse:
    consultation = draft_consultation(request, number)
    return render(request, "charter/draft.html", draft_context(request, consultation))


@role_required(*Role.values)
@require_POST
def comment(request: HttpRequest, number: int) -> HttpResponse:
    consultation = draft_consultation(request, number)
    if me(request).is_secretariat and not invited_by_name(me(request), consultation):
        raise PermissionDenied("The secretariat answers comments; the invitees make them.")
    if not consultation.is_open():
        messages.error(request, f"The consultation runs from {consultation.opens_on} to "
                       f"{consultation.closes_on}; comments are not taken now.")
        return redirect("charter:draft", number)
    form = comment_form(request, consultation, request.POST)
    if not form.is_valid():
        return render(request, "charter/draft.html", draft_context(request, consultation, form), status=400)
    with transaction.atomic():
        made = ConsultationComment.objects.create(
            consultation=consultation, author=me(request), paragraph=form.cleaned_data["paragraph"],
            organization_id=form.cleaned_data["organization"], text=form.cleaned_data["text"],
            pseudonym=form.cleaned_data.get("pseudonym", ""))
        audit("charter.commented", f"charter.consultationcomment:{made.pk}", user=me(request),
              detail={"version": number, "paragraph": made.paragraph})
    messages.success(request, f"Your comment on paragraph {made.paragraph} is recorded; the secretariat "
                     "will answer it.")
    return redirect("charter:draft", number)


@role_required(Role.SECRETARIAT)
@require_POST
def respond(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(ConsultationComment.objects.select_related("consultation__version"), pk=pk)
    number = found.consultation.version.number
    form = ResponseForm(request.POST, instance=found)
    if not form.is_valid():
        messages.error(request, f"Comment on paragraph {found.paragraph}: " + " ".join(
            str(e) for errors in form.errors.values() for e in errors))
        return redirect("charter:draft", number)
    with transaction.atomic():
        answered = form.save(commit=False)
        answered.responded_at = timezone.now()
        answered.save()
        audit("charter.comment_answered", f"charter.consultationcomment:{found.pk}", user=me(request),
              detail={"response": answered.response})
    messages.success(request, f"Your answer to the comment on paragraph {found.paragraph} is recorded.")
    return redirect("charter:draft", number)


@require_safe
def consultation_csv(request: HttpRequest) -> HttpResponse:
    columns = queries.CONSULTATION_COLUMNS
    rows = queries.consultation_rows()
    return csv_response("criticalmass-charter-consultations.csv", columns,
                        [[row[c] for c in columns] for row in rows])
