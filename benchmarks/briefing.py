"""Briefing speed: the PDF (and the HTML page) for a mission with ten years of monthly figures.

    .venv/bin/python benchmarks/briefing.py [--requests 10] [--database-url URL]

Uses a fresh SQLite database under benchmarks/out/ (or --database-url), runs the migrations (which
seed the evidence, audiences and objections), generates one peace operation with 120 months x 5
categories x 30 contributing countries of counts (18,000 observations, fixed seed), then times
GET /briefings/briefing.pdf and /briefings/briefing/ through Django's test client: the first request
on an empty cache (chart drawn), then N warm ones. Goal: the PDF in under 3 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import random
import sys
import time

from common import configure, percentile, time_url

ROLES = ["total", "troops", "experts_on_mission", "formed_police", "individual_police"]





def month_ends(first_year: int, years: int) -> list[dt.date]:
    starts = [dt.date(first_year + m // 12, m % 12 + 1, 1) for m in range(years * 12 + 1)]
    return [later - dt.timedelta(days=1) for later in starts[1:]]


def generate() -> str:
    from django.core.management import call_command

    from criticalmass.core.models import Country, Source
    from criticalmass.parity.models import Observation, Process

    call_command("migrate", verbosity=0)
    Process.objects.filter(slug="bench-mission").delete()
    source, _ = Source.objects.get_or_create(
        slug="bench",
        defaults={
            "dataset": "Generated counts",
            "publisher": "benchmark",
            "file": "generated.csv",
            "citation": "Generated.",
        },
    )
    mission = Process.objects.create(
        slug="bench-mission",
        code="BENCH",
        name="Benchmark mission",
        kind="operation",
        host_country_id="SSD",
        source=source,
    )
    rng, countries = random.Random(20261125), list(Country.objects.values_list("iso3", flat=True)[:30])
    rows, line = [], 2
    for date in month_ends(2015, 10):
        for country in countries:
            for role in ROLES:
                total = rng.randint(50, 800)
                women = rng.randint(0, total // 5)
                rows.append(
                    Observation(
                        process=mission,
                        date=date,
                        role=role,
                        contributing_country_id=country,
                        women=women,
                        men=total - women,
                        total=total,
                        source=source,
                        source_row=line,
                    )
                )
                line += 1
    Observation.objects.bulk_create(rows, batch_size=2000)
    return mission.slug








def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=10)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    configure("briefing", args.database_url)
    slug = generate()
    from django.db import connection
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    query = f"?audience=force-commander&mission={slug}"
    print(
        f"{platform.node()} · {platform.processor() or platform.machine()} · "
        f"Python {sys.version.split()[0]} · "
        f"{connection.vendor} · 18,000 observations · {time.strftime('%Y-%m-%d')}"
    )
    for name, url in [
        ("briefing PDF", f"/briefings/briefing.pdf{query}"),
        ("briefing HTML", f"/briefings/briefing/{query}"),
    ]:
        cold, warm = time_url(client, url, args.requests)
        print(
            f"{name:14} cold {cold:7.0f} ms   warm p50 {percentile(warm, 50):6.0f} ms   "
            f"p95 {percentile(warm, 95):6.0f} ms"
        )


if __name__ == "__main__":
    main()
