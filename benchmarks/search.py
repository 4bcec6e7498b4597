"""Search speed over 10,000 generated items: p50 and p95 of the search service and of its API route.

    .venv/bin/python benchmarks/search.py [--items 10000] [--queries 300] [--database-url URL]

Uses a fresh SQLite database under benchmarks/out/ (or --database-url, e.g. a PostgreSQL database),
runs the migrations, replaces the search index with N generated documents (words drawn from a fixed
vocabulary with a fixed seed, so every run searches the same text), then times a fixed mix of queries:
one to three words, phrases, exclusions, `or`, filters, and hostile input. Goal: p95 under 50 ms.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sys
import time

from common import configure, percentile

DOMAIN = [
    "peace",
    "women",
    "negotiators",
    "mediators",
    "signatories",
    "agreement",
    "durable",
    "ceasefire",
    "mission",
    "troops",
    "police",
    "peacekeepers",
    "parity",
    "target",
    "commander",
    "ministry",
    "donor",
    "budget",
    "plan",
    "resolution",
    "security",
    "rights",
    "participation",
    "protection",
    "leadership",
    "gender",
    "equality",
    "process",
    "implementation",
    "monitoring",
]





def vocabulary(rng: random.Random, size: int = 3000) -> list[str]:
    letters = "abcdefghijklmnoprstuvw"
    made = {"".join(rng.choice(letters) for _ in range(rng.randint(4, 10))) for _ in range(size)}
    return DOMAIN * 20 + sorted(made)


def generate(n: int, rng: random.Random) -> None:
    from django.core.management import call_command

    from criticalmass.hub.models import SearchDocument

    call_command("migrate", verbosity=0)
    words = vocabulary(rng)
    audiences, countries = ["military", "police", "diplomats", "business"], ["GHA", "SSD", "COL", "MLI"]
    docs = [
        SearchDocument(
            type="practice",
            ref=f"bench-{i}",  # practices: the index's catch-up (`sync`) leaves them alone
            title=" ".join(rng.choices(words, k=10)),
            body=" ".join(rng.choices(words, k=60)),
            url=f"/hub/practices/bench-{i}/",
            country=rng.choice(countries),
            kind="practice",
            audiences=f",{rng.choice(audiences)},",
            arguments=",legal_rights,",
            themes=",generated,",
        )
        for i in range(n)
    ]
    SearchDocument.objects.all().delete()
    SearchDocument.objects.bulk_create(docs, batch_size=1000)


def queries(rng: random.Random, n: int) -> list[tuple[str, dict[str, str]]]:
    fixed = [
        ("peace", {}),
        ("durable peace agreement", {}),
        ('"women negotiators"', {}),
        ("troops -police", {}),
        ("budget or donor", {}),
        ("mission", {"audience": "military"}),
        ("security", {"country": "GHA", "type": "practice"}),
        ('NEAR("a" *', {}),
        ("x" * 300, {}),
        ("mediators signatories ceasefire implementation", {}),
    ]
    return [
        fixed[i % len(fixed)] if i % 2 else (" ".join(rng.sample(DOMAIN, rng.randint(1, 3))), {})
        for i in range(n)
    ]





def timed(call, runs: list[tuple[str, dict[str, str]]]) -> list[float]:
    times = []
    for text, filters in runs:
        start = time.perf_counter()
        call(text, filters)
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    configure("search", args.database_url)
    rng = random.Random(20261125)
    generate(args.items, rng)
    from django.db import connection
    from django.test import Client

    from criticalmass.hub import search

    runs = queries(rng, args.queries)
    client = Client(HTTP_HOST="127.0.0.1")
    service = timed(lambda q, f: search.search(q, search.Filters(**f)), runs)
    if os.environ.get("BENCH_DETAIL"):
        for (text, filters), ms in sorted(zip(runs, service, strict=True), key=lambda r: -r[1])[:12]:
            print(f"{ms:7.1f} ms  {text[:50]!r} {filters}")
    api = timed(lambda q, f: client.get("/api/hub/search", {"q": q, **f}), runs)
    print(
        f"{platform.node()} · {platform.processor() or platform.machine()} · "
        f"Python {sys.version.split()[0]} · "
        f"{connection.vendor} · {args.items} items · {len(runs)} queries · {time.strftime('%Y-%m-%d')}"
    )
    for name, times in [("search service", service), ("GET /api/hub/search", api)]:
        print(
            f"{name:22} p50 {percentile(times, 50):6.1f} ms   p95 {percentile(times, 95):6.1f} ms   "
            f"max {max(times):6.1f} ms"
        )


if __name__ == "__main__":
    main()
