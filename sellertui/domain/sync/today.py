"""The Today item for the sync: credentials that stopped working, a stream failing, a confirmation refused."""

from __future__ import annotations

from datetime import datetime

from sellertui.domain.sync.status import sync_status
from sellertui.domain.today.model import Item, Section


def sync_section(shop, now: datetime, user: str) -> Section:
    status = sync_status(shop)
    section = Section("Seller Central sync", "orders")
    if status.credentials_problem:
        section.items.append(Item(key="sync:credentials", title="Seller Central: the credentials stopped working",
                                  detail=status.credentials_problem + " (then run `sellertui connect --check`)",
                                  urgency=-2, late=True))
    else:
        for stream in status.failing:
            section.items.append(Item(key=f"sync:{stream.stream}|{stream.marketplace}",
                                      title=f"Seller Central sync of {stream.stream} ({stream.marketplace}) failed",
                                      detail=stream.error, urgency=-1, late=True))
    for c in status.failed_confirmations:
        section.items.append(Item(key=f"confirm:{c.order_id}", title=f"{c.order_id}: Amazon refused the shipping "
                                  "confirmation", detail=c.reason, urgency=0, area="orders", view="shipqueueview",
                                  column="order_id", value=c.order_id, late=True))
    return section.capped()
