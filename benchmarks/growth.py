"""Issue 19, before and after in one run: costs that grew with the data, at 1× and 10× the months.

    .venv/bin/python benchmarks/growth.py [--before REV] [--requests 30] [--search-items 100000]

REV (default: `git merge-base HEAD main`) is checked out in a worktree under benchmarks/out/; each
measurement runs under each checkout's code (PYTHONPATH), with this checkout's harness:

- pages (growth_pages.py): dashboard, mission page (UNMISS), API series, API ranking and the briefing
  form, warm p50/p95 on SQLite with Gender.Full.csv imported, and with a file of 10× its months (the
  file's months repeated before its first one: growth_file);
- the CLI import as a whole process (`python -m criticalmass.cli import peacekeeping-gender FILE`,
  wall time and peak memory), first import and re-import of the same file, at 1× and 10×, against a
  whole process of csv + executemany of the same rows into a bare SQLite table
  (import_peacekeeping.time_baseline);
- search (search.py) over --search-items generated documents: p50/p95 of the search service.

Prints one table per measurement with after / before.
"""

from __future__ import annotations

import argparse
import calendar
import csv
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
DATA = Path(os.environ.get("CRITICALMASS_DATA_DIR") or ROOT.parent / "shared" / "data")
PEACEKEEPING = DATA / "un_pko_gender_ipi" / "Gender.Full.csv"


def worktree(rev: str) -> Path:
    path = OUT / f"before-{rev[:12]}"
    if not path.exists():
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(path), rev], check=True,
                       capture_output=True)
    return path


def month_end(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def growth_file(times: int) -> Path:
    """Gender.Full.csv with its months repeated `times` over: copy k is shifted k spans earlier, so the
    data ends where the real file ends and holds `times` as many months."""
    path = OUT / f"gender-{times}x.csv"
    if times == 1 or path.exists():
        return PEACEKEEPING if times == 1 else path
    with PEACEKEEPING.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    date = header.index("Date")
    months = [int(r[date][:4]) * 12 + int(r[date][5:7]) - 1 for r in body]
    span = max(months) - min(months) + 1
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_MINIMAL)
        writer.writerow(header)
        line = 0
        for copy in range(times - 1, -1, -1):
            for row, month in zip(body, months, strict=True):
                shifted = month - copy * span
                line += 1
                writer.writerow([str(line), month_end(shifted // 12, shifted % 12 + 1), *row[2:]])
    return path


def environment(checkout: Path, database: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(checkout / "src"), "CRITICALMASS_DATA_DIR": str(DATA),
            "DATABASE_URL": f"sqlite:///{database}", "CRITICALMASS_SECRET_KEY": "benchmark-only",
            "CRITICALMASS_DEBUG": "false", "CRITICALMASS_SSL_REDIRECT": "false",
            "DJANGO_SETTINGS_MODULE": "criticalmass.settings"}


def timed_process(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of one whole process."""
    start = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    if status:
        said = child.stderr.read().decode() if child.stderr else ""
        raise SystemExit(f"{' '.join(command)} failed: {said}")
    return elapsed, usage.ru_maxrss / 1024


def cli_import(checkout: Path, side: str, file: Path) -> dict[str, list[float]]:
    """First import and re-import of `file` into a fresh database, each a whole CLI process."""
    database = OUT / f"cli-{side}.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    env = environment(checkout, database)
    subprocess.run([sys.executable, "-m", "criticalmass.cli", "migrate", "-v", "0"], env=env, check=True)
    command = [sys.executable, "-m", "criticalmass.cli", "import", "peacekeeping-gender", str(file),
               "--quiet"]
    return {"first": list(timed_process(command, env)), "again": list(timed_process(command, env))}


def baseline(file: Path) -> list[float]:
    database = OUT / "baseline.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    code = ("import sys; sys.path.insert(0, sys.argv[1]); from pathlib import Path; "
            "from import_peacekeeping import time_baseline; "
            "time_baseline(Path(sys.argv[2]), Path(sys.argv[3]))")
    command = [sys.executable, "-c", code, str(HERE), str(file), str(database)]
    return list(timed_process(command, dict(os.environ)))


def pages(checkout: Path, side: str, file: Path, requests: int) -> dict[str, dict[str, float]]:
    name = f"growth-{side}"
    env = {**environment(checkout, OUT / f"{name}.sqlite3")}
    done = subprocess.run([sys.executable, str(HERE / "growth_pages.py"), "--name", name, "--file", str(file),
                           "--requests", str(requests)], env=env, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def search(checkout: Path, side: str, items: int) -> dict[str, float]:
    database = OUT / f"search-{side}.sqlite3"
    env = environment(checkout, database)
    done = subprocess.run([sys.executable, str(HERE / "search.py"), "--items", str(items), "--queries", "200",
                           "--database-url", f"sqlite:///{database}"], env=env, check=True,
                          capture_output=True, text=True)
    found = re.search(r"search service\s+p50\s+([\d.]+) ms\s+p95\s+([\d.]+) ms", done.stdout)
    assert found, done.stdout
    return {"p50": float(found[1]), "p95": float(found[2])}


def ratio(after: float, before: float) -> str:
    return f"{after / before:5.2f}x" if before else "    -"


def print_pages(found: dict[str, dict[str, dict[str, float]]], scale: int, requests: int) -> None:
    print(f"\n## pages at {scale}x the months ({requests} warm requests each; ms)")
    print(f"{'page':16} {'before p50':>10} {'after p50':>10} {'before p95':>10} {'after p95':>10} "
          f"{'p95 ratio':>9} {'before cold':>11} {'after cold':>10}")
    for page in found["after"]:
        b, a = found["before"][page], found["after"][page]
        print(f"{page:16} {b['p50']:10.1f} {a['p50']:10.1f} {b['p95']:10.1f} {a['p95']:10.1f} "
              f"{ratio(a['p95'], b['p95']):>9} {b['cold']:11.1f} {a['cold']:10.1f}")


def print_cli(found: dict[str, dict[str, list[float]]], floor: list[float], scale: int) -> None:
    print(f"\n## CLI import at {scale}x, whole processes (s, peak MB); csv + executemany: "
          f"{floor[0]:.2f} s, {floor[1]:.0f} MB")
    for run in ("first", "again"):
        b, a = found["before"][run], found["after"][run]
        print(f"{run:6} before {b[0]:6.2f} s {b[1]:5.0f} MB   after {a[0]:6.2f} s {a[1]:5.0f} MB   "
              f"after/before {ratio(a[0], b[0])}   after/floor {a[0] / floor[0]:5.1f}x")


def git(*arguments: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), *arguments], check=True, capture_output=True,
                          text=True).stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--before", default="")
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--search-items", type=int, default=100_000)
    parser.add_argument("--scales", default="1,10")
    parser.add_argument("--skip", default="", help="comma-separated: pages, cli, search")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    rev = args.before or git("merge-base", "HEAD", "main")
    sides = {"before": worktree(rev), "after": ROOT}
    skip = set(filter(None, args.skip.split(",")))
    load = os.getloadavg()
    print(f"# before {rev[:12]}, after {git('rev-parse', '--short', 'HEAD')}; {os.uname().nodename}, "
          f"{os.cpu_count()} CPUs; load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; "
          f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    for scale in [int(s) for s in args.scales.split(",")]:
        file = growth_file(scale)
        if "pages" not in skip:
            print_pages({side: pages(checkout, f"{side}-{scale}x", file, args.requests)
                         for side, checkout in sides.items()}, scale, args.requests)
        if "cli" not in skip:
            print_cli({side: cli_import(checkout, side, file) for side, checkout in sides.items()},
                      baseline(file), scale)
    if "search" not in skip:
        b, a = (search(checkout, side, args.search_items) for side, checkout in sides.items())
        print(f"\n## search service, {args.search_items:,} items, 200 queries (ms)")
        print(f"p50 before {b['p50']:.1f} after {a['p50']:.1f}   p95 before {b['p95']:.1f} "
              f"after {a['p95']:.1f} ({ratio(a['p95'], b['p95'])})")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
