"""Whatever the secretariat changes in the admin is in the platform's audit, with the values before
and after, by whom: a change in the admin is never a quiet rewrite."""

from __future__ import annotations

import io

from criticalmass.core.models import AuditEvent, Country

PAGE = "/admin/core/country"


def test_it_audits_a_change_with_the_values_before_and_after(client_as, personas):
    client = client_as("secretariat")
    response = client.post(f"{PAGE}/GHA/change/", {"iso3": "GHA", "name": "Republic of Ghana",
                                                   "region": "Africa"})
    assert response.status_code == 302, response.content.decode()[:500]
    event = AuditEvent.objects.get(action="admin.changed", target="core.country:GHA")
    assert event.user == personas["secretariat"]
    assert event.detail["changes"]["name"] == {"before": "Ghana", "after": "Republic of Ghana"}
    assert "iso3" not in event.detail["changes"]  # only what changed


def test_it_audits_nothing_for_a_save_that_changes_nothing(client_as):
    ghana = Country.objects.get(iso3="GHA")
    client_as("secretariat").post(f"{PAGE}/GHA/change/", {"iso3": "GHA", "name": ghana.name,
                                                          "region": ghana.region})
    assert not AuditEvent.objects.filter(action="admin.changed").exists()


def test_it_audits_a_creation_and_a_deletion_with_their_values(client_as, personas):
    client = client_as("secretariat")
    client.post(f"{PAGE}/add/", {"iso3": "XKX", "name": "Kosovo", "region": "Europe"})
    created = AuditEvent.objects.get(action="admin.created", target="core.country:XKX")
    assert created.detail["values"] == {"iso3": "XKX", "name": "Kosovo", "region": "Europe"}
    client.post(f"{PAGE}/XKX/delete/", {"post": "yes"})
    deleted = AuditEvent.objects.get(action="admin.deleted", target="core.country:XKX")
    assert deleted.detail["values"]["name"] == "Kosovo" and deleted.user == personas["secretariat"]
    assert not Country.objects.filter(iso3="XKX").exists()


def test_it_audits_each_row_of_a_bulk_deletion(client_as):
    Country.objects.create(iso3="XAA", name="Test A")
    Country.objects.create(iso3="XAB", name="Test B")
    client_as("secretariat").post(f"{PAGE}/", {"action": "delete_selected",
                                                "_selected_action": ["XAA", "XAB"], "post": "yes"})
    targets = set(AuditEvent.objects.filter(action="admin.deleted").values_list("target", flat=True))
    assert targets == {"core.country:XAA", "core.country:XAB"}


def test_it_forgets_audit_events_past_the_retention_and_says_how_many(db, settings):
    import datetime as dt

    from django.core.management import call_command
    from django.utils import timezone

    from criticalmass.core.models import audit

    settings.AUDIT_RETENTION_DAYS = 30
    old, recent = audit("old.event"), audit("recent.event")
    AuditEvent.objects.filter(pk=old.pk).update(at=timezone.now() - dt.timedelta(days=31))
    call_command("prune_audit", stdout=io.StringIO())
    assert not AuditEvent.objects.filter(pk=old.pk).exists()
    assert AuditEvent.objects.filter(pk=recent.pk).exists()
    assert AuditEvent.objects.get(action="audit.pruned").detail["deleted"] == 1


def test_it_makes_a_new_data_version_when_the_admin_deletes(client_as):
    from criticalmass.core import data_version

    Country.objects.create(iso3="XAC", name="Test C")
    before = data_version.current()
    client_as("secretariat").post(f"{PAGE}/XAC/delete/", {"post": "yes"})
    assert data_version.current() != before  # figures cached before the deletion are not served
