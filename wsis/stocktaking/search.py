"""Full-text search over activity texts in six languages, with one backend per database.

SQLite: an FTS5 table with the trigram tokenizer finds substrings of three or more characters in any
script (Chinese and Arabic included); shorter queries fall back to LIKE on the base table, because
in SQLite 3.40 LIKE on the FTS table wrongly finds nothing for two CJK characters.
PostgreSQL: ILIKE on the same text, served by a pg_trgm GIN index for three or more characters.
Texts are stored case-folded, so the LIKE fallback matches Cyrillic and Latin without case rules.
"""

from django.db import connection
from django.db.models.expressions import RawSQL

FTS_TABLE = "stocktaking_fts"


def normalise(text: str) -> str:
    return " ".join(text.casefold().split())


class SqliteBackend:
    def create(self, schema_editor):
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(body, content='', tokenize='trigram')"
        )

    def drop(self, schema_editor):
        schema_editor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")

    def index(self, rows: list[tuple[int, str]], removed: list[int], old: dict[int, str]):
        with connection.cursor() as cur:
            # A contentless table deletes by giving back the old text.
            for pk in set(removed) | {pk for pk, _b in rows}:
                if pk in old:
                    cur.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, body) VALUES('delete', %s, %s)", [pk, old[pk]])
            for pk, body in rows:
                cur.execute(f"INSERT INTO {FTS_TABLE}(rowid, body) VALUES (%s, %s)", [pk, body])

    def filter(self, queryset, query: str):
        q = normalise(query)
        if len(q) >= 3:
            phrase = '"' + q.replace('"', '""') + '"'
            return queryset.filter(pk__in=RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [phrase]))
        return queryset.filter(search__body__contains=q)

    def after_bulk(self):
        with connection.cursor() as cur:
            cur.execute("PRAGMA optimize")

    def rebuild(self):
        with connection.cursor() as cur:
            cur.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES('delete-all')")
            cur.execute(f"INSERT INTO {FTS_TABLE}(rowid, body) SELECT activity_id, body FROM stocktaking_activitysearch")


class PostgresBackend:
    def create(self, schema_editor):
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS stocktaking_search_body_trgm ON stocktaking_activitysearch "
            "USING gin (body gin_trgm_ops)"
        )

    def drop(self, schema_editor):
        schema_editor.execute("DROP INDEX IF EXISTS stocktaking_search_body_trgm")

    def index(self, rows, removed, old):
        pass  # the GIN index follows the table

    def filter(self, queryset, query: str):
        return queryset.filter(search__body__contains=normalise(query))

    def after_bulk(self):
        # Fresh statistics after many rows arrive: with stale ones the planner takes the facet
        # filter for one row and nests loops over every activity (minutes instead of milliseconds).
        with connection.cursor() as cur:
            cur.execute("ANALYZE stocktaking_activity, stocktaking_activityfacet, stocktaking_activitysearch")

    def rebuild(self):
        pass


def backend(conn=None):
    vendor = (conn or connection).vendor
    if vendor == "sqlite":
        return SqliteBackend()
    if vendor == "postgresql":
        return PostgresBackend()
    raise RuntimeError(f"no search backend for {vendor}")
