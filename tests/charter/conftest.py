"""Builders for the Charter tests: a published version and a draft, an open and a closed cycle,
commitments and reports."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from criticalmass.charter.models import CharterVersion, Commitment, Report, ReportingCycle, Verification
from criticalmass.core.models import Role, User

TODAY = timezone.localdate


@pytest.fixture
def charter(db) -> CharterVersion:
    CharterVersion.objects.create(number=1, title="First Charter", text="Old text.",
                                  published_at=timezone.now() - dt.timedelta(days=400))
    CharterVersion.objects.create(number=3, title="Draft Charter", text="Secret draft text.")
    return CharterVersion.objects.create(number=2, title="Charter of allies", text="We commit to parity.",
                                         published_at=timezone.now())


@pytest.fixture
def open_cycle(db) -> ReportingCycle:
    today = TODAY()
    return ReportingCycle.objects.create(name="2026", opens_on=today - dt.timedelta(days=30),
                                         deadline=today + dt.timedelta(days=10))


@pytest.fixture
def closed_cycle(db) -> ReportingCycle:
    today = TODAY()
    return ReportingCycle.objects.create(name="2025", opens_on=today - dt.timedelta(days=400),
                                         deadline=today - dt.timedelta(days=1))


@pytest.fixture
def other_partner(db) -> User:
    return User.objects.create_user(username="other", email="other@example.org", roles=[Role.PARTNER],
                                    display_name="Other Partner")


@pytest.fixture
def make_commitment(db):
    def make(owner: User, cycle: ReportingCycle, what: str = "Bring women to the table") -> Commitment:
        return Commitment.objects.create(owner=owner, cycle=cycle, what=what, indicator="Women delegates",
                                         baseline="10%", target="30%", deadline=cycle.deadline)

    return make


@pytest.fixture
def make_report(db):
    def make(commitment: Commitment, progress: str = "met") -> Report:
        return Report.objects.create(commitment=commitment, progress=progress, narrative="Done.",
                                     evidence="https://example.org/evidence")

    return make


@pytest.fixture
def make_verdict(db):
    def make(report: Report, reviewer: User, verdict: str = "confirm") -> Verification:
        return Verification.objects.create(report=report, reviewer=reviewer, verdict=verdict,
                                           comment="Checked.")

    return make
