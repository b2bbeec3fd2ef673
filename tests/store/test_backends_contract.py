"""The store's contract, held by both backends: ids, revisions, transactions, partitions, upserts."""

from __future__ import annotations

import time

import pytest
from tinydb import where

from sellertui.store import Conflict, InvalidRecord, NewerStore, NotFound, open_store
from tests.store.backends import any_store, location  # noqa: F401 - fixtures


def test_ids_bookkeeping_and_duplicates(any_store) -> None:
    with any_store.transaction("t") as tx:
        first = tx["tasks"].insert({"title": "a"})
        second = tx["tasks"].insert({"title": "b"})
        tx["products"].insert({"id": "A"})
    assert (first["id"], second["id"]) == ("1", "2")
    assert first["_rev"] == 1 and first["_by"] == "ana" and first["_at"] == "2026-11-22T09:00:00+00:00"
    assert any_store["tasks"].get("2")["title"] == "b"
    with pytest.raises(InvalidRecord, match="already exists"):
        with any_store.transaction() as tx:
            tx["products"].insert({"id": "A"})
    with pytest.raises(InvalidRecord, match="needs its key"):
        with any_store.transaction() as tx:
            tx["products"].insert({"sku": "B"})


def test_revisions_conflicts_and_missing_records(any_store) -> None:
    with any_store.transaction() as tx:
        tx["tasks"].insert({"title": "a", "status": "todo"})
    with any_store.transaction() as tx:
        assert tx["tasks"].update("1", {"status": "doing"}, expect_rev=1)["_rev"] == 2
    with pytest.raises(Conflict, match="changed by ana"):
        with any_store.transaction() as tx:
            tx["tasks"].update("1", {"status": "done"}, expect_rev=1)
    assert any_store["tasks"].get("1")["status"] == "doing"
    with pytest.raises(NotFound):
        with any_store.transaction() as tx:
            tx["tasks"].delete("9")


def test_a_failed_transaction_writes_nothing_and_own_writes_are_seen_inside(any_store, location) -> None:
    with any_store.transaction() as tx:
        tx["tasks"].insert({"title": "kept"})
    with pytest.raises(RuntimeError):
        with any_store.transaction() as tx:
            tx["tasks"].insert({"title": "lost"})
            tx["tasks"].update("1", {"title": "changed"})
            assert tx["tasks"].count() == 2 and any_store["tasks"].count() == 1
            raise RuntimeError("boom")
    assert [t["title"] for t in any_store["tasks"].all()] == ["kept"]
    fresh = open_store(location)
    assert [t["title"] for t in fresh["tasks"].all()] == ["kept"]
    fresh.close()


def test_upserts_partitions_and_moves(any_store) -> None:
    rows = [{"id": f"o{i}", "purchase_date": f"2026-0{1 + i % 3}-05", "qty": 1} for i in range(6)]
    with any_store.transaction() as tx:
        assert tx["orders"].upsert_many(rows) == {"inserted": 6, "updated": 0, "unchanged": 0}
        tx["orders"].update("o0", {"note": "gift"})
    rows[0] = {**rows[0], "qty": 2}
    rows.append({"id": "o9", "purchase_date": "2026-05-01", "qty": 1})
    with any_store.transaction() as tx:
        assert tx["orders"].upsert_many(rows) == {"inserted": 1, "updated": 1, "unchanged": 5}
    assert any_store["orders"].partitions() == ["2026-01", "2026-02", "2026-03", "2026-05"]
    order = any_store["orders"].get("o0")
    assert (order["qty"], order["note"], order["_rev"]) == (2, "gift", 3)
    with any_store.transaction() as tx:
        tx["orders"].update("o9", {"purchase_date": "2026-02-01"})
    assert "o9" not in any_store["orders"].docs("2026-05") and "o9" in any_store["orders"].docs("2026-02")
    assert any_store["orders"].count() == 7


def test_queries_activity_summary_and_emptiness(any_store) -> None:
    assert any_store.is_empty()
    with any_store.transaction("added tasks", user="chen") as tx:
        for status in ("todo", "done", "todo"):
            tx["tasks"].insert({"title": status, "status": status})
    assert len(any_store["tasks"].find(where("status") == "todo")) == 2
    assert len(any_store["tasks"].find(lambda d: d["status"] == "done")) == 1
    (entry,) = any_store["activity"].all()
    assert entry["user"] == "chen" and entry["note"] == "added tasks"
    assert entry["changes"]["tasks"] == {"inserted": 3, "updated": 0, "deleted": 0, "ids": ["1", "2", "3"]}
    assert any_store.summary()["tasks"] == 3 and not any_store.is_empty()


def test_a_deleted_sequential_id_is_never_handed_out_again(any_store, location) -> None:
    with any_store.transaction() as tx:
        for title in "abc":
            tx["tasks"].insert({"title": title})
    with any_store.transaction() as tx:
        tx["tasks"].delete("3")
    with any_store.transaction() as tx:
        assert tx["tasks"].insert({"title": "d"})["id"] == "4"
    with any_store.transaction() as tx:
        tx["tasks"].delete("4")
        tx["tasks"].delete("2")
    reopened = open_store(location)
    with reopened.transaction() as tx:
        assert tx["tasks"].insert({"title": "e"})["id"] == "5"
    reopened.close()


def test_a_partition_signature_changes_with_every_write(any_store) -> None:
    assert any_store.partition_signature("tasks", "all") is None
    with any_store.transaction() as tx:
        tx["tasks"].insert({"title": "a"})
    first = any_store.partition_signature("tasks", "all")
    assert first is not None and any_store.partition_signature("tasks", "all") == first
    with any_store.transaction() as tx:
        tx["tasks"].update("1", {"title": "b"})
    assert any_store.partition_signature("tasks", "all") != first


def test_another_writer_is_seen_and_reported_and_never_undone(any_store, location) -> None:
    other = open_store(location, user="ben")
    assert any_store.changes() == set()  # baseline
    with any_store.transaction() as tx:
        tx["tasks"].insert({"title": "mine"})
    any_store["tasks"].all()  # cached here
    assert any_store.changes() == set()  # our own write is not "another process"
    with other.transaction() as tx:
        tx["tasks"].update("1", {"title": "theirs"})
        tx["tasks"].insert({"title": "b"})
    assert _noticed(any_store) == {"tasks", "activity"}
    assert any_store["tasks"].get("1")["title"] == "theirs"
    with any_store.transaction() as tx:
        tx["tasks"].insert({"title": "c"})
    assert sorted((t["id"], t["title"]) for t in other["tasks"].all()) == [("1", "theirs"), ("2", "b"), ("3", "c")]
    other.close()


def _noticed(store, patience: float = 30.0) -> set[str]:
    """What ``changes()`` reports once something arrives (a database's notice lands just after the commit)."""
    deadline = time.monotonic() + patience
    seen = store.changes()
    while not seen and time.monotonic() < deadline:
        time.sleep(0.01)
        seen = store.changes()
    return seen


def test_a_newer_store_is_refused(any_store, location) -> None:
    any_store.set_meta(format=99)
    with pytest.raises(NewerStore, match="newer sellertui"):
        open_store(location)
