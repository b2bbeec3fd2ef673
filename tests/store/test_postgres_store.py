"""What only the PostgreSQL store has: row locks (no store lock), roles, lost connections, JSONB tables."""

from __future__ import annotations

import threading
import time

import psycopg
import pytest

from sellertui.store import StoreBusy, open_store
from sellertui.store.errors import StoreUnreachable


def test_an_unreachable_server_is_one_sentence_with_no_password(tmp_path) -> None:
    url = f"postgresql://ana:secret@/shop?host={tmp_path}"
    with pytest.raises(StoreUnreachable) as caught:
        open_store(url)
    message = str(caught.value)
    assert message.startswith(f"the database postgresql://ana@/shop?host={tmp_path} cannot be reached (")
    assert "secret" not in message and "\n" not in message


def test_documents_are_jsonb_rows_in_a_table_per_collection(pg_url) -> None:
    store = open_store(pg_url, user="ana")
    with store.transaction() as tx:
        tx["orders"].upsert_many([{"id": "o1", "purchase_date": "2026-03-04", "total": {"minor": 1999}}])
    with psycopg.connect(pg_url) as conn:
        row = conn.execute("SELECT part, doc->'total'->>'minor', pg_typeof(doc)::text FROM orders").fetchone()
    assert row == ("2026-03", "1999", "jsonb")
    store.close()


def test_writes_to_different_records_never_wait_for_each_other(pg_url) -> None:
    store = open_store(pg_url, user="ana")
    with store.transaction() as tx:
        tx["products"].insert({"id": "A"})
        tx["products"].insert({"id": "B"})
    other = open_store(pg_url, user="ben")
    inside, release = threading.Event(), threading.Event()

    def slow_edit() -> None:
        with store.transaction() as tx:
            tx["products"].update("A", {"note": "slow"})
            inside.set()
            release.wait(30)

    worker = threading.Thread(target=slow_edit)
    worker.start()
    assert inside.wait(30)
    started = time.monotonic()
    with other.transaction() as tx:  # B while A's row is locked: no store-wide lock to wait for
        tx["products"].update("B", {"note": "quick"})
    waited = time.monotonic() - started
    release.set()
    worker.join(30)
    assert waited < 5
    assert {p["id"]: p["note"] for p in other["products"].all()} == {"A": "slow", "B": "quick"}
    store.close(), other.close()


def test_the_same_record_edited_at_once_queues_and_loses_nothing(pg_url) -> None:
    store = open_store(pg_url, user="ana")
    with store.transaction() as tx:
        tx["tasks"].insert({"title": "t", "count": 0})
    other = open_store(pg_url, user="ben")
    inside, release = threading.Event(), threading.Event()

    def first() -> None:
        with store.transaction() as tx:
            current = tx["tasks"].get("1")
            tx["tasks"].update("1", {"count": current["count"] + 1})
            inside.set()
            release.wait(30)

    worker = threading.Thread(target=first)
    worker.start()
    assert inside.wait(30)
    threading.Timer(0.3, release.set).start()
    with other.transaction() as tx:  # waits for the row, then reads the first edit
        current = tx["tasks"].get("1")
        tx["tasks"].update("1", {"count": current["count"] + 1})
    worker.join(30)
    task = other["tasks"].get("1")
    assert (task["count"], task["_rev"]) == (2, 3)
    store.close(), other.close()


def test_a_record_changed_since_it_was_read_is_refused_whole(pg_url) -> None:
    store = open_store(pg_url, user="ana")
    with store.transaction() as tx:
        tx["orders"].upsert_many([{"id": "o1", "purchase_date": "2026-01-01", "qty": 1}])
    other = open_store(pg_url, user="ben")
    with pytest.raises(StoreBusy, match="nothing was written"):
        with store.transaction() as tx:
            tx["tasks"].insert({"title": "goes with the import"})
            tx["orders"].docs("2026-01")  # read before the teammate's change...
            with other.transaction() as tx2:
                tx2["orders"].update("o1", {"qty": 5})
            tx["orders"].upsert_many([{"id": "o1", "purchase_date": "2026-01-01", "qty": 2}])
    assert other["orders"].get("o1")["qty"] == 5 and other["tasks"].count() == 0
    store.close(), other.close()


def test_a_role_per_person_names_who_changed_what(pg_url) -> None:
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("DROP ROLE IF EXISTS chen")
        conn.execute("CREATE ROLE chen LOGIN")
        conn.execute("GRANT ALL ON SCHEMA public TO chen")
    owner = open_store(pg_url, user="ana")
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("GRANT ALL ON ALL TABLES IN SCHEMA public TO chen")
        conn.execute("GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO chen")
    as_chen = pg_url.replace("?", "?user=chen&")
    store = open_store(as_chen, user="whatever the config says")
    with store.transaction() as tx:
        tx["tasks"].insert({"title": "mine"})
    assert store.user == "chen" and owner["tasks"].get("1")["_by"] == "chen"
    store.close(), owner.close()


def _terminate_others(url: str) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                     "WHERE datname = current_database() AND pid <> pg_backend_pid()")


def test_a_lost_connection_is_recovered_and_missed_changes_reported(pg_url) -> None:
    store = open_store(pg_url, user="ana")
    store.changes()
    _terminate_others(pg_url)  # the server restarted, say: every connection of ours is gone
    other = open_store(pg_url, user="ben")
    with other.transaction() as tx:
        tx["tasks"].insert({"title": "while we were away"})
    deadline = time.monotonic() + 30
    seen: set[str] = set()
    while "tasks" not in seen and time.monotonic() < deadline:
        seen |= store.changes()
    assert "tasks" in seen
    assert store["tasks"].get("1")["title"] == "while we were away"  # the pool reconnected too
    store.close(), other.close()


def test_a_connection_lost_mid_transaction_writes_nothing(pg_url) -> None:
    store = open_store(pg_url, user="ana")
    with pytest.raises(StoreUnreachable, match="nothing was written"):
        with store.transaction() as tx:
            tx["tasks"].insert({"title": "half"})
            tx["tasks"].count()
            _terminate_others(pg_url)
    assert store["tasks"].count() == 0
    store.close()
