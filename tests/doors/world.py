"""A small doors world: a mission's force commander held by a woman then a man, the advocate's request
brokered by the partner, its meeting, a promise and a reprisal. Returns the ids pages are addressed by."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from criticalmass.core.models import Source, User
from criticalmass.doors.models import Holder, Meeting, MeetingRequest, Post, Promise, Reprisal, Visibility
from criticalmass.parity.models import Process

SECRET = "Ring Amina on +211-555-0199 after dark"  # a safety need: must never be stored in clear


def mission() -> Process:
    source = Source.objects.get_or_create(slug="doors-test", defaults={
        "dataset": "Doors test", "publisher": "Tests", "file": "t.csv", "citation": "Tests."})[0]
    return Process.objects.get_or_create(slug="unmiss", defaults={
        "code": "UNMISS", "name": "Mission UNMISS", "kind": Process.Kind.OPERATION, "sponsor": "UN",
        "host_country_id": "SSD", "source": source})[0]


def build_posts(process: Process) -> Post:
    post = Post.objects.create(kind=Post.Kind.FORCE_COMMANDER, title="Force Commander, UNMISS",
                               process=process)
    Holder.objects.create(post=post, name="A. Woman", sex=Holder.Sex.WOMAN, start_date=dt.date(2020, 1, 1),
                          end_date=dt.date(2022, 6, 30), citation="UN press release SG/A/1", url="https://un.org/a")
    Holder.objects.create(post=post, name="B. Man", sex=Holder.Sex.MAN, start_date=dt.date(2022, 7, 1),
                          citation="UN press release SG/A/2")
    return post


def build_doors(advocate: User, partner: User) -> dict[str, int]:
    post = build_posts(mission())
    request = MeetingRequest.objects.create(
        advocate=advocate, post=post, purpose="Women in the ceasefire committee", issue="Patrol safety",
        attendees="Three women peacebuilders", languages="English, Arabic", safety_needs=SECRET,
        contact="amina@example.org", visibility=Visibility.ACCOUNT, status="sent", broker=partner)
    meeting = Meeting.objects.create(request=request, held_on=timezone.localdate(), asks=3,
                                     attendees_by_role="three women peacebuilders",
                                     notes="Notes in confidence")
    promise = Promise.objects.create(meeting=meeting, what="Monthly patrol consultations",
                                     by_whom="the force commander",
                                     due=timezone.localdate() + dt.timedelta(days=3))
    reprisal = Reprisal.objects.create(request=request, recorded_by=advocate, who="Militia commander X",
                                       what="Threatening call", occurred_on=timezone.localdate(),
                                       severity=Reprisal.Severity.THREAT, region="East Africa")
    return {"post": post.pk, "holder": post.holders.first().pk, "door_request": request.pk,
            "promise": promise.pk, "reprisal": reprisal.pk}
