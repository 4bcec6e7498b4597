"""What the benchmark scripts share: a configured Django, percentiles, timing a URL cold and warm."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
ROOT = Path(__file__).resolve().parent.parent


def configure(name: str, database_url: str | None) -> None:
    """Django on `database_url`, or a SQLite file benchmarks/out/<name>.sqlite3; DEBUG off."""
    OUT.mkdir(exist_ok=True)
    os.environ["DATABASE_URL"] = database_url or f"sqlite:///{OUT / f'{name}.sqlite3'}"
    os.environ.setdefault("CRITICALMASS_SECRET_KEY", "benchmark-only")
    os.environ.setdefault("CRITICALMASS_SSL_REDIRECT", "false")
    os.environ["CRITICALMASS_DEBUG"] = "false"  # DEBUG would keep every query in memory
    os.environ["DJANGO_SETTINGS_MODULE"] = "criticalmass.settings"
    import django

    django.setup()


def percentile(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def time_url(client, url: str, n: int) -> tuple[float, list[float]]:
    """The first request on an empty cache (figures and charts computed), then n warm ones, in ms."""
    from django.core.cache import cache

    cache.clear()
    start = time.perf_counter()
    assert client.get(url).status_code == 200, url
    cold = (time.perf_counter() - start) * 1000
    times = []
    for _ in range(n):
        start = time.perf_counter()
        assert client.get(url).status_code == 200, url
        times.append((time.perf_counter() - start) * 1000)
    return cold, times


# A middle process runs the command as its only child and reports that child's peak resident size.
PEAK_OF_CHILD = (
    "import resource, subprocess, sys; "
    "status = subprocess.run(sys.argv[1:], capture_output=True).returncode; "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(status)"
)


def run(command: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Seconds, peak resident MB, exit status of one process."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", PEAK_OF_CHILD, *command], env=env, capture_output=True,
                          text=True)
    seconds = time.perf_counter() - start
    return seconds, int(done.stdout.split()[-1]) / 1024, done.returncode
