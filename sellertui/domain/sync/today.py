"""The Today item for the sync: credentials that stopped working, a stream failing, a confirmation refused."""

from __future__ import annotations

from datetime import datetime

from sellertui.core.i18n import _
from sellertui.domain.sync.status import sync_status
from sellertui.domain.sync.words import error_text, stream_name
from sellertui.domain.today.model import Item, Section


def sync_section(shop, now: datetime, user: str) -> Section:
    status = sync_status(shop)
    section = Section(_("Seller Central sync"), "orders")
    if status.credentials_problem:
        section.items.append(Item(key="sync:credentials", title=_("Seller Central: the credentials stopped working"),
                                  detail=_("{problem} (then run `sellertui connect --check`)").format(
                                      problem=status.credentials_problem),
                                  urgency=-2, late=True))
    else:
        for stream in status.failing:
            section.items.append(Item(key=f"sync:{stream.stream}|{stream.marketplace}",
                                      title=_("Seller Central sync of {stream} ({market}) failed").format(
                                          stream=stream_name(stream.stream), market=stream.marketplace),
                                      detail=error_text(stream.error), urgency=-1, late=True))
    for c in status.failed_confirmations:
        refused = _("{order}: Amazon refused the shipping confirmation").format(order=c.order_id)
        section.items.append(Item(key=f"confirm:{c.order_id}", title=refused, detail=c.reason, urgency=0, area="orders",
                                  view="shipqueueview", column="order_id", value=c.order_id, late=True))
    return section.capped()
