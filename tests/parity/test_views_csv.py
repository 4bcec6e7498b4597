"""Every chart's CSV download holds exactly the numbers of the table beside it, plus a source column."""

from __future__ import annotations

import datetime as dt

import pytest

from criticalmass.parity.models import Category
from tests.parity.pages_world import (  # noqa: F401
    UGPS,
    applies_from_2010,
    as_number,
    build_operations,
    build_talks,
    csv_rows,
    fresh_cache,
    page_tables,
    table,
)

NONE_TEXTS = {"", "unknown", "no target", "—", "not at the current pace", "too few months", "not yet"}
FIGURES = [
    ("/", "/data/overall.csv", "Women's share of UN uniformed peacekeepers by month"),
    ("/", "/data/status.csv", "Where each category stands"),
    ("/", "/data/ranking.csv", "Peace operations ranked"),
    ("/missions/unmiss/", "/missions/unmiss/categories.csv", "UNMISS: women by category"),
    ("/missions/unmiss/", "/missions/unmiss/trend.csv", "UNMISS: women's share by category"),
    ("/missions/unmiss/", "/missions/unmiss/contributors.csv", "Contributing countries"),
    ("/missions/unmiss/?sort=share", "/missions/unmiss/contributors.csv?sort=share", "Contributing"),
    ("/countries/GHA/", "/countries/GHA/trend.csv", "Ghana's women's share"),
    ("/countries/GHA/", "/countries/GHA/missions.csv", "Ghana's uniformed personnel"),
    ("/negotiations/", "/negotiations/overview.csv", "How many agreements reached"),
    ("/negotiations/colombia/", "/negotiations/colombia/overview.csv", "How many agreements reached"),
    (f"/?policy={UGPS}", f"/data/overall.csv?policy={UGPS}", "Women's share of UN uniformed peacekeepers"),
]


@pytest.fixture
def world(make_mission, observe, source):
    build_operations(make_mission, observe)
    build_talks(source)


def shown_as(text: str, value: str) -> bool:
    """Whether a table cell's text shows a CSV value: 5.0% is 5.0, +1.7 is 1.7, Jan 2012 is 2012-01-31,
    ✗ off track is off track."""
    if value == "":
        return text in NONE_TEXTS
    if text == value:  # words, e.g. a gap's note
        return True
    if len(value) == 10 and value[4] == "-":
        return text in (value, dt.date.fromisoformat(value).strftime("%b %Y"))
    return as_number(text.lstrip("✓≈✗?– +")) == value


@pytest.mark.parametrize(("page", "download", "caption"), FIGURES)
def test_it_downloads_the_numbers_of_the_table(client, world, page, download, caption):
    shown = table(client.get(page), caption)
    header, *rows = csv_rows(client.get(download))
    assert header[-1] == "source" and len(header) == len(shown[0]) + 1
    assert len(rows) == len(shown)
    for cells, values in zip(shown, rows, strict=True):
        pairs = zip(cells, values[:-1], strict=True)
        assert all(shown_as(text, value) for text, value in pairs), (cells, values)
        gap = values[-2] != ""  # a month missing inside the series: no counts, nothing cited
        assert values[-1].startswith("Test dataset, test.csv, row") or (gap and values[-1] == "")


@pytest.mark.parametrize(("page", "download", "caption"), FIGURES)
def test_it_links_each_table_to_its_download(client, world, page, download, caption):
    body = client.get(page).content.decode()
    path = download.split("?")[0]
    assert f'href="{path}?' in body or f'href="{path}"' in body


def test_it_sends_csv_as_an_attachment_with_headers_first(client, world):
    response = client.get("/missions/unmiss/trend.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="criticalmass-unmiss-trend.csv"'
    assert csv_rows(response)[0] == ["date", "series", "women", "total", "share", "target",
                                     "target_provenance", "note", "source"]


def test_it_writes_the_chosen_policys_targets(client, world):
    applies_from_2010()
    rows = csv_rows(client.get(f"/data/overall.csv?policy={UGPS}"))
    troops = [r for r in rows if r[1] == "Troops" and r[0] == "2012-01-31"][0]
    assert troops[2:7] == ["3", "60", "5.0", "8.0", "held from nearest official value"]


def test_it_downloads_the_whole_ranking_not_one_page(client, make_mission, observe):
    for i in range(21):
        mission = make_mission(f"M{i:02d}", None)
        observe(mission, "2012-01-31", Category.TOTAL, women=i, total=100, country="GHA")
    assert len(csv_rows(client.get("/data/ranking.csv"))) == 22


def test_it_downloads_every_agreement(client, world):
    header, *rows = csv_rows(client.get("/negotiations/agreements.csv"))
    assert header == ["document", "conflict", "date", "role", "total", "women", "men", "share", "meets_floor",
                      "source"]
    assert rows[2] == ["PA-X 8", "South Sudan", "2015-08-17", "Negotiators", "10", "4", "", "40.0", "yes",
                       "Test dataset, test.csv, row 40"]
    assert len(rows) == 7


@pytest.mark.parametrize("url", ["/data/nope.csv", "/missions/unmiss/nope.csv", "/missions/nope/trend.csv",
                                 "/countries/XXX/trend.csv", "/negotiations/nope.csv", "/targets/nope.csv",
                                 "/data/overall.csv?policy=nope"])
def test_it_answers_unknown_downloads_with_404(client, world, url):
    assert client.get(url).status_code == 404


def test_it_keeps_a_formula_like_name_from_running_in_a_spreadsheet(client, source):
    from tests.parity.pages_world import negotiation

    rows = [("PA-X 99", "2015-08-17", "signatories", 1, 9, 10, 7)]
    negotiation(source, "evil", '=HYPERLINK("http://x")', rows)
    rows = csv_rows(client.get("/negotiations/agreements.csv"))
    names = [cell for row in rows for cell in row if "HYPERLINK" in cell]
    assert names == ["'=HYPERLINK(\"http://x\")"]
