"""Per-agent performance: each teammate's reply time and late-reply rate over 7, 30 and 90 days, ranked
(``d`` picks the window the ranking follows), with the shop's own figure on top."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

from sellertui.core.i18n import N_, _
from sellertui.domain.team.performance import WINDOWS, Performance, team_performance
from sellertui.ui.kit.table import Column
from sellertui.ui.kit.table_view import TableView

SHOP = N_("(whole shop)")  # the shop's row, translated where shown


def _hours(value) -> str:
    return f"{value:.1f}h"


def _late(value) -> str:
    return f"{value * 100:.0f}%"


def _late_style(value) -> str | None:
    return "bold red" if value >= 0.1 else "yellow" if value > 0 else "green"


def _columns() -> list[Column]:
    columns = [Column("rank", "#", 3, "right"), Column("agent", N_("Agent"), 14, style=lambda v: "bold" if v == SHOP
                                                                                   else None,
                                                               fmt=lambda v: _(v) if v == SHOP else v)]
    for days in WINDOWS:
        columns += [Column(f"n{days}", f"{days}d n", 6, "right", lambda v: f"{int(v):,}"),
                    Column(f"avg{days}", N_("avg"), 6, "right", _hours),
                    Column(f"late{days}", N_("late"), 5, "right", _late, _late_style)]
    return columns


def performance_frame(perf: Performance, window: int):
    import pandas as pd

    nan = float("nan")
    rows = [{"rank": "", "agent": SHOP, **{k: v for days in WINDOWS for k, v in (
        (f"n{days}", perf.shop[days].answered), (f"avg{days}", perf.shop[days].average_hours or nan),
        (f"late{days}", nan if perf.shop[days].late_rate is None else perf.shop[days].late_rate))}}]
    order = perf.ranks[window] + sorted(a for a in perf.agents if a not in perf.ranks[window])
    for place, agent in enumerate(order, 1):
        row = {"rank": str(place) if agent in perf.ranks[window] else "", "agent": agent}
        for days in WINDOWS:
            f = perf.agents[agent].get(days)
            row.update({f"n{days}": f.replies if f else 0, f"avg{days}": f.average_hours if f else nan,
                        f"late{days}": f.late_rate if f else nan})
        rows.append(row)
    return pd.DataFrame(rows)


class PerformanceView(TableView):
    TITLE = N_("Performance")
    KEY = "p"
    COLUMNS = _columns()
    EMPTY = N_("No buyer message answered yet: replies (Orders → m, p) count for whoever "
               "marks them replied.")
    BINDINGS = [Binding("d", "next_window", N_("Rank by 7/30/90 days"), id="team.performance_window")]

    def __init__(self, ctx, **kwargs) -> None:
        super().__init__(ctx, **kwargs)
        self.window = 30
        self.perf: Performance | None = None

    def load(self):
        return team_performance(self.shop)

    def show_loaded(self, perf: Performance) -> None:
        self.perf = perf
        super().show_loaded(performance_frame(perf, self.window))

    def show_summary(self, frame) -> None:
        shop = self.perf.shop[self.window]
        line = Text(_("Ranked by the last {window} days (d: 7/30/90)").format(window=self.window), style="bold")
        if shop.received:
            late = "—" if shop.late_rate is None else f"{shop.late_rate * 100:.0f}%"
            line.append(_(" · shop: {received} messages, {late} late incl. {due} unanswered past 24 h")
                            .format(received=shop.received, late=late, due=shop.due - shop.answered))
        self.summary(line)

    def action_next_window(self) -> None:
        self.window = WINDOWS[(WINDOWS.index(self.window) + 1) % len(WINDOWS)]
        if self.perf is not None:
            self.show_loaded(self.perf)

    def action_open(self) -> None:
        """The agent's (or the shop's) figures for each window in words, beside the shop's."""
        from sellertui.ui.kit.dialogs import DetailScreen, fact_panel

        row = self.current_row()
        if not row or self.perf is None:
            return
        facts = []
        for days in WINDOWS:
            n, avg, late = row[f"n{days}"], row[f"avg{days}"], row[f"late{days}"]
            said = _("{n} replies").format(n=f"{int(n):,}") + (
                ", " + _("{hours} on average").format(hours=_hours(avg)) if avg == avg else "") + (
                ", " + _("{late} after 24 h").format(late=_late(late)) if late == late else "")
            shop = self.perf.shop[days]
            if row["agent"] != SHOP and shop.average_hours is not None:
                said += " " + _("(shop: {hours})").format(hours=_hours(shop.average_hours))
            facts.append((_("Last {days} days").format(days=days), said))
        lines = [_("A reply counts for whoever marked the message replied; the shop's row also counts messages "
                   "still unanswered past 24 h as late.")]
        title = _(SHOP) if row["agent"] == SHOP else row["agent"]
        if row.get("rank"):
            title += " · " + _("#{rank} over {days} days").format(rank=row["rank"], days=self.window)
        self.app.push_screen(DetailScreen(title, fact_panel(row["agent"], facts, lines)))
