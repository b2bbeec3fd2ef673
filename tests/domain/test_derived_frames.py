"""A value derived from several collections (ad spend by day) is kept beside the store under a hash of the
files' signatures: a new process reads it back exactly as computed, and a write to any file computes it again."""

from __future__ import annotations

import numpy as np
import pandas as pd

from sellertui.domain.frames import FrameCache


def spend() -> pd.DataFrame:
    frame = pd.DataFrame({"campaign": pd.Series(["Brand", "Generic"], dtype=object),
                          "span_first": pd.array(["2026-01-01", "2026-01-02"], dtype="str"),
                          "spend_minor": np.array([120, 30], dtype=np.int64)})
    frame["day"] = np.array(["2026-01-01", "2026-01-02"], dtype="datetime64[s]")
    return frame


def test_a_new_process_reads_the_kept_value_as_computed_until_a_file_changes(store, tmp_path) -> None:
    with store.transaction("t") as tx:
        tx["products"].insert({"id": "A-1", "sku": "A-1", "title": "Mug"})
    calls = []

    def compute():
        calls.append(1)
        return spend()

    first = FrameCache(store, tmp_path / "frames")
    made = first.derived("ads.spend", first.signature(("products",)), compute, version=1)
    again = FrameCache(store, tmp_path / "frames")
    read = again.derived("ads.spend", again.signature(("products",)), compute, version=1)
    assert len(calls) == 1
    pd.testing.assert_frame_equal(read, made)  # object text stays object, Arrow strings stay strings
    assert len(list((tmp_path / "frames" / "derived").glob("ads.spend.*.feather"))) == 1

    with store.transaction("t") as tx:
        tx["products"].insert({"id": "B-2", "sku": "B-2", "title": "Cup"})
    later = FrameCache(store, tmp_path / "frames")
    later.derived("ads.spend", later.signature(("products",)), compute, version=1)
    assert len(calls) == 2
    assert len(list((tmp_path / "frames" / "derived").glob("ads.spend.*.feather"))) == 1  # the old one gone
    newer = FrameCache(store, tmp_path / "frames")
    newer.derived("ads.spend", newer.signature(("products",)), compute, version=2)  # new code: computed afresh
    assert len(calls) == 3


def test_cached_says_whether_every_partition_is_kept_under_its_current_signature(store, tmp_path) -> None:
    from sellertui.domain.orders.table import FRAME_VERSION, build_orders

    line = {"order_id": "A", "sku": "MAT", "purchase_date": "2026-10-02T10:00:00+00:00", "quantity": 1}
    with store.transaction("t") as tx:
        tx["orders"].upsert_many([{**line, "id": "A/MAT"},
                                  {**line, "id": "B/MAT", "order_id": "B", "purchase_date": "2026-11-02T10:00:00+00:00"}])
    cache = FrameCache(store, tmp_path / "frames")
    assert not cache.cached("orders", "lines", FRAME_VERSION)  # nothing read yet
    cache.frame("orders", build_orders, name="lines", partitions=["2026-11"], version=FRAME_VERSION)
    assert not cache.cached("orders", "lines", FRAME_VERSION)  # one month of two
    cache.frame("orders", build_orders, name="lines", version=FRAME_VERSION)
    assert cache.cached("orders", "lines", FRAME_VERSION)
    assert FrameCache(store, tmp_path / "frames").cached("orders", "lines", FRAME_VERSION)  # on disk, for a new process
    assert not FrameCache(store, tmp_path / "frames").cached("orders", "lines", FRAME_VERSION + 1)  # older code's
    with store.transaction("t") as tx:
        tx["orders"].update("A/MAT", {"notes": "x"}, partition="2026-10")
    assert not cache.cached("orders", "lines", FRAME_VERSION)  # a month written since
