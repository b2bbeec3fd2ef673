"""The report streams: settlements (listed: Amazon makes them) and the reports the sync requests.

Every document goes through ``importers.pipeline.import_document`` with its
kind known, in one transaction with the checkpoint and the report's id:
the same natural keys as a downloaded file, all or nothing, problems listed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sellertui import clock
from sellertui.amazon.errors import Unreachable
from sellertui.amazon.reports import StillProcessing
from sellertui.core.errors import UserError
from sellertui.domain.sync import state
from sellertui.domain.sync.context import MAX_WINDOW, SETTLEMENT_LOOKBACK, RunContext, iso, parse_iso
from sellertui.domain.sync.results import StreamResult

SETTLEMENT = "GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2"


@dataclass(frozen=True)
class Requested:
    report_type: str
    kind: str  # the importer kind its document is
    window: str  # "range": dataStartTime..dataEndTime from the checkpoint; "days": whole days to yesterday;
    #              "snapshot": now
    options: tuple[tuple[str, str], ...] = ()


REQUESTED: dict[str, tuple[Requested, ...]] = {
    "inventory": (Requested("GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA", "fba-inventory", "snapshot"),
                  Requested("GET_RESTOCK_INVENTORY_RECOMMENDATIONS_REPORT", "restock", "snapshot")),
    "returns": (Requested("GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA", "fba-returns", "range"),
                Requested("GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE", "fbm-returns", "range")),
    "transactions": (Requested("GET_DATE_RANGE_FINANCIAL_TRANSACTION_DATA", "date-range", "range"),),
    "business": (Requested("GET_SALES_AND_TRAFFIC_REPORT", "sales-traffic", "days",
                           (("dateGranularity", "DAY"), ("asinGranularity", "CHILD"))),),
    # buyers' ratings of the shop, by the day they were left; a buyer's changed rating comes again, newer
    "feedback": (Requested("GET_SELLER_FEEDBACK_DATA", "feedback", "range"),),
}


def import_downloaded(run: RunContext, result: StreamResult, report, data: bytes, kind: str, checkpoints: dict,
                  done_pending: tuple[str, ...] = ()) -> None:
    """One downloaded document into the store, with its checkpoint and its report id, all or nothing."""
    from sellertui.importers.pipeline import Document, Options, import_document

    record = {"id": report.id, "report_type": report.type, "marketplace": run.market.code, "kind": kind,
              "status": "imported", "created": report.created, "start": report.start, "end": report.end,
              "at": clock.stamp()}
    hook = state.advance(result.stream, run.market.code, checkpoints, record, done_pending)
    document = Document(f"{report.type} report {report.id}", data, kind, report.created)
    imported = import_document(run.store, document, Options(default_market=run.market.code), alongside=hook)
    result.count({"inserted": imported.inserted, "updated": imported.updated, "unchanged": imported.unchanged})
    result.reports += 1


def sync_settlements(run: RunContext, result: StreamResult) -> None:
    """Each new DONE settlement report since the checkpoint, oldest first, downloaded once.

    The checkpoint never moves past a report that failed to import, so the
    next sync lists it again (and says why it failed until it imports).
    """
    code = run.market.code
    listed_since = state.read_state(run.store, "settlements", code).get("checkpoints", {}).get("listed")
    oldest = run.now() - SETTLEMENT_LOOKBACK
    since = max(run.start(listed_since), oldest) if (listed_since or run.since) else oldest
    listed = run.reports.listed(SETTLEMENT, [run.market.amazon_id], iso(since))
    done = state.handled_reports(run.store, [r.id for r in listed])
    failed = False
    for report in listed:
        if done.get(report.id, {}).get("status") == "imported":
            continue
        checkpoint = {} if failed else {"listed": report.created}
        try:
            data = run.reports.document(report.document_id)
            import_downloaded(run, result, report, data, "settlement", checkpoint)
        except Unreachable:
            raise
        except UserError as exc:
            failed = True
            result.errors.append(f"settlement report {report.id}: {exc}")


def window(run: RunContext, spec: Requested, checkpoint: str | None) -> tuple[str, str] | None:
    """The (start, end) to request, or None when there is nothing new to ask for."""
    now = run.now()
    if spec.window == "snapshot":
        return None, iso(now)
    if spec.window == "days":
        first = run.start(checkpoint).date() if run.since or not checkpoint else parse_iso(checkpoint).date() \
            + timedelta(days=1)
        last = min(now.date() - timedelta(days=1), first + timedelta(days=MAX_WINDOW.days - 1))
        return (first.isoformat(), last.isoformat()) if first <= last else None
    start = run.start(checkpoint)
    end = min(now, start + MAX_WINDOW)
    return (iso(start), iso(end)) if end - start >= timedelta(minutes=1) else None


def sync_requested(run: RunContext, result: StreamResult) -> None:
    """Each report type of the stream: resume the pending one, or request the next window; import it."""
    for spec in REQUESTED[result.stream]:
        try:
            _requested(run, result, spec)
        except StillProcessing as exc:
            result.notes.append(str(exc))
        except Unreachable as exc:  # the network, not the report: poll the same report next time
            result.errors.append(str(exc))
        except UserError as exc:  # FATAL, or a document that does not import: ask afresh next time
            state.save_state(run.store, result.stream, run.market.code, f"{spec.report_type} failed",
                             done_pending=(spec.report_type,))
            result.errors.append(str(exc))


def _requested(run: RunContext, result: StreamResult, spec: Requested) -> None:
    code = run.market.code
    record = state.read_state(run.store, result.stream, code)
    pending = record.get("pending", {}).get(spec.report_type)
    if pending is None:
        span = window(run, spec, record.get("checkpoints", {}).get(spec.report_type))
        if span is None:
            result.notes.append(f"{spec.report_type}: up to date")
            return
        start, end = span
        report_id = run.reports.create(spec.report_type, [run.market.amazon_id], start, end,
                                       dict(spec.options) or None)
        pending = {"report_id": report_id, "start": start, "end": end}
        state.save_state(run.store, result.stream, code, f"requested {spec.report_type}",
                         pending={spec.report_type: pending})
    outcome = run.reports.finish(run.reports.wait(pending["report_id"]))
    report = outcome.report
    checkpoint = {spec.report_type: pending["end"]}
    if outcome.cancelled:
        period = f"{pending['start']}..{pending['end']}" if pending["start"] else pending["end"]
        result.cancelled.append(f"{spec.report_type} {period}")
        state.save_state(run.store, result.stream, code, f"{spec.report_type}: no data", checkpoints=checkpoint,
                         done_pending=(spec.report_type,),
                         report={"id": report.id, "report_type": report.type, "marketplace": code,
                                 "status": "cancelled", "start": pending["start"], "end": pending["end"]})
        return
    import_downloaded(run, result, report, outcome.document, spec.kind, checkpoint, (spec.report_type,))
