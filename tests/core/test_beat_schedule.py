"""Beat's schedule names only tasks a worker knows: a misspelt or unregistered task would be sent and
never run."""

from __future__ import annotations

import importlib

from django.conf import settings

from criticalmass.core.queue import TASK_PACKAGES, app


def test_it_schedules_only_tasks_the_workers_know():
    for package in TASK_PACKAGES:
        importlib.import_module(f"{package}.tasks")
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert scheduled - set(app.tasks) == set()
    assert {"criticalmass.grants.send_grant_reminders", "criticalmass.doors.prune_sensitive"} <= scheduled
