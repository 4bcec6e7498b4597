"""The importer registry: every dataset the `import` command knows."""

from __future__ import annotations

import pytest

from criticalmass.core.models import Source
from criticalmass.importers.padd.mapping import SOURCE as PADD_SOURCE
from criticalmass.importers.pax.mapping import SOURCE as PAX_SOURCE
from criticalmass.importers.pax_gender.mapping import SOURCE as PAX_GENDER_SOURCE
from criticalmass.importers.peacekeeping_gender.mapping import SOURCE as PEACEKEEPING_SOURCE
from criticalmass.importers.registry import DATASETS


def test_it_knows_the_peacekeeping_padd_and_pax_datasets():
    # Other apps add their datasets too; these four are the parity and agreements monitors'.
    assert {"padd", "pax", "pax-gender", "peacekeeping-gender"} <= set(DATASETS)
    assert DATASETS["padd"].path == "padd/PADD_Agreement_Level.csv"
    assert DATASETS["peacekeeping-gender"].path == "un_pko_gender_ipi/Gender.Full.csv"
    assert DATASETS["pax"].path == "pax_v10/pax_all_agreements_v10.csv"
    assert DATASETS["pax-gender"].path == "pax_gender_v9/pax_gender_v9.csv"


def test_it_imports_pax_before_the_pax_gender_provisions_that_attach_to_it():
    names = list(DATASETS)
    assert names.index("pax") < names.index("pax-gender")


@pytest.mark.parametrize("info", [PEACEKEEPING_SOURCE, PADD_SOURCE, PAX_SOURCE, PAX_GENDER_SOURCE],
                         ids=lambda info: info.slug)
def test_it_describes_each_source_within_the_models_limits(info):
    # SQLite would store a version too long for its column; PostgreSQL would refuse the import.
    for name, value in vars(info).items():
        if name == "release_sha256":  # which file the version describes: not stored, may be empty
            continue
        limit = Source._meta.get_field(name).max_length
        assert value and (limit is None or len(value) <= limit), name
