"""Chinese and Latin text side by side line up at 80 columns: a table's cells and a form's fields."""

from __future__ import annotations

import pandas as pd
from rich.cells import cell_len
from textual.app import App, ComposeResult
from textual.widgets import Input, Label

from sellertui.core.i18n import set_language
from sellertui.ui.kit.forms import Field, FormScreen
from sellertui.ui.kit.table import Column, FrameTable
from tests.ui.conftest import settle

COLUMNS = [Column("sku", "SKU", 14), Column("title", "商品名称", 24), Column("buyer", "买家", 10),
           Column("qty", "数量", 5, "right"), Column("total", "Total", 12, "right")]
ROWS = pd.DataFrame({
    "sku": ["MM-BCB-LARGE", "MM-SBM-2PACK", "MM-GSJ-SET4", "MM-SSB-BOBA"],
    "title": ["枫与苔 竹制砧板 – 大号", "Silicone Baking Mat 2-Pack", "枫与苔 玻璃储物罐 Pro – 4件套 超长的名称",
              "Straw Set 珍珠奶茶款"],
    "buyer": ["王伟", "Mary Smith", "欧阳秀英", "Ahmed 陈"],
    "qty": [1, 12, 3, 250],
    "total": ["¥1,280.00", "US$45.90", "JP¥3,600", "€12.00"],
})


class TableHarness(App):
    def compose(self) -> ComposeResult:
        yield FrameTable(COLUMNS)

    def on_mount(self) -> None:
        self.query_one(FrameTable).set_frame(ROWS)


def starts(strip) -> list[int]:
    """The cell where each segment of a drawn line starts."""
    found, x = [], 0
    for segment in strip:
        found.append(x)
        x += cell_len(segment.text)
    return found


async def test_a_table_of_mixed_chinese_and_latin_cells_lines_up_at_80_columns():
    app = TableHarness()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        table = app.query_one(FrameTable)
        drawn = [table.render_line(y) for y in range(1 + len(ROWS))]  # the heading, then each row
        assert all(strip.cell_length == 80 for strip in drawn)
        columns = {tuple(starts(strip)[:2 * len(COLUMNS)]) for strip in drawn}
        assert columns == {(0, 14, 15, 39, 40, 50, 51, 56, 57, 69)}  # every cell begins where its column does
        third = drawn[3].text
        assert "枫与苔 玻璃储物罐 Pro –… 欧阳秀英" in third  # cut by cells, with …


async def test_a_form_with_chinese_labels_lines_up_at_80_columns():
    set_language("zh-CN")
    # FNSKU: a Latin label that stays Latin in the catalog (the form translates its labels)
    fields = [Field("supplier", "供应商"), Field("po", "采购单号"), Field("fnsku", "FNSKU"),
              Field("note", "备注（写给仓库）")]

    class FormHarness(App):
        def on_mount(self) -> None:
            self.push_screen(FormScreen("新建采购单", fields))

    app = FormHarness()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        inputs = list(app.screen.query(Input))
        labels = list(app.screen.query(Label))
        assert len(inputs) == 4 and len({i.region.x for i in inputs}) == 1  # every field starts in one column
        assert all(label.region.right <= inputs[0].region.x for label in labels)
        assert all(i.region.right <= 80 for i in inputs)
        assert [str(label.render()) for label in labels] == ["供应商", "采购单号", "FNSKU", "备注（写给仓库）"]
