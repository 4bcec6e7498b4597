"""criticalmass create-demo-doors: after import-all and create-demo-accounts, two cited posts of a real
mission and one meeting request by demo-advocate brokered by demo-partner, with its meeting and a
promise (once)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from criticalmass.core.models import User, audit
from criticalmass.doors.models import Holder, Meeting, MeetingRequest, Offer, Post, Promise
from criticalmass.lib.doors import Status
from criticalmass.parity.models import Process

# The first of these missions that import-all created carries the demo posts.
MISSION_SLUGS = ("unmiss", "monusco", "minusca")
CITATION = ("Demo data made by criticalmass create-demo-doors: not a real appointment. Replace it with "
            "the published one (import-posts).")
# post kind, title (after the mission's code) -> holders (name, sex, start, end)
POSTS: dict[tuple[Post.Kind, str], list[tuple[str, Holder.Sex, dt.date, dt.date | None]]] = {
    (Post.Kind.SRSG, "Special Representative of the Secretary-General"): [
        ("Demo Holder Amani", Holder.Sex.WOMAN, dt.date(2021, 2, 1), None)],
    (Post.Kind.FORCE_COMMANDER, "Force Commander"): [
        ("Demo Holder Baraka", Holder.Sex.MAN, dt.date(2019, 5, 1), dt.date(2022, 6, 30)),
        ("Demo Holder Chiara", Holder.Sex.WOMAN, dt.date(2022, 7, 1), None)],
}


def demo_mission() -> Process | None:
    found = {p.slug: p for p in Process.objects.filter(slug__in=MISSION_SLUGS, kind=Process.Kind.OPERATION)}
    return next((found[slug] for slug in MISSION_SLUGS if slug in found), None)


def make_posts(mission: Process) -> list[Post]:
    posts = []
    for (kind, title), holders in POSTS.items():
        post, _ = Post.objects.get_or_create(title=f"{title}, {mission.code or mission.name}",
                                             defaults={"kind": kind, "process": mission})
        for name, sex, start, end in holders:
            Holder.objects.get_or_create(post=post, name=name, start_date=start,
                                         defaults={"sex": sex, "end_date": end, "citation": CITATION})
        posts.append(post)
    return posts


def make_request(post: Post, advocate: User, partner: User, handler: User | None) -> MeetingRequest:
    membership = advocate.memberships.select_related("organization").first()
    today = timezone.localdate()
    door = MeetingRequest.objects.create(
        advocate=advocate, organization=membership.organization if membership else None, post=post,
        purpose="Women's groups heard before the protection-of-civilians plan is renewed",
        issue="Safety of women walking to markets and water points near the bases",
        attendees="Three women peacebuilders from the network", languages="English, Arabic",
        safety_needs="No photographs; meet inside the base", contact="Through the demo partner",
        status=Status.MET.value, broker=partner, handler=handler,
        confirmed_at=timezone.now() - dt.timedelta(days=30), last_activity=today - dt.timedelta(days=14))
    Offer.objects.create(request=door, partner=partner)
    meeting = Meeting.objects.create(
        request=door, held_on=today - dt.timedelta(days=14), asks=3,
        attendees_by_role="three women peacebuilders, the broker",
        notes="Asked for quarterly consultations, lighting on the market route and a women's desk.")
    Promise.objects.create(meeting=meeting, what="Quarterly consultations with women's groups",
                           by_whom=f"the {post.get_kind_display().lower()}",
                           due=today + dt.timedelta(days=60))
    return door


class Command(BaseCommand):
    help = ("After import-all and create-demo-accounts: two cited posts of a real mission (UNMISS, else "
            "MONUSCO or MINUSCA) and a meeting request by demo-advocate brokered by demo-partner, with its "
            "meeting and a promise. A second run changes nothing.")

    def handle(self, *args: Any, **options: Any) -> None:
        mission = demo_mission()
        if mission is None:
            self.stdout.write(f"No mission {', '.join(MISSION_SLUGS)} (run import-all first): "
                              "nothing created.")
            return
        users = {u.username: u for u in User.objects.filter(
            username__in=["demo-advocate", "demo-partner", "demo-secretariat"])}
        if "demo-advocate" not in users or "demo-partner" not in users:
            self.stdout.write("No demo-advocate or demo-partner (run create-demo-accounts first): "
                              "nothing created.")
            return
        with transaction.atomic():
            posts = make_posts(mission)
            if MeetingRequest.objects.filter(advocate=users["demo-advocate"], post=posts[0]).exists():
                self.stdout.write("The demo meeting request exists; nothing changed.")
                return
            door = make_request(posts[0], users["demo-advocate"], users["demo-partner"],
                                users.get("demo-secretariat"))
            audit("doors.demo_created", f"doors.meetingrequest:{door.pk}", detail={"demo": True})
        self.stdout.write(f"Posts of {mission.code or mission.name}: {', '.join(p.title for p in posts)}; "
                          f"meeting request {door.pk} by demo-advocate, brokered by demo-partner.")
