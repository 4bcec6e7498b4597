"""Warm server time of the pages whose cost grew with the data, for one checkout and one file: prints JSON.

    .venv/bin/python benchmarks/growth_pages.py --name NAME --file CSV [--requests 30] [--database-url URL]

Run by growth.py under each checkout (PYTHONPATH=<checkout>/src): a fresh database (SQLite under
benchmarks/out/NAME.sqlite3; an empty database at --database-url), migrated, the peacekeeping file
imported (not timed), then each page's first request on an empty cache and p50/p95 of the warm ones, through
Django's test client in-process.
"""

from __future__ import annotations

import argparse
import json
import statistics
from pathlib import Path

from common import OUT, configure, percentile, time_url

URLS = {
    "dashboard": "/",
    "mission page": "/missions/unmiss/",
    "API series": "/api/parity/series",
    "API ranking": "/api/parity/missions/ranking",
    "briefing form": "/briefings/",
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--name", required=True)
    parser.add_argument("--file", type=Path, required=True)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    if not args.database_url:
        (OUT / f"{args.name}.sqlite3").unlink(missing_ok=True)
    configure(args.name, args.database_url)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from django.test import Client

    from criticalmass.importers.peacekeeping_gender import import_file

    import_file(args.file)
    client = Client(HTTP_HOST="127.0.0.1")
    found = {}
    for name, url in URLS.items():
        cold, times = time_url(client, url, args.requests)
        found[name] = {"cold": cold, "p50": statistics.median(times), "p95": percentile(times, 95)}
    print(json.dumps(found))


if __name__ == "__main__":
    main()
