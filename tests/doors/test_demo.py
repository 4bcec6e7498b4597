"""criticalmass create-demo-doors: cited posts on a mission import-all makes, a brokered request with its
meeting and promise, once; nothing without the mission."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from criticalmass.core.models import AuditEvent
from criticalmass.doors.models import Holder, Meeting, MeetingRequest, Offer, Post, Promise
from tests.doors.world import mission

pytestmark = pytest.mark.django_db

MODELS = [Post, Holder, MeetingRequest, Offer, Meeting, Promise, AuditEvent]


def run(command: str) -> str:
    out = StringIO()
    call_command(command, stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


@pytest.fixture
def demo_world(db):
    run("create_demo_accounts")
    return mission()


def test_it_creates_two_cited_posts_and_a_brokered_request_met_with_a_promise(demo_world):
    run("create_demo_doors")
    posts = Post.objects.filter(process=demo_world)
    assert sorted(posts.values_list("title", flat=True)) == [
        "Force Commander, UNMISS", "Special Representative of the Secretary-General, UNMISS"]
    assert Holder.objects.filter(post__in=posts).count() == 3
    assert not Holder.objects.filter(post__in=posts, citation="").exists()
    door = MeetingRequest.objects.get()
    assert door.advocate.username == "demo-advocate" and door.broker.username == "demo-partner"
    assert door.handler.username == "demo-secretariat" and door.status == "met"
    assert door.organization.name == "Demo Grassroots Network"
    assert door.offers.get().partner == door.broker
    assert door.meeting.promises.get().due > door.meeting.held_on


def test_it_changes_nothing_when_run_a_second_time(demo_world):
    run("create_demo_doors")
    before = counts()
    assert "nothing changed" in run("create_demo_doors")
    assert counts() == before


def test_it_creates_nothing_and_says_so_without_a_demo_mission(db):
    run("create_demo_accounts")
    before = counts()
    assert "nothing created" in run("create_demo_doors")
    assert counts() == before


def test_it_creates_nothing_and_says_so_without_the_demo_accounts(db):
    mission()
    assert "run create-demo-accounts first" in run("create_demo_doors")
    assert Post.objects.count() == 0
