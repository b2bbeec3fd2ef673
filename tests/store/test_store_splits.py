"""A month that passes a size is split into bucket files; readers still see one partition per month."""

from __future__ import annotations

import pytest

from sellertui.store import splits
from sellertui.store.columns import ColumnPart, Columns
from sellertui.store.core import Store


@pytest.fixture(autouse=True)
def small_splits(monkeypatch) -> None:
    monkeypatch.setattr(splits, "SPLIT_AT", 50)
    monkeypatch.setattr(splits, "BUCKETS", 4)


def lines(n: int, month: str = "2026-03", start: int = 0) -> list[dict]:
    return [{"id": f"o{start + i}/SKU", "purchase_date": f"{month}-{1 + i % 28:02d}T10:00:00+00:00",
             "quantity": 1 + i % 3} for i in range(n)]


def files(store: Store) -> dict[str, int]:
    return {p.name: p.stat().st_ino for p in store.layout.collection_dir("orders").glob("[!.]*.json")}


def test_a_big_month_is_written_as_buckets_and_read_as_one_partition(store: Store, data_dir) -> None:
    with store.transaction() as tx:
        tx["orders"].upsert_many(lines(120) + lines(5, "2026-04", 500))
    assert sorted(files(store)) == ["2026-03+0.json", "2026-03+1.json", "2026-03+2.json", "2026-03+3.json",
                                    "2026-03.json", "2026-04.json"]
    view = store["orders"]
    assert view.partitions() == ["2026-03", "2026-04"] and view.count() == 125
    assert len(view.docs("2026-03")) == 120 and view.get("o7/SKU", partition="2026-03")["quantity"] == 2
    other = Store(data_dir, user="bo")  # another process reads the same records
    assert len(other["orders"].docs("2026-03")) == 120 and other["orders"].get("o99/SKU")["quantity"] == 1
    other.close()


def test_one_update_rewrites_one_bucket(store: Store) -> None:
    with store.transaction() as tx:
        tx["orders"].upsert_many(lines(120))
    before, sig = files(store), store.partition_signature("orders", "2026-03")
    with store.transaction() as tx:
        tx["orders"].update("o7/SKU", {"notes": "fragile"}, partition="2026-03")
    after = files(store)
    bucket = f"2026-03+{splits.bucket_of('o7/SKU', 4)}.json"
    assert [name for name in after if after[name] != before[name]] == [bucket]
    assert store.partition_signature("orders", "2026-03") != sig
    assert store["orders"].get("o7/SKU")["notes"] == "fragile" and store["orders"].count() == 120
    fresh = Store(store.layout.data_dir, user="bo")
    assert fresh["orders"].get("o7/SKU", partition="2026-03")["_rev"] == 2
    fresh.close()


def test_deletes_moves_and_later_inserts_land_in_their_buckets(store: Store) -> None:
    with store.transaction() as tx:
        tx["orders"].upsert_many(lines(120))
    with store.transaction() as tx:
        tx["orders"].delete("o3/SKU")
        tx["orders"].update("o4/SKU", {"purchase_date": "2026-05-02T00:00:00+00:00"})
        tx["orders"].upsert_many(lines(10, start=900))
    view = store["orders"]
    assert view.count() == 129 and view.get("o3/SKU") is None
    assert view.locate("o4/SKU") == "2026-05" and view.get("o905/SKU", partition="2026-03") is not None
    assert store.layout.partition_path("orders", "2026-03").read_bytes() == b'{"orders":{}}'  # the month's own file


def test_an_import_from_columns_splits_too(store: Store) -> None:
    with store.transaction() as tx:
        counts = tx["orders"].upsert_many(Columns.from_dicts(lines(80)))
    assert counts["inserted"] == 80 and "2026-03+2.json" in files(store)
    assert store["orders"].count() == 80 and not store.is_empty()
    with store.transaction() as tx:  # the same file again: nothing changes
        assert tx["orders"].upsert_many(Columns.from_dicts(lines(80)))["unchanged"] == 80


def test_a_month_from_columns_hands_its_records_over_in_the_order_its_files_read_back(store: Store) -> None:
    handed = {}
    store.on_columns = lambda collection, part, columns, sig: handed.setdefault(part, columns.records.ids)
    with store.transaction() as tx:
        tx["orders"].upsert_many(Columns.from_dicts(lines(80) + lines(5, "2026-04", 500)))
    assert "2026-03+3.json" in files(store)
    for part in ("2026-03", "2026-04"):  # what frames are warmed from is what a later read of the files gives
        assert handed[part] == [doc["id"] for doc in store["orders"].rows([part])]


def test_a_month_staged_without_its_bounds_is_dealt_into_the_buckets_its_ids_hash_to() -> None:
    docs = lines(40)
    bucket = [splits.bucket_of(d["id"], 4) for d in docs]
    # the first row in bucket 0 and the last in the top bucket: a reordering that keeps both ends in place
    docs = ([d for d, b in zip(docs, bucket) if b == 0] + [d for d, b in zip(docs, bucket) if b in (1, 2)]
            + [d for d, b in zip(docs, bucket) if b == 3])
    docs = [docs[0], *reversed(docs[1:-1]), docs[-1]]
    part = ColumnPart(Columns.from_dicts(docs), {})
    dealt = splits.by_bucket(part, 4)
    for b, piece in dealt.items():
        assert {r["id"] for r in piece.records} == {d["id"] for d in docs if splits.bucket_of(d["id"], 4) == b}
