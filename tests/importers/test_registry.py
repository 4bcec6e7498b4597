"""The importer registry: every dataset the `import` command knows."""

from __future__ import annotations

import pytest

from criticalmass.core.models import Source
from criticalmass.importers.padd.mapping import SOURCE as PADD_SOURCE
from criticalmass.importers.peacekeeping_gender.mapping import SOURCE as PEACEKEEPING_SOURCE
from criticalmass.importers.registry import DATASETS


def test_it_knows_the_peacekeeping_and_padd_datasets():
    assert sorted(DATASETS) == ["padd", "peacekeeping-gender"]
    assert DATASETS["padd"].path == "padd/PADD_Agreement_Level.csv"
    assert DATASETS["peacekeeping-gender"].path == "un_pko_gender_ipi/Gender.Full.csv"


@pytest.mark.parametrize("info", [PEACEKEEPING_SOURCE, PADD_SOURCE], ids=lambda info: info.slug)
def test_it_describes_each_source_within_the_models_limits(info):
    # SQLite would store a version too long for its column; PostgreSQL would refuse the import.
    for name, value in vars(info).items():
        limit = Source._meta.get_field(name).max_length
        assert value and (limit is None or len(value) <= limit), name
