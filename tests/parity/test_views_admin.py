"""The secretariat curates processes and target policies in the admin; policy values are checked
with plain messages; observations are read there, never edited."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from criticalmass.parity.models import Category, DataAgePolicy, Process, TargetAnchor, TargetPolicy
from tests.parity.pages_world import build_operations, fresh_cache, table  # noqa: F401

POLICIES = "/admin/parity/targetpolicy/"


@pytest.fixture
def world(make_mission, observe):
    return build_operations(make_mission, observe)


def change_url(policy: TargetPolicy) -> str:
    return f"{POLICIES}{policy.pk}/change/"


def policy_form(policy: TargetPolicy, **changes) -> dict:
    fields = ["name", "slug", "kind", "description", "citation", "floor", "start_year", "step", "cap",
              "close_within"]
    data = {
        **{name: getattr(policy, name) for name in fields}, "is_default": "on" if policy.is_default else "",
        "anchors-TOTAL_FORMS": "0", "anchors-INITIAL_FORMS": "0", "anchors-MIN_NUM_FORMS": "0",
        "anchors-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value != ""}


@pytest.mark.parametrize("url", [POLICIES, "/admin/parity/process/", "/admin/parity/observation/",
                                 f"{POLICIES}add/"])
def test_it_opens_the_parity_admin_to_the_secretariat(client_as, world, url):
    assert client_as("secretariat").get(url).status_code == 200


@pytest.mark.parametrize("persona", ["partner", "advocate", "reviewer", "visitor", None])
def test_it_keeps_everyone_else_out(client_as, world, persona):
    response = client_as(persona).get(POLICIES)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_it_lists_parity_in_the_secretariats_admin_index(client_as, world):
    assert "/admin/parity/targetpolicy/" in client_as("secretariat").get("/admin/").content.decode()


def test_it_searches_and_filters_processes(client_as, world):
    client = client_as("secretariat")
    body = client.get("/admin/parity/process/?kind__exact=operation&q=UNMISS").content.decode()
    assert "Mission UNMISS" in body and "Mission MINUSMA" not in body
    assert client.get("/admin/parity/process/?sponsor__exact=UN").status_code == 200


def test_it_shows_observations_read_only(client_as, world):
    client = client_as("secretariat")
    observation = world.unmiss.observations.first()
    filtered = client.get("/admin/parity/observation/?role__exact=troops&process__kind__exact=operation")
    assert filtered.status_code == 200
    change = client.get(f"/admin/parity/observation/{observation.pk}/change/")
    assert change.status_code == 200 and 'name="_save"' not in change.content.decode()
    assert client.get("/admin/parity/observation/add/").status_code == 403
    deleted = client.post(f"/admin/parity/observation/{observation.pk}/delete/", {"post": "yes"})
    assert deleted.status_code == 403


def test_it_saves_a_policy_edit(client_as, db):
    policy = TargetPolicy.objects.get(slug="escalating-to-parity")
    response = client_as("secretariat").post(change_url(policy), policy_form(policy, floor="35"))
    assert response.status_code == 302
    policy.refresh_from_db()
    assert policy.floor == 35


@pytest.mark.parametrize(("field", "value", "message"), [
    ("floor", "120", "The floor is a percentage: it must be between 0 and 100, not 120"),
    ("cap", "-1", "The cap is a percentage: it must be between 0 and 100, not -1"),
    ("floor", "60", "The floor (60%) is above the cap (50.00%)"),
    ("close_within", "101", "The &#x27;close&#x27; margin is a percentage"),
])
def test_it_refuses_impossible_policy_values_with_a_clear_message(client_as, db, field, value, message):
    policy = TargetPolicy.objects.get(slug="escalating-to-parity")
    response = client_as("secretariat").post(change_url(policy), policy_form(policy, **{field: value}))
    assert response.status_code == 200
    assert message in response.content.decode()
    policy.refresh_from_db()
    assert policy.floor == 30 and policy.cap == 50


def test_it_refuses_an_anchor_above_100(client_as, db):
    policy = TargetPolicy.objects.get(slug="un-ugps-2018-2028")
    anchor = {"anchors-TOTAL_FORMS": "1", "anchors-0-role": Category.TROOPS, "anchors-0-year": "2030",
              "anchors-0-value": "150", "anchors-0-citation": "x"}
    response = client_as("secretariat").post(change_url(policy), policy_form(policy, **anchor))
    assert "A target is a percentage: it must be between 0 and 100, not 150" in response.content.decode()
    assert not TargetAnchor.objects.filter(policy=policy, year=2030).exists()


def test_it_keeps_one_default_policy(client_as, db):
    ugps = TargetPolicy.objects.get(slug="un-ugps-2018-2028")
    response = client_as("secretariat").post(change_url(ugps), policy_form(ugps, is_default="on"))
    assert response.status_code == 302
    assert list(TargetPolicy.objects.filter(is_default=True).values_list("slug", flat=True)) == [ugps.slug]


def test_it_checks_policies_outside_the_admin_too(db):
    with pytest.raises(ValidationError) as raised:
        TargetPolicy(name="x", slug="x", kind="escalating", floor=60, cap=50).full_clean()
    assert "above the cap" in str(raised.value.message_dict["floor"])


def test_it_forgets_cached_figures_when_a_process_changes_kind(client, world):
    overall = "Women's share of UN uniformed peacekeepers by month"
    assert table(client.get("/"), overall)[2][2:5] == ["15", "120", "12.5%"]  # row 1: the gap in 2011
    world.unmiss.kind = Process.Kind.RECONSTRUCTION
    world.unmiss.save()  # as the admin saves it
    assert table(client.get("/"), overall)[2][2:5] == ["12", "60", "20.0%"]


def test_it_lets_the_secretariat_edit_the_staleness_threshold_and_nobody_add_or_delete_it(client_as, world):
    row = DataAgePolicy.objects.get()
    client = client_as("secretariat")
    url = f"/admin/parity/dataagepolicy/{row.pk}/change/"
    response = client.post(url, {"stale_after_months": "24", "report_window_months": "2"})
    assert response.status_code == 302
    assert DataAgePolicy.objects.values_list("stale_after_months", "report_window_months").get() == (24, 2)
    assert client.get("/admin/parity/dataagepolicy/add/").status_code == 403
    assert client.get(f"/admin/parity/dataagepolicy/{row.pk}/delete/").status_code == 403


def test_it_refuses_a_threshold_of_zero_months_in_plain_words(db):
    with pytest.raises(ValidationError) as raised:
        DataAgePolicy(stale_after_months=0, report_window_months=0).full_clean()
    assert raised.value.message_dict == {
        "stale_after_months": ["Figures are stale after at least 1 month."],
        "report_window_months": ["The window holds at least the month ranked (1)."]}
