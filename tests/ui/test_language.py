"""The language switched live: f2 and the palette, the open tab kept, the choice remembered."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

from textual.widgets import TabbedContent
from textual.widgets._footer import FooterKey

from sellertui import paths
from sellertui.core.i18n import language
from sellertui.ui.shell.header import ShopHeader
from tests.ui.conftest import settle


def footer_words(app) -> list[str]:
    return [key.description for key in app.screen.query(FooterKey)]


async def test_f2_switches_to_chinese_and_back_keeping_the_tab(make_app, demo_dir: Path) -> None:
    shutil.copytree(demo_dir, Path.home() / "shop")
    app = make_app(Path.home() / "shop")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await pilot.press("2")
        await settle(pilot, app)
        shop = app.query_one(ShopHeader).shop
        assert "Help" in footer_words(app)
        await pilot.press("f2")
        await settle(pilot, app)
        assert language() == "zh-CN"
        assert "帮助" in footer_words(app) and "Help" not in footer_words(app)
        assert app.query_one(TabbedContent).active == "tab-orders"
        assert app.query_one(ShopHeader).shop == shop  # the header's state came along
        saved = tomllib.loads(paths.config_file().read_text(encoding="utf-8"))
        assert saved["language"] == "zh-CN"
        await pilot.press("f2")
        await settle(pilot, app)
        assert language() == "en" and "Help" in footer_words(app)
        assert app.query_one(TabbedContent).active == "tab-orders"


async def test_the_language_comes_from_config(make_app, demo_dir: Path) -> None:
    shutil.copytree(demo_dir, Path.home() / "shop")
    app = make_app(Path.home() / "shop", config='user = "ana"\nlanguage = "zh-CN"\n')
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        assert language() == "zh-CN" and "帮助" in footer_words(app)


async def test_the_palette_lists_the_language_switch_in_both_languages(make_app, demo_dir: Path) -> None:
    shutil.copytree(demo_dir, Path.home() / "shop")
    app = make_app(Path.home() / "shop", config='user = "ana"\nlanguage = "zh-CN"\n')
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "应用: 语言 简体中文 / English" in titles and "应用: 帮助" in titles
