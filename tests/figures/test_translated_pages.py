"""The dashboard, a country's pages, a plan and a briefing in French and Arabic; CSV headers as stable
keys or as labels in the page's language; figures localised on the page, never in the CSV."""

from __future__ import annotations

import csv
import io

import pytest

from criticalmass.briefings.models import Objection
from criticalmass.parity.models import Category
from tests.watchdog.world import build_watchdog

BRIEFING = "/briefings/briefing/?audience=force-commander&mission=unmiss"


@pytest.fixture
def unmiss(make_mission, observe):
    mission = make_mission("UNMISS", "SSD")
    for date, women, row in [("2019-01-31", 4, 2), ("2020-01-31", 5, 3), ("2021-01-31", 101, 4)]:
        observe(mission, date, Category.TOTAL, women=women, total=1000, country="GHA", row=row)
    return mission


def page_in(client, language: str, url: str) -> str:
    client.cookies["django_language"] = language
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def header_of(response) -> list[str]:
    return next(csv.reader(io.StringIO(response.content.decode())))


def test_it_shows_the_dashboard_in_french_with_french_numbers(client, unmiss):
    page = page_in(client, "fr", "/")
    assert '<html lang="fr" dir="ltr">' in page
    assert "Les femmes dans les opérations de maintien de la paix des Nations Unies" in page
    assert "Situation de chaque catégorie" in page and "Proportion de femmes" in page
    assert "10,1\u00a0%" in page or "10,1 %" in page  # 101 of 1,000, as French writes it
    assert "Women in UN peacekeeping" not in page and "<h2 id=\"status-title\">Where each" not in page


def test_it_shows_the_dashboard_in_arabic_right_to_left(client, unmiss):
    page = page_in(client, "ar", "/")
    assert '<html lang="ar" dir="rtl">' in page
    assert "المرأة في عمليات حفظ السلام التابعة للأمم المتحدة" in page
    assert "نسبة النساء" in page and "Women in UN peacekeeping" not in page


def test_it_keeps_the_dashboard_in_english_by_default(client, unmiss):
    page = client.get("/").content.decode()
    assert "Women in UN peacekeeping" in page and "10.1%" in page


def test_it_shows_a_countrys_contributor_page_in_french(client, unmiss):
    page = page_in(client, "fr", "/countries/GHA/")
    assert "en tant que pays fournisseur de Casques bleus en tenue" in page
    assert "Déploiements par mission" in page and "Deployments by mission" not in page


def test_it_shows_a_countrys_plan_in_french_and_in_arabic(client, db):
    build_watchdog()
    french = page_in(client, "fr", "/watchdog/plans/tst-nap-2/")
    assert "Fiche d" in french and "Organismes et actions" in french
    assert "Agencies and actions" not in french
    arabic = page_in(client, "ar", "/watchdog/plans/tst-nap-2/")
    assert 'dir="rtl"' in arabic and "الجهات والإجراءات" in arabic and "بطاقة التقييم:" in arabic


def test_it_writes_the_csv_header_as_stable_keys_unless_labels_are_asked(client, unmiss):
    client.cookies["django_language"] = "fr"
    keys = client.get("/data/status.csv")
    assert header_of(keys)[:2] == ["role", "status"] or "status" in header_of(keys)
    assert header_of(client.get("/data/status.csv?header=keys")) == header_of(keys)
    labels = client.get("/data/status.csv?header=labels")
    assert "Situation" in header_of(labels) and header_of(labels)[-1] == "Source"
    assert "status" not in header_of(labels)
    body = labels.content.decode()
    assert "10.1" in body and "10,1" not in body  # values stay machine numbers whatever the language


def test_it_links_the_pages_csv_to_labels_in_the_pages_language(client, unmiss):
    page = page_in(client, "fr", "/")
    assert "/data/status.csv?" in page and "header=labels" in page
    client.cookies["django_language"] = "ar"
    assert "الحالة" in header_of(client.get("/data/status.csv?header=labels"))


def test_it_writes_a_briefing_in_french_from_an_english_interface(client, unmiss):
    page = client.get(f"{BRIEFING}&language=fr").content.decode()
    assert '<article class="briefing" lang="fr" dir="ltr">' in page
    assert "Objections à prévoir" in page and "Établie le" in page
    assert "Proportion de femmes dans UNMISS, ensemble du personnel en tenue" in page
    assert "Les chiffres" in page
    assert "(pas encore traduit)" in page  # the seeded objections have no French text yet


def test_it_shows_an_objections_stored_translation_without_the_marker(client, unmiss):
    objection = Objection.objects.filter(audiences__slug="force-commander").first()
    objection.translations = {"ar": {"objection": "اعتراض مترجم", "answer": "رد مترجم"}}
    objection.save()
    page = client.get(f"{BRIEFING}&language=ar").content.decode()
    assert '<article class="briefing" lang="ar" dir="rtl">' in page
    assert "اعتراض مترجم" in page and "رد مترجم" in page and "الاعتراضات المتوقعة" in page
    api = client.get("/api/briefings/force-commander/mission/unmiss?language=ar").json()
    assert api["language"] == "ar"
    said = next(o for o in api["objections"] if o["objection"] == "اعتراض مترجم")
    assert said["translated"] is True


def test_it_renders_the_arabic_briefing_pdf_right_to_left(client, unmiss):
    response = client.get("/briefings/briefing.pdf?audience=force-commander&mission=unmiss&language=ar")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_it_refuses_a_briefing_language_it_does_not_speak(client, unmiss):
    response = client.get(f"{BRIEFING}&language=de")
    assert response.status_code == 400
    assert "language=de is not one" in response.content.decode()
