"""Several shops in the app: the switcher (O and the palette) and one Today across the shops."""

from __future__ import annotations

import shutil

import pytest

from sellertui.context import Context
from sellertui.ui.app import SellerApp
from sellertui.ui.shell.shop_switcher import ShopSwitcher
from sellertui.ui.tabs.today.area import Checklist
from tests.ui.conftest import settle, write_config


@pytest.fixture
def two_shops(demo_dir, tmp_path, monkeypatch):
    monkeypatch.delenv("SELLERTUI_DATA_DIR")
    main_dir, other_dir = tmp_path / "main", tmp_path / "brand-b"
    shutil.copytree(demo_dir, main_dir)
    shutil.copytree(demo_dir, other_dir)
    write_config(f'user = "ana"\ndata_dir = "{main_dir}"\n\n[shops.brand-b]\ndata_dir = "{other_dir}"\n')
    return SellerApp(Context.create(), watch_signals=False)


async def test_o_lists_the_shops_and_enter_opens_the_chosen_one(two_shops) -> None:
    app = two_shops
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await pilot.press("O")
        await pilot.pause()
        assert isinstance(app.screen, ShopSwitcher)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ShopSwitcher) and app.switch_to is None
        await pilot.press("O", "down", "enter")
        await pilot.pause()
    assert app.switch_to == "brand-b"


async def test_the_palette_offers_the_switch(two_shops) -> None:
    app = two_shops
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "App: switch shop" in titles


async def test_today_shows_the_other_shops_items_labelled_and_leaves_them_to_their_shop(two_shops) -> None:
    app = two_shops
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        checklist = app.query_one(Checklist)
        lines = [str(checklist.get_option_at_index(i).prompt) for i in range(checklist.option_count)]
        theirs = [line for line in lines if "[brand-b] " in line]
        assert theirs and len(theirs) < len(lines)
        index = next(i for i, line in enumerate(lines) if "[brand-b] " in line)
        checklist.highlighted = index
        await pilot.press("space")
        await pilot.pause()
        assert any("switch to it (O)" in n.message for n in app._notifications)
