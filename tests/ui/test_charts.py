"""The chart widget: round y ticks on exact rows, empty state, gaps, literal labels."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Static

from sellertui.ui.kit.charts import Chart, Series, axis, nice_step


@pytest.mark.parametrize("raw, step", [(0.3, 0.5), (1.0, 1.0), (1.2, 2.0), (2.2, 2.5), (7, 10), (430, 500)])
def test_nice_steps(raw, step) -> None:
    assert nice_step(raw) == step


@pytest.mark.parametrize("top, rows, ticks, upper", [
    (2000, 5, [0, 500, 1000, 1500, 2000], 2000),  # 4 row gaps: a tick on every row
    (65, 12, [0, 25, 50, 75], 75 * 11 / 9),  # 3 ticks over 9 of the 11 row gaps: the tightest round top
    (1, 2, [0, 1], 1),
])
def test_ticks_fall_on_rows(top, rows, ticks, upper) -> None:
    found, high = axis(top, rows)
    assert found == ticks and high == pytest.approx(upper)
    # each tick lands on a whole row: (rows − 1) × tick / upper is an integer
    assert all(abs((rows - 1) * t / high - round((rows - 1) * t / high)) < 1e-9 for t in found)


class Harness(App):
    def compose(self) -> ComposeResult:
        yield Chart("Spend [b]by[/b] week", "line", fmt_value=lambda v: f"{v:.0f}", id="chart")


def shown(widget, width: int) -> str:
    """What a Static shows at ``width`` columns, as text."""
    import io

    from rich.console import Console

    console = Console(width=width, record=True, file=io.StringIO())
    console.print(widget.content)
    return console.export_text().rstrip("\n")


async def test_a_chart_draws_fits_and_says_when_empty() -> None:
    app = Harness()
    async with app.run_test(size=(80, 12)) as pilot:
        chart = app.query_one(Chart)
        assert str(chart.query_one(".chart-empty", Static).render()) == "Nothing to chart yet."
        chart.show(["11-02", "11-09", "[red]x"], [Series("spend", [3.0, None, 5.0]), Series("sales", [0, 0, 0])])
        await pilot.pause()
        await pilot.pause()
        assert chart.has_data and not chart.query_one(".chart-empty").display
        title = shown(chart.query_one(".chart-title", Static), 76)
        assert title.startswith("Spend [b]by[/b] week")  # literally, and on the left
        assert title.rstrip().endswith("━━\u00a0spend   ━━\u00a0sales")  # each swatch against its own label, right
        assert "week  ━━" not in title and len(title.rstrip()) == 76
        plot = chart._plot.render()
        assert "[red]x" in plot.plain and "\x1b" not in plot.plain
        chart.show(["a"], [Series("spend", [None])])
        await pilot.pause()
        assert chart.query_one(".chart-empty").display and not chart._plot.display
    with pytest.raises(ValueError):
        Chart("x", "pie")


async def test_wide_labels_take_their_cells_and_every_label_fits_as_latin_ones_do() -> None:
    """'11月' is four cells: each row of the plot is as wide as the plot, each label on its own tick."""
    from sellertui.core.cells import cell_len
    from sellertui.ui.kit.charts import FILLER, in_cells

    assert in_cells("Nov26") == "Nov26" and in_cells("11月") == "11月" + FILLER and in_cells("¥5万") == "¥5万" + FILLER
    app = Harness()
    async with app.run_test(size=(80, 12)) as pilot:
        chart = app.query_one(Chart)
        months = [f"{m}月" for m in range(5, 12)]
        chart.show(months, [Series("sales", [1.0, 2, 3, 4, 5, 6, 7])])
        await pilot.pause()
        await pilot.pause()
        plot = chart._plot.render()
        rows = plot.plain.rstrip("\n").split("\n")
        assert FILLER not in plot.plain and {cell_len(row) for row in rows} == {chart._plot.size.width}
        labels = rows[-1]
        assert labels.split() == months  # all seven, as 'May26'..'Nov26' would be
        ticks = [i for i, ch in enumerate(rows[-2]) if ch == "┬"]
        starts = [labels.index(m) for m in months]  # the label row has wide characters: cells, not indices
        cells = [cell_len(labels[:i]) for i in starts]
        assert all(abs(c + 1 - t) <= 1 for c, t in zip(cells, ticks)), (cells, ticks)


def test_a_line_chart_need_not_start_at_zero() -> None:
    from sellertui.ui.kit.charts import low_tick

    assert low_tick(26.39, 29.99) == 26.0  # step 1 over a 3.6 span
    assert low_tick(850, 1575) == 800.0
    assert low_tick(30.0, 30.0) == 25.0  # a flat line still gets room below it
    assert low_tick(0.5, 100) == 0.0
