"""Records written as columns: the same files, counts and reads as the same records written as dicts."""

from __future__ import annotations

import orjson
import pytest

from sellertui.store import InvalidRecord
from sellertui.store.columns import ColumnPart, Columns, encode_part
from sellertui.store.core import Store


def rows(n: int, month: str = "2026-03", start: int = 0) -> list[dict]:
    return [{"date": f"{month}-{1 + i % 28:02d}", "term": f"term é\"{i}\\", "clicks": i % 3 or None,
             "rate": 0.5 if i % 2 else 1, "flag": bool(i % 2), "id": f"r{start + i}"} for i in range(n)]


def file_bytes(store: Store, part: str) -> bytes:
    return store.layout.partition_path("search_terms", part).read_bytes()


def test_a_partition_encoded_from_columns_is_byte_for_byte_the_dicts_file() -> None:
    docs = rows(23)
    marks = {"_v": 2, "_rev": 1, "_at": "2026-03-01T00:00:00+00:00", "_by": "ana"}
    expected = orjson.dumps({"search_terms": {d["id"]: {**d, **marks} for d in docs}})
    for chunk in (1, 5, 23, 100):  # chunk edges anywhere
        assert b"".join(encode_part("search_terms", ColumnPart(Columns.from_dicts(docs), marks), chunk)) == expected
    assert b"".join(encode_part("t", ColumnPart(Columns.from_dicts([]), marks))) == b'{"t":{}}'


def test_columns_and_dicts_write_the_same_store(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr("sellertui.clock.stamp", lambda: "2026-03-31T09:00:00+00:00")
    docs = rows(40) + rows(10, "2026-04", 40)
    as_dicts, as_columns = Store(tmp_path / "a", user="ana"), Store(tmp_path / "b", user="ana")
    with as_dicts.transaction("t") as tx:
        counted_dicts = tx["search_terms"].upsert_many([dict(d) for d in docs])
    with as_columns.transaction("t") as tx:
        counted_columns = tx["search_terms"].upsert_many(Columns.from_dicts(docs))
    assert counted_columns == counted_dicts == {"inserted": 50, "updated": 0, "unchanged": 0}
    for part in ("2026-03", "2026-04"):
        assert file_bytes(as_columns, part) == file_bytes(as_dicts, part)
    assert as_columns["search_terms"].get("r45")["date"].startswith("2026-04")
    assert as_columns["search_terms"].count() == 50


@pytest.mark.parametrize("owned", [False, True])
def test_columns_into_a_partition_with_records_merge_like_dicts(store: Store, owned: bool) -> None:
    with store.transaction() as tx:
        tx["search_terms"].upsert_many(rows(5))
    changed = [{**d, "clicks": 9} if d["id"] == "r1" else d for d in rows(5)] + rows(2, "2026-05", 5)
    changed = changed[5:6] + changed[:5] + changed[6:]  # a new month's row first: dealt after the merged ones
    with store.transaction() as tx:
        counts = tx["search_terms"].upsert_many(Columns.from_dicts(changed), owned=owned)
    assert counts == {"inserted": 2, "updated": 1, "unchanged": 4}
    assert store["search_terms"].get("r1")["clicks"] == 9 and store["search_terms"].get("r1")["_rev"] == 2
    assert [d["id"] for d in store["search_terms"].docs("2026-05").values()] == ["r5", "r6"]


def test_a_partition_staged_as_columns_reads_back_inside_the_transaction(store: Store) -> None:
    with store.transaction() as tx:
        tx["search_terms"].upsert_many(Columns.from_dicts(rows(3)))
        assert tx["search_terms"].get("r2")["_rev"] == 1
        tx["search_terms"].update("r2", {"clicks": 7})
    assert store["search_terms"].get("r2")["clicks"] == 7 and store["search_terms"].count() == 3


def test_one_key_twice_in_columns_keeps_the_later_row(store: Store) -> None:
    docs = rows(3) + [{**rows(1)[0], "clicks": 5}]
    with store.transaction() as tx:
        counts = tx["search_terms"].upsert_many(Columns.from_dicts(docs))
    assert counts["inserted"] == 3 and store["search_terms"].get("r0")["clicks"] == 5


def test_a_value_json_cannot_hold_writes_nothing(store: Store) -> None:
    bad = rows(3)
    bad[2]["term"] = "\ud800"
    with pytest.raises(InvalidRecord, match="cannot be stored"):
        with store.transaction() as tx:
            tx["search_terms"].upsert_many(Columns.from_dicts(bad))
    assert store["search_terms"].count() == 0
    assert not list(store.layout.collection_dir("search_terms").glob(".*"))  # no temp file left behind


def test_taking_rows_gives_those_rows_in_order_whether_or_not_they_run_on() -> None:
    records = Columns.from_dicts(rows(6))
    for picked in ([2, 3, 4], [4, 2, 3], [0, 5], [1], list(range(6))[1:]):
        taken = records.take(picked)
        assert taken.dicts() == [records[i] for i in picked]
    run = records.take([1, 2, 3])
    run.columns["term"][0] = "changed"  # a copy: the batch it came from is untouched
    assert records[1]["term"] != "changed"


def test_a_span_of_shared_columns_encodes_as_its_own_rows() -> None:
    docs = rows(9)
    marks = {"_v": 2, "_rev": 1, "_at": "2026-03-01T00:00:00+00:00", "_by": "ana"}
    part = ColumnPart(Columns.from_dicts(docs), marks, span=(2, 8))
    piece = part.piece(1, 4)  # rows 3..5 of the shared columns
    assert b"".join(encode_part("t", part, 4)) == orjson.dumps({"t": {d["id"]: {**d, **marks} for d in docs[2:8]}})
    assert b"".join(encode_part("t", piece, 2)) == orjson.dumps({"t": {d["id"]: {**d, **marks} for d in docs[3:6]}})
    assert len(piece) == 3 and piece.records.ids == ["r3", "r4", "r5"] and list(piece) == ["r3", "r4", "r5"]


def test_columns_reordered_in_place_when_handed_over() -> None:
    columns = Columns.from_dicts(rows(4))
    copy = columns.reorder([3, 1], owned=False)
    assert copy.ids == ["r3", "r1"] and columns.ids == ["r0", "r1", "r2", "r3"]
    assert columns.reorder([0, 1, 2, 3]) is columns
    assert columns.reorder([2, 0], owned=True) is columns and columns.n == 2 and columns.ids == ["r2", "r0"]
    assert columns.column("term") == [rows(4)[2]["term"], rows(4)[0]["term"]]


def test_a_big_import_over_months_and_split_files_reads_back_every_record(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr("sellertui.store.splits.SPLIT_AT", 10)
    docs = [d for n, month in enumerate(("2026-03", "2026-04", "2026-05")) for d in rows(15 + n, month, 100 * n)]
    docs = docs[::2] + docs[1::2]  # months interleaved, as a report's rows near a month's end are
    as_dicts, as_columns = Store(tmp_path / "a", user="ana"), Store(tmp_path / "b", user="ana")
    with as_dicts.transaction("t") as tx:
        tx["search_terms"].upsert_many([dict(d) for d in docs])
    handed = Columns.from_dicts(docs)
    with as_columns.transaction("t") as tx:
        assert tx["search_terms"].upsert_many(handed, owned=True)["inserted"] == len(docs)
    for part in ("2026-03", "2026-04", "2026-05"):
        assert as_columns["search_terms"].docs(part) == as_dicts["search_terms"].docs(part)
    assert sorted(p.name for p in as_columns.layout.collection_dir("search_terms").glob("*.json")) == sorted(
        p.name for p in as_dicts.layout.collection_dir("search_terms").glob("*.json"))
