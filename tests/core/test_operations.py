"""What an operator relies on: health checks, request ids in logs, the shared cache, backup and restore,
and the production server."""

from __future__ import annotations

import json
import logging
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from criticalmass.core import data_version
from criticalmass.core.operations import REQUEST_ID, JsonFormatter
from criticalmass.parity.models import Observation

ROOT = Path(__file__).resolve().parents[2]


def test_it_answers_healthz_without_looking_at_anything(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_it_is_ready_when_the_database_and_cache_answer(client, db):
    response = client.get("/readyz")
    assert response.status_code == 200, response.json()
    assert response.json()["checks"] == {"database": "ok", "cache": "ok",
                                         "broker": "none configured: tasks run in the process"}


def test_it_is_not_ready_when_the_broker_does_not_answer(client, db, settings):
    settings.CRITICALMASS_REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["broker"].startswith("unreachable")


def test_it_gives_every_response_a_request_id_and_keeps_a_sane_one_from_the_proxy(client, db):
    assert len(client.get("/healthz")["X-Request-ID"]) == 32
    given = client.get("/healthz", headers={"X-Request-ID": "proxy-id-1234"})
    assert given["X-Request-ID"] == "proxy-id-1234"
    assert client.get("/healthz", headers={"X-Request-ID": "<script>"})["X-Request-ID"] != "<script>"


def test_it_writes_a_log_line_as_one_json_object_with_the_request_id():
    record = logging.LogRecord("criticalmass.test", logging.ERROR, __file__, 1, "failed: %s", ("x",), None)
    token = REQUEST_ID.set("abc123def456")
    try:
        line = JsonFormatter().format(record)
    finally:
        REQUEST_ID.reset(token)
    entry = json.loads(line)
    assert "\n" not in line
    assert (entry["level"], entry["message"], entry["request_id"]) == ("ERROR", "failed: x", "abc123def456")


def run_cli(*arguments: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "criticalmass.cli", *arguments], env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def sqlite_env(tmp_path) -> dict[str, str]:
    env = dict(os.environ) | {"DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}"}
    assert run_cli("migrate", "-v", "0", env=env).returncode == 0
    return env


def test_it_shares_the_cache_through_redis_when_configured(sqlite_env):
    env = sqlite_env | {"CRITICALMASS_REDIS_URL": "redis://127.0.0.1:6379/13"}
    code = ("from django.conf import settings; from django.core.cache import cache; "
            "cache.set('shared', 'yes'); print(settings.CACHES['default']['BACKEND'])")
    assert run_cli("shell", "-c", code, env=env).stdout.strip().splitlines()[-1].endswith("RedisCache")
    seen = run_cli("shell", "-c", "from django.core.cache import cache; print(cache.get('shared'))", env=env)
    assert seen.stdout.strip().splitlines()[-1] == "yes"  # another process reads what the first wrote


def test_it_refuses_a_redis_url_that_is_not_one(sqlite_env):
    done = run_cli("check", env=sqlite_env | {"CRITICALMASS_REDIS_URL": "localhost:6379"})
    assert done.returncode != 0 and "CRITICALMASS_REDIS_URL must start with redis://" in done.stderr
    assert "Traceback" not in done.stderr


def table_counts() -> dict[str, int]:
    counts = {}
    with connection.cursor() as cursor:
        for table in sorted(set(connection.introspection.table_names()) - {"criticalmass_cache"}):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
    return counts


def public_figures(client) -> str:
    return client.get("/api/parity/missions/ranking?role=troops").content.decode()


@pytest.fixture
def a_site(live_db, make_mission, observe):
    for month in range(1, 7):
        observe(make_mission(f"M{month}", None), f"2013-0{month}-28", "troops", women=month, total=50)


def test_it_backs_up_and_restores_every_table_and_the_same_figures(a_site, client, tmp_path):
    counts, figures = table_counts(), public_figures(client)
    call_command("backup", str(tmp_path / "site.backup"))
    Observation.objects.all().delete()
    data_version.bump()  # what an import or the admin does after a deletion: the cached figures go
    assert public_figures(client) != figures
    with pytest.raises(CommandError, match="the database is not empty"):
        call_command("restore", str(tmp_path / "site.backup"))
    if connection.vendor == "postgresql":
        pytest.skip("PostgreSQL: restored into a database of its own below")
    call_command("restore", str(tmp_path / "site.backup"), "--replace")
    assert table_counts() == counts
    assert public_figures(client) == figures


@pytest.mark.skipif(os.environ.get("DATABASE_URL", "").startswith("sqlite"), reason="PostgreSQL only")
def test_it_restores_a_postgresql_backup_into_an_empty_database(a_site, client, tmp_path):
    import psycopg

    counts = table_counts()
    call_command("backup", str(tmp_path / "site.backup"))
    settings_dict = connection.settings_dict
    target = f"{settings_dict['NAME']}_restored"
    admin = f"host={settings_dict['HOST'] or 'localhost'} port={settings_dict['PORT'] or 5432} " \
            f"user={settings_dict['USER'] or 'postgres'} dbname=postgres"
    with psycopg.connect(admin, autocommit=True) as pg:
        pg.execute(f'DROP DATABASE IF EXISTS "{target}"')
        pg.execute(f'CREATE DATABASE "{target}"')
    env = dict(os.environ) | {"DATABASE_URL": f"postgres://{settings_dict['USER'] or 'postgres'}@"
                                              f"{settings_dict['HOST'] or 'localhost'}:"
                                              f"{settings_dict['PORT'] or 5432}/{target}"}
    done = run_cli("restore", str(tmp_path / "site.backup"), env=env)
    assert done.returncode == 0, done.stderr
    with psycopg.connect(admin.replace("dbname=postgres", f"dbname={target}")) as restored:
        for table, count in counts.items():
            assert restored.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0] == count, table  # noqa: S608


def test_it_refuses_a_file_that_is_not_a_backup(db, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("hello")
    with pytest.raises(CommandError, match="is not a backup made by `criticalmass backup`"):
        call_command("restore", str(path))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_it_serves_with_gunicorn_and_two_workers(sqlite_env):
    port = free_port()
    env = sqlite_env | {"CRITICALMASS_WORKERS": "2", "CRITICALMASS_BIND": f"127.0.0.1:{port}",
                        "CRITICALMASS_ALLOWED_HOSTS": "127.0.0.1"}
    assert "--workers=2" in run_cli("serve", "--dry-run", env=env).stdout
    server = subprocess.Popen([sys.executable, "-m", "criticalmass.cli", "serve"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        body = wait_for(f"http://127.0.0.1:{port}/readyz", server)
        assert json.loads(body)["status"] == "ready"
    finally:
        server.terminate()
        server.communicate(timeout=30)  # reads and closes the pipe


def wait_for(url: str, server: subprocess.Popen[str]) -> str:
    import urllib.request

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"the server stopped: {server.stdout.read() if server.stdout else ''}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback only
                return response.read().decode()
        except OSError:
            time.sleep(0.2)  # the server is still starting: poll, do not sleep a fixed time
    pytest.fail(f"{url} did not answer within 60 s")


def test_it_passes_djangos_deployment_checks_with_the_production_settings(tmp_path):
    # Only what an operator sets: nothing of the test run's own (the browser tests set
    # DJANGO_ALLOW_ASYNC_UNSAFE for Playwright, which the deployment checks rightly refuse).
    env = {key: value for key, value in os.environ.items()
           if not key.startswith("CRITICALMASS_") and key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env |= {"CRITICALMASS_SECRET_KEY": "p" * 10 + "production-secret-key-of-fifty-characters-or-more-0123",
            "CRITICALMASS_ALLOWED_HOSTS": "wps.example.org",
            "CRITICALMASS_ENCRYPTION_KEYS": "x2kvnu8Ol7zu3bWfQG6Lp1QZ0PqC9rM6mVbJ1nHcA2E=",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}"}
    done = run_cli("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues" in done.stdout
    del env["CRITICALMASS_ENCRYPTION_KEYS"]  # sensitive fields need their keys in production
    refused = run_cli("check", "--deploy", env=env)
    assert refused.returncode != 0 and "criticalmass.E001" in refused.stderr + refused.stdout


METRICS_TOKEN = "metrics-token-for-the-operators-only"


def test_it_hides_the_metrics_from_anyone_without_the_operators_token(client, db, settings):
    assert client.get("/metrics").status_code == 404  # no token set: no such page
    settings.METRICS_TOKEN = METRICS_TOKEN
    assert client.get("/metrics").status_code == 404
    assert client.get("/metrics", headers={"Authorization": "Bearer not-the-token"}).status_code == 404


def test_it_counts_requests_and_imports_for_the_operators(client, db, settings):
    from criticalmass.core.signals import dataset_imported
    from criticalmass.importers.base import ImportSummary

    settings.METRICS_TOKEN = METRICS_TOKEN
    client.get("/healthz")
    dataset_imported.send(sender=None, dataset="padd", summary=ImportSummary("padd", "x.csv", created=7))
    page = client.get("/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"})
    assert page.status_code == 200
    body = page.content.decode()
    assert "django_http_requests_total_by_method_total" in body
    assert 'criticalmass_imported_records_total{change="created",dataset="padd"}' in body
