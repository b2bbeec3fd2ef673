"""Overview: spend, ad sales, ACoS and TACoS by week, as charts (and a table when there is room)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Static

from sellertui.core.i18n import N_, _
from sellertui.ui.kit.workers import work
from sellertui.ui.tabs.ads.base import percent
from sellertui.ui.kit.charts import Chart, Series
from sellertui.ui.kit.dialogs import InfoScreen
from sellertui.ui.kit.panel import PanelHolder, SidePanel, panel_binding
from sellertui.ui.kit.table import Column, FrameTable
from sellertui.ui.kit.views import View
from sellertui.core.formats import dated

WIDE = 110  # from this width the weekly table sits beside the charts (below it: a drawer, D)


def _money_short(symbol: str):
    def fmt(value: float) -> str:
        for limit, suffix in ((1e6, "M"), (1e3, "k")):
            if value >= limit:
                return f"{symbol}{value / limit:.2g}{suffix}"
        return f"{symbol}{value:.0f}"

    return fmt


class OverviewView(PanelHolder, View):
    TITLE = N_("Weekly")
    KEY = "O"
    FOCUS_WIDGETS = (FrameTable,)
    BINDINGS = [panel_binding(N_("Weeks"))]
    DEFAULT_CSS = """
    OverviewView > .summary { height: auto; max-height: 2; padding: 0 1; color: $text-muted; }
    OverviewView > Horizontal { height: 1fr; }
    """
    COLUMNS = [
        Column("label", N_("Week"), 6),
        Column("spend_text", N_("Spend"), 9, "right"),
        Column("sales_text", N_("Ad sales"), 10, "right"),
        Column("acos", N_("ACoS"), 6, "right", percent),
        Column("total_text", N_("All sales"), 10, "right"),
        Column("tacos", N_("TACoS"), 6, "right", percent),
    ]
    weeks = None
    frame = None

    def compose(self) -> ComposeResult:
        yield Static(classes="summary", id="overview-summary")
        with Horizontal():
            with Vertical():
                yield Chart(_("Spend and ad sales by week"), "line", id="overview-money",
                            empty_text=_("No ad spend in these weeks."))
                yield Chart(_("ACoS and TACoS by week"), "line", fmt_value=lambda v: f"{v * 100:.0f}%",
                            id="overview-ratios", empty_text=_("No ad sales in these weeks."))
            yield FrameTable(self.COLUMNS, empty_text=_("No weeks."), id="overview-weeks")

    def focus_main(self) -> None:
        self.query_one("#overview-weeks", FrameTable).focus()

    def on_mount(self) -> None:
        self.panel = SidePanel(58, WIDE)  # the weeks' table: beside the charts, or a drawer (D)
        self.fit_panel()

    def panel_widget(self):
        return self.query_one("#overview-weeks")

    _request = 0

    class WeeksRead(Message, bubble=False):
        """The weeks up to the window's end were added up (for load ``request``): chart them."""

        def __init__(self, window, frame, weeks, request: int) -> None:
            self.window, self.frame, self.weeks, self.request = window, frame, weeks, request
            super().__init__()

    def reload(self) -> None:
        area = self.area
        self._request += 1
        self._load(area.window, area.service, self._request)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _load(self, window, service_of, request: int) -> None:
        from sellertui.domain.ads.tables import weekly_table

        service = service_of()
        window = window or service.default_window()
        frame, weeks = service.overview(window)
        self.post_message(self.WeeksRead(window, weekly_table(frame), weeks, request))

    def on_overview_view_weeks_read(self, message: WeeksRead) -> None:
        from sellertui.domain.ads.metrics import pct, ratio
        from sellertui.core.money import SYMBOLS, exponent, fmt

        if message.request != self._request:  # a later window's load is on its way
            return
        window, frame, weeks = message.window, message.frame, message.weeks
        self.area.window_shown(window)
        self.frame, self.weeks = frame, weeks
        currency = str(frame["currency"].iloc[0]) if len(frame) else "USD"
        scale = 10 ** exponent(currency)
        labels = [w[5:] for w in frame["week"]]
        money = self.query_one("#overview-money", Chart)
        money.fmt_value = _money_short(SYMBOLS.get(currency, ""))
        money.show(labels, [Series(_("spend"), [v / scale for v in frame["spend_minor"]], "red"),
                            Series(_("ad sales"), [v / scale for v in frame["sales_minor"]], "green")])
        ratios = self.query_one("#overview-ratios", Chart)
        ratios.show(labels, [Series("ACoS", [None if v != v else v for v in frame["acos"]], "yellow"),
                             Series("TACoS", [None if v != v else v for v in frame["tacos"]], "cyan")])
        self.query_one("#overview-weeks", FrameTable).set_frame(frame)
        spend, sales, total = (int(frame[c].sum()) for c in ("spend_minor", "sales_minor", "total_sales_minor"))
        line = Text(_("{days} weeks · {start} – {end}").format(
            days=weeks.days // 7, start=dated(weeks.start, "%b %-d", "MMMd"), end=dated(weeks.end, "%b %-d %Y", "yMMMd")), style="bold")
        line.append(_(" · spend {spend} · ad sales {sales} · ACoS {acos} · all sales {total} · "
                      "TACoS {tacos}")
                        .format(spend=fmt(spend, currency), sales=fmt(sales, currency), acos=pct(ratio(spend, sales)) or '—', total=fmt(total, currency), tacos=pct(ratio(spend, total)) or '—'))
        spread = int(frame["spread_minor"].sum()) if len(frame) else 0
        if spread:
            line.append(_("\n~ {spread} of the spend is summary rows spread evenly over their days")
                            .format(spread=fmt(spread, currency)),
                        style="italic")
        self.query_one("#overview-summary", Static).update(line)
        self.done_loading()

    def explain(self) -> None:
        if self.frame is None:
            return
        rows = [(_("week of {week}").format(week=w), _("spend {spend} · ad sales {sales} · ACoS {acos} · all sales "
                                                       "{total} · TACoS {tacos}").format(
                    spend=s, sales=a, acos=percent(c) or "—", total=t, tacos=percent(x) or "—"))
                for w, s, a, c, t, x in zip(self.frame["week"], self.frame["spend_text"], self.frame["sales_text"],
                                            self.frame["acos"], self.frame["total_text"], self.frame["tacos"])]
        self.app.push_screen(InfoScreen(_("Ads by week"), rows, [
            _("ACoS = ad spend / ad sales. TACoS = ad spend / all sales (every order line of the week, from Orders)."),
            _("Ad spend is every ad product's (Sponsored Products, Brands and Display), each day counted once: per ad "
              "product, the advertised product reports where they cover the day, else the targeting reports, else the "
              "search term reports; of overlapping reports, the one ending later."),
            _("Weeks run Monday to Sunday; a summary row gives each week the share of its days (split to the cent).")]))
