import pytest


@pytest.fixture(autouse=True)
def _database(db):
    """Every test here reads the seeded evidence, so every test gets the database."""
