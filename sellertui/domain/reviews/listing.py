"""Seller feedback and product reviews in one list: rating, text, date, order and buyer, with the work on negatives.

The Orders tab's Feedback view and ``sellertui feedback`` both read
``feedback_items``. Seller feedback names its order; the order's line gives
the buyer, the SKU and whether Amazon fulfilled it (which decides whether a
delivery complaint can be struck through). Open negatives come first, by
deadline; then everything else, newest first.
"""

from __future__ import annotations

from datetime import date, timedelta

from sellertui.core.i18n import N_, _
from sellertui import clock
from sellertui.domain.query import parse
from sellertui.domain.reviews import negatives
from sellertui.domain.reviews.settings import ReviewSettings
from sellertui.store.fields import rows

KIND_LABELS = {"feedback": "seller", "review": "product"}
FILTERS = {"status", "kind", "rating", "order", "asin"}
FILTER_HELP = N_("words, or rating:1 kind:seller|product status:open|contacted|resolved order: asin:")


LINE_FIELDS = ("id", "order_id", "buyer_name", "sku", "asin", "channel", "marketplace")  # what ``_item`` reads


def _orders_by_id(store, order_ids: set[str], earliest: str) -> dict[str, dict]:
    """The first line of each order, searched from a few months before the earliest feedback (feedback follows
    the order within weeks)."""
    if not order_ids:
        return {}
    view = store["orders"]
    start = (date.fromisoformat(earliest[:10]) - timedelta(days=120)).isoformat()[:7] if earliest else ""
    partitions = [p for p in view.partitions() if p >= start or not p[:1].isdigit()]
    found: dict[str, dict] = {}
    # only what ``_item`` reads of a line is decoded, and a line becomes a dict only when its order is asked for
    for line in rows(store, "orders", partitions, LINE_FIELDS, where=("order_id", order_ids)):
        if line.get("order_id") in order_ids:
            found.setdefault(line["order_id"], line)
    return found


def _item(kind: str, record: dict, line: dict | None, work: dict | None, settings: ReviewSettings,
          today: date) -> dict:
    line = line or {}
    if kind == "feedback":
        key, text = f"feedback:{record['id']}", record.get("comments") or ""
        buyer = line.get("buyer_name") or record.get("rater_email") or ""
    else:
        key = f"review:{record['id']}"
        text = " — ".join(t for t in (record.get("title"), record.get("text")) if t)
        buyer = record.get("reviewer") or line.get("buyer_name") or ""
    item = {"key": key, "kind": kind, "date": str(record.get("date") or "")[:10], "rating": record.get("rating"),
            "text": text, "response": record.get("response") or "", "order_id": record.get("order_id") or "",
            "buyer": buyer, "sku": record.get("sku") or line.get("sku") or "",
            "asin": record.get("asin") or line.get("asin") or "", "channel": line.get("channel") or "",
            "marketplace": record.get("marketplace") or line.get("marketplace") or ""}
    work = work or {}
    item["negative"] = negatives.is_negative(item["rating"])
    item["status"] = work.get("status", negatives.OPEN) if item["negative"] else ""
    next_step = negatives.due(item, work, settings)
    item["next_step"], item["due_by"] = next_step.step, next_step.by.isoformat() if next_step.by else ""
    item["due"] = next_step.describe(today)
    item["late"] = bool(next_step.by and next_step.by < today)
    item["grounds"] = negatives.removal_grounds(kind, text, item["channel"]) if item["negative"] else []
    item["outcome"] = work.get("outcome", "")
    return item


def rank(item: dict) -> str:
    """Open negatives first by deadline, then the rest newest first."""
    if item["due_by"]:
        return f"0|{item['due_by']}|{item['date']}"
    day = int(item["date"].replace("-", "") or 0)
    return f"1|{99_999_999 - day:08d}"


def feedback_items(shop, today: date | None = None, pending: bool = False) -> list[dict]:
    """Every seller feedback and product review as one list, in ``rank`` order. ``pending``: only the negatives
    not yet resolved (what has a next step, as Today lists): the orders of those alone are looked up, from a
    few months before the oldest of them rather than before the shop's first feedback."""
    store = shop.store
    today = today or clock.today()
    settings = ReviewSettings.of(shop)
    feedback, reviews = store["feedback"].all(), store["reviews"].all()
    work = {w["id"]: w for w in store["feedback_work"].all()}
    if pending:
        feedback = [f for f in feedback if negatives.pending(f, work.get(f"feedback:{f['id']}"))]
        reviews = [r for r in reviews if negatives.pending(r, work.get(f"review:{r['id']}"))]
    ids = {f["id"] for f in feedback} | {r["order_id"] for r in reviews if r.get("order_id")}
    dates = [str(r.get("date") or "") for r in (*feedback, *reviews) if r.get("date")]
    lines = _orders_by_id(store, ids, min(dates) if dates else "")
    items = [_item("feedback", f, lines.get(f["id"]), work.get(f"feedback:{f['id']}"), settings, today)
             for f in feedback]
    items += [_item("review", r, lines.get(r.get("order_id") or ""), work.get(f"review:{r['id']}"), settings, today)
              for r in reviews]
    return sorted(items, key=rank)


def find_item(shop, ident: str) -> dict:
    """The feedback or review ``ident`` names: its key (``feedback:…``, ``review:…``) or its order id (a seller
    feedback first: that is what an order id names)."""
    from sellertui.core.errors import UserError

    ident = (ident or "").strip()
    items = feedback_items(shop)
    for match in ([i for i in items if i["key"] == ident], [i for i in items if i["key"] == f"feedback:{ident}"],
                  [i for i in items if i["order_id"] == ident]):
        if len(match) == 1:
            return match[0]
        if match:
            raise UserError(_("{ident} names {count} items: use a key ({keys})").format(
                ident=ident, count=len(match), keys=", ".join(i["key"] for i in match)))
    raise UserError(_("no feedback or review {ident!r} (see `sellertui feedback`: the key or the order id)").format(
        ident=ident))


def items_frame(items: list[dict]):
    """The items as the view's frame (``kind`` shown as seller/product, ``rank`` to sort by)."""
    import pandas as pd

    columns = ["key", "kind", "date", "rating", "status", "due", "due_by", "late", "order_id", "buyer", "asin",
               "sku", "channel", "text", "negative"]
    frame = pd.DataFrame({c: [i[c] for i in items] for c in columns})
    frame["kind"] = [KIND_LABELS[k] for k in frame["kind"]] if len(frame) else frame["kind"]
    frame["grounds"] = [len(i["grounds"]) for i in items]
    frame["rank"] = [rank(i) for i in items]
    return frame


def filter_items(frame, text: str):
    """Positions of the items matching the filter text (None: no filter)."""
    import numpy as np

    query = parse(text, FILTERS)
    if query.empty:
        return None
    mask = np.ones(len(frame), dtype=bool)
    hay = (frame["text"].fillna("") + " " + frame["buyer"].fillna("") + " " + frame["order_id"].fillna("") + " "
           + frame["asin"].fillna("") + " " + frame["sku"].fillna("")).str.lower()
    for word in query.words:
        mask &= hay.str.contains(word, regex=False).to_numpy()
    for name, value in query.terms.items():
        column = {"order": "order_id"}.get(name, name)
        values = frame[column].astype(str).str.lower()
        if name == "status" and value.lower() == "open":
            mask &= (frame["negative"] & (frame["status"] != negatives.RESOLVED)).to_numpy()
        else:
            mask &= values.str.startswith(value.lower()).to_numpy()
    return np.flatnonzero(mask)
