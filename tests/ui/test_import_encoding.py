"""The import screen asks which encoding a file is in when sellertui cannot tell, showing each reading."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList, Static

from sellertui.store import open_store
from sellertui.ui.shell.importing import ImportScreen
from tests.ui.conftest import settle
from tests.ui.test_import_screen import type_path

HEADER = ("order-id\torder-item-id\tpurchase-date\tpayments-date\tbuyer-email\tbuyer-name\tsku\tproduct-name\t"
          "quantity-purchased\tcurrency\titem-price\n")


def shown(screen) -> str:
    return str(screen.query_one("#preview", Static).render())


async def test_an_ambiguous_file_asks_with_a_line_of_each_reading_and_imports_the_choice(
        make_app, data_dir: Path, tmp_path: Path) -> None:
    report = tmp_path / "orders.txt"  # two hanzi: GBK, Big5 and Shift_JIS all read these four bytes
    report.write_bytes((HEADER + "112-0000001-0000001\t111\t2026-01-06T09:00:00+00:00\t2026-01-06T09:05:00+00:00\t"
                        "x@m.com\t张伟\tSKU-1\tBoard\t1\tCNY\t99.00\n").encode("gbk"))
    app = make_app(data_dir)
    async with app.run_test(size=(110, 34)) as pilot:
        await settle(pilot, app)
        await pilot.press("escape")
        await pilot.press("i")
        await type_path(pilot, app, report)
        assert isinstance(app.screen, ImportScreen) and "Which encoding is this file in?" in shown(app.screen)
        choice = app.screen.query_one("#encodings", OptionList)
        prompts = [str(choice.get_option_at_index(i).prompt) for i in range(choice.option_count)]
        assert any("GBK" in p and "张伟" in p for p in prompts) and any("Shift_JIS" in p and "ﾕﾅﾎｰ" in p for p in prompts)
        assert open_store(data_dir)["orders"].count() == 0
        gbk = next(i for i, p in enumerate(prompts) if "GBK" in p)
        choice.focus()
        choice.highlighted = gbk
        await pilot.press("enter")
        await settle(pilot, app)
        preview = shown(app.screen)
        assert "text read as GBK / GB18030 (Chinese, simplified), as you chose" in preview
        await pilot.press("enter")  # import
        await settle(pilot, app)
        assert "1 new" in shown(app.screen)
    store = open_store(data_dir)
    assert [b["name"] for b in store["buyers"].all()] == ["张伟"]
    assert [o["buyer_name"] for o in store["orders"].all()] == ["张伟"]
