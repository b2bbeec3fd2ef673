"""Every tab in 简体中文 at 80×24, on the Chinese seller's demo shop (Chinese names, costs in yuan).

Labels the tabs have not marked yet show in English here; the snapshots change (and are looked at) as
they are translated.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import FROZEN_NOW
from tests.ui.conftest import settle

ZH_CONFIG = 'user = "ana"\nlanguage = "zh-CN"\nhome_currency = "CNY"\n'


@pytest.fixture(scope="session")
def zh_demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    previous = os.environ.get("SELLERTUI_NOW")
    os.environ["SELLERTUI_NOW"] = FROZEN_NOW
    try:
        from sellertui.demo import generate
        from sellertui.store import open_store

        target = tmp_path_factory.mktemp("zh-demo") / "shop"
        store = open_store(target, user="ana")
        generate(store, founder="ana", lang="zh-CN")
        store.close()
    finally:
        if previous is None:
            os.environ.pop("SELLERTUI_NOW", None)
        else:
            os.environ["SELLERTUI_NOW"] = previous
    shutil.rmtree(target / "backups", ignore_errors=True)
    return target


@pytest.mark.parametrize("tab", ["1", "2", "3", "4", "5", "6", "7"])
def test_every_tab_in_chinese(snap_compare, make_app, zh_demo_dir: Path, tab: str) -> None:
    shop = Path.home() / "shop"
    shutil.copytree(zh_demo_dir, shop)
    app = make_app(shop, config=ZH_CONFIG)

    async def ready(pilot) -> None:
        await settle(pilot, app)
        await pilot.press(tab)
        await settle(pilot, app)

    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)


def test_help_in_chinese(snap_compare, make_app, zh_demo_dir: Path) -> None:
    shop = Path.home() / "shop"
    shutil.copytree(zh_demo_dir, shop)
    app = make_app(shop, config=ZH_CONFIG)

    async def ready(pilot) -> None:
        await settle(pilot, app)
        await pilot.press("question_mark")
        await settle(pilot, app)

    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)


def test_welcome_in_chinese(snap_compare, make_app) -> None:
    app = make_app(Path.home() / "empty-shop", config=ZH_CONFIG)

    async def ready(pilot) -> None:
        await settle(pilot, app)

    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)
