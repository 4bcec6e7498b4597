"""Versions are sources: another version or coding of a dataset is imported beside the first."""

from __future__ import annotations

import csv
import hashlib
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from criticalmass.core.models import Source
from criticalmass.importers import padd, peacekeeping_gender
from criticalmass.importers.base import ImportFailed, SourceChoice
from criticalmass.parity.models import Observation
from criticalmass.parity.queries import observations
from tests.importers.helpers import PADD, PEACEKEEPING

GOOD = PADD / "good.csv"
LOWEST = PADD / "updated.csv"  # another coding of the same agreements: some counts differ


def numbers(slug: str) -> list[tuple[object, ...]]:
    return sorted(Observation.objects.filter(source__slug=slug).values_list(
        "process__slug", "date", "role", "document", "women", "men", "unknown", "total", "source_row"))


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("import", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_it_imports_a_file_with_another_label_beside_the_first_never_over_it(db):
    padd.import_file(GOOD)
    first = numbers("padd")
    summary = padd.import_file(LOWEST, choice=SourceChoice(label="lowest"))
    assert (summary.source, summary.removed, summary.created) == ("padd@lowest", 0, len(first))
    assert numbers("padd") == first
    assert numbers("padd@lowest") != first
    assert sorted(Source.objects.values_list("slug", "label")) == [("padd", ""), ("padd@lowest", "lowest")]


def test_it_imports_another_version_as_a_source_of_its_own(db):
    padd.import_file(GOOD, choice=SourceChoice(version="1.0"))
    padd.import_file(LOWEST, choice=SourceChoice(version="1.1"))
    assert sorted(Source.objects.values_list("slug", "version")) == [("padd@1-0", "1.0"), ("padd@1-1", "1.1")]


def test_it_stays_idempotent_when_the_same_version_is_imported_again(db):
    choice = SourceChoice(version="1.1", label="lowest")
    padd.import_file(LOWEST, choice=choice)
    before = numbers("padd@lowest-1-1")
    summary = padd.import_file(LOWEST, choice=choice)
    assert (summary.created, summary.updated, summary.removed, summary.unchanged) == (0, 0, 0, len(before))
    assert numbers("padd@lowest-1-1") == before and Source.objects.count() == 1


def test_it_counts_only_the_default_source_in_figures(db):
    padd.import_file(GOOD)
    padd.import_file(LOWEST, choice=SourceChoice(label="lowest"))
    assert Source.objects.get(slug="padd").is_default
    assert not Source.objects.get(slug="padd@lowest").is_default
    assert set(observations().values_list("source__slug", flat=True)) == {"padd"}
    assert observations().count() == len(numbers("padd"))


def test_it_makes_a_version_the_default_when_asked_and_unsets_the_other(db):
    padd.import_file(GOOD)
    padd.import_file(LOWEST, choice=SourceChoice(label="lowest", default=True))
    assert list(Source.objects.filter(is_default=True).values_list("slug", flat=True)) == ["padd@lowest"]
    assert set(observations().values_list("source__slug", flat=True)) == {"padd@lowest"}


def test_it_lets_the_secretariat_choose_the_default_source_of_a_dataset(db):
    padd.import_file(GOOD)
    padd.import_file(LOWEST, choice=SourceChoice(label="lowest"))
    lowest = Source.objects.get(slug="padd@lowest")
    lowest.is_default = True
    lowest.save()
    assert not Source.objects.get(slug="padd").is_default
    assert set(observations().values_list("source__slug", flat=True)) == {"padd@lowest"}


def test_it_leaves_the_default_of_other_datasets_alone(db):
    padd.import_file(GOOD)
    peacekeeping_gender.import_file(PEACEKEEPING / "good.csv")
    padd.import_file(LOWEST, choice=SourceChoice(label="lowest", default=True))
    assert Source.objects.get(slug="ipi-peacekeeping-gender").is_default


def test_it_computes_the_coverage_from_the_data(db):
    peacekeeping_gender.import_file(PEACEKEEPING / "good.csv")
    assert Source.objects.get(slug="ipi-peacekeeping-gender").coverage == "Jan 2013 to Feb 2013"
    peacekeeping_gender.import_file(PEACEKEEPING / "other_layout.csv", choice=SourceChoice(label="other"))
    assert Source.objects.get(slug="ipi-peacekeeping-gender@other").coverage == "Jan 2013 to Mar 2013"
    padd.import_file(GOOD)
    with GOOD.open(encoding="utf-8-sig", newline="") as handle:
        dates = sorted(row["Dat"] for row in csv.DictReader(handle))  # every agreement listed, coded or not
    assert Source.objects.get(slug="padd").coverage == f"{dates[0]} to {dates[-1]}"


def test_it_says_the_published_version_only_of_the_published_file(db):
    peacekeeping_gender.import_file(PEACEKEEPING / "good.csv")
    digest = hashlib.sha256((PEACEKEEPING / "good.csv").read_bytes()).hexdigest()
    assert Source.objects.get().version == f"good.csv, sha256 {digest[:12]}"
    peacekeeping_gender.import_file(PEACEKEEPING / "good.csv", choice=SourceChoice(version="2014-03"))
    assert Source.objects.get(slug="ipi-peacekeeping-gender@2014-03").version == "2014-03"


def test_it_warns_when_a_file_replaces_another_files_data_under_the_same_source(db):
    padd.import_file(GOOD)
    digest = hashlib.sha256(GOOD.read_bytes()).hexdigest()
    summary = padd.import_file(LOWEST)
    assert summary.warnings[0] == (1, (
        f"this file replaces the data of good.csv (sha256 {digest[:12]}, version 'good.csv, sha256 "
        f"{digest[:12]}') under source 'padd'; give --version or --label to import it beside it instead"))
    assert not any("replaces" in message for _, message in padd.import_file(LOWEST).warnings)


def test_it_still_refuses_observations_that_clash_with_another_datasets(make_mission, observe):
    observe(make_mission("UNMISS"), "2013-01-31", "troops", women=1, total=2, country="GHA")
    with pytest.raises(ImportFailed, match="clash with ones already imported from another source"):
        peacekeeping_gender.import_file(PEACEKEEPING / "good.csv", choice=SourceChoice(label="x"))
    assert not Source.objects.filter(slug__startswith="ipi").exists()


def test_it_takes_version_label_and_default_on_the_command_line(db):
    run("padd", str(GOOD))
    out = run("padd", str(LOWEST), "--version", "1.1", "--label", "lowest position", "--default")
    assert out.splitlines()[0] == "padd: imported updated.csv as source padd@lowest-position-1-1"
    source = Source.objects.get(slug="padd@lowest-position-1-1")
    assert (source.version, source.label, source.is_default) == ("1.1", "lowest position", True)


def test_it_refuses_version_flags_for_a_dataset_that_keeps_one_version(db):
    with pytest.raises(CommandError, match="pax keeps one version: --version, --label and --default apply to "
                                           "padd, peacekeeping-gender"):
        run("pax", str(PADD / "good.csv"), "--version", "11")
    assert not Source.objects.exists()
