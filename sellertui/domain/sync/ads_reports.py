"""The Ads sync's reports: v3 reports by day, each window requested once, imported with its checkpoint.

Each report type's checkpoint is ``{"through": last day pulled, "pulled": the
day it was pulled}``. Amazon keeps attributing sales to a click for the
attribution window (14 or 7 days), so the days that were still open when
last pulled are pulled again on a later day: each pull is an ads report of
the days asked for, and the older pulls give those days up in the same
transaction (``ads_days``), so a day is stored and counted once; pulled twice
on one day, nothing is asked again. A
window is at most 31 days (Amazon's limit) and never older than Amazon keeps
the report; a sync goes on window after window until it reaches yesterday in
the account's own time zone. A report still processing is polled by the next
sync instead of being asked for again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sellertui.core.i18n import _
from sellertui import clock
from sellertui.amazon.errors import Unreachable
from sellertui.amazon.reports import StillProcessing
from sellertui.core.errors import UserError
from sellertui.domain.sync import state
from sellertui.domain.sync.results import StreamResult
from sellertui.importers.kinds.ads_api import SbSearchTermsApi, SdTargetingApi, SpAdvertisedProductsApi, \
    SpSearchTermsApi, SpTargetingApi

STREAM = "ads"
MAX_DAYS = 31  # one v3 report covers at most this many days
MAX_WINDOWS = 4  # windows per report type per sync (4 × 31 days reach past what Amazon keeps)


@dataclass(frozen=True)
class AdsReportType:
    kind: object  # the importer kind its document is (``importers.kinds.ads_api``)
    ad_product: str
    group_by: tuple[str, ...]
    kept_days: int  # how far back Amazon keeps it

    @property
    def report_type(self) -> str:
        return self.kind.report_type


REPORTS = (
    AdsReportType(SpSearchTermsApi(), "SPONSORED_PRODUCTS", ("searchTerm",), 65),
    AdsReportType(SpTargetingApi(), "SPONSORED_PRODUCTS", ("targeting",), 95),
    AdsReportType(SpAdvertisedProductsApi(), "SPONSORED_PRODUCTS", ("advertiser",), 95),
    AdsReportType(SbSearchTermsApi(), "SPONSORED_BRANDS", ("searchTerm",), 60),
    AdsReportType(SdTargetingApi(), "SPONSORED_DISPLAY", ("targeting",), 65),
)


def account_today(timezone: str) -> date:
    """Today where the advertising account keeps its days (Amazon's reports count days in that zone)."""
    try:
        zone = ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    return clock.now().astimezone(zone).date()


def window(today: date, checkpoint: dict | None, since: date | None, first_days: int, attribution: int,
           kept_days: int) -> tuple[date, date] | None:
    """The days to request next, or None when the report is up to date."""
    last = today - timedelta(days=1)
    oldest = today - timedelta(days=kept_days - 1)
    if since is not None:
        first = since
    elif not checkpoint:
        first = last - timedelta(days=first_days - 1)
    else:
        first = date.fromisoformat(checkpoint["through"]) + timedelta(days=1)
        pulled = date.fromisoformat(checkpoint["pulled"])
        if pulled < today:  # days that were still gaining late sales then
            first = min(first, pulled - timedelta(days=attribution - 1))
    first = max(first, oldest)
    if first > last:
        return None
    return first, min(last, first + timedelta(days=MAX_DAYS - 1))


def attribution_of(spec: AdsReportType, settings) -> int:
    return spec.kind.fixed_window or settings.ads_attribution_days


def sync_reports(run, result: StreamResult) -> None:
    """Every report type: the pending one first, then window after window to yesterday."""
    for spec in REPORTS:
        try:
            since = run.since  # --since starts the first window only; the next go on from the checkpoint
            for number in range(MAX_WINDOWS):
                more = _one_window(run, result, spec, since)
                if more is None and number == 0:
                    result.notes.append(f"{spec.report_type}: up to date")
                if not more:
                    break
                since = None
        except StillProcessing as exc:
            result.notes.append(str(exc))
        except Unreachable as exc:  # the network, not the report: the same report is polled next time
            result.errors.append(str(exc))
        except UserError as exc:  # FAILURE, or a document that does not import: asked afresh next time
            state.save_state(run.store, STREAM, run.code, f"{spec.report_type} failed",
                             done_pending=(spec.report_type,))
            result.errors.append(str(exc))


def _one_window(run, result: StreamResult, spec: AdsReportType, since: date | None) -> bool | None:
    """Request (or resume) one window and import it: whether more days wait (None: nothing to ask for)."""
    from sellertui.amazon.ads.reporting import ReportRequest

    record = state.read_state(run.store, STREAM, run.code)
    pending = record.get("pending", {}).get(spec.report_type)
    today = account_today(run.profile.timezone)
    attribution = attribution_of(spec, run.settings)
    if pending is None:
        span = window(today, record.get("checkpoints", {}).get(spec.report_type), since,
                      run.settings.first_sync_days, attribution, spec.kept_days)
        if span is None:
            return None
        request = ReportRequest(spec.ad_product, spec.report_type, spec.group_by,
                                tuple(spec.kind.request_columns(attribution)))
        start, end = (d.isoformat() for d in span)
        report_id = run.reports.create(request, start, end)
        pending = {"report_id": report_id, "start": start, "end": end}
        state.save_state(run.store, STREAM, run.code, f"requested {spec.report_type}",
                         pending={spec.report_type: pending})
    report = run.reports.wait(pending["report_id"], spec.report_type)
    data = run.reports.document(report, spec.report_type)
    old = record.get("checkpoints", {}).get(spec.report_type) or {}
    through = max(old.get("through", ""), pending["end"])
    checkpoint = {spec.report_type: {"through": through, "pulled": today.isoformat()}}
    _import(run, result, spec, pending, data, checkpoint)
    return through < (today - timedelta(days=1)).isoformat()


def _import(run, result: StreamResult, spec: AdsReportType, pending: dict, data: bytes, checkpoint: dict) -> None:
    from sellertui.domain.sync.ads_days import import_pulled

    report_record = {"id": pending["report_id"], "report_type": spec.report_type, "marketplace": run.code,
                     "kind": spec.kind.name, "status": "imported", "start": pending["start"], "end": pending["end"],
                     "profile_id": run.profile.id, "at": clock.stamp()}
    advance = state.advance(STREAM, run.code, checkpoint, report_record, (spec.report_type,))
    name = f"Ads API {spec.report_type} {pending['start']}..{pending['end']}"
    imported, gave = import_pulled(run.store, spec.kind, name, data, run.code, advance)
    if spec.kind.collection == "search_terms":  # a row pulled again is no new row: the same, or updated
        result.count({"inserted": imported.inserted - gave.same - gave.changed, "updated": gave.changed,
                      "unchanged": imported.unchanged + gave.same})
    result.reports += 1


def planned_reports(store, code: str, timezone: str, settings, since: date | None) -> list[dict]:
    """What ``sync --dry-run`` says the Ads sync would ask for."""
    record = state.read_state(store, STREAM, code)
    today = account_today(timezone)
    out = []
    for spec in REPORTS:
        pending = record.get("pending", {}).get(spec.report_type)
        if pending:
            out.append({"what": _("poll {report} report {id}").format(report=spec.report_type, id=pending["report_id"])})
            continue
        span = window(today, record.get("checkpoints", {}).get(spec.report_type), since, settings.first_sync_days,
                      attribution_of(spec, settings), spec.kept_days)
        out.append({"what": _("request {report} by day from {first} to {last}").format(
            report=spec.report_type, first=span[0], last=span[1]) if span
                    else _("{report}: up to date").format(report=spec.report_type)})
    return out
