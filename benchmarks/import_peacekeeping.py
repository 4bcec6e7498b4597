"""Time the peacekeeping importer against a minimal baseline, in one run.

    .venv/bin/python benchmarks/import_peacekeeping.py [--file PATH] [--repeat 3]

(a) importer: `criticalmass.importers.peacekeeping_gender.import_file` on the full Gender.Full.csv
    into a fresh, migrated SQLite database (migrations are not timed). It reads and checks every
    cell, records the Source, missions and audit event, and writes in one transaction.
(b) baseline: the csv module and `executemany` into a bare SQLite table (no indexes, no foreign
    keys) in one transaction, inserting the same normalised rows the importer stores (one per
    row and category, all-zero categories left out), with the same journal mode (WAL).

Each side runs `--repeat` times on a fresh database; the best time is reported (the least
disturbed by other work on the machine). Prints seconds, file rows per second and the ratio.
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FILE = ROOT.parent / "shared" / "data" / "un_pko_gender_ipi" / "Gender.Full.csv"
CATEGORIES = ["Individual Police", "Formed Police Units", "Experts on Mission", "Troops", "Total"]
ROLES = ["individual_police", "formed_police", "experts_on_mission", "troops", "total"]


def configure(database: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("CRITICALMASS_SECRET_KEY", "benchmark-only")
    os.environ["CRITICALMASS_DEBUG"] = "false"  # DEBUG would keep every query in memory
    os.environ["DJANGO_SETTINGS_MODULE"] = "criticalmass.settings"
    import django

    django.setup()


def fresh_database(path: Path) -> None:
    """Point Django's connection at a new file and migrate it (not timed)."""
    from django.core.management import call_command
    from django.db import connection

    connection.close()
    connection.settings_dict["NAME"] = str(path)
    call_command("migrate", verbosity=0)


def time_importer(file: Path, database: Path) -> tuple[float, int, int]:
    from criticalmass.importers.peacekeeping_gender import import_file

    fresh_database(database)
    start = time.perf_counter()
    summary = import_file(file)
    return time.perf_counter() - start, summary.rows_read, summary.created


def baseline_rows(file: Path) -> tuple[int, list[tuple]]:
    rows_read, out = 0, []
    with file.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            rows_read += 1
            for category, role in zip(CATEGORIES, ROLES, strict=True):
                male, female, total = (int(row[f"{category} {sex}"]) for sex in ("Male", "Female", "Total"))
                if male or female or total:
                    out.append((row["Mission"], row["Date"], role, row["Contributor ISO-3"], "",
                                female, male, None, total, rows_read + 1))
    return rows_read, out


def time_baseline(file: Path, database: Path) -> tuple[float, int, int]:
    db = sqlite3.connect(database)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE TABLE observation (process TEXT, date TEXT, role TEXT, country TEXT, document TEXT,"
               " women INTEGER, men INTEGER, unknown INTEGER, total INTEGER, source_row INTEGER)")
    start = time.perf_counter()
    rows_read, rows = baseline_rows(file)
    with db:
        db.executemany("INSERT INTO observation VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    elapsed = time.perf_counter() - start
    db.close()
    return elapsed, rows_read, len(rows)


def best(runs: list[tuple[float, int, int]]) -> tuple[float, int, int]:
    return min(runs, key=lambda run: run[0])


def report(label: str, run: tuple[float, int, int]) -> None:
    seconds, rows, observations = run
    print(f"{label}: {seconds:.2f} s, {rows / seconds:,.0f} rows/s "
          f"({rows:,} rows, {observations:,} observations, {observations / seconds:,.0f} observations/s)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not args.file.exists():
        print(f"{args.file} not found; pass --file", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        configure(out / "importer-0.sqlite3")
        importer = best([time_importer(args.file, out / f"importer-{i}.sqlite3") for i in range(args.repeat)])
        baseline = best([time_baseline(args.file, out / f"baseline-{i}.sqlite3") for i in range(args.repeat)])
    print(f"# {args.file.name}, SQLite {sqlite3.sqlite_version}, Python {platform.python_version()}, "
          f"{platform.machine()}, {os.cpu_count()} CPUs, best of {args.repeat}, "
          f"{time.strftime('%Y-%m-%d')}")
    report("importer", importer)
    report("baseline", baseline)
    print(f"ratio: {importer[0] / baseline[0]:.1f}x (importer / baseline)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
