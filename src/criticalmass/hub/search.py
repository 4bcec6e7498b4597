"""The one search service: evidence, practices and stories, processes, countries, plans and agreements.

SQLite answers with FTS5 (porter stemming, bm25 ranking, snippet()); PostgreSQL with its full-text
search (english configuration, websearch_to_tsquery, ts_rank, ts_headline). Both read the same
small query language, parsed here once: words (all must match), "quoted phrases", -excluded words
and `or`.

Any text is a valid query. On SQLite the text is never handed to FTS5 as it is: it is parsed here
into words, and only quoted words reach MATCH, so FTS5's own syntax (NEAR, *, ^, column filters,
parentheses) cannot be injected. PostgreSQL gets the parsed query back as websearch_to_tsquery text,
which accepts any string anyway.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import Count, F, Q, TextField, Value, Window
from django.db.models.functions import Concat
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from criticalmass.hub.models import SearchDocument, has_tag

MAX_QUERY_CHARS = 300
MAX_TERMS = 16
MAX_TERM_CHARS = 60
START, STOP = "\ue000", "\ue001"  # private-use marks around matches, turned into <mark> after escaping
TYPES = ["evidence", "practice", "process", "country", "plan", "agreement"]
PG_CONFIG = "english"
TOKEN = re.compile(r'(-?)"([^"]*)"?|(-?)(\w+)')


@dataclass(frozen=True)
class Filters:
    type: str = ""
    country: str = ""
    theme: str = ""
    audience: str = ""
    argument: str = ""
    kind: str = ""


@dataclass
class Hit:
    type: str
    ref: str
    title: str
    url: str
    snippet: SafeString
    rank: float


@dataclass
class Clause:
    """One alternative of a query: all `include` phrases, none of `exclude`."""

    include: list[list[str]] = field(default_factory=list)
    exclude: list[list[str]] = field(default_factory=list)


def clean(text: str) -> str:
    """What is left of any input once unusable characters are dropped and it is cut to length."""
    text = text.encode("utf-8", "ignore").decode("utf-8").replace("\x00", " ")
    return text[:MAX_QUERY_CHARS].strip()


def words(text: str) -> list[str]:
    return [w[:MAX_TERM_CHARS] for w in re.findall(r"\w+", text.lower())]


def parse(text: str) -> list[Clause]:
    """Alternatives separated by `or`, each with its required and excluded phrases."""
    clauses, current, count = [], Clause(), 0
    cleaned = clean(text)
    for match in TOKEN.finditer(cleaned):
        minus, phrase = (match[1], match[2]) if match[2] is not None else (match[3], match[4])
        if minus and match.start() > 0 and not cleaned[match.start() - 1].isspace():
            minus = ""  # single-sex: a hyphen inside a word excludes nothing
        if minus == "" and phrase.lower() == "or" and match[2] is None:
            clauses.append(current)
            current = Clause()
            continue
        tokens = words(phrase)
        if not tokens or count >= MAX_TERMS:
            continue
        count += len(tokens)
        (current.exclude if minus else current.include).append(tokens)
    clauses.append(current)
    return [c for c in clauses if c.include]


def fts5_phrase(tokens: list[str]) -> str:
    return '"' + " ".join(tokens) + '"'  # \w+ tokens hold no double quote


def fts5_query(clauses: list[Clause]) -> str:
    parts = []
    for clause in clauses:
        expr = " AND ".join(fts5_phrase(t) for t in clause.include)
        for tokens in clause.exclude:
            expr = f"({expr}) NOT {fts5_phrase(tokens)}"
        parts.append(f"({expr})")
    return " OR ".join(parts)


def filtered(filters: Filters) -> Q:
    q = Q()
    if filters.type:
        q &= Q(type=filters.type)
    if filters.country:
        q &= Q(country=filters.country.upper())
    if filters.kind:
        q &= Q(kind=filters.kind)
    for name in ("theme", "audience", "argument"):
        value = getattr(filters, name)
        if value:
            q &= has_tag(f"{name}s", value)
    return q


def highlight(snippet: str) -> SafeString:
    return mark_safe(escape(snippet).replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308


def websearch_text(clauses: list[Clause]) -> str:
    """The parsed query again, for PostgreSQL's websearch_to_tsquery: the same meaning on both databases."""

    def phrases(found: list[list[str]], sign: str = "") -> list[str]:
        return [f'{sign}"{" ".join(tokens)}"' for tokens in found]

    return " or ".join(" ".join(phrases(c.include) + phrases(c.exclude, "-")) for c in clauses)


def loosened(clauses: list[Clause]) -> list[Clause]:
    """Any of the words rather than all of them, for a query that found nothing."""
    return [Clause([tokens], c.exclude) for c in clauses for tokens in c.include]


@dataclass
class Results:
    """One page of hits and how many there are in all."""

    hits: list[Hit]
    total: int


def run(clauses: list[Clause], filters: Filters, limit: int, offset: int) -> Results:
    if connection.vendor == "postgresql":
        return search_postgresql(websearch_text(clauses), filters, limit, offset)
    return search_sqlite(fts5_query(clauses), filters, limit, offset)


def results(text: str, filters: Filters | None = None, limit: int = 20, offset: int = 0) -> Results:
    """Ranked hits from `offset` on, best first, with highlighted snippets, and the total; none for text
    with nothing to look for.

    All words must match; when that finds nothing, items with any of them are ranked instead.
    """
    clauses = parse(text)
    if not clauses:
        return Results([], 0)
    filters = filters or Filters()
    limit, offset = max(1, limit), max(0, offset)
    found = run(clauses, filters, limit, offset)
    if not found.total and any(len(c.include) > 1 for c in clauses):
        found = run(loosened(clauses), filters, limit, offset)
    return found


def search(text: str, filters: Filters | None = None, limit: int = 20) -> list[Hit]:
    """The first `limit` hits (see `results`)."""
    return results(text, filters, limit).hits


TAGS = ("theme", "audience", "argument")


def sqlite_filters(filters: Filters) -> tuple[str, list[str]]:
    """The filters as conditions on the matched rows (`d`), so they cost nothing for the rest of the
    index; tags match as Django's `contains` does (LIKE with % and _ escaped)."""
    parts, params = [], []
    fields = (("type", filters.type), ("country", filters.country.upper()), ("kind", filters.kind))
    for column, value in fields:
        if value:
            parts.append(f"d.{column} = %s")
            params.append(value)
    for name in TAGS:
        value = getattr(filters, name)
        if value:
            parts.append(f"d.{name}s LIKE %s ESCAPE '\\'")
            params.append(f"%,{connection.ops.prep_for_like_query(value)},%")
    return "".join(f"AND {part} " for part in parts), params


def search_sqlite(match: str, filters: Filters, limit: int, offset: int) -> Results:
    """One ranked query: the page's ids with a window count of all matches, then snippets for that page
    only (snippet() on every match cost more than the ranking)."""
    where_sql, where_params = sqlite_filters(filters)
    # where_sql holds only fixed column names; the values travel as parameters. Without filters the
    # ranking reads the index alone: joining every match to its document doubled its cost.
    join = "JOIN hub_searchdocument d ON d.id = hub_searchdocument_fts.rowid " if where_sql else ""
    found = f"FROM hub_searchdocument_fts {join}WHERE hub_searchdocument_fts MATCH %s {where_sql}"
    page = (  # bm25() cannot sit beside a window function: it is ranked in a subquery
        "SELECT id, score, count(*) OVER () FROM (SELECT hub_searchdocument_fts.rowid AS id, "  # noqa: S608
        f"bm25(hub_searchdocument_fts, 4.0, 1.0) AS score {found}) ORDER BY score, id LIMIT %s OFFSET %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(page, [match, *where_params, limit, offset])
        ranked = cursor.fetchall()
        total = ranked[0][2] if ranked else count_sqlite(cursor, found, [match, *where_params], offset)
        snippets = {}
        if ranked:
            ids = [row[0] for row in ranked]
            marks = ", ".join(["%s"] * len(ids))
            cursor.execute(
                "SELECT d.id, d.type, d.ref, d.title, d.url, "  # noqa: S608
                "snippet(hub_searchdocument_fts, -1, %s, %s, '…', 24) FROM hub_searchdocument_fts "
                "JOIN hub_searchdocument d ON d.id = hub_searchdocument_fts.rowid "
                f"WHERE hub_searchdocument_fts MATCH %s AND hub_searchdocument_fts.rowid IN ({marks})",
                [START, STOP, match, *ids])
            snippets = {row[0]: row[1:] for row in cursor.fetchall()}
    return Results([hit_from(snippets[i], score) for i, score, _ in ranked], total)


def hit_from(row: tuple[str, str, str, str, str], score: float) -> Hit:
    type_, ref, title, url, snippet = row
    return Hit(type_, ref, title, url, highlight(snippet), -score)


def count_sqlite(cursor: Any, found: str, params: list[str], offset: int) -> int:
    """How many match, for a page past the end (the ranked query had no row to carry its count)."""
    if not offset:
        return 0
    cursor.execute(f"SELECT count(*) {found}", params)  # noqa: S608
    return int(cursor.fetchone()[0])


def search_postgresql(text: str, filters: Filters, limit: int, offset: int) -> Results:
    query = SearchQuery(text, search_type="websearch", config=PG_CONFIG)
    ranked = (
        SearchDocument.objects.filter(filtered(filters), vector=query)
        .annotate(rank=SearchRank(F("vector"), query))
        .order_by("-rank", "id")
    )
    # One query: the page, and the count of all matches beside it (a window over the whole match set).
    page = list(ranked.annotate(total=Window(Count("id"))).values_list("id", "rank", "total")
                [offset : offset + limit])
    total = page[0][2] if page else ranked.count() if offset else 0
    top = [(i, rank) for i, rank, _ in page]
    # Headlines only for the hits shown: ts_headline re-parses each document. Title and body, as FTS5's
    # snippet() picks from either: a match in the title alone is highlighted too.
    heads = (
        SearchDocument.objects.filter(id__in=[i for i, _ in top])
        .annotate(
            head=SearchHeadline(
                Concat("title", Value(" · "), "body", output_field=TextField()),
                query,
                config=PG_CONFIG,
                start_sel=START,
                stop_sel=STOP,
                max_words=35,
                min_words=15,
            ),
        )
        .in_bulk()
    )
    return Results([hit_of(heads[i], rank) for i, rank in top], total)


def hit_of(doc: Any, rank: float) -> Hit:
    return Hit(doc.type, doc.ref, doc.title, doc.url, highlight(doc.head or doc.title), float(rank))
