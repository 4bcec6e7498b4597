"""Server time of the busiest pages with every dataset imported: p50 and p95 over N requests.

    .venv/bin/python benchmarks/pages.py [--requests 200] [--database-url URL]

Uses a fresh SQLite database under benchmarks/out/ (or --database-url), runs the migrations and
`criticalmass import-all`, then times requests through Django's test client in-process, so the
figure is the server's time (routing, queries, templates, charts) without network.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys

from common import configure, percentile, time_url


def prepare() -> None:
    from django.core.management import call_command

    from criticalmass.parity.models import Observation

    call_command("migrate", verbosity=0)
    if not Observation.objects.exists():
        call_command("import_all", quiet=True)








def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    configure("pages", args.database_url)
    prepare()
    from django.test import Client

    from criticalmass.parity.models import Process

    operations = Process.objects.filter(kind="operation")
    mission = operations.filter(code="UNMISS").first() or operations.first()
    if mission is None:
        sys.exit("No peace operation imported: is ../shared/data present?")
    urls = {"dashboard": "/", "mission page": f"/missions/{mission.slug}/",
            "API mission ranking": "/api/parity/missions/ranking"}
    client = Client(HTTP_HOST="127.0.0.1")  # a host in the default ALLOWED_HOSTS
    machine = platform.processor() or platform.machine()
    print(f"{platform.node()} {machine} python {platform.python_version()}")
    print(f"database: {os.environ['DATABASE_URL'].split('://')[0]}, {args.requests} requests each")
    for name, url in urls.items():
        cold, times = time_url(client, url, args.requests)
        print(f"{name:22} {url:32} cold {cold:7.1f} ms   p50 {percentile(times, 50):7.1f} ms   "
              f"p95 {percentile(times, 95):7.1f} ms")


if __name__ == "__main__":
    main()
