"""What a promotion is, how its checks, fee and results came about: for the side panel and the working screen."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.binding import Binding

from sellertui.core.money import fmt
from sellertui.domain.promotions import deadlines
from sellertui.domain.promotions.fees import TYPES
from sellertui.domain.promotions.pricing import days
from sellertui.ui.kit.dialogs import InfoScreen, fact_grid
from sellertui.ui.kit.safe import text

MARK = {"fail": ("✗", "bold red"), "warn": ("!", "bold yellow"), "ok": ("✓", "green")}


def rows(board, promo: dict) -> list[tuple[str, str]]:
    currency = promo.get("currency") or "USD"
    event = board.event_of(promo)
    fee = board.fee_of(promo)
    deadline = board.deadline_of(promo)
    found = [
        ("Type", TYPES.get(promo.get("type"), promo.get("type", ""))),
        ("Status", promo.get("status", "")),
        ("Dates", f"{promo['start']} to {promo.get('end')} ({days(promo)} day{'s' if days(promo) != 1 else ''})"),
        ("Event", f"{event['name']} {event['start'][:4]}{' (peak)' if event.get('peak') else ''}" if event else "—"),
        ("SKUs", ", ".join(promo.get("skus") or [])),
        ("Discount", f"{float(promo.get('discount_pct') or 0):g}%"),
        ("Expected", f"{int(promo.get('expected_units') or 0):,} units"),
        ("Fee", fmt(fee.minor, fee.fee.currency) + (f" ({fmt(fee.per_unit_minor, currency)} a unit)"
                                                     if fee.per_unit_minor is not None else "")),
    ]
    if promo.get("budget_minor"):
        found.append(("Budget", fmt(promo["budget_minor"], currency)))
    if deadline.due is not None and promo.get("status") == "idea":
        left = deadlines.days_left(deadline.due, board.now, promo.get("marketplace") or "US")
        found.append(("Submit by", f"{deadline.due.isoformat()} ({deadlines.describe(left)})"))
    found.append(("Marketplace", promo.get("marketplace") or "US"))
    return found


def paragraphs(board, promo: dict) -> list[str]:
    lines = []
    checks = board.checks_of(promo)
    if checks:
        lines.append("Checks:")
        for check in checks:
            lines.append(f"{MARK[check.level][0]} {check.summary}")
            lines += [f"    {w}" for w in check.working]
    elif promo.get("status") in ("ended", "cancelled"):
        lines.append(f"Checks: none ({promo.get('status')}).")
    lines.append("Fee:")
    lines += [f"    {w}" for w in board.fee_of(promo).working]
    result = board.results_of(promo)
    if result is not None:
        lines.append("Results" + (" so far:" if result.so_far else ":"))
        lines += [f"    {w}" for w in result.working]
    if promo.get("notes"):
        lines.append(f"Notes: {promo['notes']}")
    for entry in (promo.get("history") or [])[-5:]:
        lines.append(f"{str(entry.get('at', ''))[:16].replace('T', ' ')} {entry.get('by', '')}: {entry.get('what', '')}")
    return lines


def panel(board, promo: dict):
    """A short description for the side panel: facts, checks, fee, results."""
    parts = [text(promo.get("name", ""), "bold"), fact_grid(rows(board, promo))]
    checks = board.checks_of(promo)
    if checks:
        parts.append(Text("Checks", style="bold underline"))
        for check in checks:
            mark, style = MARK[check.level]
            line = Text.assemble((f"{mark} ", style))
            line.append_text(text(check.summary))
            parts.append(line)
    result = board.results_of(promo)
    if result is not None:
        currency = result.currency
        parts.append(Text("Results" + (" so far" if result.so_far else ""), style="bold underline"))
        lift = "—" if result.lift is None else f"{result.lift:+.0%}"
        parts.append(text(f"{result.units:,} units ({result.expected_units:,.1f} expected without it): lift {lift}"))
        parts.append(text(f"revenue {fmt(result.revenue_minor, currency)} · earned "
                          f"{fmt(result.profit_minor, currency)} after fees"))
        if result.added_profit_minor is not None:
            parts.append(text(f"added {fmt(result.added_profit_minor, currency)} over the baseline"))
    parts.append(Text("w or enter: the working", style="dim"))
    return Group(*parts)


class PromotionScreen(InfoScreen):
    """The working of one promotion; its keys act on it (the caller gets the action's name)."""

    BINDINGS = [
        Binding("e", "act('edit')", "Edit", id="promotion.edit"),
        Binding("c", "act('duplicate')", "Duplicate", id="promotion.duplicate"),
        Binding("x", "act('cancel')", "Cancel it", id="promotion.cancel"),
        Binding("greater_than_sign", "act('advance')", "Next status", id="promotion.advance"),
    ]

    def __init__(self, board, promo: dict) -> None:
        super().__init__(promo.get("name", "Promotion"), rows(board, promo), paragraphs(board, promo))

    def on_mount(self) -> None:
        self.query_one("Vertical").border_subtitle = "e edit · c duplicate · x cancel · > next status · esc close"

    def action_act(self, action: str) -> None:
        self.dismiss(action)
