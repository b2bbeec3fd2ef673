"""Buyer messages as the Orders tab lists them: most urgent first, with reply metrics and product notes.

pandas and numpy are imported inside the functions: only workers call them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sellertui import clock
from sellertui.domain.orders.messages import ResponseMetrics, response_metrics
from sellertui.domain.orders.notes import notes_by_sku
from sellertui.domain.query import parse

FRAME_VERSION = 2  # 2: who replied (replied_by, _by), for per-agent performance
FIELDS = ["id", "received_at", "status", "buyer_name", "buyer_id", "order_id", "sku", "text", "replied_at", "_rev",
          "replied_by", "_by"]
FILTERS = {"status", "buyer", "order", "sku"}
METRIC_DAYS = (7, 30, 90)


def build_messages(docs: list[dict]):
    """Messages → frame (one partition at a time; cached by FrameCache)."""
    import pandas as pd

    return pd.DataFrame({name: [d.get(name) for d in docs] for name in FIELDS})


def stored_messages(shop):
    """Every message as a frame, as stored (through the shared frame cache)."""
    return shop.frames().frame("messages", build_messages, version=FRAME_VERSION)


def ranked(frame, now: datetime):
    """The messages with ``rank`` (awaiting first, oldest first; then the rest, newest first),
    ``when`` (local time) and ``preview`` (the text on one line)."""
    import numpy as np
    import pandas as pd

    if not len(frame):
        return frame.assign(rank=[], when=[], preview=[])
    received = pd.to_datetime(frame["received_at"], utc=True)
    awaiting = (frame["status"] == "awaiting").to_numpy()
    age = (pd.Timestamp(now).tz_convert("UTC") - received).dt.total_seconds().to_numpy()
    return frame.assign(
        rank=np.where(awaiting, -1e12 - age, -received.astype("int64").to_numpy() / 1e9),
        when=received.dt.tz_convert(now.tzinfo).dt.strftime("%Y-%m-%d %H:%M"),
        preview=frame["text"].fillna("").str.replace(r"\s+", " ", regex=True).str.slice(0, 200),
    )


@dataclass
class MessageList:
    frame: object  # pandas.DataFrame, one row per message
    metrics: list[ResponseMetrics]  # over the last 7, 30 and 90 days
    notes: dict[str, dict] = field(default_factory=dict)  # product notes by SKU

    def note_for(self, sku: str | None) -> dict | None:
        return self.notes.get(sku) if sku else None


def message_list(shop, now: datetime | None = None) -> MessageList:
    """Every message ranked for answering, the reply metrics, and the product notes the answers need."""
    now = now or clock.now()
    frame = ranked(stored_messages(shop), now)
    records = frame[["received_at", "status", "replied_at"]].to_dict("records") if len(frame) else []
    metrics = [response_metrics(records, days, now) for days in METRIC_DAYS]
    return MessageList(frame, metrics, notes_by_sku(shop.store))


def filter_messages(frame, text: str):
    """Positions of the messages matching the filter text (None: no filter)."""
    import numpy as np

    query = parse(text, FILTERS)
    if query.empty:
        return None
    mask = np.ones(len(frame), dtype=bool)
    hay = (frame["buyer_name"].fillna("") + " " + frame["order_id"].fillna("") + " " + frame["text"].fillna("")).str.lower()
    for word in query.words:
        mask &= hay.str.contains(word, regex=False).to_numpy()
    for name, value in query.terms.items():
        column = {"buyer": "buyer_name", "order": "order_id"}.get(name, name)
        mask &= frame[column].fillna("").str.lower().str.startswith(value.lower()).to_numpy()
    return np.flatnonzero(mask)
