"""Schema migrations in the database: the same steps as the folder store, in one transaction.

Every record of a collection behind its version is upgraded (``store.migrate.upgrade``)
and rewritten with its partition, derived records are added where missing, and
the new versions go into the store's description, all committed together or not
at all (the caller holds the transaction and the init lock).
"""

from __future__ import annotations

import orjson
from psycopg import sql

from sellertui.store.migrate import upgrade
from sellertui.store.postgres.ddl import META, table
from sellertui.store.postgres.rows import bump, put_rows
from sellertui.store.schema import COLLECTIONS


def pending(meta: dict) -> list[str]:
    have = meta.get("schemas", {})
    return [n for n, s in COLLECTIONS.items() if have.get(n, s.version) < s.version]


def migrate(conn, meta: dict) -> dict:
    """Bring every collection up to its version; returns the new description."""
    have = dict(meta.get("schemas", {}))
    touched: set[tuple[str, str]] = set()
    derived: dict[str, list[dict]] = {}
    for name in pending(meta):
        spec = COLLECTIONS[name]
        rows = conn.execute(sql.SQL("SELECT doc::text FROM {} ORDER BY ord").format(table(name))).fetchall()
        migrated = [upgrade(spec, orjson.loads(r[0]), have[name]) for r in rows]
        touched |= put_rows(conn, name, [(spec.partition_of(d), d) for d in migrated], replace=True)
        for step in range(have[name], spec.version):
            if step in spec.derived:
                for target, docs in spec.derived[step](migrated).items():
                    derived.setdefault(target, []).extend(docs)
        have[name] = spec.version
    for name, docs in derived.items():
        spec = COLLECTIONS[name]
        stamped = [(spec.partition_of(d), {**d, "_v": spec.version, "_rev": 1, "_by": "migration"}) for d in docs]
        touched |= put_rows(conn, name, stamped, replace=False)  # a record already there is kept as it is
        have.setdefault(name, spec.version)
    bump(conn, touched)
    new_meta = {**meta, "schemas": have}
    conn.execute(f"UPDATE {META} SET doc = %s::jsonb WHERE id = 1", (orjson.dumps(new_meta).decode(),))
    return new_meta
