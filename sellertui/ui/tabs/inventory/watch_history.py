"""One watched ASIN's history: a chart of one figure over the days (``c`` switches figure) above every
day's snapshot, newest first, with where each figure came from."""

from __future__ import annotations

from decimal import Decimal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from sellertui.core.i18n import N_, _
from sellertui.core.money import fmt, to_decimal, to_minor
from sellertui.domain.watch.listing import buybox_text
from sellertui.ui.kit.charts import Chart, Series
from sellertui.ui.kit.safe import content, plain
from sellertui.ui.kit.table import Column, FrameTable

# figure -> (title, series: (name, field)), for the chart
FIGURES = {
    "price": (N_("Price"), ((N_("price"), "price_minor"), (N_("Buy Box"), "buybox_price_minor"))),
    "rank": (N_("Sales rank (lower sells more)"), ((N_("rank"), "rank"),)),
    "reviews": (N_("Review count"), ((N_("reviews"), "reviews"),)),
    "rating": (N_("Rating (stars)"), ((N_("rating"), "rating"),)),
    "offers": (N_("Offers"), ((N_("offers"), "offers"),)),
}


def history_frame(history: list[dict], currency: str):
    """The days, newest first, as the table shows them."""
    import pandas as pd

    days = list(reversed(history))

    def money(name: str) -> list[str]:
        return [fmt(d.get(name), d.get("currency") or currency) if d.get(name) is not None else "" for d in days]

    def number(name: str, shown) -> list[str]:
        return [shown(d[name]) if d.get(name) is not None else "" for d in days]

    return pd.DataFrame({
        "day": [d["day"] for d in days],
        "price": money("price_minor"),
        "buybox": [buybox_text(d) if d.get("buybox_mine") is not None or d.get("buybox_seller") is not None
                   else "" for d in days],
        "offers": number("offers", str),
        "rank": number("rank", lambda v: f"#{v:,}"),
        "rating": number("rating", lambda v: f"{v:.1f}"),
        "reviews": number("reviews", lambda v: f"{v:,}"),
        "coupon": [d.get("coupon") or "" for d in days],
        "deal": [d.get("deal") or "" for d in days],
        "from": [", ".join(sorted(set((d.get("sources") or {}).values()))) for d in days],
    })


COLUMNS = [Column("day", N_("Day"), 10), Column("price", N_("Price"), 9, "right"), Column("buybox", N_("Buy Box"), 12),
           Column("offers", N_("Offers"), 6, "right"), Column("rank", N_("Rank"), 9, "right"),
           Column("rating", "★", 4, "right"), Column("reviews", N_("Reviews"), 7, "right"),
           Column("coupon", N_("Coupon"), 10), Column("deal", N_("Deal"), 12), Column("from", N_("From"), 12)]


class WatchHistoryScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    WatchHistoryScreen { align: center middle; }
    WatchHistoryScreen > Vertical { width: 100%; height: 100%; border: round $accent; background: $surface; }
    WatchHistoryScreen Chart { height: 9; min-height: 6; }
    WatchHistoryScreen .history-head { height: 1; padding: 0 1; color: $text-muted; }
    WatchHistoryScreen FrameTable { height: 1fr; }
    """
    BINDINGS = [
        Binding("escape,q", "dismiss", N_("Close"), id="watch_history.close"),
        Binding("c", "next_figure", N_("Next chart"), id="watch_history.next"),
    ]

    def __init__(self, row: dict, currency: str) -> None:
        super().__init__()
        self.row, self.currency = row, currency
        self.figure = "price"

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = plain(f"{self.row['label'] or self.row['asin']} · {self.row['asin']} "
                                     f"({self.row['marketplace']})")
            box.border_subtitle = _("c next chart · esc close")
            yield Chart("", kind="line", empty_text=_("No figures for this chart yet."), from_zero=False)
            days = len(self.row["history"])
            yield Static(content(_("{days} day(s) of snapshots, newest first; From: api = Seller Central sync, "
                                   "entry = typed, csv = imported").format(days=days)), classes="history-head")
            yield FrameTable(COLUMNS, empty_text=_("No snapshot yet: sync (R) or record figures (a)."))

    def on_mount(self) -> None:
        table = self.query_one(FrameTable)
        table.set_frame(history_frame(self.row["history"], self.currency))
        table.focus()
        self._draw()

    def _draw(self) -> None:
        title, fields = FIGURES[self.figure]
        history = self.row["history"]
        labels = [d["day"][5:] for d in history]
        series = []
        for name, field in fields:
            values = [d.get(field) for d in history]
            if field.endswith("_minor"):
                values = [None if v is None else float(to_decimal(v, self.currency)) for v in values]
            series.append(Series(_(name), values))
        chart = self.query_one(Chart)
        chart.title = _(title)
        if fields[0][1].endswith("_minor"):
            chart.fmt_value = lambda v: fmt(to_minor(Decimal(str(v)), self.currency), self.currency)
        else:
            chart.fmt_value = (lambda v: f"{v:,.1f}") if self.figure == "rating" else (lambda v: f"{v:,.0f}")
        chart.show(labels, series)

    def action_next_figure(self) -> None:
        names = list(FIGURES)
        self.figure = names[(names.index(self.figure) + 1) % len(names)]
        self._draw()
