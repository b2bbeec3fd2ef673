"""The PostgreSQL store: the same interface as the folder store, for agencies and bigger teams.

Documents are JSONB rows, one table per collection, with their partition as a
column so partition-level readers (frames, exports, the poller) work unchanged.
Transactions lock rows, not the store; LISTEN/NOTIFY tells other processes what
changed. psycopg is imported only here, and only when a ``postgresql://`` URL is
opened.
"""

from sellertui.store.postgres.store import PgStore

__all__ = ["PgStore"]
