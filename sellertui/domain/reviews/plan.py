"""What the ``reviews`` sync stream would send (``sellertui sync --dry-run``, the Review requests view)."""

from __future__ import annotations

from sellertui.core.i18n import _
from sellertui.domain.reviews import requests as rules
from sellertui.domain.reviews.settings import ReviewSettings


def review_requests_planned(shop, market_code: str) -> list[dict]:
    """One line per request that would go out for this marketplace: approved ones, unfinished ones to check, and
    (with the daily rule on) the candidates it would approve."""
    would = []
    for record in rules.requests(shop.store):
        if record.get("marketplace", "US") != market_code:
            continue
        if record.get("status") == rules.APPROVED:
            would.append({"what": _("ask for a review of order {order_id} (productReviewAndSellerFeedback, approved "
                                    "by {who}) if Amazon offers it (getSolicitationActionsForOrder)").format(
                order_id=record["order_id"], who=record.get("approved_by") or "?"), "order_id": record["order_id"]})
        elif record.get("status") == rules.SENDING:
            would.append({"what": _("check whether the interrupted review request of order {order_id} went out "
                                    "(getSolicitationActionsForOrder), and send it only if not").format(
                order_id=record["order_id"]),
                          "order_id": record["order_id"]})
    if ReviewSettings.of(shop).daily_rule:
        for c in rules.candidates(shop):
            if c.marketplace == market_code:
                would.append({"what": _("ask for a review of order {order_id} (the daily rule approves it)").format(
                    order_id=c.order_id),
                              "order_id": c.order_id})
    return would or [{"what": _("send nothing (no review request is approved)")}]
