"""The figure pages before and after a change, measured side by side in one run on one machine.

    .venv/bin/python benchmarks/before_after.py --before REV [--rounds 3] [--requests 100]

Checks REV out in a temporary worktree, then runs figure_pages.py under each checkout in turn
(before, after, before, after, ...), each on its own SQLite file with every dataset imported, and
prints the median over rounds of each page's cold time and warm p50, with after / before.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def worktree(rev: str) -> Path:
    path = HERE / "out" / f"before-{rev}"
    if not path.exists():
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(path), rev], check=True)
    return path


def measure(checkout: Path, name: str, requests: int) -> dict[str, dict[str, float]]:
    # Both checkouts read the datasets this one reads (the other's ../shared may not exist).
    data = os.environ.get("CRITICALMASS_DATA_DIR") or str(ROOT.parent / "shared" / "data")
    env = {**os.environ, "PYTHONPATH": str(checkout / "src"), "CRITICALMASS_DATA_DIR": data}
    done = subprocess.run([sys.executable, str(HERE / "figure_pages.py"), "--name", name,
                           "--requests", str(requests)], env=env, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--before", required=True, help="the git revision to compare with")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--requests", type=int, default=100)
    args = parser.parse_args()
    checkouts = {"before": worktree(args.before), "after": ROOT}
    runs: dict[str, list[dict[str, dict[str, float]]]] = {"before": [], "after": []}
    for _ in range(args.rounds):
        for side, checkout in checkouts.items():
            runs[side].append(measure(checkout, f"figure-pages-{side}", args.requests))
    print(f"{'page':28} {'before cold':>12} {'after cold':>11} {'before p50':>11} {'after p50':>10} "
          f"{'ratio':>6}")
    for page in runs["after"][0]:
        cell = {side: {k: statistics.median(r[page][k] for r in runs[side]) for k in ("cold", "p50")}
                for side in runs}
        ratio = cell["after"]["p50"] / cell["before"]["p50"]
        print(f"{page:28} {cell['before']['cold']:9.1f} ms {cell['after']['cold']:8.1f} ms "
              f"{cell['before']['p50']:8.1f} ms {cell['after']['p50']:7.1f} ms {ratio:5.2f}x")


if __name__ == "__main__":
    main()
