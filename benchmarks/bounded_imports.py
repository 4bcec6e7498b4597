"""Time and peak memory of an import as the file grows: the IATI mixed-versions file at 1x, 10x and 50x
(every activity repeated with its identifier made unique), and at 100x, which is over the XML limit.

Each measurement is a whole `criticalmass import iati FILE` process on a fresh SQLite file, and beside it,
in the same run, the reference: the same file parsed whole by Python's ElementTree alone (what holding
the file's tree costs, the old importer's floor). Peak memory is the process's maximum resident size.

    .venv/bin/python benchmarks/bounded_imports.py [--data-dir ../shared/data]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

from common import OUT, ROOT, run

ACTIVITY = re.compile(rb"<iati-activity\b.*?</iati-activity>", re.S)


def scaled(source: Path, times: int) -> Path:
    """The file with its activities repeated `times` times, identifiers suffixed with the copy number."""
    target = OUT / f"iati-{times}x.xml"
    if target.exists():
        return target
    data = source.read_bytes()
    activities = ACTIVITY.findall(data)
    head = data[: data.index(b"<iati-activity")]
    with target.open("wb") as out:
        out.write(head)
        for copy in range(times):
            for activity in activities:
                suffixed = f"-x{copy}</iati-identifier>".encode()
                out.write(re.sub(rb"</iati-identifier>", suffixed, activity, count=1))
                out.write(b"\n")
        out.write(b"</iati-activities>\n")
    return target


def measure(path: Path, env: dict[str, str]) -> str:
    database = OUT / "bounded.sqlite3"
    database.unlink(missing_ok=True)
    env = env | {"DATABASE_URL": f"sqlite:///{database}"}
    python = sys.executable
    subprocess.run([python, "-m", "criticalmass.cli", "migrate", "-v", "0"], env=env, check=True)
    parse_whole = f"import xml.etree.ElementTree as E; E.parse({str(path)!r})"
    tree_s, tree_mb, _ = run([python, "-c", parse_whole], env)
    import_s, import_mb, status = run([python, "-m", "criticalmass.cli", "import", "iati", str(path)], env)
    outcome = "imported" if status == 0 else "refused"
    size = path.stat().st_size / 1024 / 1024
    return (f"| {path.name} | {size:,.1f} MB | {outcome} | {import_s:.1f} s | {import_mb:,.0f} MB "
            f"| {tree_s:.1f} s | {tree_mb:,.0f} MB |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    default_data = os.environ.get("CRITICALMASS_DATA_DIR", str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--data-dir", default=default_data)
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    source = Path(args.data_dir) / "iati" / "dportal_mixed_versions.xml"
    env = dict(os.environ) | {"CRITICALMASS_SECRET_KEY": "benchmark-only", "CRITICALMASS_DEBUG": "false",
                              "CRITICALMASS_SSL_REDIRECT": "false"}
    print("| file | size | import | import time | import peak RSS | ElementTree parse | parse peak RSS |")
    print("|---|---|---|---|---|---|---|")
    for times in (1, 10, 50, 100):
        print(measure(scaled(source, times), env), flush=True)


if __name__ == "__main__":
    main()
