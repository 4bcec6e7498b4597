"""criticalmass export-grants-iati FILE: write the funded micro-grants as IATI 2.03 activities."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from criticalmass.core.models import audit
from criticalmass.grants import iati, queries


class Command(BaseCommand):
    help = "Write the funded micro-grants as an IATI 2.03 activity file (the same as /grants/iati.xml)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="Where to write the XML ('-' for standard output).")

    def handle(self, *args: Any, **options: Any) -> None:
        grants = list(queries.funded())
        data = iati.activities_xml(grants)
        if options["file"] == "-":
            self.stdout.write(data.decode("utf-8"))
            return
        target = Path(options["file"])
        if not target.parent.is_dir():
            raise CommandError(f"Cannot write {target}: the folder {target.parent} does not exist.")
        target.write_bytes(data)
        audit("grants.iati_exported", str(target.name), detail={"activities": len(grants)})
        self.stderr.write(f"Wrote {len(grants)} activit{'y' if len(grants) == 1 else 'ies'} to {target}.")
