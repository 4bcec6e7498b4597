"""The migration that starts keeping versions gives each existing record its first version and binds
each existing verdict to it, or marks the verdict as given on a text changed since."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from criticalmass.lib.revisions import fingerprint

BEFORE = [("charter", "0002_verification_on_behalf_of_an_organisation"), ("events", "0001_initial")]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_it_gives_existing_records_a_first_version_and_binds_existing_verdicts():
    after = MigrationExecutor(connection).loader.graph.leaf_nodes()
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    user = old.get_model("core", "User").objects.create(username="ally", slug="ally")
    reviewer = old.get_model("core", "User").objects.create(username="ama", slug="ama")
    cycle = old.get_model("charter", "ReportingCycle").objects.create(
        name="2026", opens_on=dt.date(2026, 1, 1), deadline=dt.date(2026, 12, 31))
    Commitment, Report = old.get_model("charter", "Commitment"), old.get_model("charter", "Report")
    Verification = old.get_model("charter", "Verification")
    kept, edited = (Commitment.objects.create(owner=user, cycle=cycle, what=what, indicator="Women",
                                              baseline="0", target="30%", deadline=dt.date(2026, 12, 31))
                    for what in ["Kept", "Edited"])
    for commitment in (kept, edited):
        report = Report.objects.create(commitment=commitment, progress="met", narrative="Done.")
        Verification.objects.create(report=report, reviewer=reviewer, verdict="confirm", comment="Yes.")
    Report.objects.filter(commitment=edited).update(updated_at=timezone.now() + dt.timedelta(days=1))

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(after)
    new = executor.loader.project_state(after).apps
    assert new.get_model("charter", "HistoricalCommitment").objects.count() == 2
    assert new.get_model("charter", "HistoricalVerification").objects.count() == 2
    verdicts = {v.report.commitment.what: v for v in new.get_model("charter", "Verification").objects.all()}
    assert verdicts["Kept"].verified_report.narrative == "Done."
    assert verdicts["Kept"].verified_fingerprint == fingerprint({
        "what": "Kept", "indicator": "Women", "baseline": "0", "target": "30%",
        "deadline": dt.date(2026, 12, 31), "progress": "met", "narrative": "Done.", "evidence": ""})
    assert verdicts["Edited"].verified_report is None
    assert verdicts["Edited"].verified_fingerprint == "changed-before-versions-were-kept"
