"""The full-text index of SearchDocument: FTS5 with triggers on SQLite, a tsvector trigger and GIN index on PostgreSQL."""

from collections.abc import Callable

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

SQLITE = [
    "CREATE VIRTUAL TABLE hub_searchdocument_fts USING fts5(title, body, content='hub_searchdocument', "
    "content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER hub_searchdocument_ai AFTER INSERT ON hub_searchdocument BEGIN "
    "INSERT INTO hub_searchdocument_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END",
    "CREATE TRIGGER hub_searchdocument_ad AFTER DELETE ON hub_searchdocument BEGIN "
    "INSERT INTO hub_searchdocument_fts(hub_searchdocument_fts, rowid, title, body) "
    "VALUES ('delete', old.id, old.title, old.body); END",
    "CREATE TRIGGER hub_searchdocument_au AFTER UPDATE ON hub_searchdocument BEGIN "
    "INSERT INTO hub_searchdocument_fts(hub_searchdocument_fts, rowid, title, body) "
    "VALUES ('delete', old.id, old.title, old.body); "
    "INSERT INTO hub_searchdocument_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS hub_searchdocument_ai",
    "DROP TRIGGER IF EXISTS hub_searchdocument_ad",
    "DROP TRIGGER IF EXISTS hub_searchdocument_au",
    "DROP TABLE IF EXISTS hub_searchdocument_fts",
]
POSTGRESQL = [
    "CREATE FUNCTION hub_searchdocument_vector() RETURNS trigger AS $$ BEGIN "
    "NEW.vector := setweight(to_tsvector('pg_catalog.english', coalesce(NEW.title, '')), 'A') || "
    "setweight(to_tsvector('pg_catalog.english', coalesce(NEW.body, '')), 'B'); RETURN NEW; END $$ LANGUAGE plpgsql",
    "CREATE TRIGGER hub_searchdocument_vector BEFORE INSERT OR UPDATE ON hub_searchdocument "
    "FOR EACH ROW EXECUTE FUNCTION hub_searchdocument_vector()",
    "CREATE INDEX hub_searchdocument_vector_gin ON hub_searchdocument USING gin (vector)",
]
POSTGRESQL_DROP = [
    "DROP INDEX IF EXISTS hub_searchdocument_vector_gin",
    "DROP TRIGGER IF EXISTS hub_searchdocument_vector ON hub_searchdocument",
    "DROP FUNCTION IF EXISTS hub_searchdocument_vector()",
]


def run(statements: dict[str, list[str]]) -> Callable[[StateApps, BaseDatabaseSchemaEditor], None]:
    def apply(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
        vendor = schema_editor.connection.vendor
        for sql in statements.get(vendor, []):
            schema_editor.execute(sql, params=None)

    return apply


class Migration(migrations.Migration):
    dependencies = [("hub", "0001_initial")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
            run({"sqlite": SQLITE_DROP, "postgresql": POSTGRESQL_DROP}),
        ),
    ]
