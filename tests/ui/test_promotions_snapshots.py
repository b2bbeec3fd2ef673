"""Snapshots of the Promotions tab on the demo shop (frozen clock): the month grid, the list, a day, the working."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.test_inventory_snapshots import _keys
from tests.ui.test_snapshots import shop_at_home  # noqa: F401 - the fixture


@pytest.mark.parametrize("view", ["m", "l"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_calendar_and_list(snap_compare, make_app, shop_at_home: Path, view, size) -> None:  # noqa: F811
    app, ready = _keys(make_app, shop_at_home, ["4", view])
    assert snap_compare(app, terminal_size=size, run_before=ready)


def test_events(snap_compare, make_app, shop_at_home: Path) -> None:  # noqa: F811
    app, ready = _keys(make_app, shop_at_home, ["4", "v"])
    assert snap_compare(app, terminal_size=(120, 40), run_before=ready)


def test_a_days_list(snap_compare, make_app, shop_at_home: Path) -> None:  # noqa: F811
    app, ready = _keys(make_app, shop_at_home, ["4", "right", "right", "right", "right", "right", "enter"])
    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)


def test_the_working_of_a_promotion(snap_compare, make_app, shop_at_home: Path) -> None:  # noqa: F811
    app, ready = _keys(make_app, shop_at_home, ["4", "l", "down", "down", "w"])
    assert snap_compare(app, terminal_size=(120, 40), run_before=ready)
