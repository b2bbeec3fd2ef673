"""`sellertui export promotions` and `sellertui promotions upcoming`: the board for spreadsheets, scripts and cron.

Both read the same board as the Promotions tab. pandas comes in with the board,
inside the functions: every CLI command loads this module to list the exporters.
"""

from __future__ import annotations

from sellertui.domain.exports import exporter
from sellertui.core.money import to_decimal

COLUMNS = [
    "id", "name", "type", "status", "marketplace", "event", "start", "end", "days", "discount_pct", "skus",
    "expected_units", "budget", "currency", "fee", "fee_per_unit", "submit_by", "checks_failed", "checks_warned",
    "failed_checks", "units", "revenue", "baseline_units_expected", "lift_pct", "earned_after_fees",
    "added_over_baseline", "notes",
]


def _money(minor: int | None, currency: str) -> str | None:
    return None if minor is None else str(to_decimal(int(minor), currency))


def promotion_row(board, p: dict) -> list:
    from sellertui.domain.promotions.pricing import days

    currency = p.get("currency") or "USD"
    checks = board.checks_of(p)
    fee = board.fee_of(p)
    event = board.event_of(p)
    due = board.deadline_of(p).due if p.get("status") == "idea" else None
    r = board.results_of(p)
    return [
        p["id"], p.get("name", ""), p.get("type", ""), p.get("status", ""), p.get("marketplace") or "US",
        event["name"] if event else None, p["start"][:10], (p.get("end") or p["start"])[:10], days(p),
        float(p.get("discount_pct") or 0), " ".join(p.get("skus") or []), int(p.get("expected_units") or 0),
        _money(p.get("budget_minor") or 0, currency), currency, _money(fee.minor, fee.fee.currency),
        _money(fee.per_unit_minor, currency), due.isoformat() if due else None,
        sum(c.level == "fail" for c in checks), sum(c.level == "warn" for c in checks),
        "; ".join(c.summary for c in checks if c.failed) or None,
        None if r is None else r.units, None if r is None else _money(r.revenue_minor, currency),
        None if r is None else round(r.expected_units, 1),
        None if r is None or r.lift is None else round(r.lift * 100, 1),
        None if r is None else _money(r.profit_minor, currency),
        None if r is None else _money(r.added_profit_minor, currency), p.get("notes") or None,
    ]


@exporter("promotions")
def export_promotions(shop, args) -> tuple[list[str], list[list]]:
    from sellertui.domain.promotions.board import shop_board

    board = shop_board(shop)
    promotions = board.promotions
    if getattr(args, "status", None):
        promotions = [p for p in promotions if p.get("status") == args.status]
    if getattr(args, "since", None):
        promotions = [p for p in promotions if (p.get("end") or p["start"])[:10] >= args.since]
    return COLUMNS, [promotion_row(board, p) for p in promotions]


def upcoming(board, days: int) -> dict:
    """The next ``days`` as plain data (JSON): deadlines, promotions starting, events, failed checks."""
    found = board.upcoming(days)
    starting = []
    for p in found["starting"]:
        fee = board.fee_of(p)
        starting.append({
            "id": p["id"], "name": p.get("name", ""), "type": p.get("type", ""), "status": p.get("status", ""),
            "start": p["start"], "end": p.get("end"), "discount_pct": p.get("discount_pct"),
            "skus": p.get("skus") or [], "fee_minor": fee.minor, "currency": fee.fee.currency,
            "checks": [{"code": c.code, "level": c.level, "summary": c.summary} for c in board.checks_of(p)],
        })
    return {
        "from": found["from"], "until": found["until"], "deadlines": found["deadlines"], "starting": starting,
        "events": [{"id": e["id"], "name": e["name"], "marketplace": e.get("marketplace"), "start": e["start"],
                    "end": e["end"], "peak": bool(e.get("peak")), "deadline": e.get("deadline"),
                    "inventory_by": e.get("inventory_by"), "estimate": bool(e.get("estimate"))}
                   for e in found["events"]],
        "failing": [{"promotion_id": p["id"], "name": p.get("name", ""), "check": c.code, "summary": c.summary,
                     "working": c.working} for p, c in found["failing"]],
    }
