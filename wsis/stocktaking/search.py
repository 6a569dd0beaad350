"""Full-text search over activity texts in six languages, with one backend per database.

SQLite: an FTS5 table with the trigram tokenizer finds substrings of three or more characters in any
script (Chinese and Arabic included); shorter queries fall back to LIKE on the base table, because
in SQLite 3.40 LIKE on the FTS table wrongly finds nothing for two CJK characters.
PostgreSQL: ILIKE on the same text, served by a pg_trgm GIN index for three or more characters.
Texts are stored case-folded, so the LIKE fallback matches Cyrillic and Latin without case rules.

Word forms: after the texts, the body holds a line of every word's folded forms (`wsis.core.words`: without
accents, and the Snowball stems of Russian, Arabic, English, French and Spanish words), and a query matches
when each of its words has a form found in the body ("Кении" finds "Кения", "politicas" finds "políticas").
"""

from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL

from wsis.core.words import query_forms, stems_line

FTS_TABLE = "stocktaking_fts"


def normalise(text: str) -> str:
    return " ".join(text.casefold().split())


def body_text(texts: list[str]) -> str:
    """What the index stores for an activity: its texts case-folded, then the folded forms of their words."""
    joined = " \n ".join(t for t in texts if t)
    return normalise(joined) + " \n " + stems_line(joined)


def _word_groups(query: str) -> tuple[list[frozenset[str]], list[frozenset[str]]]:
    """The query's words split into those every form of which the trigram index can serve (three characters
    or more) and the short ones, which need LIKE."""
    long_, short = [], []
    for forms in query_forms(query):
        # Matching is by substring, so a form that contains another adds nothing ("politicas" ⊃ "polit").
        alternatives = frozenset(f for f in forms if not any(o != f and o in f for o in forms))
        (long_ if all(len(a) >= 3 for a in alternatives) else short).append(alternatives)
    return long_, short


def _like(alternatives: frozenset[str]) -> Q:
    q = Q()
    for a in sorted(alternatives):
        q |= Q(search__body__contains=a)
    return q


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
        long_, short = _word_groups(query)
        if not long_ and not short:  # punctuation only: the text as typed
            if len(q) >= 3:
                return queryset.filter(pk__in=RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",
                                                     ['"' + q.replace('"', '""') + '"']))
            return queryset.filter(search__body__contains=q)
        if long_:
            match = " AND ".join("(" + " OR ".join('"' + a.replace('"', '""') + '"' for a in sorted(alts)) + ")"
                                 for alts in long_)
            queryset = queryset.filter(pk__in=RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [match]))
        for alts in short:
            queryset = queryset.filter(_like(alts))
        return queryset

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
        long_, short = _word_groups(query)
        if not long_ and not short:
            return queryset.filter(search__body__contains=normalise(query))
        for alts in long_ + short:
            queryset = queryset.filter(_like(alts))
        return queryset

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
