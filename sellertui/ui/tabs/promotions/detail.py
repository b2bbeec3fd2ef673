"""What a promotion is, how its checks, fee and results came about: for the side panel and the working screen."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.binding import Binding

from sellertui.core.i18n import N_, _, label, ngettext, shown
from sellertui.core.money import fmt
from sellertui.domain.promotions import deadlines
from sellertui.domain.promotions.fees import TYPES
from sellertui.domain.promotions.pricing import days
from sellertui.domain.promotions.records import history_text, notes_text
from sellertui.ui.kit.dialogs import InfoScreen, fact_grid
from sellertui.ui.kit.safe import text

MARK = {"fail": ("✗", "bold red"), "warn": ("!", "bold yellow"), "ok": ("✓", "green")}


def rows(board, promo: dict) -> list[tuple[str, str]]:
    currency = promo.get("currency") or "USD"
    event = board.event_of(promo)
    fee = board.fee_of(promo)
    deadline = board.deadline_of(promo)
    found = [
        (_("Type"), label(TYPES, promo.get("type", ""))),
        (_("Status"), shown(promo.get("status", ""))),
        (_("Dates"), ngettext("{start} to {end} ({n} day)", "{start} to {end} ({n} days)", days(promo)).format(
            start=promo["start"], end=promo.get("end"), n=days(promo))),
        (_("Event"), (f"{event['name']} {event['start'][:4]}" + (" " + _("(peak)") if event.get("peak") else ""))
         if event else "—"),
        ("SKUs", ", ".join(promo.get("skus") or [])),
        (_("Discount"), f"{float(promo.get('discount_pct') or 0):g}%"),
        (_("Expected"), _("{n} units").format(n=f"{int(promo.get('expected_units') or 0):,}")),
        (_("Fee"), fmt(fee.minor, fee.fee.currency) + (" " + _("({amount} a unit)").format(
            amount=fmt(fee.per_unit_minor, currency)) if fee.per_unit_minor is not None else "")),
    ]
    if promo.get("budget_minor"):
        found.append((_("Budget"), fmt(promo["budget_minor"], currency)))
    if deadline.due is not None and promo.get("status") == "idea":
        left = deadlines.days_left(deadline.due, board.now, promo.get("marketplace") or "US")
        found.append((_("Submit by"), f"{deadline.due.isoformat()} ({deadlines.describe(left)})"))
    found.append((_("Marketplace"), promo.get("marketplace") or "US"))
    return found


def paragraphs(board, promo: dict) -> list[str]:
    lines = []
    checks = board.checks_of(promo)
    if checks:
        lines.append(_("Checks:"))
        for check in checks:
            lines.append(f"{MARK[check.level][0]} {check.summary}")
            lines += [f"    {w}" for w in check.working]
    elif promo.get("status") in ("ended", "cancelled"):
        lines.append(_("Checks: none ({status}).").format(status=shown(promo.get('status'))))
    lines.append(_("Fee:"))
    lines += [f"    {w}" for w in board.fee_of(promo).working]
    result = board.results_of(promo)
    if result is not None:
        lines.append(_("Results so far:") if result.so_far else _("Results:"))
        lines += [f"    {w}" for w in result.working]
    if promo.get("notes"):
        lines.append(_("Notes: {notes}").format(notes=notes_text(promo["notes"])))
    for entry in (promo.get("history") or [])[-5:]:
        lines.append(f"{str(entry.get('at', ''))[:16].replace('T', ' ')} {entry.get('by', '')}: {history_text(entry.get('what', ''))}")
    return lines


def panel(board, promo: dict):
    """A short description for the side panel: facts, checks, fee, results."""
    parts = [text(promo.get("name", ""), "bold"), fact_grid(rows(board, promo))]
    checks = board.checks_of(promo)
    if checks:
        parts.append(Text(_("Checks"), style="bold underline"))
        for check in checks:
            mark, style = MARK[check.level]
            line = Text.assemble((f"{mark} ", style))
            line.append_text(text(check.summary))
            parts.append(line)
    result = board.results_of(promo)
    if result is not None:
        currency = result.currency
        parts.append(Text(_("Results so far") if result.so_far else _("Results"), style="bold underline"))
        lift = "—" if result.lift is None else f"{result.lift:+.0%}"
        parts.append(text(_("{units} units ({expected} expected without it): lift {lift}").format(
            units=f"{result.units:,}", expected=f"{result.expected_units:,.1f}", lift=lift)))
        parts.append(text(_("revenue {revenue} · earned {profit} after fees").format(
            revenue=fmt(result.revenue_minor, currency), profit=fmt(result.profit_minor, currency))))
        if result.added_profit_minor is not None:
            parts.append(text(_("added {amount} over the baseline").format(
                amount=fmt(result.added_profit_minor, currency))))
    parts.append(Text(_("w or enter: the working"), style="dim"))
    return Group(*parts)


class PromotionScreen(InfoScreen):
    """The working of one promotion; its keys act on it (the caller gets the action's name)."""

    BINDINGS = [
        Binding("e", "act('edit')", N_("Edit"), id="promotion.edit"),
        Binding("c", "act('duplicate')", N_("Duplicate"), id="promotion.duplicate"),
        Binding("x", "act('cancel')", N_("Cancel it"), id="promotion.cancel"),
        Binding("greater_than_sign", "act('advance')", N_("Next status"), id="promotion.advance"),
    ]

    def __init__(self, board, promo: dict) -> None:
        super().__init__(promo.get("name", "Promotion"), rows(board, promo), paragraphs(board, promo))

    def on_mount(self) -> None:
        self.query_one("Vertical").border_subtitle = _("e edit · c duplicate · x cancel · > next status · esc close")

    def action_act(self, action: str) -> None:
        self.dismiss(action)
