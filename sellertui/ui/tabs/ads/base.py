"""What the Ads views share: loading through the area's service for its window, the filter, cells."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on

from sellertui.core.i18n import N_, _
from sellertui.ui.kit.messages import Saved
from sellertui.ui.kit.table import Column, FrameTable
from sellertui.ui.kit.table_view import TableView

DECIDED = frozenset({"ad_actions"})  # what approving, rejecting, editing and undoing change


def percent(value: Any) -> str:
    from sellertui.domain.ads.metrics import pct

    return pct(value)


def count(value: Any) -> str:
    return "" if value is None or value != value else f"{int(value):,}"


def numbers() -> list[Column]:
    """The columns of a decision's numbers (Proposals, Ledger); frames carry ``spend_text``."""
    return [
        Column("clicks", N_("Clicks"), 6, "right", count),
        Column("orders", N_("Ord"), 3, "right", count),
        Column("spend_text", N_("Spend"), 8, "right", sort_key="spend_minor"),
        Column("acos", N_("ACoS"), 6, "right", percent),
    ]


def metric_columns() -> list[Column]:
    """Impressions to ROAS, as the Terms, Keywords and Products views show them (frames from ``metrics_table``)."""
    return [
        Column("impressions", N_("Impr"), 7, "right", count),
        Column("clicks", N_("Clicks"), 6, "right", count),
        Column("ctr", N_("CTR"), 6, "right", lambda v: percent(v) if v == v else "", sort_key="ctr"),
        Column("spend_text", N_("Spend"), 9, "right", sort_key="spend_minor"),
        Column("cpc_text", N_("CPC"), 6, "right", sort_key="cpc_minor"),
        Column("sales_text", N_("Sales"), 9, "right", sort_key="sales_minor"),
        Column("orders", N_("Ord"), 4, "right", count),
        Column("cvr", N_("CVR"), 6, "right", percent),
        Column("acos", N_("ACoS"), 6, "right", percent, style=lambda v: "bold" if v == v and v > 0.5 else None),
        Column("roas", N_("ROAS"), 5, "right", lambda v: "" if v != v else f"{v:.1f}"),
    ]


def metric_fields() -> dict:
    """The filter fields of the numbers in ``metric_columns``."""
    from sellertui.domain.ads.filtering import Field

    return {"clicks": Field("clicks", _("number")), "orders": Field("orders", _("number")),
            "impr": Field("impressions", _("number")), "spend": Field("spend_minor", _("money")),
            "sales": Field("sales_minor", _("money")), "acos": Field("acos", _("percent")), "ctr": Field("ctr", _("percent")),
            "cvr": Field("cvr", _("percent"))}


def metric_rows(r) -> list[tuple[str, str]]:
    """A row's numbers with the formula of each ratio, for its working (i, enter)."""
    from sellertui.core.money import fmt
    from sellertui.domain.ads.metrics import pct

    m = lambda v: fmt(int(v), r["currency"])  # noqa: E731
    cpc = fmt(round(r["cpc_minor"]), r["currency"]) if r["cpc_minor"] == r["cpc_minor"] else _("blank (no clicks)")
    return [
        (_("Days"), _("{first} – {last} ({attribution} attribution)").format(
            first=r["first_day"], last=r["last_day"], attribution=r["attribution"].rstrip("~"))),
        (_("Impressions"), f"{r['impressions']:,}"), (_("Clicks"), f"{r['clicks']:,}"),
        ("CTR", _("clicks / impressions = {value}").format(value=pct(r["ctr"], 2) or _("blank (no impressions)"))),
        (_("Spend"), m(r["spend_minor"])), ("CPC", _("spend / clicks = {value}").format(value=cpc)),
        (_("Sales"), m(r["sales_minor"])),
        (_("Orders"), _("{orders} ({units} units)").format(orders=f"{r['orders']:,}", units=f"{r['units']:,}")),
        ("CVR", _("orders / clicks = {value}").format(value=pct(r["cvr"]) or _("blank (no clicks)"))),
        ("ACoS", _("spend / sales = {value}").format(value=pct(r["acos"]) or _("blank (no sales)"))),
        ("ROAS", _("sales / spend = {value}").format(value=f"{r['roas']:.2f}") if r["roas"] == r["roas"]
         else _("blank (no spend)")),
    ]


def counting_notes(partial: int) -> list[str]:
    """How a row's numbers were counted, for its working."""
    notes = []
    if partial:
        notes.append(_("~ {partial} summary row(s) reach past the window: their share of the window's "
                       "days counts, spread evenly over each row's days (to the cent).")
                         .format(partial=partial))
    notes.append(_("Where reports overlap, each day counts once: the report ending later answers "
                   "for the days both cover (I lists the reports)."))
    return notes


def window_line(window, frame, noun: str, rows: int, partial: int, superseded: int):
    """The summary over a metrics table: window, count, spend, sales, ACoS, and what is spread or replaced."""
    from rich.text import Text

    from sellertui.core.money import fmt
    from sellertui.domain.ads.metrics import pct, ratio

    line = Text(no_wrap=False)
    line.append(f"{window.label}", style="bold")
    if not len(frame):
        return line
    currency = str(frame["currency"].mode().iloc[0])
    same = frame[frame["currency"] == currency]
    spend, sales = int(same["spend_minor"].sum()), int(same["sales_minor"].sum())
    clicks, orders = int(same["clicks"].sum()), int(same["orders"].sum())
    line.append(_(" · {n:,} {noun} from {rows:,} rows · spend {spend} · sales {sales} · ACoS "
                  "{acos} · {clicks:,} clicks · {orders:,} orders")
                    .format(n=len(frame), noun=noun, rows=rows, spend=fmt(spend, currency), sales=fmt(sales, currency), acos=pct(ratio(spend, sales)) or "—", clicks=clicks, orders=orders))
    notes = []
    if partial:
        notes.append(_("~ {partial:,} summary rows reach past the window: their share of its days counts")
                         .format(partial=partial))
    if superseded:
        notes.append(_("{superseded:,} rows of older reports replaced by newer ones on these days")
                         .format(superseded=superseded))
    if notes:
        line.append("\n" + " · ".join(notes), style="italic")
    return line


class AdsView(TableView):
    """A table of the Ads area, computed in a worker by ``compute(service, window)``."""

    FIELDS: ClassVar[dict] = {}  # filter fields: name -> sellertui.domain.ads.filtering.Field
    WORDS: ClassVar[list[str]] = []  # columns free words search
    extra: Any = None  # what compute returned beside the frame

    _request = 0
    _asked: tuple = (None, None, 0)  # (window, the area's service getter, request) of the latest reload

    def reload(self) -> None:
        area = self.area
        self._request += 1
        self._asked = (area.window, area.service, self._request)  # one assignment: a worker reads it whole
        self._load()

    def load(self):
        window, service_of, request = self._asked
        service = service_of()
        window = window or service.default_window()
        frame, extra = self.compute(service, window)
        return window, frame, extra, request

    def compute(self, service, window) -> tuple[Any, Any]:
        """(frame, extra) to show; runs in a worker thread (no widgets here)."""
        raise TypeError(f"{type(self).__name__} must define compute()")

    def show_loaded(self, loaded) -> None:
        window, frame, extra, request = loaded
        if request != self._request:  # a later load (another window) is on its way: a thread can't be stopped
            return
        self.extra = extra
        self.area.window_shown(window)
        super().show_loaded(frame)

    def filter(self, frame, text: str):
        from sellertui.domain.ads.filtering import positions

        return positions(frame, text, self.FIELDS, self.WORDS)

    @on(FrameTable.RowSelected)
    def _selected(self, event: FrameTable.RowSelected) -> None:
        if event.position is not None:
            self.explain()

    def explain(self) -> None:
        """Show the working of the row under the cursor (i, enter)."""

    def row(self):
        """The row under the cursor (None when the table is empty)."""
        position = self.table.current_position
        if position is None or self.table.frame is None:
            return None
        return self.table.frame.iloc[position]

    def positions(self) -> list[int]:
        return self.table.selected_positions()

    def on_saved(self, message: Saved) -> None:
        """After this view's write: clear the marks (the app then says what happened and refreshes every tab)."""
        self.table.clear_marks()
        if getattr(message.result, "skipped", None):
            message.severity = "warning"  # some were not done (a teammate decided first, an export in between)


def edit_proposal(view, p, campaigns: dict, saved: str, bid_help: str | None = None) -> None:
    """The form for proposal ``p``; saving approves it with the changes (``saved``: what to say, a format of the
    record)."""
    from sellertui.ui.tabs.ads.forms import NoChoice, proposal_form

    try:
        extra = {"bid_help": bid_help} if bid_help else {}
        form = proposal_form(p, campaigns, view.shop.settings.section("ads"), **extra)
    except NoChoice as reason:
        view.notify(str(reason).capitalize() + ".", timeout=5)
        return

    def save(values: dict) -> None:
        from sellertui.domain.ads import decisions

        view.save(lambda store: decisions.save_edit(store, p, values), lambda record: _(saved).format(**record), DECIDED)

    view.app.push_screen(form, lambda values: values and save(values))


class BreakdownView(AdsView):
    """A window's ads rows of one kind added up (Keywords, Products): a metrics table and its summary."""

    NOUN: ClassVar[str] = ""
    ROW_KEY = "row_key"
    KEYS: ClassVar[tuple[str, ...]] = ()  # the columns naming a row's record (its row_key)

    def breakdown(self, service, window):
        """(aggregate, WindowRows) for the window."""
        raise TypeError(f"{type(self).__name__} must define breakdown()")

    def compute(self, service, window):
        from sellertui.domain.ads.tables import metrics_table

        frame, found = self.breakdown(service, window)
        return metrics_table(frame, self.KEYS), (window, found)

    def show_summary(self, frame) -> None:
        window, found = self.extra
        self.summary(window_line(window, frame, _(self.NOUN), len(found.rows), found.partial, found.superseded))
