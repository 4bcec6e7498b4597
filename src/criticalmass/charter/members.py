"""What the Charter holds about a member, for their download, and what goes when they delete it:
their Charter listing is withdrawn and anonymised (its kept versions too); commitments, reports and
verdicts stay public, shown as a former member's (and the verifying organisation's). And when the
secretariat approves a new partner, his vetting by women's organisations opens."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from criticalmass.charter.models import (
    ChampionVetting,
    Commitment,
    ConsultationComment,
    Endorsement,
    Signature,
    Verification,
    VettingOpinion,
)
from criticalmass.core.models import Role, User, audit


def member_data(sender: Any, user: User, **kwargs: Any) -> dict[str, Any]:
    return {
        "charter_signatures": [{"name": s.name, "title": s.title, "version": s.version.number,
                                "signed_at": s.signed_at, "withdrawn_at": s.withdrawn_at, "bio": s.bio}
                               for s in Signature.objects.filter(user=user).select_related("version")],
        "commitments": [{"what": c.what, "cycle": c.cycle.name, "status": c.status()}
                        for c in Commitment.objects.filter(owner=user).select_related("cycle")],
        "verifications": [{"report": v.report_id, "verdict": v.verdict, "comment": v.comment}
                          for v in Verification.objects.filter(reviewer=user)],
        "charter_endorsements": [{"version": e.version.number, "endorsed_at": e.endorsed_at}
                                 for e in Endorsement.objects.filter(signature__user=user).select_related(
                                     "version")],
        "consultation_comments": [{"version": c.consultation.version.number, "paragraph": c.paragraph,
                                   "text": c.text, "pseudonym": c.pseudonym, "created_at": c.created_at}
                                  for c in ConsultationComment.objects.filter(author=user).select_related(
                                      "consultation__version")],
        "vetting_opinions": [{"partner": o.vetting.partner.public_name, "stance": o.stance,
                              "reason": o.reason}
                             for o in VettingOpinion.objects.filter(reviewer=user).select_related(
                                 "vetting__partner")],
    }


def forget_member(sender: Any, user: User, **kwargs: Any) -> None:
    Signature.objects.filter(user=user, withdrawn_at__isnull=True).update(withdrawn_at=timezone.now())
    Signature.objects.filter(user=user).update(name="Former member", title="", bio="", photo_url="",
                                               show_profile=False)
    # The kept versions of the listing go the same way: the history keeps the dates, not the person.
    Signature.history.filter(user=user).update(
        name="Former member", title="", bio="", photo_url="", show_profile=False)


def open_vetting(sender: Any, user: User, role: str, by: User | None = None, **kwargs: Any) -> None:
    """A new partner approved by the secretariat: women's organisations may now support or object before
    he is listed as a champion. Once only: approving him again leaves his vetting (and its decision) as is."""
    if role != Role.PARTNER:
        return
    vetting, opened = ChampionVetting.objects.get_or_create(partner=user)
    if opened:
        audit("charter.vetting_opened", f"charter.championvetting:{vetting.pk}", user=by,
              detail={"partner": user.pk})
