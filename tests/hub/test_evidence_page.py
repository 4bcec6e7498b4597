"""The public evidence page and its CSV: grades decide visibility, counter-evidence sits beside its claim."""

from __future__ import annotations

import csv
import io

import pytest

from criticalmass.hub.models import Evidence
from tests.conftest import PERSONAS
from tests.hub.world import make_evidence

NOT_SECRETARIAT = [None, *[p for p in PERSONAS if p != "secretariat"]]


def csv_slugs(response) -> list[str]:
    return [row["slug"] for row in csv.DictReader(io.StringIO(response.content.decode()))]


@pytest.mark.parametrize("persona", NOT_SECRETARIAT)
def test_it_shows_only_public_evidence_to_everyone_but_the_secretariat(client_as, persona):
    client = client_as(persona)
    page = client.get("/hub/evidence/").content.decode()
    assert 'id="scr-1325"' in page
    assert 'id="ugps-2028-justice-corrections"' not in page  # inferred
    assert 'id="us-wps-act-reports"' not in page  # recalled
    assert 'id="stone-durability"' not in page  # secondary
    assert set(csv_slugs(client.get("/hub/evidence.csv"))) == set(
        Evidence.objects.public().values_list("slug", flat=True)
    )


def test_it_shows_every_grade_to_the_secretariat_with_its_grade(client_as):
    page = client_as("secretariat").get("/hub/evidence/").content.decode()
    assert 'id="us-wps-act-reports"' in page and "Recalled, not checked" in page
    assert len(csv_slugs(client_as("secretariat").get("/hub/evidence.csv"))) == Evidence.objects.count()


def test_it_lets_the_secretariat_make_one_unverified_item_public(client_as):
    Evidence.objects.filter(slug="stone-durability").update(public=True)
    Evidence.objects.filter(slug="scr-1325").update(public=False)
    page = client_as(None).get("/hub/evidence/").content.decode()
    assert 'id="stone-durability"' in page and 'id="scr-1325"' not in page


def test_it_shows_counter_evidence_beside_the_claim_it_qualifies(client):
    page = client.get("/hub/evidence/").content.decode()
    claim = page.index('id="signatories-durable-peace"')
    next_article = page.index("<article", claim + 1)
    assert "A systematic review found" in page[claim:next_article]


def test_it_filters_by_kind_argument_audience_and_theme(client):
    assert set(csv_slugs(client.get("/hub/evidence.csv?kind=counter-evidence"))) == {
        "systematic-review-instrumentalist",
        "added-burden-critique",
    }
    assert "daughters-message" in csv_slugs(client.get("/hub/evidence.csv?argument=personal_relational"))
    assert "daughters-message" not in csv_slugs(client.get("/hub/evidence.csv?argument=legal_rights"))
    assert csv_slugs(client.get("/hub/evidence.csv?audience=police&kind=target")) == [
        "ugps-2028-formed-police",
        "ugps-2028-individual-police",
    ]
    assert csv_slugs(client.get("/hub/evidence.csv?theme=funding")) == [
        "aid-fragile-wros",
        "nap-budgets-2018",
    ]


@pytest.mark.parametrize("query", ["kind=rumour", "argument=charm", "audience=aliens", "grade=maybe"])
def test_it_answers_an_unknown_filter_value_with_a_400_naming_it(client, query):
    name, value = query.split("=")
    for url in ["/hub/evidence/", "/hub/evidence.csv"]:
        response = client.get(f"{url}?{query}")
        assert response.status_code == 400
        assert (
            f"There is no {name} &#x27;{value}&#x27;" in response.content.decode()
            or f"There is no {name} '{value}'" in response.content.decode()
        )


def test_it_cites_every_figure_with_its_source(client):
    page = client.get("/hub/evidence/?kind=target").content.decode()
    assert (
        "Elsie Initiative Fund, “UN Strategies" in page
        and "https://elsiefund.org/un-strategies-eifund/" in page
    )


def test_it_keeps_spreadsheet_formulas_out_of_the_csv(client):
    make_evidence("formula", "verified", claim='=HYPERLINK("http://x")')
    rows = list(csv.DictReader(io.StringIO(client.get("/hub/evidence.csv").content.decode())))
    assert [r["claim"] for r in rows if r["slug"] == "formula"] == ['\'=HYPERLINK("http://x")']
