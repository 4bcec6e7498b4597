from __future__ import annotations

import pytest

from tests.grants.world import build_call


@pytest.fixture
def call(db):
    return build_call()
