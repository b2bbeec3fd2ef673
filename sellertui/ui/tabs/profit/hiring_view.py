"""The hiring plan and the readiness gauge for the next role.

Roles in the order the seller means to hire them, each with its full monthly
cost; beside them the gauge: which conditions hold, the gap in money, the
trend and the month it projects readiness for, and where the founder's time
goes (the first thing to hand to a hire). Below, monthly net profit against
the hire line. ``a`` marks the role under the cursor hired (its cost joins
the expenses and the gauge moves on), ``u`` undoes it, ``c`` enters the cash
reserve, ``K``/``J`` move a role earlier or later.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static

from sellertui.core.i18n import N_, _, label
from sellertui.domain.profit.hiring import status_shown
from sellertui.ui.kit.charts import Chart, Series
from sellertui.ui.kit.dialogs import ConfirmScreen, InfoScreen
from sellertui.ui.kit.filterbar import FilterBar
from sellertui.ui.kit.cells import money_cell
from sellertui.ui.tabs.profit.common import ProfitView
from sellertui.ui.tabs.profit.forms import cash_form, hire_form, role_form
from sellertui.ui.tabs.profit.tile_cards import short_money
from sellertui.ui.kit.safe import text
from sellertui.ui.kit.table import Column, FrameTable

COLLECTIONS = frozenset({"hiring_roles", "expenses"})
AREA_NAMES = {"ads": N_("Ads (PPC)"), "orders": N_("Orders and customer service"),
              "inventory": N_("Inventory and reorders"), "promotions": N_("Promotions"),
              "profit": N_("Bookkeeping (Profit)"), "team": N_("Team"), "today": N_("Today")}  # shown translated


def _duration(seconds: float) -> str:
    minutes = int(seconds // 60)
    return f"{minutes // 60}h {minutes % 60:02d}m" if minutes >= 60 else f"{minutes}m"


def titled(out: Text, sentence: str, title: str, lead_style: str = "", **values) -> None:
    """A whole translated ``sentence`` with the role's ``{title}`` in bold (escaped) where the language puts it;
    the words before the title take ``lead_style``."""
    before, _sep, after = sentence.partition("{title}")
    out.append(before.format(**values), style=lead_style)
    out.append_text(text(title, "bold"))
    out.append(after.format(**values))


def gauge_text(result, workload: dict) -> Text:
    """The readiness gauge as text: conditions, gaps, trend, projection, who to hand work to."""
    from sellertui.core.money import fmt

    out = Text()
    role = result.role
    if role is None:
        out.append(result.projection)
        return out
    m = lambda v: fmt(int(round(v)), result.currency)  # noqa: E731
    titled(out, _("Next: {title} · {cost}/mo · hire line {target}\n"), role.get("title", ""), "dim",
           cost=m(result.cost), target=m(result.target))
    filled = int(round(result.progress * 20))
    out.append("█" * filled, style="green" if result.ready else "yellow")
    out.append("░" * (20 - filled), style="dim")
    out.append(_(" READY\n") if result.ready else f" {result.progress:.0%}\n", style="bold green" if result.ready else "")
    for condition in result.conditions:
        out.append("✓ " if condition.ok else "✗ ", style="green" if condition.ok else "red")
        out.append(f"{condition.label}: ")
        out.append(f"{condition.detail}\n", style="dim")
    if result.profit_gap or result.cash_gap:
        out.append(_("Gap: "), style="bold")
        gaps = []
        if result.profit_gap:
            gaps.append(_("{amount} a month of profit").format(amount=m(result.profit_gap)))
        if result.cash_gap:
            gaps.append(_("{amount} of cash").format(amount=m(result.cash_gap)))
        out.append(" · ".join(gaps) + "\n")
    if result.trend is not None:
        out.append(_("Trend: "), style="bold")
        out.append(_("{value}{slope} a month ({n} months)\n").format(value='+' if result.trend.slope >= 0 else '−', slope=m(abs(result.trend.slope)), n=len(result.trend.months)))
    out.append(result.projection + "\n", style="bold cyan" if result.projected else "")
    if result.caveats:
        out.append(_("⚠ {n} month(s) of the window lack data (w)\n").format(n=len(result.caveats)), style="yellow")
    if workload:
        area, spent = next(iter(workload.items()))
        out.append(_("First to hand to a hire: "), style="bold")
        out.append(_("{area} ({seconds} over 30 days)\n")
                       .format(area=label(AREA_NAMES, area), seconds=_duration(spent['seconds'])))
    return out


class HiringView(ProfitView):
    TITLE = N_("Hiring")
    KEY = "H"
    EMPTY = N_("No roles planned: n adds the first (an operator, usually).")
    DEFAULT_CSS = """
    HiringView #hiring-top { height: auto; max-height: 12; }
    HiringView #hiring-top FrameTable { width: 1fr; height: 8; }
    HiringView #hiring-gauge { width: 46; height: auto; max-height: 12; border-left: tall $panel; padding: 0 1; }
    HiringView Chart { height: 1fr; min-height: 7; }
    HiringView.short #hiring-top { height: 1fr; max-height: 100%; }
    HiringView.short #hiring-top FrameTable { height: 1fr; }
    HiringView.short #hiring-gauge { height: 1fr; max-height: 100%; }
    HiringView.short Chart { display: none; }
    """
    SHORT = 30  # below this many rows the chart would be a sliver: the plan and the gauge get the room
    BINDINGS = [
        Binding("n", "new_role", N_("New role"), id="profit.new_role"),
        Binding("e", "edit_role", N_("Edit"), id="profit.edit_role"),
        Binding("a", "hire", N_("Mark hired"), id="profit.hire"),
        Binding("u", "undo_hire", N_("Undo hire"), id="profit.undo_hire"),
        Binding("c", "cash", N_("Cash reserve"), id="profit.cash"),
        Binding("w", "working", N_("Why"), id="profit.readiness_working"),
        Binding("d", "delete_role", N_("Delete"), show=False, id="profit.delete_role"),
        Binding("K", "move_role(-1)", N_("Earlier"), show=False, id="profit.role_earlier"),
        Binding("J", "move_role(1)", N_("Later"), show=False, id="profit.role_later"),
    ]
    hiring = None

    def compose(self) -> ComposeResult:
        yield Static(classes="summary", id=f"{self.id}-summary")
        yield FilterBar(placeholder=_("words in the role"), id=f"{self.id}-filter")
        with Horizontal(id="hiring-top"):
            yield FrameTable([], empty_text=self.EMPTY, id=f"{self.id}-table")
            with VerticalScroll(id="hiring-gauge", can_focus=False):
                yield Static(id="hiring-gauge-body")
        yield Chart(_("Monthly net profit (left after hires) against the hire line"), "line", id="hiring-chart",
                    empty_text=_("No complete month yet."))

    def on_resize(self, event) -> None:
        event.prevent_default()
        self.set_class(self.size.height < self.SHORT, "short")

    def load(self):
        from sellertui.domain.profit.tables import plan_frame

        hiring = self.service().hiring()
        return plan_frame(hiring.plan, hiring.readiness.role), hiring

    def show_loaded(self, loaded) -> None:
        frame, self.hiring = loaded
        home = self.hiring.readiness.currency
        money = money_cell(home)
        self.table.columns = [
            Column("position", "#", 2, "right"),
            Column("title", N_("Role"), 14),
            Column("cost", N_("Full cost"), 10, "right", money),
            Column("status", N_("Status"), 15, fmt=status_shown, style=lambda v: "green" if str(v).startswith("hired") else
                   "bold" if v == "next" else None),
            Column("salary", N_("Salary"), 10, "right", money),
            Column("overhead", N_("Overhead"), 8, "right"),
        ]
        super().show_loaded(frame)
        self.query_one("#hiring-gauge-body", Static).update(gauge_text(self.hiring.readiness, self.hiring.workload))
        self._chart()

    def _chart(self) -> None:
        from sellertui.core.money import SYMBOLS, exponent
        from sellertui.domain.profit.periods import step, tick

        result = self.hiring.readiness
        scale = 10 ** exponent(result.currency)
        months = [m for m, _ in self.hiring.monthly]
        left = [v - result.taken_off.get(m, 0) for m, v in self.hiring.monthly]
        future = []
        if result.trend is not None and months:
            end = result.projected or step(months[-1], "month", 3)
            probe = step(months[-1], "month")
            while probe <= end and len(future) < 24:
                future.append(probe)
                probe = step(probe, "month")
        labels = [tick(m) for m in months + future]
        series = [Series(_("net profit"), [v / scale for v in left] + [None] * len(future), "cyan")]
        if result.trend is not None:
            series.append(Series(_("trend"), [result.trend.at(m) / scale if m in result.trend.months or m in future
                                           else None for m in months + future], "yellow"))
        if result.role is not None:
            series.append(Series(_("hire line"), [result.target / scale] * len(labels), "red"))
        chart = self.query_one(Chart)
        chart.fmt_value = short_money(SYMBOLS.get(result.currency, ""))
        chart.show(labels, series)

    def show_summary(self, frame) -> None:
        result = self.hiring.readiness
        if result.role is None:
            self.summary(Text(result.projection, style="bold"))
            return
        line = Text()
        titled(line, _("READY to hire {title}") if result.ready else _("Not yet ready to hire {title}"),
               result.role.get("title", ""), "bold green" if result.ready else "bold")
        line.append(" · " + result.projection)
        self.summary(line)

    # -- the working -------------------------------------------------------------------
    def action_working(self) -> None:
        from sellertui.core.money import fmt
        from sellertui.domain.profit.hiring import describe_cost

        if self.hiring is None:
            return
        result = self.hiring.readiness
        if result.role is None:
            self.app.push_screen(InfoScreen(_("Hiring readiness"), [], [result.projection]))
            return
        m = lambda v: fmt(int(round(v)), result.currency)  # noqa: E731
        settings = self.shop.settings.section("profit")
        rows = [(_("Role"), result.role.get("title", "")), (_("Full cost"), describe_cost(result.role)),
                (_("Hire line"), _("{cost} + {pct}% buffer = {target}").format(
                    cost=m(result.cost), pct=f"{settings['buffer_pct']:g}", target=m(result.target)))]
        rows += [(("✓ " if c.ok else "✗ ") + c.label, c.detail) for c in result.conditions]
        rows += [(f"  {month}", (_("{amount} left (after {taken} of hired roles)") if result.taken_off.get(month)
                                 else _("{amount} left")).format(amount=m(value),
                                                                 taken=m(result.taken_off.get(month) or 0)))
                 for month, value in result.window]
        paragraphs = [_("Gap: {profit} a month of profit (the hire line less the weakest month), {cash} of cash.")
                      .format(profit=m(result.profit_gap), cash=m(result.cash_gap))]
        if result.trend is not None:
            paragraphs.append(_("Trend: least-squares line through {points} → {slope} a month.").format(
                points=", ".join(f"{mo} {m(v)}" for mo, v in zip(result.trend.months, result.trend.values)),
                slope=f"{'+' if result.trend.slope >= 0 else '−'}{m(abs(result.trend.slope))}"))
        paragraphs.append(result.projection)
        paragraphs += [f"⚠ {c}" for c in result.caveats]
        paragraphs.append(_("Ready when each of the last months made the hire line or more, none lost "
                            "money, and the cash reserve covers the reserve months of the role's cost. "
                            "Profit is the P&L's net profit less the full cost of roles already hired "
                            "(also in months before they started). Thresholds: S (settings)."))
        self.app.push_screen(InfoScreen(_("Hiring readiness"), rows, paragraphs))

    # -- the plan ------------------------------------------------------------------------
    def chosen(self) -> dict | None:
        role_id = self.current_value("id")
        if role_id is None or self.hiring is None:
            return None
        return next((r for r in self.hiring.plan if r["id"] == role_id), None)

    def _home(self) -> str:
        return self.shop.settings.home_currency.upper()

    def action_open(self) -> None:
        self.action_edit_role()  # enter: the role's form (w is the gauge's working)

    def action_new_role(self) -> None:
        from sellertui.domain.profit import hiring

        plan = self.hiring.plan if self.hiring else []

        def done(values: dict | None) -> None:
            if values is not None:
                self.save(lambda store: hiring.add_role(store, values, self._home()),
                          lambda role: _("Added {title} to the plan").format(title=role['title']), COLLECTIONS)

        overhead = float(self.shop.settings.section("profit")["overhead_pct"])
        self.app.push_screen(role_form(None, self._home(), overhead, len(plan)), done)

    def action_edit_role(self) -> None:
        from sellertui.domain.profit import hiring

        role = self.chosen()
        if role is None:
            return
        if role.get("status") == "hired":
            self.notify(_("A hired role's cost is in the expenses: undo the hire (u) to change it."), timeout=4)
            return

        def done(values: dict | None) -> None:
            if values is not None:
                self.save(lambda store: hiring.edit_role(store, role["id"], values, self._home(), role.get("_rev")),
                          lambda saved: _("Saved {title}").format(title=saved['title']), COLLECTIONS)

        self.app.push_screen(role_form(role, self._home(), 25.0, 0), done)

    def action_delete_role(self) -> None:
        from sellertui.domain.profit import hiring

        role = self.chosen()
        if role is None:
            return

        def done(yes: bool | None) -> None:
            if yes:
                self.save(lambda store: hiring.delete_role(store, role["id"], role.get("_rev")),
                          _("Removed the role"), COLLECTIONS)

        self.app.push_screen(ConfirmScreen(_("Remove {title} from the plan?").format(title=role.get('title', ''))), done)

    def action_move_role(self, step: int) -> None:
        from sellertui.domain.profit import hiring

        role = self.chosen()
        if role is not None:
            self.save(lambda store: hiring.move_role(store, role["id"], step), "", COLLECTIONS)

    def action_hire(self) -> None:
        from sellertui.domain.profit import hiring

        role = self.chosen()
        if role is None:
            return
        if role.get("status") == "hired":
            self.notify(_("Already hired since {hired_on}.").format(hired_on=role.get('hired_on')), timeout=3)
            return

        def done(values: dict | None) -> None:
            if values is not None:
                self.save(lambda store: hiring.mark_hired(store, role["id"], values["day"], role.get("_rev")),
                          lambda saved: _("Hired: {title}. Its cost is in the expenses from {hired_on}; the gauge moves "
                                          "to the next role.")
                                            .format(title=saved['title'], hired_on=saved['hired_on']), COLLECTIONS)

        cost = hiring.describe_cost(role)
        self.app.push_screen(hire_form(role.get("title", ""), cost), done)

    def action_undo_hire(self) -> None:
        from sellertui.domain.profit import hiring

        role = self.chosen()
        if role is None or role.get("status") != "hired":
            self.notify(_("Put the cursor on a hired role to undo its hire."), timeout=3)
            return

        def done(yes: bool | None) -> None:
            if yes:
                self.save(lambda store: hiring.undo_hire(store, role["id"], role.get("_rev")),
                          _("{title} is planned again; its salary expense is gone")
                              .format(title=role.get('title', '')), COLLECTIONS)

        self.app.push_screen(ConfirmScreen(_("Undo the hire of {title}? Its salary expense is deleted (to keep its history, "
                                             "give the expense an end date instead).")
                                               .format(title=role.get('title', ''))),
                             done)

    def action_cash(self) -> None:
        from sellertui.domain.profit import hiring

        cash = self.hiring.cash if self.hiring else None

        def done(values: dict | None) -> None:
            if values is not None:
                self.save(lambda store: hiring.set_cash(store, values["amount_minor"], values["date"], self._home(), values["note"]),
                          _("Saved the cash reserve"), frozenset({"cash_reserve"}))

        self.app.push_screen(cash_form(cash, self._home()), done)
