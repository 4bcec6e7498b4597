"""The pillars and the mapping of PA-X Gender codes onto them are data the secretariat edits."""

from __future__ import annotations

import pytest

from criticalmass.agreements.models import Agreement, GenderCode, Pillar
from tests.agreements.world import build_agreements, csv_table


def test_it_seeds_the_five_pillars_in_order(db):
    assert list(Pillar.objects.values_list("slug", flat=True)) == [
        "participation", "protection", "empowerment", "institutions-and-law", "implementation"]


def test_it_lets_the_secretariat_move_a_code_to_another_pillar(client_as):
    code = GenderCode.objects.get(code="WggVioSex")
    participation = Pillar.objects.get(slug="participation")
    response = client_as("secretariat").post(f"/admin/agreements/gendercode/{code.pk}/change/", {
        "code": "WggVioSex", "label": "Sexual violence", "pillar": participation.pk})
    assert response.status_code == 302
    code.refresh_from_db()
    assert code.pillar == participation


def test_it_shows_the_secretariats_mapping_on_the_pages(client, db):
    build_agreements()
    GenderCode.objects.filter(code="WggVioSex").update(pillar=Pillar.objects.get(slug="implementation"))
    rows = csv_table(client.get("/agreements/102/provisions.csv").content)
    assert ("Implementation", "Sexual violence") in [(row["pillar"], row["label"]) for row in rows]


@pytest.mark.parametrize("persona", ["partner", "advocate", "reviewer", "visitor", None])
def test_it_keeps_everyone_else_out_of_the_mapping(client_as, persona):
    code = GenderCode.objects.get(code="WggVioSex")
    response = client_as(persona).post(f"/admin/agreements/gendercode/{code.pk}/change/", {
        "code": "WggVioSex", "label": "Changed", "pillar": ""})
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    code.refresh_from_db()
    assert code.label == "Sexual violence" and code.pillar is not None


def test_it_shows_imported_agreements_to_the_secretariat_read_only(client_as):
    build_agreements()
    client = client_as("secretariat")
    agreement = Agreement.objects.get(pax_id=101)
    assert client.get("/admin/agreements/agreement/").status_code == 200
    assert client.get("/admin/agreements/agreement/add/").status_code == 403
    response = client.post(f"/admin/agreements/agreement/{agreement.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403 and Agreement.objects.filter(pax_id=101).exists()
