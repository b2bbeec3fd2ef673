"""Snapshots of the competitor watch (Inventory → c, its history), team notices and per-agent performance
(Team → N, p) on the demo shop, frozen clock."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.test_inventory_snapshots import _keys
from tests.ui.test_snapshots import shop_at_home  # noqa: F401 - the fixture


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_watch_list(snap_compare, make_app, shop_at_home: Path, size) -> None:  # noqa: F811
    app, ready = _keys(make_app, shop_at_home, ["5", "c"])
    assert snap_compare(app, terminal_size=size, run_before=ready)


@pytest.mark.parametrize("chart", [[], ["c"]])
def test_watch_history(snap_compare, make_app, shop_at_home: Path, chart) -> None:  # noqa: F811
    app, ready = _keys(make_app, shop_at_home, ["5", "c", "j", "j", "enter", *chart])
    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)


@pytest.mark.parametrize("view", ["N", "p"])
def test_notices_and_performance(snap_compare, make_app, shop_at_home: Path, view) -> None:  # noqa: F811
    app, ready = _keys(make_app, shop_at_home, ["7", view])
    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)
