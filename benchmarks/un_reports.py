"""The UN's monthly PDF reports, 2015-01..2025-06 (123 files): importing the whole folder, side by side in
the same run with the floor — extracting the raw text of the same files with pypdfium2 alone.

Three measurements, each a whole process (time and peak resident memory):
  1. pypdfium2 alone: every page's text of every file (what no reader can go below);
  2. the reader: `lib.un_reports.reader.read_report` on every file (text, layouts, totals checked);
  3. `criticalmass import un-contributions FOLDER` on a fresh, migrated SQLite file (all of the above,
     plus the database).

    .venv/bin/python benchmarks/un_reports.py [--data-dir ../shared/data]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from common import OUT, ROOT, run

FOLDER = "un_pko_contributions_2015_2025"
EXTRACT = (
    "import sys, pathlib, pypdfium2 as pdfium\n"
    "for path in sorted(pathlib.Path(sys.argv[1]).glob('*.pdf')):\n"
    "    document = pdfium.PdfDocument(path)\n"
    "    for page in document:\n"
    "        page.get_textpage().get_text_range()\n"
)
READ = (
    "import sys, pathlib\n"
    "from criticalmass.lib.un_reports.reader import read_report, month_in_file_name\n"
    "from criticalmass.lib.un_reports.types import ReportError\n"
    "for path in sorted(pathlib.Path(sys.argv[1]).glob('*.pdf')):\n"
    "    try:\n"
    "        read_report(path, assume_month=month_in_file_name(path))\n"
    "    except ReportError:\n"
    "        pass\n"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", default=os.environ.get("CRITICALMASS_DATA_DIR",
                                                             str(ROOT.parent / "shared" / "data")))
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    folder = Path(args.data_dir) / FOLDER
    files = len(list(folder.glob("*.pdf")))
    database = OUT / "un_reports.sqlite3"
    database.unlink(missing_ok=True)
    env = dict(os.environ) | {"CRITICALMASS_SECRET_KEY": "benchmark-only", "CRITICALMASS_DEBUG": "false",
                              "CRITICALMASS_SSL_REDIRECT": "false", "DATABASE_URL": f"sqlite:///{database}"}
    python = sys.executable
    subprocess.run([python, "-m", "criticalmass.cli", "migrate", "-v", "0"], env=env, check=True)
    rows = [
        ("pypdfium2 text alone (the floor)", run([python, "-c", EXTRACT, str(folder)], env)),
        ("the reader (layouts, totals checked)", run([python, "-c", READ, str(folder)], env)),
        ("`criticalmass import un-contributions`", run([python, "-m", "criticalmass.cli", "import",
                                                         "un-contributions", str(folder)], env)),
    ]
    floor = rows[0][1][0]
    print(f"{files} reports in {folder.name}/")
    print("| what | time | per report | peak RSS | × the floor |")
    print("|---|---|---|---|---|")
    for name, (seconds, peak, _) in rows:
        print(f"| {name} | {seconds:.1f} s | {seconds / files * 1000:.0f} ms | {peak:,.0f} MB "
              f"| {seconds / floor:.1f} |")


if __name__ == "__main__":
    main()
