"""The importer tests' fixtures."""

from __future__ import annotations

import pytest

from criticalmass.parity.models import Observation


@pytest.fixture
def observation():
    """observation("unmiss", "2013-01-31", "troops", "GHA") or, for PADD, document="PA-X 101"."""

    def get(process: str, date: str, role: str, country: str | None = None,
            document: str = "") -> Observation:
        return Observation.objects.get(process__slug=process, date=date, role=role,
                                       contributing_country_id=country, document=document)

    return get
