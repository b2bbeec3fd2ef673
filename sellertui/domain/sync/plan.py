"""``sellertui sync --dry-run``: what a sync would fetch and, above all, exactly what it would send."""

from __future__ import annotations

from datetime import date, timedelta

from sellertui.core.i18n import _
from sellertui import clock
from sellertui.domain.reviews.plan import review_requests_planned
from sellertui.domain.sync import state
from sellertui.domain.sync.confirmations import PENDING, confirmations
from sellertui.domain.sync.results import StreamResult


def planned(shop, settings, streams: list[str], since: date | None) -> list[StreamResult]:
    from sellertui.domain.sync.reports_streams import REQUESTED, SETTLEMENT

    out = []
    waiting = confirmations(shop, (PENDING,))
    for stream in streams:
        for market in settings.marketplaces:
            unit = StreamResult(stream, market.code)
            record = state.read_state(shop.store, stream, market.code)
            checkpoints, pending = record.get("checkpoints", {}), record.get("pending", {})
            start = since.isoformat() if since else None
            first = (clock.today() - timedelta(days=settings.first_sync_days)).isoformat()
            if stream == "orders":
                unit.would.append({"what": _("fetch orders updated since {day}").format(
                    day=start or checkpoints.get("orders") or first)})
            elif stream == "settlements":
                unit.would.append({"what": _("download new {report} reports created since {day}").format(
                    report=SETTLEMENT, day=start or checkpoints.get("listed") or _("the last 90 days"))})
            elif stream == "confirmations":
                for c in waiting:
                    if c.marketplace == market.code:
                        units = sum(int(i.get("quantity") or 0) for i in c.items)
                        unit.would.append({"what": _("confirm order {order_id} shipped with {carrier} {tracking} on "
                                                     "{day} ({units} unit(s))").format(
                            order_id=c.order_id, carrier=c.carrier, tracking=c.tracking, day=c.ship_date, units=units),
                                           "confirmation": c.as_json()})
                if not unit.would:
                    unit.would.append({"what": _("send nothing (no confirmation is waiting)")})
            elif stream == "reviews":
                unit.would.extend(review_requests_planned(shop, market.code))
            elif stream == "watch":
                from sellertui.domain.watch.sync_stream import watched_in

                asins = watched_in(shop.store, market.code)
                unit.would.append({"what": _("snapshot {n} watched ASIN(s): offers (getItemOffersBatch) and sales "
                                             "rank (getCatalogItem)").format(n=len(asins)) if asins
                                   else _("nothing (no ASIN watched)")})
            else:
                for spec in REQUESTED[stream]:
                    if spec.report_type in pending:
                        what = _("poll {report} report {id}").format(
                            report=spec.report_type, id=pending[spec.report_type]["report_id"])
                    elif spec.window == "snapshot":
                        what = _("request a fresh {report}").format(report=spec.report_type)
                    else:
                        what = _("request {report} from {day}").format(
                            report=spec.report_type, day=start or checkpoints.get(spec.report_type) or first)
                    unit.would.append({"what": what})
            out.append(unit)
    return out
