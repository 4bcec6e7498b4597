"""A reviewer's verdict posted 20 times at once is recorded once: the duplicates are answered with it."""

from __future__ import annotations

import pytest

from criticalmass.charter.models import Verification
from tests.test_parallel_writes import parallel_database, post_at_once


@parallel_database
@pytest.mark.browser
def test_it_keeps_one_verdict_for_twenty_parallel_verifications(live_server, live_db, personas, open_cycle,
                                                                make_commitment, make_report):
    report = make_report(make_commitment(personas["partner"], open_cycle))
    verdict = {"verdict": "confirm", "comment": "Checked with our members."}
    statuses = post_at_once(live_server, personas["reviewer"], "/review/", verdict,
                            post_path=f"/review/reports/{report.pk}/")
    assert set(statuses) == {302}, statuses
    assert Verification.objects.filter(report=report, reviewer=personas["reviewer"]).count() == 1
