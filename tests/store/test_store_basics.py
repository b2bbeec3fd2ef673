"""The store's contract: records, ids, revisions, transactions, partitions, watching."""

from __future__ import annotations

import json

import pytest
from tinydb import TinyDB, where

from sellertui.store import Conflict, InvalidRecord, NewerStore, NotFound, open_store
from sellertui.store.core import Store


def test_insert_assigns_ids_and_bookkeeping(store: Store) -> None:
    with store.transaction("t") as tx:
        first = tx["tasks"].insert({"title": "a"})
        second = tx["tasks"].insert({"title": "b"})
        note = tx["expenses"].insert({"date": "2026-11-01", "amount_minor": 100})
    assert (first["id"], second["id"]) == ("1", "2")
    assert first["_rev"] == 1 and first["_by"] == "ana" and first["_v"] == 1
    assert first["_at"] == "2026-11-22T09:00:00+00:00"
    assert len(note["id"]) == 17
    assert store["tasks"].get("2")["title"] == "b"


def test_key_collections_need_a_key(store: Store) -> None:
    with pytest.raises(InvalidRecord, match="needs its key"):
        with store.transaction() as tx:
            tx["products"].insert({"sku": "A"})


def test_duplicate_insert_is_refused(store: Store) -> None:
    with store.transaction() as tx:
        tx["products"].insert({"id": "A"})
    with pytest.raises(InvalidRecord, match="already exists"):
        with store.transaction() as tx:
            tx["products"].insert({"id": "A"})


def test_update_bumps_revision_and_detects_conflicts(store: Store) -> None:
    with store.transaction() as tx:
        tx["tasks"].insert({"title": "a", "status": "todo"})
    with store.transaction() as tx:
        updated = tx["tasks"].update("1", {"status": "doing"}, expect_rev=1)
    assert updated["_rev"] == 2
    with pytest.raises(Conflict, match="changed by ana"):
        with store.transaction() as tx:
            tx["tasks"].update("1", {"status": "done"}, expect_rev=1)
    assert store["tasks"].get("1")["status"] == "doing"


def test_update_and_delete_missing_records(store: Store) -> None:
    with pytest.raises(NotFound):
        with store.transaction() as tx:
            tx["tasks"].update("9", {"x": 1})
    with pytest.raises(NotFound):
        with store.transaction() as tx:
            tx["tasks"].delete("9")


def test_an_exception_discards_the_whole_transaction(store: Store) -> None:
    with store.transaction() as tx:
        tx["tasks"].insert({"title": "kept"})
    with pytest.raises(RuntimeError):
        with store.transaction() as tx:
            tx["tasks"].insert({"title": "lost"})
            tx["tasks"].update("1", {"title": "changed"})
            raise RuntimeError("boom")
    assert [t["title"] for t in store["tasks"].all()] == ["kept"]
    # the cache was not touched either: a fresh store reads the same
    assert [t["title"] for t in open_store(store.layout.data_dir)["tasks"].all()] == ["kept"]


def test_reads_inside_a_transaction_see_its_own_writes(store: Store) -> None:
    with store.transaction() as tx:
        tx["tasks"].insert({"title": "a"})
        assert tx["tasks"].count() == 1
        assert store["tasks"].count() == 0  # outside the transaction: only what is committed
        tx["tasks"].delete("1")
        assert tx["tasks"].count() == 0


def test_upsert_reports_inserted_updated_unchanged(store: Store) -> None:
    rows = [{"id": f"o{i}", "purchase_date": f"2026-0{1 + i % 3}-05", "qty": 1} for i in range(6)]
    with store.transaction() as tx:
        assert tx["orders"].upsert_many(rows) == {"inserted": 6, "updated": 0, "unchanged": 0}
    rows[0] = {**rows[0], "qty": 2}
    rows.append({"id": "o9", "purchase_date": "2026-05-01", "qty": 1})
    with store.transaction() as tx:
        assert tx["orders"].upsert_many(rows) == {"inserted": 1, "updated": 1, "unchanged": 5}
    assert store["orders"].partitions() == ["2026-01", "2026-02", "2026-03", "2026-05"]
    assert store["orders"].get("o0")["qty"] == 2 and store["orders"].get("o0")["_rev"] == 2


def test_upsert_keeps_fields_the_user_added(store: Store) -> None:
    with store.transaction() as tx:
        tx["orders"].upsert_many([{"id": "o1", "purchase_date": "2026-01-05", "status": "Unshipped"}])
        tx["orders"].update("o1", {"note": "gift"})
    with store.transaction() as tx:
        tx["orders"].upsert_many([{"id": "o1", "purchase_date": "2026-01-05", "status": "Shipped"}])
    order = store["orders"].get("o1")
    assert (order["status"], order["note"]) == ("Shipped", "gift")


def test_changing_the_partition_field_moves_the_record(store: Store) -> None:
    with store.transaction() as tx:
        tx["orders"].upsert_many([{"id": "o1", "purchase_date": "2026-01-05"}])
    with store.transaction() as tx:
        tx["orders"].update("o1", {"purchase_date": "2026-02-01"})
    assert store["orders"].docs("2026-01") == {}
    assert "o1" in store["orders"].docs("2026-02")


def test_find_takes_tinydb_queries_and_predicates(store: Store) -> None:
    with store.transaction() as tx:
        for status in ("todo", "done", "todo"):
            tx["tasks"].insert({"title": status, "status": status})
    assert len(store["tasks"].find(where("status") == "todo")) == 2
    assert len(store["tasks"].find(lambda d: d["status"] == "done")) == 1


def test_files_are_plain_tinydb_databases(store: Store) -> None:
    with store.transaction() as tx:
        tx["tasks"].insert({"title": "readable by TinyDB itself"})
    db = TinyDB(store.layout.partition_path("tasks", "all"))
    assert db.table("tasks").all()[0]["title"] == "readable by TinyDB itself"
    db.close()


def test_another_process_write_is_seen_and_reported(store: Store) -> None:
    other = open_store(store.layout.data_dir, user="ben")
    assert store.changes() == set()  # baseline
    with store.transaction() as tx:
        tx["tasks"].insert({"title": "mine"})
    assert store.changes() == set()  # our own write is not "another process"
    with other.transaction() as tx:
        tx["tasks"].update("1", {"title": "theirs"})
    assert store.changes() == {"tasks", "activity"}
    assert store["tasks"].get("1")["title"] == "theirs"


def test_writes_after_another_process_do_not_lose_its_update(store: Store) -> None:
    other = open_store(store.layout.data_dir, user="ben")
    with store.transaction() as tx:
        tx["tasks"].insert({"title": "a"})
    store["tasks"].all()  # cached here
    with other.transaction() as tx:
        tx["tasks"].insert({"title": "b"})
    with store.transaction() as tx:
        tx["tasks"].insert({"title": "c"})
    assert sorted(t["title"] for t in other["tasks"].all()) == ["a", "b", "c"]
    assert sorted(t["id"] for t in other["tasks"].all()) == ["1", "2", "3"]


def test_every_transaction_is_logged_in_activity(store: Store) -> None:
    with store.transaction("added task: x", user="chen") as tx:
        tx["tasks"].insert({"title": "x"})
    (entry,) = store["activity"].all()
    assert entry["user"] == "chen" and entry["note"] == "added task: x"
    assert entry["changes"]["tasks"] == {"inserted": 1, "updated": 0, "deleted": 0, "ids": ["1"]}


def test_empty_and_summary(store: Store) -> None:
    assert store.is_empty()
    with store.transaction() as tx:
        tx["tasks"].insert({"title": "x"})
        tx["tasks"].delete("1")
    assert store.is_empty()
    with store.transaction() as tx:
        tx["products"].insert({"id": "SKU1"})
    assert not store.is_empty()
    assert store.summary()["products"] == 1


def test_a_newer_store_is_refused_not_damaged(store: Store) -> None:
    meta = json.loads(store.layout.meta.read_text())
    meta["format"] = 99
    store.layout.meta.write_text(json.dumps(meta))
    before = store.layout.meta.read_bytes()
    with pytest.raises(NewerStore, match="newer sellertui"):
        open_store(store.layout.data_dir)
    assert store.layout.meta.read_bytes() == before


def test_big_collections_do_not_stay_in_memory(store: Store) -> None:
    rows = [{"id": f"s{i}", "date": f"2025-{1 + i % 12:02d}-01"} for i in range(120)]
    with store.transaction() as tx:
        tx["search_terms"].upsert_many(rows)
    assert store["search_terms"].count() == 120
    cached = [p for p in store._cache if p.parent.name == "search_terms"]
    assert len(cached) <= 4
