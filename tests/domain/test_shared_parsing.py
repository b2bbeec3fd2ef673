"""Form field parsing, the filter language, the formula-safe CSV writer, the frame cache."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sellertui.domain import fields
from sellertui.core.csvsafe import csv_text, safe_cell
from sellertui.domain.fields import FieldError
from sellertui.domain.frames import FrameCache
from sellertui.domain.query import QueryError, parse


@pytest.mark.parametrize("text, expected", [("12", 12), (" 1,200 ", 1200), ("0", 0)])
def test_integer(text, expected) -> None:
    assert fields.integer(text) == expected


@pytest.mark.parametrize("text, message", [("1.5", "whole number"), ("", "whole number"), ("-1", "at least 0")])
def test_integer_errors(text, message) -> None:
    with pytest.raises(FieldError, match=message):
        fields.integer(text, low=0)


def test_money_is_minor_units() -> None:
    assert fields.money("$1,234.56", "USD") == 123456
    assert fields.money("1234", "JPY") == 1234
    with pytest.raises(FieldError, match="negative"):
        fields.money("-3", "USD")
    with pytest.raises(FieldError, match="amount in USD"):
        fields.money("abc", "USD")


def test_days_and_moments() -> None:  # the clock is frozen at 2026-11-22 09:00 UTC
    assert fields.day("today") == date(2026, 11, 22)
    assert fields.day("+3") == date(2026, 11, 25)
    assert fields.day("2026-02-28") == date(2026, 2, 28)
    with pytest.raises(FieldError):
        fields.day("2026-02-30")
    assert fields.moment("2026-11-21 14:30") == datetime(2026, 11, 21, 14, 30, tzinfo=timezone.utc)
    with pytest.raises(FieldError, match="future"):
        fields.moment("2026-12-01 10:00")


@given(st.text())
def test_field_parsers_raise_only_field_errors(value: str) -> None:
    for parser in (fields.integer, fields.number, fields.day, fields.moment, lambda v: fields.money(v, "USD")):
        try:
            parser(value)
        except FieldError:
            pass


def test_query_words_and_terms() -> None:
    q = parse('fbm "maple board" status:Unshipped from:2026-11-01', {"status", "from"})
    assert q.words == ["fbm", "maple board"]
    assert q.terms == {"status": "Unshipped", "from": "2026-11-01"}
    assert parse("113-1234567-7654321", {"status"}).words == ["113-1234567-7654321"]
    with pytest.raises(QueryError, match="unknown filter 'colour:'"):
        parse("colour:red", {"status"})


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\tx"])
def test_formula_cells_are_neutralised(cell) -> None:
    assert safe_cell(cell) == "'" + cell
    assert safe_cell(-5) == -5 and safe_cell("plain") == "plain" and safe_cell("-12.50") == "-12.50"
    assert csv_text(["a"], [[cell]]).splitlines()[1].lstrip('"').startswith("'")


def test_frame_cache_rebuilds_only_changed_partitions(store) -> None:
    with store.transaction() as tx:
        tx["orders"].upsert_many([{"id": f"o{i}", "purchase_date": f"2026-0{1 + i % 2}-01", "q": i} for i in range(4)])
    builds: list[int] = []

    def build(docs):
        builds.append(len(docs))
        return pd.DataFrame.from_records(docs, columns=["id", "q"])

    cache = FrameCache(store)
    assert len(cache.frame("orders", build)) == 4 and builds == [2, 2]
    cache.frame("orders", build)
    assert builds == [2, 2]  # nothing changed, nothing rebuilt
    with store.transaction() as tx:
        tx["orders"].update("o1", {"q": 10}, partition="2026-02")
    frame = cache.frame("orders", build)
    assert builds == [2, 2, 2] and frame.set_index("id").loc["o1", "q"] == 10


def test_frames_persist_on_disk_and_never_go_stale(store, tmp_path) -> None:
    with store.transaction() as tx:
        tx["orders"].upsert_many([{"id": f"o{i}", "purchase_date": "2026-01-01", "q": i} for i in range(3)])
    builds: list[int] = []

    def build(docs):
        builds.append(len(docs))
        return pd.DataFrame.from_records(docs, columns=["id", "q"])

    FrameCache(store, tmp_path / "cache").frame("orders", build)
    again = FrameCache(store, tmp_path / "cache").frame("orders", build)  # a new app: read from disk
    assert builds == [3] and sorted(again["q"]) == [0, 1, 2]
    with store.transaction() as tx:
        tx["orders"].update("o0", {"q": 9}, partition="2026-01")
    fresh = FrameCache(store, tmp_path / "cache").frame("orders", build)
    assert builds == [3, 3] and sorted(fresh["q"]) == [1, 2, 9]
    assert len(list((tmp_path / "cache").rglob("*.feather"))) == 1  # the old copy was removed


def test_query_shape_tells_when_typing_only_narrows() -> None:
    from sellertui.domain.query import shape

    assert shape("status:unshipped maple") == ({"status": "unshipped"}, 1)
    assert shape("status:unshipped channel")[0] != shape("status:unshipped channel:")[0]
    assert shape("status:ord")[0] != shape("status:order_now")[0]  # exact terms are searched again
    assert shape("113-1234567-7654321") == ({}, 1)


def test_frame_cache_keeps_only_its_budget_in_memory_and_rereads_the_rest_from_disk(tmp_path) -> None:
    from sellertui.domain.frames import FrameCache
    from sellertui.store import open_store

    store = open_store(tmp_path / "shop", user="ana")
    with store.transaction() as tx:
        tx["orders"].upsert_many([{"id": f"o{m}-{i}", "order_id": f"o{m}-{i}", "purchase_date": f"2026-{m:02d}-03",
                                   "sku": "S" * 50} for m in range(1, 7) for i in range(200)])
    built = []

    def build(docs):
        import pandas as pd

        built.append(len(docs))
        return pd.DataFrame({"sku": [d["sku"] for d in docs]})

    cache = FrameCache(store, tmp_path / "cache")
    first = cache.frame("orders", build, name="t")
    assert len(first) == 1200 and len(built) == 6
    one_part = sum(cache._sizes.values()) // len(cache._sizes)
    cache.MEMORY_BUDGET = 2 * one_part  # room for two months
    cache.frame("orders", build, name="t")
    assert len(cache._parts) == 2  # the two most recently used
    again = cache.frame("orders", build, name="t")
    assert len(again) == 1200 and len(built) == 6  # the others came back from disk, not rebuilt
    memory_only = FrameCache(store, None)
    memory_only.MEMORY_BUDGET = 1
    memory_only.frame("orders", build, name="t")
    assert len(memory_only._parts) == 6  # without a disk copy nothing is dropped


def test_a_folder_stores_frames_live_beside_it_for_every_process_and_login(tmp_path, monkeypatch) -> None:
    from sellertui.store import open_store

    store = open_store(tmp_path / "data", user="ana")
    with store.transaction() as tx:
        tx["orders"].upsert_many([{"id": f"o{i}", "purchase_date": "2026-01-01", "q": i} for i in range(3)])
    builds: list[int] = []

    def build(docs):
        builds.append(len(docs))
        return pd.DataFrame.from_records(docs, columns=["id", "q"])

    monkeypatch.setenv("SELLERTUI_CACHE_DIR", str(tmp_path / "ana-cache"))
    FrameCache.for_store(store).frame("orders", build)
    monkeypatch.setenv("SELLERTUI_CACHE_DIR", str(tmp_path / "ben-cache"))  # another login, or a cleared cache
    again = FrameCache.for_store(open_store(tmp_path / "data", user="ben")).frame("orders", build)
    assert builds == [3] and sorted(again["q"]) == [0, 1, 2]
    written = list((tmp_path / "data" / "frames").rglob("*.feather"))
    assert len(written) == 1 and written[0].stat().st_mode & 0o777 == 0o600
    assert not (tmp_path / "ana-cache").exists() and not (tmp_path / "ben-cache").exists()
    # outside the store tree: never part of backups, checks or copies
    assert all(p.relative_to(tmp_path / "data").parts[0] == "store" for p in store.layout.data_files())
