"""Several shops: config.toml lists them, --shop opens one, `sellertui shops` lists them, Today spans them."""

from __future__ import annotations

import json
import shutil

import pytest

from sellertui import config, paths
from sellertui.cli import main
from sellertui.context import Context


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def write_config(text: str) -> None:
    paths.config_file().parent.mkdir(parents=True, exist_ok=True)
    paths.config_file().write_text(text)


@pytest.fixture
def two_shops(demo_dir, tmp_path, monkeypatch):
    """main: the demo shop; brand-b: another copy of it, with its own settings file."""
    monkeypatch.delenv("SELLERTUI_DATA_DIR")  # it would win over config.toml's data_dir
    main_dir, other_dir = tmp_path / "main", tmp_path / "brand-b"
    shutil.copytree(demo_dir, main_dir)
    shutil.copytree(demo_dir, other_dir)
    write_config(f'user = "ana"\ndata_dir = "{main_dir}"\n\n[shops.brand-b]\ndata_dir = "{other_dir}"\n')
    own = paths.config_dir() / "shops" / "brand-b.toml"
    own.parent.mkdir(parents=True)
    own.write_text('shop_name = "Brand B"\nhome_currency = "EUR"\n')
    return main_dir, other_dir


def test_shops_lists_each_shop_and_where_it_lives(capsys, two_shops) -> None:
    main_dir, other_dir = two_shops
    code, out, _ = run(capsys, "shops", "--json")
    rows = json.loads(out)
    assert code == 0 and [(r["name"], r["store"], r["open"]) for r in rows] == [
        ("main", str(main_dir), True), ("brand-b", str(other_dir), False)]
    assert rows[1]["shop_name"] == "Brand B" and rows[1]["settings"].endswith("shops/brand-b.toml")
    code, out, _ = run(capsys, "shops", "--shop", "brand-b")
    assert out.splitlines()[1].startswith("* brand-b")


def test_a_shop_has_its_own_store_and_settings_and_the_users_name(two_shops) -> None:
    _, other_dir = two_shops
    ctx = Context.create(shop="brand-b")
    assert ctx.data_dir == other_dir and ctx.settings.home_currency == "EUR" and ctx.user == "ana"
    assert ctx.settings.path.name == "brand-b.toml"  # the settings forms write the shop's own file
    ctx.close()


def test_an_unknown_shop_is_one_sentence_naming_the_known_ones(capsys, two_shops) -> None:
    code, _, err = run(capsys, "summary", "--shop", "brand-c")
    assert code == 1 and "no shop named 'brand-c'" in err and "main, brand-b" in err


@pytest.mark.parametrize("table, problem", [
    ('[shops.main]\ndata_dir = "x"\n', "not 'main'"),
    ('[shops.b]\ndatadir = "x"\n', "takes only store"),
    ('[shops."a b"]\nstore = "x"\n', "must be letters"),
])
def test_bad_shop_tables_are_named(table, problem) -> None:
    write_config(table)
    with pytest.raises(config.ConfigError, match=problem):
        config.load()


def test_today_spans_the_shops_each_item_labelled(capsys, two_shops) -> None:
    code, out, _ = run(capsys, "today", "--json")
    items = [i for s in json.loads(out)["sections"] for i in s["items"]]
    assert code == 0 and {i.get("shop", "") for i in items} == {"", "brand-b"}
    theirs = [i for i in items if i.get("shop")]
    assert all(i["key"].startswith("brand-b/") for i in theirs)
    code, out, _ = run(capsys, "today")
    assert "[brand-b] " in out
    code, out, _ = run(capsys, "today", "--json", "--this-shop")
    assert all("shop" not in i for s in json.loads(out)["sections"] for i in s["items"])


def test_a_shop_that_cannot_be_opened_is_one_item_not_a_failed_today(capsys, two_shops, tmp_path) -> None:
    main_dir, _ = two_shops
    write_config(f'user = "ana"\ndata_dir = "{main_dir}"\n\n[shops.away]\nstore = "postgresql:///x?host={tmp_path}"\n')
    code, out, _ = run(capsys, "today", "--json")
    sections = {s["name"]: s for s in json.loads(out)["sections"]}
    (item,) = sections["Shops that cannot be read now"]["items"]
    assert code == 0 and item["shop"] == "away" and "cannot be reached" in item["title"]


def test_the_app_opens_the_chosen_shop_after_a_switch(two_shops, monkeypatch) -> None:
    import sellertui.ui.app as app_module
    from sellertui.cli.run_app import run_app

    opened = []

    class FakeApp:
        def __init__(self, ctx) -> None:
            self.ctx, self.return_code = ctx, 0
            self.switch_to = "brand-b" if not opened else None

        def run(self) -> None:
            opened.append((self.ctx.shop_name, self.ctx.settings.shop_name))

    monkeypatch.setattr(app_module, "SellerApp", FakeApp)
    import argparse

    assert run_app(argparse.Namespace()) == 0
    assert opened == [("main", "My shop"), ("brand-b", "Brand B")]
