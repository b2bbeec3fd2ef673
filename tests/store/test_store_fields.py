"""Some fields of a partition's records as columns (store.fields): the values a whole parse gives, in its order."""

from __future__ import annotations

import pytest

from sellertui.store import splits
from sellertui.store.core import Store
from sellertui.store.errors import CorruptFile
from sellertui.store.fields import columns, decode, pieces

FIELDS = ("order_id", "quantity", "item_price_minor", "notes", "_rev")


def lines(n: int, month: str = "2026-03") -> list[dict]:
    out = []
    for i in range(n):
        line = {"id": f"o{i}/SKU", "order_id": f"o{i}", "purchase_date": f"{month}-{1 + i % 28:02d}T10:00:00+00:00",
                "quantity": 1 + i % 3, "item_price_minor": [1999, None, 12.5, "700"][i % 4]}
        if i % 5 == 0:
            line["notes"] = {"text": "gift", "tags": ["a"]}  # a nested value comes back as it is
        out.append(line)
    return out


def whole(store: Store, part: str) -> dict[str, list]:
    docs = store["orders"].docs(part)
    return {"id": list(docs), **{f: [d.get(f) for d in docs.values()] for f in FIELDS}}


def test_the_fields_are_what_the_records_hold_in_their_order(store: Store, data_dir) -> None:
    with store.transaction() as tx:
        tx["orders"].upsert_many(lines(30))
    fresh = Store(data_dir, user="bo")  # nothing parsed yet: read from the file
    got = columns(fresh, "orders", "2026-03", FIELDS)
    assert got.columns == whole(store, "2026-03") and got.n == 30
    assert got.columns["notes"][0] == {"text": "gift", "tags": ["a"]} and got.columns["notes"][1] is None
    assert fresh._cache == {}  # nothing kept: the frame is what stays
    fresh.close()


def test_a_split_month_reads_its_files_in_turn(store: Store, data_dir, monkeypatch) -> None:
    monkeypatch.setattr(splits, "SPLIT_AT", 10)
    monkeypatch.setattr(splits, "BUCKETS", 3)
    with store.transaction() as tx:
        tx["orders"].upsert_many(lines(40))
    with store.transaction() as tx:
        tx["orders"].update("o7/SKU", {"quantity": 9}, partition="2026-03")
    fresh = Store(data_dir, user="bo")
    assert fresh.subparts(fresh["orders"].spec, "2026-03")
    got = columns(fresh, "orders", "2026-03", FIELDS)
    assert got.columns == whole(fresh, "2026-03")  # the order a reader's merge of the files gives
    assert sorted(got.columns["id"]) == sorted(whole(store, "2026-03")["id"])
    assert got.columns["quantity"][got.columns["id"].index("o7/SKU")] == 9
    other = Store(data_dir, user="cy")  # nothing parsed: file by file, for builders whose frames concatenate
    apart = pieces(other, "orders", "2026-03", FIELDS)
    assert len(apart) > 1 and [i for p in apart for i in p.ids] == got.ids
    assert len(pieces(fresh, "orders", "2026-03", FIELDS)) == 1  # parsed already: from the store's records
    other.close()
    fresh.close()


def test_an_empty_or_missing_partition_has_no_rows(store: Store) -> None:
    assert columns(store, "orders", "2026-03", FIELDS).columns == {"id": [], **{f: [] for f in FIELDS}}
    assert decode(b'{"orders":{}}', "orders", FIELDS) == {"id": [], **{f: [] for f in FIELDS}}
    assert decode(b'{"other":{}}', "orders", FIELDS) == {"id": [], **{f: [] for f in FIELDS}}


def test_a_file_of_another_shape_is_read_the_stores_way(store: Store, data_dir) -> None:
    assert decode(b'{"orders":[1,2]}', "orders", FIELDS) is None
    assert decode(b'{"orders":{"a":', "orders", FIELDS) is None
    with store.transaction() as tx:
        tx["orders"].upsert_many(lines(3))
    path = store.layout.partition_path("orders", "2026-03")
    path.write_bytes(b'{"orders":{"o1/SKU":')  # damaged: the store's own read says so
    fresh = Store(data_dir, user="bo")
    with pytest.raises(CorruptFile):
        columns(fresh, "orders", "2026-03", FIELDS)
    fresh.close()


def test_a_file_past_the_mapping_size_is_read_mapped_with_the_same_values(store: Store, data_dir, monkeypatch) -> None:
    import mmap

    from sellertui.store import fsio

    with store.transaction() as tx:
        tx["orders"].upsert_many(lines(30))
    path = store.layout.partition_path("orders", "2026-03")
    monkeypatch.setattr(fsio, "MAP_AT", 1)  # every file mapped
    view, sig = fsio.map_snapshot(path)
    assert isinstance(view, mmap.mmap) and view[:] == path.read_bytes() and sig == fsio.signature(path)
    view.close()
    fresh = Store(data_dir, user="bo")
    assert columns(fresh, "orders", "2026-03", FIELDS).columns == whole(store, "2026-03")
    fresh.close()
