"""`criticalmass import-posts FILE`: posts and their holders from a CSV, all or nothing, idempotent.

Columns: post, kind, process (a mission's or negotiation's slug, may be empty), country (ISO3, may be
empty; one of the two is needed), holder, sex (woman, man or not published), start, end (YYYY-MM-DD;
end empty while in post), citation, url. A row without a holder names only the post. Importing the
same file twice changes nothing; a bad cell stops the import, naming its line and column.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from criticalmass.core.models import Country, Source, audit
from criticalmass.doors.models import Holder, Post
from criticalmass.lib.csvread import Row, RowError, read_rows
from criticalmass.parity.models import Process

COLUMNS = ["post", "kind", "process", "country", "holder", "sex", "start", "end", "citation", "url"]
SOURCE_SLUG = "doors-posts"
KINDS = {kind.value for kind in Post.Kind}
SEXES = {sex.value for sex in Holder.Sex}


@dataclass
class Summary:
    posts_added: int = 0
    holders_added: int = 0
    unchanged: int = 0


def choice(row: Row, column: str, allowed: set[str]) -> str:
    value = row.text(column)
    if value not in allowed:
        raise row.error(column, f"{value!r} is not one of: {', '.join(sorted(allowed))}")
    return value


def post_of(row: Row, summary: Summary) -> Post:
    process = country = None
    if slug := row.text("process", required=False):
        process = Process.objects.filter(slug=slug).first()
        if process is None:
            raise row.error("process", f"there is no mission or process {slug!r}")
    if iso3 := row.text("country", required=False):
        country = Country.objects.filter(iso3=iso3.upper()).first()
        if country is None:
            raise row.error("country", f"there is no country {iso3!r} (ISO 3166 alpha-3)")
    if process is None and country is None:
        raise row.error("process", "give the mission or process, or the country, the post serves")
    post, made = Post.objects.get_or_create(title=row.text("post"), defaults={
        "kind": choice(row, "kind", KINDS), "process": process, "country": country})
    summary.posts_added += made
    return post


def holder_of(row: Row, post: Post, source: Source, summary: Summary) -> None:
    start = row.date("start")
    end = row.date("end") if row.text("end", required=False) else None
    if end is not None and end < start:
        raise row.error("end", f"the end ({end}) is before the start ({start})")
    url = row.text("url", required=False)
    if url and not url.startswith(("https://", "http://")):
        raise row.error("url", f"{url!r} is not a web address (https://...)")
    _, made = Holder.objects.update_or_create(
        post=post, name=row.text("holder"), start_date=start,
        defaults={"sex": choice(row, "sex", SEXES), "end_date": end, "citation": row.text("citation"),
                  "url": url, "source": source, "source_row": row.line})
    if made:
        summary.holders_added += 1
    else:
        summary.unchanged += 1


def import_posts(path: Path) -> Summary:
    """Raises lib.csvread.CsvError (FormatError or RowError) and changes nothing on a bad file."""
    summary = Summary()
    with transaction.atomic():
        source, _ = Source.objects.update_or_create(slug=SOURCE_SLUG, defaults={
            "dataset": "Decision-making posts (the secretariat's directory)", "publisher": "The secretariat",
            "file": path.name, "citation": "Posts and holders as the secretariat records them, each cited.",
            "sha256": hashlib.sha256(path.read_bytes()).hexdigest(), "imported_at": timezone.now()})
        for row in read_rows(path, COLUMNS):
            post = post_of(row, summary)
            if row.text("holder", required=False):
                holder_of(row, post, source, summary)
        audit("doors.posts_imported", f"core.source:{source.pk}", detail=vars(summary))
    return summary


__all__ = ["RowError", "Summary", "import_posts"]
