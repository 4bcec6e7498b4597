"""The comparison's "not known" group follows docs/data.md: every agreement PADD lists with neither
signatories' nor negotiators' women counted, the ones it lists without coding any count included."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from criticalmass.agreements import figures, queries
from criticalmass.agreements.models import Agreement
from criticalmass.core.models import DataNote, Source
from criticalmass.importers import padd, pax, pax_gender
from tests.agreements.world import build_agreements


def groups() -> dict[str, tuple[int, int, float | None]]:
    summary, _ = figures.comparison_rows(Decimal(30))
    return {row["group"]: (row["agreements"], row["with_provisions"], row["share"]) for row in summary}


@pytest.mark.django_db
def test_it_counts_an_agreement_padd_lists_without_coding_as_not_known():
    build_agreements()
    listed = Agreement.objects.exclude(pax_id__in=list(queries.seats())).order_by("pax_id").first()
    assert listed is not None
    DataNote.objects.create(source=Source.objects.get(slug="padd"), source_row=40, kind="not-coded",
                            subject=f"agreement:{listed.pax_id}", message="listed but not coded")
    share = 100.0 if listed.gender_provisions else 0.0
    assert groups()["Not known"] == (1, int(listed.gender_provisions), share)
    _, detail = figures.comparison_rows(Decimal(30))
    row = next(r for r in detail if r["pax_id"] == listed.pax_id)
    assert (row["group"], row["signatories"], row["negotiators"]) == ("Not known", None, None)


@pytest.mark.realdata
@pytest.mark.django_db
def test_it_puts_ten_agreements_eight_with_provisions_in_the_not_known_group_of_the_real_files(
        data_dir: Path):
    files = [data_dir / "pax_v10" / "pax_all_agreements_v10.csv",
             data_dir / "pax_gender_v9" / "pax_gender_v9.csv", data_dir / "padd" / "PADD_Agreement_Level.csv"]
    absent = [str(path) for path in files if not path.is_file()]
    if absent:
        pytest.skip(f"{', '.join(absent)} absent: the real datasets are not in CRITICALMASS_DATA_DIR")
    pax.import_file(files[0])
    pax_gender.import_file(files[1])
    padd.import_file(files[2])
    # 2 coded (AgtIds 1300, 343) and the 8 PADD lists with every count NA, 7 of which have provisions.
    assert groups() == {"Women reached the floor": (2, 2, 100.0), "Women below the floor": (104, 58, 55.8),
                        "Not known": (10, 8, 80.0)}
