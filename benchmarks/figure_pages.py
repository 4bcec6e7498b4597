"""Server time of every page that shows figures, for one checkout of the code: prints JSON.

    .venv/bin/python benchmarks/figure_pages.py [--requests 100] [--database-url URL]

Run by before_after.py under each checkout (PYTHONPATH=<checkout>/src), so the harness is the same
and only the code under test differs. Times through Django's test client in-process.
"""

from __future__ import annotations

import argparse
import json
import statistics

from common import configure, time_url

URLS = {
    "dashboard": "/",
    "dashboard, formed police": "/?role=formed_police",
    "mission page": "/missions/{mission}/",
    "country page": "/countries/IND/",
    "negotiations": "/negotiations/",
    "agreements overview": "/agreements/",
    "targets": "/targets/",
    "CSV ranking": "/data/ranking.csv",
    "API ranking": "/api/parity/missions/ranking",
    "API series": "/api/parity/series?process={mission}",
    "API process": "/api/parity/processes/{mission}",
}


def prepare() -> None:
    from django.core.management import call_command
    from django.core.management.base import CommandError

    from criticalmass.parity.models import Observation

    call_command("migrate", verbosity=0)
    if Observation.objects.exists():
        return
    try:
        call_command("import_all", quiet=True)
    except CommandError:  # checkouts from before the command modules lost their hyphens
        call_command("import-all", quiet=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--database-url")
    parser.add_argument("--name", default="figure-pages")
    args = parser.parse_args()
    configure(args.name, args.database_url)
    prepare()
    from django.test import Client

    from criticalmass.parity.models import Process

    operations = Process.objects.filter(kind="operation")
    mission = operations.filter(code="UNMISS").first() or operations.first()
    slug = mission.slug if mission else "none"
    client = Client(HTTP_HOST="127.0.0.1")
    found = {}
    for name, url in URLS.items():
        cold, times = time_url(client, url.format(mission=slug), args.requests)
        found[name] = {"url": url.format(mission=slug), "cold": cold, "p50": statistics.median(times)}
    print(json.dumps(found))


if __name__ == "__main__":
    main()
