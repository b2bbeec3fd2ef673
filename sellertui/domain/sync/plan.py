"""``sellertui sync --dry-run``: what a sync would fetch and, above all, exactly what it would send."""

from __future__ import annotations

from datetime import date, timedelta

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
                unit.would.append({"what": f"fetch orders updated since {start or checkpoints.get('orders') or first}"})
            elif stream == "settlements":
                unit.would.append({"what": f"download new {SETTLEMENT} reports created since "
                                           f"{start or checkpoints.get('listed') or 'the last 90 days'}"})
            elif stream == "confirmations":
                for c in waiting:
                    if c.marketplace == market.code:
                        units = sum(int(i.get("quantity") or 0) for i in c.items)
                        unit.would.append({"what": f"confirm order {c.order_id} shipped with {c.carrier} "
                                                   f"{c.tracking} on {c.ship_date} ({units} unit(s))",
                                           "confirmation": c.as_json()})
                if not unit.would:
                    unit.would.append({"what": "send nothing (no confirmation is waiting)"})
            elif stream == "reviews":
                unit.would.extend(review_requests_planned(shop, market.code))
            elif stream == "watch":
                from sellertui.domain.watch.sync_stream import watched_in

                asins = watched_in(shop.store, market.code)
                unit.would.append({"what": f"snapshot {len(asins)} watched ASIN(s): offers (getItemOffersBatch) "
                                           "and sales rank (getCatalogItem)" if asins else "nothing (no ASIN watched)"})
            else:
                for spec in REQUESTED[stream]:
                    if spec.report_type in pending:
                        what = f"poll {spec.report_type} report {pending[spec.report_type]['report_id']}"
                    elif spec.window == "snapshot":
                        what = f"request a fresh {spec.report_type}"
                    else:
                        what = f"request {spec.report_type} from " \
                               f"{start or checkpoints.get(spec.report_type) or first}"
                    unit.would.append({"what": what})
            out.append(unit)
    return out
