"""The database's tables: one per collection, the store's description, and partition versions.

``sellertui_partitions`` holds one row per (collection, partition) with a version
from one sequence, bumped by every commit that touches it: it is the partition's
signature (frames cached under it are never stale) and what a listener compares
after a lost connection.
"""

from __future__ import annotations

from psycopg import sql

from sellertui.store.schema import COLLECTIONS

META = "sellertui_meta"
PARTS = "sellertui_partitions"
VERSIONS = "sellertui_versions"
CHANNEL = "sellertui_changes"
INIT_LOCK = 0x5E11E7  # advisory lock key: one process creates the tables, the others wait


def table(collection: str) -> sql.Identifier:
    return sql.Identifier(collection)


def statements() -> list[sql.Composable]:
    found = [
        sql.SQL(f"CREATE TABLE IF NOT EXISTS {META} (id int PRIMARY KEY CHECK (id = 1), doc jsonb NOT NULL)"),
        sql.SQL(f"CREATE SEQUENCE IF NOT EXISTS {VERSIONS}"),
        sql.SQL(f"CREATE TABLE IF NOT EXISTS {PARTS} (collection text NOT NULL, part text NOT NULL, "
                "version bigint NOT NULL, PRIMARY KEY (collection, part))"),
    ]
    for name in COLLECTIONS:
        # ord: the order records were first written, which a partition's documents keep (as the folder
        # store's files do), so "the first row" means the same on either backend
        found.append(sql.SQL("CREATE TABLE IF NOT EXISTS {} (id text PRIMARY KEY, part text NOT NULL, "
                             "ord bigint GENERATED ALWAYS AS IDENTITY, doc jsonb NOT NULL)").format(table(name)))
        found.append(sql.SQL("CREATE INDEX IF NOT EXISTS {} ON {} (part, ord)").format(
            sql.Identifier(f"{name}_part"), table(name)))
    return found


def missing_tables(conn) -> list[str]:
    wanted = [META, PARTS, *COLLECTIONS]
    rows = conn.execute("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                        "WHERE n.nspname = current_schema() AND c.relname = ANY(%s)", (wanted,)).fetchall()
    have = {r[0] for r in rows}
    return [name for name in wanted if name not in have]


def create(conn) -> None:
    for statement in statements():
        conn.execute(statement)
