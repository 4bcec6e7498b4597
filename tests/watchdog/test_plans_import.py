"""`criticalmass import plans FILE`: CSV and XLSX, all or nothing, idempotent, clear errors; the seed."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook

from criticalmass.core.models import AuditEvent, Source
from criticalmass.importers.plans import import_file
from criticalmass.importers.plans.reader import COLUMNS, read
from criticalmass.importers.registry import PLANS_FILE
from criticalmass.lib.csvread import FormatError, RowError
from criticalmass.watchdog.models import Plan

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "plans"
RESEARCH = Path(__file__).resolve().parents[3] / "shared" / "research" / "naps.csv"


@pytest.fixture
def no_plans(db):
    Plan.objects.all().delete()


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("import", *args, "--quiet", stdout=out, stderr=io.StringIO())
    return out.getvalue()


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    workbook.save(path)
    return path


def test_it_imports_plans_from_a_csv_file(no_plans):
    summary = import_file(FIXTURES / "good.csv")
    assert (summary.created, summary.updated, summary.unchanged) == (3, 0, 0)
    gha = Plan.objects.get(slug="gha-nap-2")
    assert (gha.country_id, gha.generation, gha.adopted_year, gha.adopted_month) == ("GHA", 2, 2020, None)
    assert (gha.allocated_budget, gha.document_url) == (False, "https://example.org/gha2.pdf")
    assert gha.notes == "a note"
    assert gha.source.slug == "plans-good" and gha.source_row == 3
    law = Plan.objects.get(slug="kenya-law")
    assert (law.kind, law.status, law.allocated_budget, law.verification) == ("law", "in_force", None, "V2")


def test_it_adds_nothing_when_the_same_file_comes_twice(no_plans):
    import_file(FIXTURES / "good.csv")
    summary = import_file(FIXTURES / "good.csv")
    assert (summary.created, summary.updated, summary.unchanged) == (0, 0, 3)
    assert Plan.objects.count() == 3


def test_it_updates_a_plan_whose_row_changed(no_plans, tmp_path):
    import_file(FIXTURES / "good.csv")
    changed = tmp_path / "good.csv"
    changed.write_text((FIXTURES / "good.csv").read_text().replace("A test law", "The renamed law"))
    summary = import_file(changed)
    assert (summary.created, summary.updated, summary.unchanged) == (0, 1, 2)
    assert Plan.objects.get(slug="kenya-law").title == "The renamed law"


def test_it_imports_the_same_plans_from_an_excel_workbook(no_plans, tmp_path):
    with (FIXTURES / "good.csv").open(encoding="utf-8") as handle:
        rows: list[list[object]] = list(csv.reader(handle))
    rows[1][6], rows[1][7] = 2010, 3.0  # numbers as Excel stores them
    summary = import_file(write_xlsx(tmp_path / "plans.xlsx", rows))
    assert summary.created == 3
    assert Plan.objects.get(slug="gha-nap-1").adopted_month == 3


def test_it_names_the_missing_and_unexpected_columns(no_plans):
    with pytest.raises(FormatError) as caught:
        import_file(FIXTURES / "wrong_columns.csv")
    assert str(caught.value) == ("wrong_columns.csv is not in the expected format; missing columns: "
                                 "'adopted_month', 'adopted_year', 'country'; unexpected columns: 'adopted'")


def test_it_names_file_line_and_column_of_a_bad_cell_and_imports_nothing(no_plans):
    with pytest.raises(RowError) as caught:
        import_file(FIXTURES / "bad_month.csv")
    assert str(caught.value) == ("bad_month.csv, line 3, column 'adopted_month': "
                                 "'13' is not a whole number from 1 to 12")
    assert not Plan.objects.exists()


def test_it_refuses_an_unknown_country_code_and_imports_nothing(no_plans):
    with pytest.raises(RowError, match=r"unknown_country.csv, line 3, column 'iso3': 'XKX' is not a known"):
        import_file(FIXTURES / "unknown_country.csv")
    assert not Plan.objects.exists()
    assert not Source.objects.filter(slug="plans-unknown-country").exists()


def test_it_refuses_a_plan_twice_in_one_file(no_plans):
    with pytest.raises(RowError, match=r"line 3, column 'slug': 'gha-nap-1' is also on line 2"):
        import_file(FIXTURES / "duplicated.csv")


@pytest.mark.parametrize(("column", "value", "problem"), [
    ("kind", "treaty", "'treaty' is not one of 'law', 'nap', 'strategy'"),
    ("period_end", "2011", "2011 is before period_start 2012"),
    ("source_url", "example.org", "'example.org' is not a web address"),
    ("source_title", "", "is empty"),
    ("iso3", "gh", "'gh' is not an ISO 3166-1 alpha-3 code"),
    ("budget", "maybe", "'maybe' is not one of 'no', 'unknown', 'yes'"),
])
def test_it_explains_each_kind_of_bad_cell(no_plans, tmp_path, column, value, problem):
    cells = ["", "Ghana", "GHA", "nap", "1", "T", "2010", "3", "2012", "2014", "", "", "yes", "",
             "S", "https://example.org/a", "V", ""]
    row = dict(zip(COLUMNS, cells, strict=True))
    row[column] = value
    path = tmp_path / "one.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, COLUMNS)
        writer.writeheader()
        writer.writerow(row)
    with pytest.raises(RowError) as caught:
        import_file(path)
    assert str(caught.value).startswith(f"one.csv, line 2, column {column!r}: {problem}")


def test_it_refuses_a_file_that_is_not_a_workbook(no_plans, tmp_path):
    fake = tmp_path / "plans.xlsx"
    fake.write_text("not a zip")
    with pytest.raises(FormatError, match=r"plans.xlsx is not an Excel .xlsx workbook"):
        import_file(fake)


def test_it_fails_the_command_with_one_line_and_changes_nothing(no_plans):
    with pytest.raises(CommandError) as caught:
        run("plans", str(FIXTURES / "bad_month.csv"))
    assert "\n" not in str(caught.value) and "line 3" in str(caught.value)
    assert not Plan.objects.exists()


def test_it_prints_plans_created_and_records_an_audit_event(no_plans):
    out = run("plans", str(FIXTURES / "good.csv"))
    assert "  plans: 3 created, 0 updated, 0 unchanged, 0 removed" in out
    assert AuditEvent.objects.filter(action="import", target="plans-good").count() == 1


def test_it_ships_the_seed_and_loads_it_in_the_migration(db):
    reading = read(PLANS_FILE)
    assert reading.rows_read == Plan.objects.count() == 196
    assert Plan.objects.get(slug="usa-law-1").title == ("Women, Peace, and Security Act of 2017 "
                                                        "(Public Law 115-68)")
    assert Plan.objects.get(slug="dnk-nap-1").source_row == 51
    assert "196 updated" in run("plans", str(PLANS_FILE))  # now citing the file as a Source
    assert Plan.objects.get(slug="dnk-nap-1").source.slug == "plans-plans"
    assert "196 unchanged" in run("plans", str(PLANS_FILE))


def test_it_writes_the_seed_only_from_facts_marked_verified_in_the_research(db):
    if not RESEARCH.is_file():
        pytest.skip(f"{RESEARCH} is not here")
    with RESEARCH.open(encoding="utf-8") as handle:
        research = {(r["iso3"], r["generation"]): r for r in csv.DictReader(handle)}
    for plan in read(PLANS_FILE).plans:
        if plan.slug == "usa-law-1":
            continue  # from us_wps_act.md, flag V
        fact = research[(plan.iso3, str(plan.fields["generation"]))]
        assert fact["flag"] == "V" == plan.fields["verification"], plan.slug
        assert fact["source_url"] == plan.fields["source_url"], plan.slug
        assert fact["title"] == plan.fields["title"], plan.slug
