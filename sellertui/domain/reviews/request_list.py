"""Review requests as the Orders view and ``sellertui review-requests`` list them: candidates, then past requests."""

from __future__ import annotations

from datetime import date

from sellertui.core.i18n import N_
from sellertui import clock
from sellertui.domain.query import parse
from sellertui.domain.reviews import requests as rules

DUE = "due"  # a candidate: not asked yet
FILTERS = {"state", "channel", "order"}
FILTER_HELP = N_("words, or state:due|approved|sent|refused channel:fbm|fba order:")
COLUMNS = ["order_id", "state", "closes", "delivered", "estimated", "channel", "skus", "buyer", "marketplace", "when",
           "by", "reason"]


def request_rows(shop, today: date | None = None) -> list[dict]:
    """Candidates (state ``due``, the window closing soonest first), then every request, newest first."""
    today = today or clock.today()
    rows = [{"order_id": c.order_id, "state": DUE, "closes": c.closes, "delivered": c.delivered,
             "estimated": c.estimated, "channel": c.channel, "skus": c.skus, "buyer": c.buyer,
             "marketplace": c.marketplace, "when": "", "by": "", "reason": ""} for c in rules.candidates(shop, today)]
    for r in rules.requests(shop.store):
        rows.append({"order_id": r["order_id"], "state": r.get("status", ""), "closes": r.get("closes") or "",
                     "delivered": r.get("delivered") or "", "estimated": bool(r.get("estimated")), "channel": r.get("channel") or "",
                     "skus": r.get("skus") or "", "buyer": r.get("buyer") or "",
                     "marketplace": r.get("marketplace") or "", "when": (r.get("sent_at") or r.get("answered_at")
                                                                         or r.get("approved_at") or "")[:16],
                     "by": r.get("approved_by") or "" if r.get("via") != rules.DAILY_RULE else "daily rule",
                     "reason": r.get("reason") or ""})
    return rows


def rows_frame(rows: list[dict]):
    import pandas as pd

    frame = pd.DataFrame({c: [r[c] for r in rows] for c in COLUMNS})
    frame["rank"] = [f"{'0' if r['state'] == DUE else '1' if r['state'] in rules.WAITING else '2'}|"
                     f"{r['closes'] if r['state'] == DUE else ''}|{99_999_999_999 - _stamp(r['when']):012d}"
                     for r in rows]
    return frame


def _stamp(when: str) -> int:
    digits = "".join(ch for ch in when if ch.isdigit())[:12]
    return int(digits or 0)


def filter_rows(frame, text: str):
    import numpy as np

    query = parse(text, FILTERS)
    if query.empty:
        return None
    mask = np.ones(len(frame), dtype=bool)
    hay = (frame["order_id"] + " " + frame["skus"] + " " + frame["buyer"] + " " + frame["reason"]).str.lower()
    for word in query.words:
        mask &= hay.str.contains(word, regex=False).to_numpy()
    for name, value in query.terms.items():
        column = {"order": "order_id"}.get(name, name)
        mask &= frame[column].astype(str).str.lower().str.startswith(value.lower()).to_numpy()
    return np.flatnonzero(mask)
