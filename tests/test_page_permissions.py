"""Every page, for every role: public pages are read-only and open to all; the admin is the
secretariat's. The list below must name every URL pattern, so a new page cannot go untested."""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tests.agreements.world import build_agreements
from tests.awards.world import build_awards
from tests.awards.world import publish as publish_round
from tests.charter.world import build_charter, build_consultation, build_public_record
from tests.conftest import MEMBER_PERSONAS, PERSONAS
from tests.doors.world import build_doors, build_posts, mission
from tests.events.world import build_breach, build_events
from tests.grants.world import build_grants
from tests.hub.world import build_hub
from tests.parity.pages_world import build_operations, build_talks
from tests.reviews.world import build_reviews
from tests.trainings.world import build_public_trainings, build_trainings
from tests.watchdog.world import build_watchdog

PUBLIC_PAGES = {
    "protection:country_csv": "/protection/countries/COD/sexual-violence.csv",
    "healthz": "/healthz",
    "readyz": "/readyz",
    "parity:dashboard": "/",
    "parity:dashboard_csv": "/data/ranking.csv",
    "parity:mission": "/missions/unmiss/",
    "parity:mission_csv": "/missions/unmiss/trend.csv",
    "parity:country": "/countries/GHA/",
    "parity:country_csv": "/countries/GHA/trend.csv",
    "parity:negotiations": "/negotiations/",
    "parity:negotiations_csv": "/negotiations/overview.csv",
    "parity:negotiation": "/negotiations/colombia/",
    "parity:negotiation_csv": "/negotiations/colombia/overview.csv",
    "parity:policies": "/targets/",
    "parity:policies_csv": "/targets/trajectories.csv",
    "parity:sources": "/sources/",
    "parity:sources_csv": "/sources/sources.csv",
    "parity:source_notes": "/sources/test-source/notes/",
    "parity:source_notes_csv": "/sources/test-source/notes.csv",
}
AGREEMENT_PAGES = {
    "agreements:overview": "/agreements/",
    "agreements:overview_csv": "/agreements/data/year.csv",
    "agreements:agreement": "/agreements/102/",
    "agreements:agreement_csv": "/agreements/102/provisions.csv",
    "agreements:process": "/agreements/processes/pax-7/",
    "agreements:process_csv": "/agreements/processes/pax-7/timeline.csv",
    "agreements:at_the_table": "/agreements/women-at-the-table/",
    "agreements:at_the_table_csv": "/agreements/women-at-the-table/groups.csv",
    "agreements:mandates": "/agreements/missions/unmiss/mandates/",
    "agreements:mandates_csv": "/agreements/missions/unmiss/mandates.csv",
    "agreements:renewals": "/agreements/renewals/",
    "agreements:renewals_csv": "/agreements/renewals/renewals.csv",
}
PUBLIC_PAGES.update(AGREEMENT_PAGES)
CHARTER_PAGES = {
    "charter:charter": "/charter/",
    "charter:versions": "/charter/versions/",
    "charter:accountability": "/accountability/",
    "charter:accountability_csv": "/accountability/commitments.csv",
    "charter:partner": "/accountability/partners/partner/",
    "charter:partner_csv": "/accountability/partners/partner/cycles.csv",
    "events:events": "/events/",
    "events:event": "/events/summit/",
    "events:tallies": "/events/tallies/",
    "events:tallies_csv": "/events/tallies/partners.csv",
    "charter:public_history": "/accountability/commitments/9001/history/",
    "charter:public_history_csv": "/accountability/commitments/9001/history.csv",
    "charter:consultation_csv": "/charter/consultations.csv",
    "charter:pdf": "/charter/charter.pdf",
    "charter:embed": "/charter/signatories/embed/",
}
PUBLIC_PAGES.update(CHARTER_PAGES)
# Pages for some roles only: name -> (address, method, roles allowed). Others get 403, nobody logged in
# is sent to log in. Per-object rules (another partner's commitment) are in tests/charter/.
ROLE_PAGES = {
    "charter:sign": ("/charter/sign/", "get", {"partner"}),
    "charter:withdraw": ("/charter/withdraw/", "post", {"partner"}),
    "charter:mine": ("/my/commitments/", "get", {"partner"}),
    "charter:commitment_new": ("/my/commitments/new/", "get", {"partner"}),
    "charter:commitment_edit": ("/my/commitments/{commitment}/", "get", {"partner", "secretariat"}),
    "charter:report": ("/my/commitments/{commitment}/report/", "get", {"partner"}),
    "charter:answer": ("/my/verifications/{verification}/answer/", "post", {"partner"}),
    "charter:history": ("/commitments/{commitment}/history/", "get", {"secretariat"}),
    "charter:review": ("/review/", "get", {"reviewer", "secretariat"}),
    "charter:verify": ("/review/reports/{report}/", "post", {"reviewer"}),
    "events:pledge": ("/events/pledge/", "get", {"partner"}),
    "events:event_new": ("/events/new/", "get", {"partner"}),
    "events:event_edit": ("/events/summit/edit/", "get", {"partner"}),
    "charter:endorse": ("/charter/endorse/", "post", {"partner"}),
    "charter:draft": ("/charter/drafts/{draft}/", "get", {"advocate", "reviewer", "secretariat"}),
    "charter:comment": ("/charter/drafts/{draft}/comments/", "post", {"advocate", "reviewer"}),
    "charter:respond": ("/charter/comments/{comment}/respond/", "post", {"secretariat"}),
    "charter:vetting": ("/vetting/", "get", {"reviewer", "secretariat"}),
    "charter:opinion": ("/vetting/{vetting}/opinion/", "post", {"reviewer"}),
    "charter:decide": ("/vetting/{vetting}/decide/", "post", {"secretariat"}),
    "events:breach_answer": ("/events/panels/{panel}/answer/", "post", {"partner"}),
    "agreements:scorecard": ("/agreements/scorecards/", "get", {"reviewer", "secretariat"}),
    "agreements:agreement_score": ("/agreements/102/score/", "get", {"reviewer", "secretariat"}),
}
WATCHDOG_PAGES = {
    "watchdog:plans": "/watchdog/",
    "watchdog:plans_csv": "/watchdog/plans.csv",
    "watchdog:template_csv": "/watchdog/plans/template.csv",
    "watchdog:template_xlsx": "/watchdog/plans/template.xlsx",
    "watchdog:plan": "/watchdog/plans/tst-nap-2/",
    "watchdog:scorecards": "/watchdog/scorecards/",
    "watchdog:scorecards_csv": "/watchdog/scorecards/scorecards.csv",
    "watchdog:obligations": "/watchdog/obligations/",
    "watchdog:obligations_csv": "/watchdog/obligations/obligations.csv",
    "watchdog:country": "/watchdog/countries/GHA/",
    "watchdog:country_csv": "/watchdog/countries/GHA/plans.csv",
    "watchdog:action": "/watchdog/actions/9001/",
}
PUBLIC_PAGES.update(WATCHDOG_PAGES)
ROLE_PAGES.update({
    "watchdog:action_edit": ("/watchdog/actions/9001/edit/", "get", {"reviewer", "secretariat"}),
    "watchdog:update_new": ("/watchdog/actions/9001/updates/new/", "get",
                            {"partner", "reviewer", "secretariat"}),
    "watchdog:update_accept": ("/watchdog/updates/9001/accept/", "post", {"reviewer", "secretariat"}),
})
HUB_PAGES = {
    "hub:cards": "/hub/",
    "hub:evidence": "/hub/evidence/",
    "hub:evidence_csv": "/hub/evidence.csv",
    "hub:search": "/hub/search/?q=peace",
    "hub:practices": "/hub/practices/",
    "hub:practice": "/hub/practices/radio-dialogues/",
    "briefings:builder": "/briefings/",
    "briefings:briefing": "/briefings/briefing/?audience=force-commander&mission=unmiss",
    "briefings:briefing_pdf": "/briefings/briefing.pdf?audience=force-commander&mission=unmiss",
}
PUBLIC_PAGES.update(HUB_PAGES)
ROLE_PAGES.update({
    "hub:practice_new": ("/hub/practices/new/", "get", set(PERSONAS)),
    "hub:review": ("/hub/review/", "get", {"secretariat"}),
})
ROLE_PAGES.update({
    "secretariat:requests": ("/secretariat/", "get", {"secretariat"}),
    "secretariat:approve": ("/secretariat/requests/{join}/approve/", "post", {"secretariat"}),
    "secretariat:decline": ("/secretariat/requests/{join}/decline/", "post", {"secretariat"}),
    "secretariat:members": ("/secretariat/members/", "get", {"secretariat"}),
    "secretariat:member": ("/secretariat/members/{member}/", "get", {"secretariat"}),
    "secretariat:membership_add": ("/secretariat/members/{member}/memberships/", "post", {"secretariat"}),
    "secretariat:membership_remove": ("/secretariat/memberships/{membership}/remove/", "post",
                                      {"secretariat"}),
    "secretariat:reset_access": ("/secretariat/members/{member}/access/", "post", {"secretariat"}),
    "secretariat:organisations": ("/secretariat/organisations/", "get", {"secretariat"}),
    "secretariat:organisation": ("/secretariat/organisations/{organisation}/", "get", {"secretariat"}),
    "secretariat:audit": ("/secretariat/audit/", "get", {"secretariat"}),
    "secretariat:outbox": ("/secretariat/outbox/", "get", {"secretariat"}),
    "secretariat:outbox_retry": ("/secretariat/outbox/{mail}/retry/", "post", {"secretariat"}),
})
TRAININGS_PAGES = {
    "trainings:programmes": "/trainings/",
    "trainings:programmes_csv": "/trainings/data/programmes.csv",
    "trainings:programme": "/trainings/gender-norms-tot/",
    "trainings:programme_csv": "/trainings/gender-norms-tot/results.csv",
    "trainings:cascade": "/trainings/cascade/",
    "trainings:cascade_csv": "/trainings/cascade/cascade.csv",
    "trainings:dialogues": "/trainings/dialogues/",
    "trainings:dialogues_csv": "/trainings/dialogues/data/dialogues.csv",
    "trainings:dialogue": "/trainings/dialogues/accra-dialogue/",
    "organisation": "/organisations/9001/",
}
PUBLIC_PAGES.update(TRAININGS_PAGES)
# The trainings world's programme and dialogue belong to the partner's organisation (he is its focal
# point); the advocate is the cycle's trainer. Per-membership rules: tests/trainings/test_planning.py.
ROLE_PAGES.update({
    "trainings:programme_new": ("/trainings/new/", "get", {"partner", "secretariat"}),
    "trainings:programme_edit": ("/trainings/gender-norms-tot/edit/", "get", {"partner", "secretariat"}),
    "trainings:cycle_new": ("/trainings/gender-norms-tot/cycles/new/", "get", {"partner", "secretariat"}),
    "trainings:session_new": ("/trainings/cycles/{cycle}/sessions/new/", "get", {"partner", "secretariat"}),
    "trainings:answers": ("/trainings/cycles/{cycle}/answers/", "get", {"partner", "secretariat"}),
    "trainings:trainer_add": ("/trainings/cycles/{cycle}/trainers/", "get", {"partner", "secretariat"}),
    "trainings:attendance": ("/trainings/sessions/{session}/attendance/", "get", {"partner", "secretariat"}),
    "trainings:follow_up": ("/trainings/trainers/{trainer}/follow-up/6/", "get",
                            {"advocate", "partner", "secretariat"}),
    "trainings:items": ("/trainings/questionnaire/", "get", {"secretariat"}),
    "trainings:item_edit": ("/trainings/questionnaire/{item}/", "get", {"secretariat"}),
    "trainings:dialogue_new": ("/trainings/dialogues/new/", "get", {"partner", "secretariat"}),
    "trainings:dialogue_edit": ("/trainings/dialogues/accra-dialogue/edit/", "get",
                                {"partner", "secretariat"}),
    "trainings:action_new": ("/trainings/dialogues/accra-dialogue/actions/new/", "get",
                             {"partner", "secretariat"}),
    "trainings:action_commitment": ("/trainings/actions/{action}/commitment/", "get", {"partner"}),
})
DOORS_PAGES = {
    "doors:posts": "/doors/",
    "doors:posts_csv": "/doors/posts.csv",
    "doors:post": "/doors/posts/{post}/",
    "doors:leadership_csv": "/doors/processes/unmiss/leadership.csv",
    "doors:reprisals": "/doors/reprisals/",
    "doors:reprisals_csv": "/doors/reprisals/counts.csv",
    "doors:accounts": "/doors/accounts/",
    "doors:accounts_csv": "/doors/accounts.csv",
}
PUBLIC_PAGES.update(DOORS_PAGES)
# Per-object rules (another partner, an invited reviewer, break-glass) are in tests/doors/test_access.py.
ROLE_PAGES.update({
    "doors:post_new": ("/doors/posts/new/", "get", {"secretariat"}),
    "doors:holder_new": ("/doors/posts/{post}/holders/new/", "get", {"secretariat"}),
    "doors:holder_edit": ("/doors/holders/{holder}/", "get", {"secretariat"}),
    "doors:requests": ("/doors/requests/", "get", {"advocate", "partner", "secretariat", "reviewer"}),
    "doors:request_new": ("/doors/requests/new/", "get", {"advocate"}),
    "doors:request": ("/doors/requests/{door_request}/", "get", {"advocate", "partner", "secretariat"}),
    "doors:share": ("/doors/requests/{door_request}/share/", "post", {"advocate"}),
    "doors:consent": ("/doors/requests/{door_request}/consent/", "post", {"advocate"}),
    "doors:meeting": ("/doors/requests/{door_request}/meeting/", "get", {"partner", "secretariat"}),
    "doors:promise_new": ("/doors/requests/{door_request}/promises/", "post", {"partner", "secretariat"}),
    "doors:reprisal_new": ("/doors/requests/{door_request}/reprisals/new/", "get", {"advocate", "partner"}),
    "doors:act": ("/doors/requests/{door_request}/close/", "post", {"advocate", "secretariat"}),
    "doors:promise_kept": ("/doors/promises/{promise}/kept/", "post", {"advocate", "partner", "secretariat"}),
    "doors:reprisal": ("/doors/records/{reprisal}/", "get", {"advocate", "secretariat"}),
    "doors:reprisal_share": ("/doors/records/{reprisal}/share/", "post", {"advocate"}),
    "doors:reprisal_follow_up": ("/doors/records/{reprisal}/follow-up/", "post", {"secretariat"}),
})
ROLE_PAGES.update({
    "hub:my_practices": ("/hub/my/practices/", "get", set(PERSONAS)),
    "hub:consent_answer": ("/hub/my/practices/consent/", "post", set(PERSONAS)),
    "reviews:submit": ("/gender-review/submit/", "get", {"partner", "advocate", "reviewer", "secretariat"}),
    "reviews:assign": ("/gender-review/documents/draft-policy/assign/", "post", {"secretariat"}),
    "reviews:review": ("/gender-review/documents/draft-policy/review/", "get", {"reviewer"}),
})
PUBLIC_PAGES.update({
    "reviews:documents": "/gender-review/",
    "reviews:documents_csv": "/gender-review/documents.csv",
    "reviews:document": "/gender-review/documents/draft-policy/",
})
PUBLIC_PAGES.update({
    "grants:calls": "/grants/",
    "grants:grants_csv": "/grants/grants.csv",
    "grants:iati": "/grants/iati.xml",
    "grants:call": "/grants/calls/open-call/",
    "grants:grant": "/grants/9002/",
    "awards:rounds": "/awards/",
    "awards:laureates_csv": "/awards/laureates.csv",
    "awards:round": "/awards/open-round/",
})
# Grants and awards: the advocate applied (application 9001 waits, 9002 is funded, receipt 9001 is
# hers); the reviewer sits on the round's jury; nomination 9001 is of a partner of no persona's
# organisation. Per-object rules (another applicant, a juror's conflict) are in tests/grants/, tests/awards/.
ROLE_PAGES.update({
    "grants:apply": ("/grants/calls/open-call/apply/", "get", {"advocate", "visitor"}),
    "grants:mine": ("/grants/mine/", "get", {"advocate", "visitor"}),
    "grants:review_list": ("/grants/review/", "get", {"reviewer", "secretariat"}),
    "grants:application": ("/grants/applications/9001/", "get", {"advocate", "reviewer", "secretariat"}),
    "grants:review": ("/grants/applications/9001/review/", "get", {"reviewer"}),
    "grants:decide": ("/grants/applications/9001/decide/", "post", {"secretariat"}),
    "grants:report": ("/grants/applications/9002/report/", "get", {"advocate"}),
    "grants:receipt": ("/grants/receipts/9001/", "get", {"advocate", "secretariat"}),
    "awards:nominate": ("/awards/open-round/nominate/", "get", {"partner", "advocate", "reviewer"}),
    "awards:jury": ("/awards/open-round/jury/", "get", {"reviewer"}),
    "awards:mark": ("/awards/nominations/9001/mark/", "get", {"reviewer"}),
    "awards:decide": ("/awards/open-round/decide/", "get", {"secretariat"}),
    "awards:publish": ("/awards/open-round/publish/", "post", {"secretariat"}),
})
ACCOUNT_PAGES = {"login": "/accounts/login/", "logout": "/accounts/logout/"}
# For operators holding CRITICALMASS_METRICS_TOKEN only; to every persona the page does not exist.
OPERATOR_PAGES = {"metrics": "/metrics"}
# allauth's pages anyone may open (asking to join, resetting a password)...
ENTRANCE_PAGES = {
    "account_login": "/accounts/login/",
    "account_signup": "/accounts/signup/",
    "account_inactive": "/accounts/inactive/",
    "account_email_verification_sent": "/accounts/confirm-email/",
    "account_reset_password": "/accounts/password/reset/",
    "account_reset_password_done": "/accounts/password/reset/done/",
    "account_reset_password_from_key_done": "/accounts/password/reset/key/done/",
}
# ...and those of a logged-in member's own account (anonymous people log in first).
MEMBER_PAGES = {
    "account": "/accounts/",
    "my_data": "/accounts/data/",
    "my_data_json": "/accounts/data.json",
    "delete_account": "/accounts/delete/",
    "preferences": "/accounts/preferences/",
    "account_email": "/accounts/email/",
    "account_change_password": "/accounts/password/change/",
    "account_set_password": "/accounts/password/set/",
    "account_reauthenticate": "/accounts/reauthenticate/",
    "mfa_index": "/accounts/2fa/",
    "mfa_activate_totp": "/accounts/2fa/totp/activate/",
    "mfa_deactivate_totp": "/accounts/2fa/totp/deactivate/",
    "mfa_view_recovery_codes": "/accounts/2fa/recovery-codes/",
    "mfa_generate_recovery_codes": "/accounts/2fa/recovery-codes/generate/",
    "mfa_download_recovery_codes": "/accounts/2fa/recovery-codes/download/",
    "trainings:my_follow_ups": "/trainings/followups/",
}
# Steps of a flow, opened only by a link or in the middle of a login: tests/core/test_joining.py,
# tests/core/test_second_factor.py and tests/charter/test_reminders.py (unsubscribe) follow them;
# the language switcher's post (set_language) is followed by tests/core/test_languages.py.
FLOW_STEPS = {"set_language", "unsubscribe", "account_logout", "account_confirm_email",
              "account_reset_password_from_key",
              "account_confirm_login_code", "account_request_reauthentication_code",
              "account_confirm_reauthentication_code", "mfa_authenticate", "mfa_reauthenticate"}


def named_patterns(resolver: URLResolver, namespace: str = "") -> set[str]:
    names = set()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.app_name in ("admin", "ninja"):
                continue  # admin: tests/core/test_admin_access.py; API: tests/parity/test_api_access.py
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= named_patterns(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(namespace + pattern.name)
    return names


@pytest.fixture
def world(make_mission, observe, source, upload_dir):
    publish_round(build_awards())
    build_grants()
    build_operations(make_mission, observe)
    build_talks(source)
    build_agreements()
    build_events()
    build_watchdog()
    build_hub()
    build_protection()
    build_public_trainings()
    build_public_record()
    build_posts(mission())
    build_reviews()


def build_protection() -> None:
    """One SVAC actor-year in DR Congo, so its country table (and CSV) exists."""
    from criticalmass.core.models import Source
    from criticalmass.protection.figures import DATASET
    from criticalmass.protection.models import ActorType, SexualViolenceReport

    svac = Source.objects.create(slug="svac", dataset=DATASET, is_default=True, publisher="SVAC",
                                 version="3.0", file="svac.csv")
    SexualViolenceReport.objects.create(
        source=svac, source_row=2, country_id="COD", location_order=1, year=1998, conflict_id=1,
        actor="Government of DR Congo", actor_type=ActorType.STATE, location="DR Congo", state_prev=2,
        ai_prev=1, hrw_prev=2, forms="1", conflict_active=True)


@pytest.mark.parametrize("name", sorted(OPERATOR_PAGES))
def test_it_hides_each_operator_page_from_every_persona(client_as, settings, name):
    settings.METRICS_TOKEN = "metrics-token-for-the-operators-only"
    for persona in [None, *PERSONAS]:
        assert client_as(persona).get(OPERATOR_PAGES[name]).status_code == 404, persona


def test_it_names_every_page_of_the_site():
    assert named_patterns(get_resolver()) == (set(PUBLIC_PAGES) | set(ACCOUNT_PAGES) | set(ROLE_PAGES)
                                              | set(ENTRANCE_PAGES) | set(MEMBER_PAGES) | FLOW_STEPS
                                              | set(OPERATOR_PAGES))


@pytest.mark.parametrize("name", sorted(ENTRANCE_PAGES))
def test_it_opens_each_entrance_page_to_anonymous_people(client, db, name):
    assert client.get(ENTRANCE_PAGES[name]).status_code == 200


@pytest.mark.parametrize("name", sorted(MEMBER_PAGES))
def test_it_sends_anonymous_people_to_log_in_before_their_account_pages(client, db, name):
    response = client.get(MEMBER_PAGES[name])
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


# Pages about an authenticator answer 404 to an account that has none.
ABOUT_AN_AUTHENTICATOR = {"mfa_deactivate_totp", "mfa_view_recovery_codes", "mfa_download_recovery_codes"}


@pytest.mark.parametrize("name", sorted(MEMBER_PAGES))
def test_it_opens_account_pages_to_every_logged_in_persona(client_as, name):
    expected = (200, 302, 404) if name in ABOUT_AN_AUTHENTICATOR else (200, 302)
    for persona in [*PERSONAS, *MEMBER_PERSONAS]:
        assert client_as(persona).get(MEMBER_PAGES[name]).status_code in expected, persona


@pytest.mark.parametrize("name", sorted(PUBLIC_PAGES))
def test_it_opens_each_public_page_to_anonymous_people_and_every_role(client_as, world, name):
    url = public_url(PUBLIC_PAGES[name])
    anonymous = client_as(None).get(url)
    assert anonymous.status_code == 200
    for persona in PERSONAS:
        response = client_as(persona).get(url)
        assert response.status_code == 200, persona
        assert response["Content-Type"] == anonymous["Content-Type"], persona


@pytest.mark.parametrize("name", sorted(PUBLIC_PAGES))
def test_it_refuses_to_change_anything_through_a_public_page(client_as, world, name):
    url = public_url(PUBLIC_PAGES[name])
    for persona in [None, *PERSONAS]:
        client = client_as(persona)
        assert client.post(url).status_code == 405, persona
        assert client.delete(url).status_code == 405, persona


def public_url(address: str) -> str:
    """A public address naming an object by id: the doors' post the world made."""
    from criticalmass.doors.models import Post

    if "{" not in address:
        return address
    return address.format(post=Post.objects.values_list("pk", flat=True).first())


def test_it_shows_the_login_page_to_anyone(client_as):
    assert client_as(None).get(ACCOUNT_PAGES["login"]).status_code == 200


def test_it_logs_out_only_with_a_post(client_as):
    client = client_as("partner")
    assert client.get(ACCOUNT_PAGES["logout"]).status_code == 405
    assert client.post(ACCOUNT_PAGES["logout"]).status_code in (200, 302)
    assert "_auth_user_id" not in client.session


def failed_mail() -> int:
    from django.utils import timezone

    from criticalmass.core.models import OutboxMail

    return OutboxMail.objects.create(recipient="someone@example.org", subject="Critical Mass: a notice",
                                     body="Hello", kind="decision", status=OutboxMail.Status.FAILED,
                                     next_attempt_at=timezone.now()).pk


def role_page_url(address: str, personas, organisations) -> str:
    """The address with its objects made. The secretariat's changes fall on accounts outside PERSONAS,
    which the loops log in after it."""
    ids = {"member": personas["applicant"].pk, "join": personas["applicant"].join_request.pk,
           "membership": personas["another_partner"].memberships.get().pk,
           "organisation": organisations["Ghana Armed Forces"].pk, "mail": failed_mail(),
           "panel": build_breach(personas["partner"])}
    ids.update(build_trainings(organisations["Ghana Armed Forces"], personas["advocate"]))
    ids |= build_doors(personas["advocate"], personas["partner"])
    charter = build_charter(personas["partner"], personas["reviewer"])
    return address.format(**charter, **build_consultation(personas["partner"], personas["reviewer"]), **ids)


@pytest.mark.parametrize("name", sorted(ROLE_PAGES))
def test_it_opens_each_role_page_only_to_its_roles(client_as, personas, organisations, name, request):
    address, method, allowed = ROLE_PAGES[name]
    url = role_page_url(address, personas, organisations)
    build_watchdog()
    if name.startswith(("grants:", "awards:")):
        request.getfixturevalue("upload_dir")
        build_grants(personas["advocate"], personas["secretariat"])
        build_awards(nominator=personas["advocate"], juror=personas["reviewer"])
    if name.startswith("agreements:"):
        build_agreements()
    if name.startswith("reviews:"):
        build_reviews()
    if name == "events:event_edit":
        summit = build_events()
        summit.organizer = organisations["Ghana Armed Forces"]
        summit.save()
    anonymous = getattr(client_as(None), method)(url)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/accounts/login/")
    for persona in PERSONAS:
        status = getattr(client_as(persona), method)(url).status_code
        if persona in allowed:
            assert status in ((200,) if method == "get" else (200, 302, 400)), persona
        else:
            assert status == 403, persona


@pytest.mark.parametrize("name", sorted(ROLE_PAGES))
def test_it_refuses_every_role_page_to_applicants_pending_or_declined(client_as, personas, organisations,
                                                                     name):
    address, method, _allowed = ROLE_PAGES[name]
    url = role_page_url(address, personas, organisations)
    for persona in ["applicant", "declined"]:
        assert getattr(client_as(persona), method)(url).status_code == 403, persona
