"""The P&L: one row per line (sales, refunds, each Amazon fee, cost of goods, ads, expenses, net profit,
margin), one column per period, newest first. ``~`` marks a figure estimated in part (fees from the fee
table), ``⚠`` a period with missing data. ``enter`` on a figure lists the records behind it; ``w`` shows
the period's working and flags."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message

from sellertui.core.i18n import N_, _, label
from sellertui.domain.profit.lines import BY_KEY
from sellertui.domain.profit.periods import GRAIN_WORDS
from sellertui.ui.kit.dialogs import InfoScreen
from sellertui.ui.kit.records_screen import RecordsScreen
from sellertui.ui.tabs.profit.common import GRAIN_BINDINGS, PeriodKeys, ProfitView
from sellertui.ui.kit.table import Column

CELL = 12


def _cell_style(value) -> str | None:
    text = str(value or "")
    if text.startswith("⚠"):
        return "bold yellow"
    return "red" if "-" in text[:3] else None


class PnlView(PeriodKeys, ProfitView):
    TITLE = N_("P&L")
    KEY = "p"
    ROW_KEY = "key"
    EMPTY = N_("No sales, settlements or expenses yet: import reports (i) or add expenses (x).")
    BINDINGS = [
        Binding("w", "working", N_("Working"), id="profit.period_working"),
        *GRAIN_BINDINGS,
    ]
    statement = None
    order: list[int] = []

    class RecordsFound(Message, bubble=False):
        """The records behind one figure were read: list them."""

        def __init__(self, statement, index: int, key: str, frame) -> None:
            self.statement, self.index, self.key, self.frame = statement, index, key, frame
            super().__init__()

    class WorkingFound(Message, bubble=False):
        """A period's working was added up: show it."""

        def __init__(self, title: str, rows: list, paragraphs: list[str]) -> None:
            self.title, self.rows, self.paragraphs = title, rows, paragraphs
            super().__init__()

    def load(self):
        from sellertui.domain.profit.tables import statement_frame

        statement = self.service().statement(self.area.grain)
        frame, order = statement_frame(statement)
        return frame, statement, order

    def show_loaded(self, loaded) -> None:
        frame, self.statement, self.order = loaded
        columns = [Column("label", "", 22, style=lambda v: "bold" if str(v).startswith("=") else None)]
        for column, index in enumerate(self.order):
            heading = self.statement.labels[index]
            if self.statement.missing(index):
                heading = "⚠" + heading
            elif not self.statement.complete(index):
                heading += "…"
            columns.append(Column(f"p{column}", heading, CELL, "right", style=_cell_style))
        self.table.columns = columns
        super().show_loaded(frame)
        if self.table.cursor_column == 0 and len(columns) > 1:
            self.table.cursor_column = 1

    def show_summary(self, frame) -> None:
        statement = self.statement
        line = Text()
        if not statement.periods:
            self.summary(line)
            return
        line.append(_("By {grain}, newest first, in {home}").format(grain=label(GRAIN_WORDS, statement.grain), home=statement.home), style="bold")
        line.append(_(" · enter: records · w: working · ~ estimated"), style="dim")
        flagged = sum(statement.missing(i) for i in range(len(statement.periods)))
        if flagged:
            line.append(_("\n⚠ {flagged} period(s) with missing data: w shows what").format(flagged=flagged), style="yellow")
        self.summary(line)

    def _picked(self) -> tuple[int | None, str | None]:
        """(period index, row key) under the cursor."""
        if self.statement is None or not self.statement.periods:
            return None, None
        key = self.table.value("key")
        column = max(self.table.cursor_column, 1) - 1
        return self.order[min(column, len(self.order) - 1)], key

    def action_open(self) -> None:
        self.action_records()

    def action_records(self) -> None:
        index, key = self._picked()
        if index is None:
            return
        if key == "flags":
            self.action_working()
            return
        self._records(index, key)

    def action_working(self) -> None:
        index = self._picked()[0]
        if index is None:
            return
        self._working(index)

    def _records(self, index: int, key: str) -> None:
        statement = self.statement

        def fetch() -> None:
            frame = self.service().records(statement.periods[index], statement.grain, key)
            self.post_message(self.RecordsFound(statement, index, key, frame))

        self.run_worker(fetch, thread=True, exclusive=True, group="profit-records", exit_on_error=False)

    def on_pnl_view_records_found(self, message: RecordsFound) -> None:
        from sellertui.core.money import fmt
        from sellertui.domain.profit.pnl import LABELS

        statement, index, key, frame = message.statement, message.index, message.key, message.frame
        name = label(LABELS, key)
        value = statement.row(key)[index]
        shown = (f"{value:,}" if key in ("units", "orders") else "—" if value is None else
                 f"{value * 100:.1f}%" if key == "margin" else fmt(value, statement.home))
        head = _("{name}, {period}: {shown} — {n} record(s), biggest first.").format(
            name=name, period=statement.labels[index], shown=shown, n=f"{len(frame):,}")
        if key in ("net", "margin"):
            head += " " + _("Every line's records (net profit = their sum).")
        line = BY_KEY.get(key)
        if line is not None and statement.estimated[key][index]:
            head += " " + (_("~ rows are a day's even share of a summary ads report.") if key == "ads" else
                           _("~ rows are estimated from the fee table or a promotion's schedule."))
        self.app.push_screen(RecordsScreen(_("Records: {name} · {period}").format(name=name, period=statement.labels[index]), head, frame,
                                           statement.home))

    def _working(self, index: int) -> None:
        statement = self.statement

        def fetch() -> None:
            from sellertui.domain.profit.pnl import working

            ledger = self.service().ledger()[0]
            rows, paragraphs = working(statement, index, ledger)
            self.post_message(self.WorkingFound(f"P&L {statement.labels[index]}", rows, paragraphs))

        self.run_worker(fetch, thread=True, exclusive=True, group="profit-records", exit_on_error=False)

    def on_pnl_view_working_found(self, message: WorkingFound) -> None:
        self.app.push_screen(InfoScreen(message.title, message.rows, message.paragraphs))
