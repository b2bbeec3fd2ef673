"""Snapshots of the shell with the demo shop: frozen clock, fixed sizes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.ui.conftest import settle


@pytest.fixture
def shop_at_home(demo_dir: Path) -> Path:
    """The demo shop at ~/shop, so the header shows the same path in every run."""
    target = Path.home() / "shop"
    shutil.copytree(demo_dir, target)
    return target


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
@pytest.mark.parametrize("tab", ["1", "2", "7"])
def test_shell(snap_compare, make_app, shop_at_home: Path, size, tab) -> None:
    app = make_app(shop_at_home)

    async def ready(pilot) -> None:
        await settle(pilot, app)
        await pilot.press(tab)
        await settle(pilot, app)

    assert snap_compare(app, terminal_size=size, run_before=ready)


def test_help_screen(snap_compare, make_app, shop_at_home: Path) -> None:
    app = make_app(shop_at_home)

    async def ready(pilot) -> None:
        await settle(pilot, app)
        await pilot.press("question_mark")
        await settle(pilot, app)

    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)


def test_welcome_screen(snap_compare, make_app) -> None:
    app = make_app(Path.home() / "empty-shop")

    async def ready(pilot) -> None:
        await settle(pilot, app)

    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)


@pytest.mark.parametrize("view", ["a", "s", "m", "f", "b", "T", "F", "Q"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_orders_views(snap_compare, make_app, shop_at_home: Path, view, size) -> None:
    app = make_app(shop_at_home)

    async def ready(pilot) -> None:
        await settle(pilot, app)
        await pilot.press("2")
        await settle(pilot, app)
        await pilot.press(view)
        await settle(pilot, app)

    assert snap_compare(app, terminal_size=size, run_before=ready)


@pytest.mark.parametrize("view", ["m", "w", "b", "v"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_team_views(snap_compare, make_app, shop_at_home: Path, view, size) -> None:
    app = make_app(shop_at_home)

    async def ready(pilot) -> None:
        await settle(pilot, app)
        await pilot.press("7")
        await settle(pilot, app)
        await pilot.press(view)
        await settle(pilot, app)

    assert snap_compare(app, terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_today(snap_compare, make_app, shop_at_home: Path, size) -> None:
    app = make_app(shop_at_home)

    async def ready(pilot) -> None:
        await settle(pilot, app)

    assert snap_compare(app, terminal_size=size, run_before=ready)


@pytest.mark.parametrize("view", ["v", "p", "s", "H"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_profit_views(snap_compare, make_app, shop_at_home: Path, view, size) -> None:
    app = make_app(shop_at_home)

    async def ready(pilot) -> None:
        await settle(pilot, app)
        await pilot.press("6")
        await settle(pilot, app)
        await pilot.press(view)
        await settle(pilot, app)
        await pilot.pause(0.3)  # the charts draw after layout

    assert snap_compare(app, terminal_size=size, run_before=ready)


def test_a_side_panel_as_a_drawer_at_80x24(snap_compare, make_app, shop_at_home: Path) -> None:
    """Messages at 80 columns, D: the product notes and the message in a drawer across the bottom."""
    app = make_app(shop_at_home)

    async def ready(pilot) -> None:
        await settle(pilot, app)
        await pilot.press("2")
        await settle(pilot, app)
        await pilot.press("m", "D")
        await settle(pilot, app)
        await pilot.pause(0.3)  # the panel's detail waits for the cursor to rest

    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)
