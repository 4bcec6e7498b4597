"""docs/data.md's rules on what the real files lack or get wrong, checked on the real files."""

from __future__ import annotations

import pytest

from criticalmass.agreements import queries
from criticalmass.agreements.figures import pillars_table
from criticalmass.core.models import DataNote
from criticalmass.importers import padd, pax, pax_gender, peacekeeping_gender
from criticalmass.parity.models import Observation
from tests.importers.test_pax_real_data import GENDER_FILE, PAX_FILE
from tests.importers.test_real_data import csv_rows, real_file

pytestmark = pytest.mark.realdata
NOT_CODED = [163, 407, 590, 1334, 1415, 1421, 1659, 1855]


def kinds(slug: str) -> list[tuple[int | None, str, str]]:
    return list(DataNote.objects.filter(source__slug=slug).order_by("source_row", "pk")
                .values_list("source_row", "kind", "subject"))


def test_it_counts_the_116_padd_agreements_as_108_coded_and_8_not_coded(db, data_dir):
    padd.import_file(real_file(data_dir, "padd/PADD_Agreement_Level.csv"))
    coded = Observation.objects.values("document").distinct().count()
    not_coded = sorted(int(s.split(":")[1]) for _, kind, s in kinds("padd") if kind == "not-coded")
    assert (coded, not_coded, coded + len(not_coded)) == (108, NOT_CODED, 116)


def test_it_notes_the_dropped_cells_of_padd_line_68(db, data_dir):
    padd.import_file(real_file(data_dir, "padd/PADD_Agreement_Level.csv"))
    assert [k for k in kinds("padd") if k[0] == 68] == [
        (68, "dropped-cell", "agreement:1340"), (68, "total-not-coded", "agreement:1340")]
    assert not Observation.objects.filter(document="PA-X 1340", role__in=["negotiators", "all_delegates"])


def test_it_notes_the_padd_sums_that_do_not_add_up(db, data_dir):
    padd.import_file(real_file(data_dir, "padd/PADD_Agreement_Level.csv"))
    assert [k for k in kinds("padd") if k[1] == "sum-mismatch"] == [
        (2, "sum-mismatch", "agreement:8"), (17, "sum-mismatch", "agreement:252")]
    assert DataNote.objects.filter(source__slug="padd").count() == 12


def test_it_stores_men_only_where_padd_codes_every_delegates_gender(db, data_dir):
    path = real_file(data_dir, "padd/PADD_Agreement_Level.csv")
    padd.import_file(path)
    unknown = {f"PA-X {row['AgtId']}" for row in csv_rows(path) if row["NADel_N"] not in ("0",)}
    with_men = set(Observation.objects.exclude(men=None).values_list("document", flat=True))
    assert with_men and not with_men & unknown


def test_it_bases_the_pillars_on_all_465_pax_gender_agreements(db, data_dir):
    pax.import_file(real_file(data_dir, PAX_FILE))
    path = real_file(data_dir, GENDER_FILE)
    pax_gender.import_file(path)
    assert [k[1] for k in kinds("pax-gender") if k[1] == "no-code"] == ["no-code", "no-code"]
    assert (queries.coded_agreements(), queries.listed_with_no_code()) == (463, 2)
    table = pillars_table()
    assert {row["coded"] for row in table.rows} == {465} == {len(csv_rows(path))}
    assert "2 are listed with no code set" in table.caption and table.notes_count == 2


def test_it_refuses_nothing_in_the_real_peacekeeping_file_and_notes_its_flaws(db, data_dir):
    summary = peacekeeping_gender.import_file(real_file(data_dir, "un_pko_gender_ipi/Gender.Full.csv"))
    assert DataNote.objects.filter(source__slug="ipi-peacekeeping-gender").count() == len(summary.warnings)
    subjects = DataNote.objects.filter(source__slug="ipi-peacekeeping-gender").exclude(
        subject__startswith="observation:").exclude(subject__startswith="country:")
    assert not subjects.exists()
