"""core.models.audit records who did what, when."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from criticalmass.core.models import AuditEvent, audit


def test_it_records_an_audit_event(personas):
    before = timezone.now()
    event = audit("export", "observations.csv", user=personas["secretariat"],
                  detail={"rows": 12, "country": "SSD"})
    stored = AuditEvent.objects.get(pk=event.pk)
    assert (stored.action, stored.target) == ("export", "observations.csv")
    assert stored.user == personas["secretariat"]
    assert stored.detail == {"rows": 12, "country": "SSD"}
    assert before - dt.timedelta(seconds=1) <= stored.at <= timezone.now()


def test_it_records_an_event_without_a_user(db):
    event = audit("import")
    assert (event.user, event.target, event.detail) == (None, "", {})
    assert AuditEvent.objects.count() == 1


def test_it_keeps_the_event_when_the_user_is_deleted(personas):
    event = audit("import", "padd", user=personas["partner"])
    personas["partner"].delete()
    assert AuditEvent.objects.get(pk=event.pk).user is None


def test_it_lists_the_newest_event_first(db):
    first = audit("first")
    AuditEvent.objects.filter(pk=first.pk).update(at=first.at - dt.timedelta(hours=1))
    audit("second")
    assert [event.action for event in AuditEvent.objects.all()] == ["second", "first"]


def test_it_keeps_details_named_like_its_own_parameters_as_details(db):
    event = audit("import", "padd", detail={"action": "other", "target": "x", "user": 1, "detail": 2})
    stored = AuditEvent.objects.get(pk=event.pk)
    assert (stored.action, stored.target, stored.user) == ("import", "padd", None)
    assert stored.detail == {"action": "other", "target": "x", "user": 1, "detail": 2}
