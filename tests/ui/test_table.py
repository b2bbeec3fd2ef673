"""The frame table: only visible rows are drawn; sort, marks, clicks; text shown literally."""

from __future__ import annotations

import numpy as np
import pandas as pd
from textual.app import App, ComposeResult

from sellertui.ui.kit.table import Column, FrameTable

COLUMNS = [Column("name", "Name", 12), Column("qty", "Qty", 5, "right"), Column("when", "When", 10)]


def frame(n: int = 5) -> pd.DataFrame:
    return pd.DataFrame({"name": [f"item {i}" for i in range(n)], "qty": [(7 * i) % 5 for i in range(n)],
                         "when": [f"2026-11-{10 + i:02d}" for i in range(n)]})


class Harness(App):
    def __init__(self, data: pd.DataFrame) -> None:
        super().__init__()
        self.data = data
        self.selected: list[int | None] = []

    def compose(self) -> ComposeResult:
        yield FrameTable(COLUMNS, empty_text="No rows")

    def on_mount(self) -> None:
        table = self.query_one(FrameTable)
        table.set_frame(self.data)
        table.focus()

    def on_frame_table_row_selected(self, event: FrameTable.RowSelected) -> None:
        self.selected.append(event.position)


def lines(app: App) -> list[str]:
    table = app.query_one(FrameTable)
    return [table.render_line(y).text for y in range(table.size.height)]


async def test_sorting_marking_and_selecting() -> None:
    app = Harness(frame())
    async with app.run_test(size=(40, 10)) as pilot:
        table = app.query_one(FrameTable)
        await pilot.press("right", "o")  # sort by Qty ascending
        assert list(table.frame["qty"].to_numpy()[table.order]) == sorted(table.frame["qty"])
        assert "Qty ▲" in lines(app)[0]
        await pilot.press("o")
        assert list(table.frame["qty"].to_numpy()[table.order]) == sorted(table.frame["qty"], reverse=True)
        await pilot.press("g", "space", "space")
        assert len(table.marked) == 2 and table.selected_positions() == sorted(table.marked)
        await pilot.press("enter")
        assert app.selected == [table.current_position]


async def test_filtering_keeps_the_cursor_on_its_row() -> None:
    app = Harness(frame(20))
    async with app.run_test(size=(40, 10)) as pilot:
        table = app.query_one(FrameTable)
        await pilot.press("j", "j", "j")
        position = table.current_position
        table.set_order(np.array([1, position, 15]))
        assert table.current_position == position
        table.set_order(np.array([], dtype=int))
        assert table.current_position is None
        await pilot.pause()
        assert "No rows" in "\n".join(lines(app))


async def test_user_text_is_literal() -> None:
    data = pd.DataFrame({"name": ["[red]boom[/]", "\x1b[2Jwipe"], "qty": [1, 2], "when": ["", ""]})
    app = Harness(data)
    async with app.run_test(size=(40, 6)) as pilot:
        await pilot.pause()
        shown = "\n".join(lines(app))
        assert "[red]boom[/]" in shown and "␛[2Jwipe" in shown and "\x1b" not in shown


async def test_a_hundred_thousand_rows_draw_only_what_is_visible() -> None:
    app = Harness(frame(100_000))
    async with app.run_test(size=(40, 10)) as pilot:
        table = app.query_one(FrameTable)
        await pilot.press("G")
        await pilot.pause()
        assert table.cursor_row == 99_999 and len(table._row_cache) < 50


async def test_clicking_a_header_sorts_and_a_row_moves_the_cursor() -> None:
    app = Harness(frame())
    async with app.run_test(size=(40, 10)) as pilot:
        table = app.query_one(FrameTable)
        await pilot.click(FrameTable, offset=(14, 0))  # the Qty header
        assert table.sort_by == ("qty", False)
        await pilot.click(FrameTable, offset=(2, 3))
        assert table.cursor_row == 2


async def test_a_table_says_it_is_reading_until_its_frame_arrives_then_what_is_empty() -> None:
    class Waiting(App):
        def compose(self) -> ComposeResult:
            yield FrameTable(COLUMNS, empty_text="No rows")

    app = Waiting()
    async with app.run_test(size=(40, 6)) as pilot:
        assert any("Reading…" in line for line in lines(app))
        app.query_one(FrameTable).set_frame(frame(0))
        await pilot.pause()
        assert any("No rows" in line for line in lines(app)) and not any("Reading" in line for line in lines(app))


async def test_a_marked_row_shows_its_mark_even_under_the_cursor() -> None:
    """At 80 columns, on any terminal: a ✓ in a gutter, not only a tint the cursor hides."""
    import pandas as pd
    from textual.app import App

    class One(App):
        def compose(self):
            yield FrameTable([Column("sku", "SKU", 10), Column("qty", "Qty", 4, "right")])

    app = One()
    async with app.run_test(size=(40, 8)) as pilot:
        table = app.query_one(FrameTable)
        table.set_frame(pd.DataFrame({"sku": ["A", "B", "C"], "qty": [1, 2, 3]}))
        table.focus()
        await pilot.pause()
        assert table.render_line(1).text.startswith("A")  # nothing marked: no gutter
        await pilot.press("space", "up")  # mark A; the cursor is back on it
        await pilot.pause()
        assert table.render_line(1).text.startswith("✓ A") and table.render_line(2).text.startswith("  B")
        await pilot.press("space")  # unmark
        await pilot.pause()
        assert table.render_line(1).text.startswith("A")


async def test_a_sort_worked_out_off_the_ui_thread_is_used_only_for_the_key_it_was_made_for() -> None:
    from sellertui.ui.kit.table_columns import sorted_positions

    data = frame(6)
    app = Harness(frame(1))
    async with app.run_test(size=(40, 10)):
        table = app.query_one(FrameTable)
        table.sort_by = ("qty", True)
        given = np.array([5, 4, 3, 2, 1, 0])  # not qty's order: shows that it is taken as given
        table.set_frame(data, sorted_index=(("qty", True), given))
        assert list(table.order) == list(given)
        table.set_frame(data, sorted_index=(("name", False), given))  # made for another key: sorted here
        assert list(table.order) == list(sorted_positions(data["qty"], True)) == [2, 4, 1, 3, 0, 5]


def test_text_columns_sort_as_pandas_sorts_them_ties_kept_in_place_missing_last() -> None:
    from sellertui.ui.kit.table_columns import sorted_positions

    texts = pd.Series(["b", None, "a", "b", "c", None, "a", "b"] * 50)
    assert isinstance(texts.array, pd.arrays.ArrowExtensionArray)  # pandas' text columns: Arrow's own sort
    for descending in (False, True):
        expected = texts.sort_values(ascending=not descending, kind="stable", na_position="last").index.to_numpy()
        assert list(sorted_positions(texts, descending)) == list(expected)
    assert list(sorted_positions(texts, True)[:3]) == [4, 12, 20]  # the "c"s, first to last, then the "b"s
