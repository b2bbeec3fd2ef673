"""The ledger an earlier process built is read back while nothing behind it changed, and never after."""

from __future__ import annotations

import stat

import pytest

from sellertui.domain.frames import FrameCache
from sellertui.domain.profit import kept, service as service_module
from sellertui.domain.profit.service import ProfitService
from sellertui.domain.shop import own_cache_dir
from tests.domain.profit.conftest import MUG, order


def again(service: ProfitService) -> ProfitService:
    """A new process's service over the same store (nothing in memory)."""
    return ProfitService(service.store, FrameCache.for_store(service.store), service.settings, "ana")


def net(service: ProfitService) -> int:
    statement = service.statement("month")
    return statement.values["net"][statement.periods.index("2026-10")]


def no_build(monkeypatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("the ledger was built again")

    monkeypatch.setattr(service_module, "build_ledger", refuse)


def test_a_second_process_reads_the_kept_ledger(profit, monkeypatch) -> None:
    first = profit(products=[{"id": "MUG", **MUG}], orders=[order("A", "2026-10-10", 2, 2000)])
    built = net(first)
    path = kept._path(first.store, first._cached[0])
    assert path.exists() and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    no_build(monkeypatch)
    second = again(first)
    assert net(second) == built
    assert second.skus("2026-10", "month")  # the products came back with it


def test_a_write_or_another_day_builds_it_again(profit, monkeypatch) -> None:
    first = profit(products=[{"id": "MUG", **MUG}], orders=[order("A", "2026-10-10", 2, 2000)])
    before = net(first)
    with first.store.transaction("one more order") as tx:
        tx["orders"].upsert_many([order("B", "2026-10-12", 1, 1000)])
    after = again(first)
    assert net(after) != before  # the kept ledger was of other files
    assert len(list(own_cache_dir(first.store, "ledgers").glob("*.pickle"))) == 1  # the older one replaced
    monkeypatch.setenv("SELLERTUI_NOW", "2026-11-02T09:00:00+00:00")
    no_build(monkeypatch)
    with pytest.raises(AssertionError, match="built again"):
        again(first).statement("month")


def test_a_damaged_kept_ledger_is_a_miss(profit) -> None:
    first = profit(products=[{"id": "MUG", **MUG}], orders=[order("A", "2026-10-10", 2, 2000)])
    built = net(first)
    kept._path(first.store, first._cached[0]).write_bytes(b"not a pickle")
    assert net(again(first)) == built
