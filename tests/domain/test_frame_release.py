"""The frame cache lets go of the partitions it keeps in memory when told (a tab left, the P&L's sources read):
the next read comes from the disk copy, the same frame; without a disk copy nothing is let go."""

from __future__ import annotations

import pandas as pd

from sellertui.domain.frames import FrameCache


def build(docs: list[dict]) -> pd.DataFrame:
    built.append(len(docs))
    return pd.DataFrame({"sku": [d["sku"] for d in docs]})


built: list[int] = []


def _products(store) -> None:
    with store.transaction("t") as tx:
        tx["products"].insert({"id": "A-1", "sku": "A-1", "title": "Mug"})
        tx["products"].insert({"id": "B-2", "sku": "B-2", "title": "Cup"})


def test_released_partitions_are_read_again_from_disk(store, tmp_path) -> None:
    _products(store)
    built.clear()
    cache = FrameCache(store, tmp_path / "frames")
    first = cache.frame("products", build)
    assert cache._parts and built == [2]
    assert cache.release()  # kept on disk: what is let go reads back
    assert not cache._parts and not cache._sizes
    again = cache.frame("products", build)
    assert built == [2]  # read back from the disk copy, not built again
    pd.testing.assert_frame_equal(again, first)


def test_without_a_disk_copy_the_partitions_stay(store) -> None:
    _products(store)
    cache = FrameCache(store, None)
    cache.frame("products", build)
    assert not cache.release()
    assert cache._parts  # letting go would mean building them again


def test_a_read_under_way_is_not_waited_for_and_lets_go_as_it_ends(store, tmp_path) -> None:
    _products(store)
    cache = FrameCache(store, tmp_path / "frames")
    cache.frame("products", build)
    with cache._lock:  # a worker's read holds the lock: the UI thread goes on without letting go
        assert cache.release()
        assert cache._parts
    got = cache.frame("products", build)  # the next read to end lets go: its caller holds what it asked for
    assert not cache._parts and not cache._sizes and list(got["sku"]) == ["A-1", "B-2"]
    cache.frame("products", build)  # once: later reads keep their partitions again
    assert cache._parts
