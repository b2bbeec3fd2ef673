"""The Promotions tab's tables as frames, made from a ``Board``: the list, the events, the fee table.

One row per promotion, event or fee entry, with the columns the tab shows and
sorts by and a lower-case ``haystack`` its filter searches. pandas is imported
inside the functions (they run in workers): the tab imports the constants.
"""

from __future__ import annotations

from datetime import date

from sellertui.core.i18n import N_, _, label, shown
from sellertui.core.money import fmt
from sellertui.domain.promotions import checks as check_rules
from sellertui.domain.promotions import deadlines, fee_table
from sellertui.domain.promotions import events as event_rules
from sellertui.domain.promotions.fees import TYPES, pick
from sellertui.domain.promotions.pricing import days

# the list's short names, marked here and translated into the frame (the filter's type: matches the code too)
SHORT_TYPE = {"lightning_deal": N_("Lightning"), "best_deal": N_("Best Deal"), "coupon": N_("Coupon"),
              "prime_exclusive": N_("Prime Excl"), "percent_off": N_("% off"), "bogo": N_("BOGO")}
PEAK = N_("peak")
# the list's order: what is running first, then approved, submitted, ideas; ended and cancelled last
RANK = {"running": 0, "approved": 1, "submitted": 2, "idea": 3, "ended": 4, "cancelled": 5}


def promotions_frame(board):
    """Every promotion: planned and running ones by start, then the ended and cancelled, newest first."""
    import pandas as pd

    rows = []
    for p in board.promotions:
        found = board.checks_of(p)
        fee = board.fee_of(p)
        result = board.results_of(p)
        event = board.event_of(p)
        due = board.deadline_of(p).due if p.get("status") == "idea" else None
        rows.append({
            "id": p["id"], "name": p.get("name", ""), "status": p.get("status", ""),
            "rank": RANK.get(p.get("status"), 9), "type": p.get("type", ""),
            "type_label": label(SHORT_TYPE, p.get("type", "")), "start": p["start"][:10],
            "end": (p.get("end") or p["start"])[:10], "days": days(p),
            "discount": float(p.get("discount_pct") or 0), "checks": check_rules.summary(found),
            "fails": -sum(c.failed for c in found), "fee_minor": fee.minor,
            "fee": fmt(fee.minor, fee.fee.currency), "submit_by": due.isoformat() if due else "",
            "lift": None if result is None or result.lift is None else float(result.lift),
            "event": event["name"] if event else "", "skus_text": ", ".join(p.get("skus") or []),
            "check_levels": " ".join(sorted({c.level for c in found})),
            "haystack": " ".join([p.get("name", ""), p.get("notes", ""), p.get("type", ""),
                                  event["name"] if event else "", *(p.get("skus") or [])]).lower(),
        })
    columns = ["id", "name", "status", "rank", "type", "type_label", "start", "end", "days", "discount", "checks",
               "fails", "fee_minor", "fee", "submit_by", "lift", "event", "skus_text", "check_levels", "haystack"]
    frame = pd.DataFrame(rows, columns=columns)
    live = frame[frame["rank"] <= RANK["idea"]].sort_values(["start", "name"], kind="stable")
    done = frame[frame["rank"] > RANK["idea"]].sort_values(["start", "name"], ascending=False, kind="stable")
    return pd.concat([live, done]).reset_index(drop=True)


def events_frame(board):
    """Every event: what is still to come first, soonest first; then the past, newest first.

    ``deadline_left`` says how long is left to submit deals when that is within
    the ``deadline_warn_days`` setting (blank otherwise).
    """
    import pandas as pd

    rows = []
    today = board.today.isoformat()
    for e in board.events:
        deadline = e.get("deadline") or ""
        left = ""
        if deadline and deadline >= today:
            days_left = deadlines.days_left(date.fromisoformat(deadline), board.now, e.get("marketplace") or "US")
            left = deadlines.describe(days_left) if days_left <= board.settings.deadline_warn_days else ""
        note = event_rules.note_text(e.get("note"))
        rows.append({
            "id": e["id"], "name": e.get("name", ""), "marketplace": e.get("marketplace", ""),
            "start": e.get("start", ""), "end": e.get("end", ""), "peak_text": shown(PEAK) if e.get("peak") else "",
            "deadline": deadline, "deadline_left": left, "inventory_by": e.get("inventory_by") or "",
            "kind": e.get("kind", ""), "kind_label": label(event_rules.KINDS, e.get("kind", "")),
            "note": _("estimate: {note}").format(note=note) if e.get("estimate") else note,
            "past": e.get("end", "") < today,
            "haystack": " ".join([e.get("name", ""), e.get("note", ""), note,
                                  e.get("marketplace", ""), e.get("start", "")]).lower(),
        })
    columns = ["id", "name", "marketplace", "start", "end", "peak_text", "deadline", "deadline_left", "inventory_by",
               "kind", "kind_label", "note", "past", "haystack"]
    frame = pd.DataFrame(rows, columns=columns)
    coming = frame[~frame["past"].astype(bool)].sort_values(["start", "name"], kind="stable")
    past = frame[frame["past"].astype(bool)].sort_values(["start", "name"], ascending=False, kind="stable")
    return pd.concat([coming, past]).reset_index(drop=True)


def fees_frame(board):
    """Every fee table entry by type, marketplace and start; ``in_force`` marks the ones a promotion
    starting today would pay (at a peak event or outside one)."""
    import pandas as pd

    today = board.today.isoformat()
    rows = []
    for e in board.schedule:
        ccy = e.get("currency", "USD")
        money = lambda key: fmt(e[key], ccy) if e.get(key) else ""  # noqa: E731
        in_force = any(pick(board.schedule, e["type"], e.get("marketplace", "US"), today, peak) is e
                       for peak in (True, False))
        rows.append({
            "id": e.get("id", ""), "type": e["type"], "type_label": label(SHORT_TYPE, e["type"]),
            "marketplace": e.get("marketplace", "US"), "from": e.get("from", ""),
            "applies": shown(fee_table.peak_label(e.get("peak"))), "in_force": "✓" if in_force else "",
            "fixed": money("fixed_minor"), "per_day": money("per_day_minor"),
            "sales_pct": float(e.get("sales_pct") or 0), "cap": money("variable_cap_minor"),
            "per_redemption": money("per_redemption_minor"), "note": shown(e.get("note", "")),
            "haystack": " ".join([e["type"], TYPES.get(e["type"], ""), shown(TYPES.get(e["type"], "")),
                                  e.get("marketplace", ""), e.get("note", ""), shown(e.get("note", ""))]).lower(),
        })
    columns = ["id", "type", "type_label", "marketplace", "from", "applies", "in_force", "fixed", "per_day",
               "sales_pct", "cap", "per_redemption", "note", "haystack"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(["type", "marketplace", "from", "applies"], kind="stable").reset_index(drop=True)
