"""Tallies and suggestions the events pages, CSV downloads and API share."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from criticalmass.core.models import Role, User
from criticalmass.events.models import Event, Expert, Panel, PanelPledge, PanelPolicy, Speaker
from criticalmass.lib import panels

TALLY_COLUMNS = ["panels", "speakers", "women", "known", "women_share"]


def events() -> QuerySet[Event]:
    return Event.objects.prefetch_related(Prefetch("panels", Panel.objects.prefetch_related("speakers")))


def tally_row(genders_by_panel: list[list[str]]) -> dict[str, Any]:
    found = panels.tally(genders_by_panel)
    share = found.women_share
    return {"panels": found.panels, "speakers": found.speakers, "women": found.women, "known": found.known,
            "women_share": round(share, 1) if share is not None else None}


def coalition_tally() -> dict[str, Any]:
    return tally_row([p.genders() for p in Panel.objects.prefetch_related("speakers")])


def partner_tallies() -> list[dict[str, Any]]:
    """One row per partner who sat on a panel or took the pledge."""
    seats = Speaker.objects.filter(partner__isnull=False).values_list("partner_id", "panel_id")
    by_partner: dict[int, set[int]] = {}
    for partner_id, panel_id in seats:
        by_partner.setdefault(partner_id, set()).add(panel_id)
    partners = User.objects.filter(role_grants__role=Role.PARTNER).filter(
        Q(pk__in=by_partner) | Q(panel_pledge__isnull=False))
    all_panels = {p.pk: p.genders() for p in Panel.objects.prefetch_related("speakers")}
    rows = []
    for partner in partners.distinct().select_related("panel_pledge").order_by("display_name", "pk"):
        joined = [all_panels[pk] for pk in sorted(by_partner.get(partner.pk, set()))]
        rows.append({"partner": partner.public_name, "slug": partner.slug,
                     "pledged": hasattr(partner, "panel_pledge"), **tally_row(joined)})
    return rows


def partner_tally(partner: User) -> dict[str, Any]:
    """One partner's row of the tally: the panels they sat on and the speakers of those panels."""
    joined = Panel.objects.filter(speakers__partner=partner).distinct().prefetch_related("speakers")
    return {"pledged": PanelPledge.objects.filter(user=partner).exists(),
            **tally_row([panel.genders() for panel in joined]), "breaches": breaches(partner)}


def event_tally(event: Event) -> dict[str, Any]:
    """The tally of one event's panels (the event's panels must be prefetched with their speakers)."""
    return tally_row([panel.genders() for panel in event.panels.all()])


def suggestions(panel: Panel, limit: int = 5) -> list[Expert]:
    roster = list(Expert.objects.filter(opted_in=True))
    ids = panels.suggest([(e.pk, e.expertise, e.languages) for e in roster], panel.topics, panel.language)
    by_id = {e.pk: e for e in roster}
    return [by_id[i] for i in ids[:limit]]


BREACH_COLUMNS = ["partner", "event", "date", "panel", "balance", "answer", "answered_at"]


def breaches(partner: User | None = None) -> list[dict[str, Any]]:
    """Seats of pledge-takers on all-male or token panels of events on or after the day they pledged,
    newest first, each with the partner's public answer if he gave one."""
    policy = PanelPolicy.current()
    seats = Speaker.objects.filter(partner__panel_pledge__isnull=False).select_related(
        "partner__panel_pledge", "panel__event").prefetch_related("panel__speakers", "panel__breach_answers")
    if partner is not None:
        seats = seats.filter(partner=partner)
    rows = []
    for seat in seats.order_by("-panel__event__date", "panel__pk", "pk"):
        assert seat.partner is not None
        panel, pledged_on = seat.panel, seat.partner.panel_pledge.taken_at.date()
        label = panel.balance(policy)
        if panel.event.date < pledged_on or label not in panels.BREACHES:
            continue
        answer = next((a for a in panel.breach_answers.all() if a.partner_id == seat.partner_id), None)
        rows.append({"partner": seat.partner.public_name, "slug": seat.partner.slug,
                     "event": panel.event.name,
                     "event_slug": panel.event.slug, "date": panel.event.date, "panel": panel.title,
                     "panel_id": panel.pk, "balance": label, "answer": answer.text if answer else "",
                     "answered_at": answer.answered_at if answer else None, "partner_id": seat.partner_id})
    return rows
