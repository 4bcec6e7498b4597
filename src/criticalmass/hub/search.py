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
from django.db.models import F, Q, TextField, Value
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


def search_sqlite(match: str, filters: Filters, limit: int, offset: int) -> Results:
    where_sql, where_params = "", ()
    if filters != Filters():
        candidates = SearchDocument.objects.filter(filtered(filters)).values("id")
        inner, where_params = candidates.query.sql_with_params()
        where_sql = f"AND d.id IN ({inner}) "
    # where_sql is Django's own SQL for the filters; their values travel as parameters.
    found = (
        "FROM hub_searchdocument_fts JOIN hub_searchdocument d ON d.id = hub_searchdocument_fts.rowid "
        f"WHERE hub_searchdocument_fts MATCH %s {where_sql}"
    )
    sql = (
        "SELECT d.type, d.ref, d.title, d.url, snippet(hub_searchdocument_fts, -1, %s, %s, '…', 24), "  # noqa: S608
        f"bm25(hub_searchdocument_fts, 4.0, 1.0) AS score {found}"
        "ORDER BY score, d.id LIMIT %s OFFSET %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) {found}", [match, *where_params])  # noqa: S608
        total = cursor.fetchone()[0]
        rows = []
        if offset < total:
            cursor.execute(sql, [START, STOP, match, *where_params, limit, offset])
            rows = cursor.fetchall()
    hits = [Hit(t, ref, title, url, highlight(snip), -score) for t, ref, title, url, snip, score in rows]
    return Results(hits, total)


def search_postgresql(text: str, filters: Filters, limit: int, offset: int) -> Results:
    query = SearchQuery(text, search_type="websearch", config=PG_CONFIG)
    ranked = (
        SearchDocument.objects.filter(filtered(filters), vector=query)
        .annotate(rank=SearchRank(F("vector"), query))
        .order_by("-rank", "id")
    )
    total = ranked.count()
    top = list(ranked.values_list("id", "rank")[offset : offset + limit]) if offset < total else []
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
