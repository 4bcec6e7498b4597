"""The task queue: one Celery app, configured from the Django settings (CELERY_*, see settings.py).

With a broker (CRITICALMASS_BROKER_URL, or CRITICALMASS_REDIS_URL) tasks go to Redis and a worker
(`criticalmass worker`) runs them, beat (`criticalmass beat`) starts the scheduled ones. Without one,
`task_always_eager` runs each task in the process that asks for it, so `make demo` needs nothing more.
Operators may also use `celery -A criticalmass.core.queue worker` with DJANGO_SETTINGS_MODULE set.
"""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "criticalmass.settings")

app = Celery("criticalmass")
app.config_from_object("django.conf:settings", namespace="CELERY")
# The apps whose `tasks` module holds tasks: the workers register them, beat schedules some of them.
TASK_PACKAGES = ["criticalmass.core", "criticalmass.charter", "criticalmass.hub", "criticalmass.briefings",
                 "criticalmass.trainings", "criticalmass.doors", "criticalmass.grants"]
app.autodiscover_tasks(TASK_PACKAGES)


def eager() -> bool:
    """Tasks run in the asking process (no broker configured)."""
    return bool(app.conf.task_always_eager)
