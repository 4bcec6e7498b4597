"""The interface in English, French, Spanish and Arabic: the catalogues complete, the language chosen by
the switcher's cookie, a member's stored language or the browser, Arabic right to left, one menu item
current, pages compressed."""

from __future__ import annotations

import gzip
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.urls import reverse

import criticalmass

LOCALE = Path(criticalmass.__file__).parent / "locale"
TRANSLATED = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", TRANSLATED)
def test_it_leaves_no_entry_of_a_catalogue_empty_or_fuzzy(language):
    po = catalogue(language)
    assert po.metadata.get("Language") == language
    assert not po.metadata_is_fuzzy, f"{language}: the header is marked fuzzy"
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []
    assert [e.msgid for e in po if e.obsolete] == []


def test_it_keeps_every_catalogue_in_step_with_the_strings_marked_in_the_code(tmp_path):
    """makemessages run afresh on a copy of the package finds no string the catalogues lack."""
    copy = tmp_path / "criticalmass"
    shutil.copytree(LOCALE.parent, copy, ignore=shutil.ignore_patterns("static", "__pycache__", "*.mo"))
    command = [sys.executable, "-m", "django", "makemessages", "--no-location", "--no-obsolete",
               *[f"--locale={language}" for language in TRANSLATED]]
    subprocess.run(command, cwd=copy, check=True, capture_output=True,
                   env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": ""})
    for language in TRANSLATED:
        fresh = polib.pofile(str(copy / "locale" / language / "LC_MESSAGES" / "django.po"))
        wanted = {e.msgid for e in fresh}
        kept = {e.msgid for e in catalogue(language)}
        assert wanted - kept == set(), f"{language} lacks these strings: run makemessages and translate them"


def test_it_serves_a_page_in_the_language_the_switcher_chose(client, db):
    response = client.post(reverse("set_language"), {"language": "fr", "next": "/charter/"})
    assert response.status_code == 302 and response["Location"] == "/charter/"
    page = client.get("/charter/").content.decode()
    assert '<html lang="fr" dir="ltr">' in page
    assert "Opérations de paix" in page and "Peace operations" not in page


def test_it_serves_arabic_right_to_left(client, db):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
    page = client.get("/charter/").content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    assert "عمليات السلام" in page


def test_it_follows_the_browsers_language_when_nothing_was_chosen(client, db):
    page = client.get("/charter/", HTTP_ACCEPT_LANGUAGE="es-CO,es;q=0.9").content.decode()
    assert '<html lang="es" dir="ltr">' in page and "Operaciones de paz" in page


def test_it_reads_a_member_in_her_stored_language_until_she_switches(client_as, personas):
    personas["advocate"].language = "fr"
    personas["advocate"].save(update_fields=["language"])
    client = client_as("advocate")
    assert '<html lang="fr"' in client.get("/charter/").content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    assert '<html lang="es"' in client.get("/charter/").content.decode()


def test_it_ignores_a_language_the_platform_does_not_offer(client, db):
    response = client.post(reverse("set_language"), {"language": "xx", "next": "/charter/"})
    assert response.status_code == 302
    assert '<html lang="en" dir="ltr">' in client.get("/charter/").content.decode()


@pytest.mark.parametrize(("url", "current"), [
    ("/", "Peace operations"), ("/negotiations/", "Peace negotiations"), ("/targets/", "Targets"),
    ("/sources/", "Sources"), ("/charter/", "Charter"), ("/accountability/", "Charter"),
    ("/events/tallies/", "Panels"), ("/hub/", "Evidence and briefings"), ("/watchdog/", "Plans and laws"),
])
def test_it_marks_exactly_one_menu_item_as_the_current_page(client, db, url, current):
    page = client.get(url).content.decode()
    marked = [chunk.split("</a>")[0] for chunk in page.split('aria-current="page">')[1:]]
    assert marked == [current]


def test_it_compresses_a_page_for_a_client_that_accepts_gzip(client, db):
    plain = client.get("/charter/")
    packed = client.get("/charter/", HTTP_ACCEPT_ENCODING="gzip")
    assert packed["Content-Encoding"] == "gzip"
    unpacked = gzip.decompress(packed.content)
    assert unpacked.startswith(b"<!doctype html>") and len(unpacked) == len(plain.content)
