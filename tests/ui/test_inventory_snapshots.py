"""Snapshots of the Inventory tab on the demo shop (frozen clock): SKUs, purchase orders, a working."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.conftest import settle
from tests.ui.test_snapshots import shop_at_home  # noqa: F401 - the fixture


def _keys(make_app, shop: Path, keys: list[str]):
    app = make_app(shop)

    async def ready(pilot) -> None:
        await settle(pilot, app)
        for key in keys:
            await pilot.press(key)
            await settle(pilot, app)

    return app, ready


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_skus(snap_compare, make_app, shop_at_home: Path, size) -> None:  # noqa: F811
    app, ready = _keys(make_app, shop_at_home, ["5"])
    assert snap_compare(app, terminal_size=size, run_before=ready)


def test_purchase_orders(snap_compare, make_app, shop_at_home: Path) -> None:  # noqa: F811
    app, ready = _keys(make_app, shop_at_home, ["5", "p"])
    assert snap_compare(app, terminal_size=(120, 40), run_before=ready)


def test_order_quantity_working(snap_compare, make_app, shop_at_home: Path) -> None:  # noqa: F811
    app, ready = _keys(make_app, shop_at_home, ["5", "j", "right", "right", "right", "right", "w"])
    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)
