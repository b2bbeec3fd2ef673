"""Snapshots of the Ads tab on the demo shop (frozen clock) at 80×24 and 120×40."""

from __future__ import annotations

import pytest

from tests.ui.conftest import settle
from tests.ui.test_snapshots import shop_at_home  # noqa: F401 - the fixture


def ads(make_app, shop, *keys: str):
    app = make_app(shop)

    async def ready(pilot) -> None:
        await settle(pilot, app)
        for key in ("3", *keys):
            await pilot.press(key)
            await settle(pilot, app)

    return app, ready


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
@pytest.mark.parametrize("view", ["s", "p", "O"])
def test_ads_views(snap_compare, make_app, shop_at_home, size, view) -> None:  # noqa: F811
    app, ready = ads(make_app, shop_at_home, view)
    assert snap_compare(app, terminal_size=size, run_before=ready)


@pytest.mark.parametrize("view", ["t", "L"])
def test_targets_and_ledger(snap_compare, make_app, shop_at_home, view) -> None:  # noqa: F811
    app, ready = ads(make_app, shop_at_home, view)
    assert snap_compare(app, terminal_size=(120, 40), run_before=ready)


def test_why_a_proposal(snap_compare, make_app, shop_at_home) -> None:  # noqa: F811
    app, ready = ads(make_app, shop_at_home, "p", "i")
    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)


@pytest.mark.parametrize("view", ["K", "P", "B", "I"])
def test_keywords_products_research_reports(snap_compare, make_app, shop_at_home, view) -> None:  # noqa: F811
    app, ready = ads(make_app, shop_at_home, view)
    assert snap_compare(app, terminal_size=(120, 40), run_before=ready)


def test_the_view_bar_at_80_columns_names_only_the_view_shown(snap_compare, make_app, shop_at_home) -> None:  # noqa: F811
    app, ready = ads(make_app, shop_at_home, "K")
    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)
