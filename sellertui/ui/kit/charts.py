"""A small chart of values over labelled periods (weeks, months): bars or lines.

Drawn by textual-plotext, imported when a chart is first shown, never at
start-up. The title line carries the legend (plotext draws its legend over the
data, which at 80×24 hides half of it), the y axis shows a few values formatted
by the caller ($1.2k, 25 %), and x labels thin out to fit the width. Labels and
titles are shown literally. Works at 80×24: give it 6 rows or more.
"""

from __future__ import annotations

from functools import cache
import math
from dataclasses import dataclass
from typing import Callable, Sequence

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from sellertui.core.cells import cell_len
from sellertui.core.i18n import N_, _
from sellertui.ui.kit.safe import plain

# RGB, so the plot and its legend (drawn by Rich) show the same colour whatever the theme
COLORS = {
    "blue": (80, 140, 230), "green": (90, 200, 90), "red": (230, 90, 90), "yellow": (230, 200, 60),
    "cyan": (80, 200, 220), "magenta": (200, 110, 220),
}
ORDER = tuple(COLORS)
# plotext puts one character in one cell, so a wide one (月) would push the rest of its row a cell to the right
# and the last label off the edge: each wide character of a label takes this filler after it in plotext's grid,
# and the filler is taken out of the drawn text, so the row is as wide as the plot and every label where it belongs
FILLER = "\ue000"


def in_cells(label: str) -> str:
    """``label`` with one filler after each wide character: as many characters as it takes cells."""
    if label.isascii():
        return label
    return "".join(ch + FILLER * (cell_len(ch) - 1) for ch in label)


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[float | None]  # one per label; None: no value (a gap)
    color: str = ""  # a name of COLORS; by default the next one


def nice_step(raw: float) -> float:
    """The smallest of 1, 2, 2.5, 5 × a power of ten that is at least ``raw``."""
    if raw <= 0 or not math.isfinite(raw):
        return 1.0
    magnitude = 10 ** math.floor(math.log10(raw))
    return next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw * (1 - 1e-9))


def axis(top: float, rows: int) -> tuple[list[float], float]:
    """Round y ticks that fall exactly on text rows, and the top of the y range that puts them there.

    Ticks go every ``span / k`` rows, k ≤ 5 dividing ``span`` (the rows from 0 to the
    highest tick: all of them, or one or two fewer when that divides better), choosing
    the lowest highest tick, then the most labels; so no label stands a fraction of
    a row away from its value and the data fills the height.
    """
    spans = [span for span in (rows - 1, rows - 2, rows - 3) if span >= 1] or [1]
    options = [(nice_step(top / k) * k, -k, -span, k, span) for span in spans for k in (5, 4, 3, 2, 1)
               if span % k == 0]
    highest, _room, _count, k, span = min(options)  # the tightest fit, then the most labels
    step = highest / k
    return [step * i for i in range(k + 1)], highest * max(rows - 1, 1) / span


def low_tick(lowest: float, top: float) -> float:
    """A round bottom for a y axis that need not start at zero: a nice step at or below ``lowest``."""
    span = top - lowest
    step = nice_step(span / 4 if span > 0 else abs(lowest) / 10 or 1.0)
    return max(0.0, math.floor(lowest / step) * step - (step if span == 0 else 0))


class Chart(Vertical):
    DEFAULT_CSS = """
    Chart { height: 1fr; min-height: 6; }
    Chart > .chart-title { height: 1; padding: 0 1; }
    Chart > .chart-empty { height: 1fr; color: $text-muted; text-style: italic; padding: 1 2; }
    Chart > PlotextPlot { height: 1fr; }
    """

    def __init__(self, title: str, kind: str = "bar", fmt_value: Callable[[float], str] = lambda v: f"{v:g}",
                 empty_text: str = N_("Nothing to chart yet."), from_zero: bool = True, **kwargs) -> None:
        super().__init__(**kwargs)
        if kind not in ("bar", "line"):
            raise ValueError(f"chart kind is bar or line, not {kind!r}")
        self.title, self.kind, self.fmt_value, self.empty_text = title, kind, fmt_value, empty_text
        # a line of prices or ranks moves a few percent: from zero it would look flat
        self.from_zero = from_zero or kind == "bar"
        self.labels: list[str] = []
        self.series: list[Series] = []
        self._plot = None

    def compose(self) -> ComposeResult:
        yield Static(self._title_line(), classes="chart-title")
        yield Static(plain(_(self.empty_text)), classes="chart-empty")

    def _title_line(self) -> Table:
        """The title on the left; on the right the legend, each swatch against its own label ("━━ sales"),
        the pairs well apart, so no swatch reads as the end of the title or of the label before it."""
        legend = Text(no_wrap=True)
        for i, (series, rgb) in enumerate(zip(self.series, self._colors())):
            legend.append("   " if i else "")
            legend.append("━━", style="bold rgb({},{},{})".format(*rgb))
            legend.append("\u00a0" + plain(_(series.name)).replace(" ", "\u00a0"))
        line = Table.grid(expand=True)
        line.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        line.add_column(justify="right", no_wrap=True)
        line.add_row(Text(plain(_(self.title)), style="bold"), legend)
        return line

    def _colors(self) -> list[tuple[int, int, int]]:
        return [COLORS.get(s.color) or COLORS[ORDER[i % len(ORDER)]] for i, s in enumerate(self.series)]

    @property
    def has_data(self) -> bool:
        return any(v not in (None, 0) and not (isinstance(v, float) and math.isnan(v))
                   for s in self.series for v in s.values)

    def show(self, labels: Sequence[str], series: Sequence[Series]) -> None:
        """Chart ``series`` (each with one value per label) and redraw."""
        self.labels = [plain(label) for label in labels]
        self.series = list(series)
        self.query_one(".chart-title", Static).update(self._title_line())
        empty = self.query_one(".chart-empty", Static)
        empty.display = not self.has_data
        if self.has_data and self._plot is None:
            self._plot = _plot_class()(self._draw)
            self.mount(self._plot)
        if self._plot is not None:
            self._plot.display = self.has_data
            self._plot.refresh()

    def on_resize(self) -> None:
        if self._plot is not None and self.has_data:
            self._plot.refresh()

    def _draw(self) -> None:
        """Lay the figure out afresh for the plot's size; called by each render of the plot."""
        plt = self._plot.plt
        plt.clear_data()
        plt.clear_figure()
        xs = list(range(1, len(self.labels) + 1))
        values = [[math.nan if v is None else float(v) for v in s.values] for s in self.series]
        colors = self._colors()
        if self.kind == "bar":
            plt.multiple_bar(xs, [[0.0 if math.isnan(v) else v for v in vals] for vals in values], color=colors,
                             width=0.8)
        else:
            for vals, color in zip(values, colors):
                points = [(x, v) for x, v in zip(xs, vals) if not math.isnan(v)]
                if points:
                    plt.plot([p[0] for p in points], [p[1] for p in points], color=color, marker="braille")
        shown_values = [v for vals in values for v in vals if not math.isnan(v)]
        top = max(shown_values, default=0.0)
        low = 0.0 if self.from_zero else low_tick(min(shown_values, default=0.0), top)
        ticks, upper = axis(top - low, self._plot.size.height - 3)  # plotext: two frame lines and the x labels
        ticks = [low + t for t in ticks]
        tick_labels = [self.fmt_value(t) for t in ticks]
        plt.yticks(ticks, [in_cells(label) for label in tick_labels])
        plt.ylim(low, low + upper)
        # x labels at least two columns apart where the plot really is (the frame and the y labels take their
        # room): plotext drops a label that would touch its neighbour, and which one it drops is not stable
        label_width = max((cell_len(label) for label in self.labels), default=1) + 2
        area = max(self.size.width, 20) - 3 - max((cell_len(label) for label in tick_labels), default=0)
        every = max(1, math.ceil(len(xs) * label_width / max(area, label_width)))
        shown = xs[::-1][::every][::-1]  # always label the latest period
        plt.xticks(shown, [in_cells(self.labels[x - 1]) for x in shown])
        plt.xlim(0.5, len(xs) + 0.5)


@cache
def _plot_class():
    """A plotext plot that lays its figure out again on every render, so a figure never depends on the builds
    before it."""
    import plotext._utility as plotext_utility
    from textual_plotext import PlotextPlot

    # plotext drops duplicate points through a set, so which of two points sharing a cell is drawn last (and
    # where a label lands) changed with Python's hash seed from one run to the next: keep their order instead
    plotext_utility.no_duplicates = lambda data: list(dict.fromkeys(data))

    class ChartPlot(PlotextPlot):
        def __init__(self, draw: Callable[[], None]) -> None:
            super().__init__()
            self._draw_figure = draw

        def render(self):
            self._draw_figure()
            text = super().render()
            if FILLER not in text.plain:
                return text
            # the fillers out, each span moved back by the fillers before it (the colours stay on their cells)
            before = [0]
            for ch in text.plain:
                before.append(before[-1] + (ch == FILLER))
            out = Text(text.plain.replace(FILLER, ""), style=text.style, justify=text.justify, overflow=text.overflow,
                       no_wrap=text.no_wrap, end=text.end, tab_size=text.tab_size)
            for span in text.spans:
                out.stylize(span.style, span.start - before[span.start], span.end - before[span.end])
            return out

    return ChartPlot
