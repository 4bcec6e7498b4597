"""The real queue: a Celery worker process on Redis (127.0.0.1:6379, solo pool) sends a
reminder to a real SMTP server (aiosmtpd); a refused mail is retried and delivered after; a worker
killed in the middle of sending leaves the mail to the next worker. Skipped only when Redis is down."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.queue
# `make test` runs the SQLite and the PostgreSQL suites side by side: each has a Redis database of its own,
# or one suite's worker would take (and its flush would drop) the other's tasks.
BROKER = f"redis://127.0.0.1:6379/{15 if os.environ.get('DATABASE_URL', '').startswith('sqlite') else 14}"
DEADLINE = 90  # seconds: the longest any step may take on a loaded machine


def redis_or_skip() -> Any:
    import redis

    client = redis.Redis.from_url(BROKER, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.RedisError as exc:
        pytest.skip(f"Redis is unreachable at 127.0.0.1:6379 ({type(exc).__name__}): no real worker test")
    return client


class Inbox:
    """An aiosmtpd handler: refuses the first `refuse` messages with a temporary error (451), holds
    messages while `hold` is set, and keeps what it accepted."""

    def __init__(self, refuse: int = 0) -> None:
        self.refuse, self.tries, self.accepted = refuse, 0, []
        self.hold, self.arrived = threading.Event(), threading.Event()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 - aiosmtpd
        self.tries += 1
        self.arrived.set()
        while self.hold.is_set():
            await asyncio.sleep(0.05)  # the worker is in the middle of sending: keep it there
        if self.tries <= self.refuse:
            return "451 4.3.0 Try again later"
        self.accepted.append(envelope.content.decode())
        return "250 OK"


def until(check: Callable[[], Any], what: str, deadline: float = DEADLINE) -> Any:
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        found = check()
        if found:
            return found
        time.sleep(0.1)  # polling with a deadline
    pytest.fail(f"{what} did not happen within {deadline} s")


@pytest.fixture
def smtp() -> Iterator[Callable[[int], tuple[Inbox, int]]]:
    from aiosmtpd.controller import Controller

    controllers = []

    def start(refuse: int = 0) -> tuple[Inbox, int]:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        inbox = Inbox(refuse)
        controller = Controller(inbox, hostname="127.0.0.1", port=port)
        controller.start()
        controllers.append(controller)
        return inbox, port

    yield start
    for controller in controllers:
        controller.stop()


@pytest.fixture(scope="module")
def migrated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite file for the module; each test works on a copy."""
    redis_or_skip()
    path = tmp_path_factory.mktemp("queue") / "migrated.sqlite3"
    done = cli("migrate", "-v", "0", env=dict(os.environ) | {"DATABASE_URL": f"sqlite:///{path}"})
    assert done.returncode == 0, done.stderr
    return path


@pytest.fixture
def site(migrated: Path, tmp_path: Path) -> Iterator[dict[str, str]]:
    """A site of its own (a SQLite file the worker process shares) with a partner whose deadline is near,
    and an empty db 15."""
    broker = redis_or_skip()
    broker.flushdb()
    shutil.copy(migrated, tmp_path / "site.sqlite3")
    env = {key: value for key, value in os.environ.items() if not key.startswith("CRITICALMASS_REDIS")}
    env |= {"DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}", "CRITICALMASS_BROKER_URL": BROKER,
            "CRITICALMASS_SITE_URL": "https://wps.example.org", "CRITICALMASS_MAIL_RETRY_DELAY": "1",
            "CRITICALMASS_EMAIL_HOST": "127.0.0.1", "CRITICALMASS_EMAIL_TIMEOUT": "2",
            "CRITICALMASS_TASK_VISIBILITY_TIMEOUT": "2", "CRITICALMASS_LOG_FORMAT": "text"}
    done = cli("shell", "-c", PARTNER_WITH_A_DEADLINE, env=env)
    assert done.returncode == 0, done.stderr
    yield env
    broker.flushdb()


PARTNER_WITH_A_DEADLINE = """
import datetime as dt
from django.utils import timezone
from criticalmass.charter.models import Commitment, ReportingCycle
from criticalmass.core.models import Role, User
partner = User.objects.create_user("partner", "partner@example.org", "x", display_name="A partner")
partner.grant(Role.PARTNER)
today = timezone.localdate()
cycle = ReportingCycle.objects.create(name="2026", opens_on=today - dt.timedelta(days=30),
                                      deadline=today + dt.timedelta(days=10))
Commitment.objects.create(owner=partner, cycle=cycle, what="Bring women to the table",
                          indicator="Women delegates", baseline="10%", target="30%", deadline=cycle.deadline)
"""


def cli(*arguments: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "criticalmass.cli", *arguments], env=env,
                          capture_output=True, text=True, timeout=DEADLINE)


@pytest.fixture
def workers(tmp_path: Path) -> Iterator[Callable[[dict[str, str]], subprocess.Popen[bytes]]]:
    started: list[subprocess.Popen[bytes]] = []
    logs: list[Any] = []

    def start(env: dict[str, str]) -> subprocess.Popen[bytes]:
        log = (tmp_path / f"worker-{len(started)}.log").open("wb")
        logs.append(log)
        worker = subprocess.Popen(
            [sys.executable, "-m", "criticalmass.cli", "worker", "--", "--pool=solo", "--without-gossip",
             "--without-mingle", "--without-heartbeat"], env=env, stdout=log, stderr=subprocess.STDOUT)
        started.append(worker)
        return worker

    yield start
    for worker in started:
        if worker.poll() is None:
            worker.terminate()
            try:
                worker.wait(timeout=30)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()
    for log in logs:
        log.close()


def outbox_row(env: dict[str, str]) -> tuple[str, int]:
    with sqlite3.connect(env["DATABASE_URL"].removeprefix("sqlite:///")) as db:
        return db.execute("SELECT status, attempts FROM core_outboxmail").fetchone() or ("", 0)


def test_it_delivers_a_reminder_through_a_real_worker_and_smtp_server(site, smtp, workers):
    inbox, port = smtp(0)
    env = site | {"CRITICALMASS_EMAIL_PORT": str(port)}
    workers(env)
    done = cli("send-reminders", env=env)
    assert done.returncode == 0 and "Sent 1 reminder(s)" in done.stdout, done.stderr
    message = until(lambda: inbox.accepted and inbox.accepted[0], "the reminder's delivery")
    assert "To: partner@example.org" in message and "Bring women to the table" in message
    assert "https://wps.example.org/my/commitments/" in message  # the page to act on
    assert "Stop these mails: https://wps.example.org/accounts/unsubscribe/" in message
    assert until(lambda: outbox_row(env) == ("sent", 1), "the outbox marking it sent")


def test_it_retries_a_mail_the_smtp_server_refused_and_delivers_it_after(site, smtp, workers):
    inbox, port = smtp(refuse=1)
    env = site | {"CRITICALMASS_EMAIL_PORT": str(port)}
    workers(env)
    assert cli("send-reminders", env=env).returncode == 0
    until(lambda: len(inbox.accepted) == 1, "delivery after the refusal")
    assert inbox.tries == 2
    assert until(lambda: outbox_row(env) == ("sent", 2), "the outbox counting both tries")


def test_it_delivers_a_mail_whose_worker_was_killed_while_sending_it(site, smtp, workers):
    inbox, port = smtp(0)
    env = site | {"CRITICALMASS_EMAIL_PORT": str(port)}
    inbox.hold.set()  # the SMTP server keeps the first worker in the middle of the send
    first = workers(env)
    assert cli("send-reminders", env=env).returncode == 0
    until(inbox.arrived.is_set, "the first worker reaching the SMTP server")
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=30)
    inbox.hold.clear()
    assert inbox.accepted == [] and outbox_row(env) == ("pending", 0)
    workers(env)  # a new worker takes the task again once the broker sees it was not acknowledged
    until(lambda: len(inbox.accepted) == 1, "delivery by the second worker")
    assert until(lambda: outbox_row(env) == ("sent", 1), "the outbox marking it sent")
