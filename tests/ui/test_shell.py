"""The shell: tabs, help, palette, quit, welcome, outside changes, damaged store, settings."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

from textual.widgets import TabbedContent

from sellertui import config, paths
from sellertui.store import open_store
from sellertui.ui.shell.header import ShopHeader
from sellertui.ui.shell.help_screen import HelpScreen
from sellertui.ui.shell.problem_screen import StoreProblemScreen
from sellertui.ui.shell.welcome import WelcomeScreen
from tests.ui.conftest import settle

TAB_IDS = ["today", "orders", "ads", "promotions", "inventory", "profit", "team"]


async def test_number_keys_and_brackets_switch_tabs(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        tabs = app.query_one(TabbedContent)
        assert tabs.active == "tab-today"
        for key, slug in zip("1234567", TAB_IDS):
            await pilot.press(key)
            assert tabs.active == f"tab-{slug}"
        await pilot.press("right_square_bracket")
        assert tabs.active == "tab-today"
        await pilot.press("left_square_bracket")
        assert tabs.active == "tab-team"


async def test_help_lists_the_keys_and_closes(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        listed = {desc for _, rows in app.screen.groups for _, desc in rows}
        assert {"Help", "Quit", "Refresh", "Orders", "Team"} <= listed
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_palette_runs_area_commands(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+p")
        await pilot.press(*"Go: Inventory")
        await settle(pilot, app)
        await pilot.press("enter")
        await pilot.pause()
        assert app.query_one(TabbedContent).active == "tab-inventory"


async def test_q_quits(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_empty_store_offers_the_demo_shop(make_app, data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("d")
        await settle(pilot, app)
        assert not isinstance(app.screen, WelcomeScreen)
        assert app.query_one(ShopHeader).shop == "Maple & Moss (demo)"
    assert open_store(data_dir).summary()["orders"] > 4000


async def test_empty_store_can_start_empty(make_app, data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, WelcomeScreen)
    assert open_store(data_dir).is_empty()


async def test_another_process_change_shows_within_two_seconds(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        header = app.query_one(ShopHeader)
        assert header.outside_change == ""
        teammate = open_store(demo_copy, user="ben")
        with teammate.transaction("added task") as tx:
            tx["tasks"].insert({"title": "from ben", "status": "todo"})
        for _ in range(300):
            await pilot.pause(0.1)
            if header.outside_change:
                break
        assert header.outside_change == "ben changed tasks at 09:00"
        await pilot.press("r")
        assert header.outside_change == ""


async def test_a_damaged_store_offers_its_backup(make_app, demo_copy: Path, monkeypatch) -> None:
    store = open_store(demo_copy)
    with store.transaction() as tx:  # makes today's backup
        tx["tasks"].insert({"title": "x"})
    store.layout.meta.write_text("{ not json")
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        assert isinstance(app.screen, StoreProblemScreen)
        assert "meta.json" in app.screen.message
        await pilot.press("r")
        await settle(pilot, app)
        assert not isinstance(app.screen, StoreProblemScreen)
    assert list((demo_copy / "store").glob("meta.json.damaged-*"))
    assert open_store(demo_copy).summary()["orders"] > 0


async def test_a_damaged_store_without_backup_quits_with_the_reason(make_app, demo_copy: Path) -> None:
    (demo_copy / "store" / "meta.json").write_text("{ not json")
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        assert isinstance(app.screen, StoreProblemScreen) and not app.screen.can_restore
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 1


async def test_user_text_in_the_header_is_not_markup(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy, 'shop_name = "[red]Bold[/] & \\u001b[31mCo"\nuser = "[b]ana"\n')
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        text = app.query_one(ShopHeader).render().plain
        assert text.startswith("[red]Bold[/] & ") and "[b]ana" in text
        assert "\x1b" not in "".join(seg.text for seg in app.query_one(ShopHeader).render().render(app.console))


async def test_the_theme_choice_persists(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy, '# my settings\nuser = "ana"\n')
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        app.theme = "nord"
        await settle(pilot, app)
    text = paths.config_file().read_text()
    assert 'theme = "nord"' in text and "# my settings" in text
    assert config.load().theme == "nord"


async def test_keys_can_be_remapped_in_config(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy, 'user = "ana"\n[keymap]\n"tab.orders" = "o"\n')
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await pilot.press("o")
        assert app.query_one(TabbedContent).active == "tab-orders"


async def test_an_import_that_changed_nothing_is_not_announced_as_settings(make_app, demo_copy: Path) -> None:
    """A cron re-import of a file already in writes only its activity entry: say that, not "changed settings"."""
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        header = app.query_one(ShopHeader)
        teammate = open_store(demo_copy, user="ben")
        line = next(iter(teammate["orders"].rows()))
        with teammate.transaction("imported All Orders from orders.txt") as tx:  # the same line again: unchanged
            tx["orders"].upsert_many([{k: v for k, v in line.items() if not k.startswith("_")}], owned=True)
        for _ in range(20):
            await pilot.pause(0.1)
            if header.outside_change:
                break
        assert "settings" not in header.outside_change
        assert header.outside_change == "ben: imported All Orders from orders.txt (nothing new) at 09:00"
