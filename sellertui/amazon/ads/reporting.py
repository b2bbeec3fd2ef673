"""Ads API v3 reports: POST /reporting/reports, poll until COMPLETED, download the GZIP JSON.

A report is made at Amazon in minutes, not seconds: one still PENDING or
PROCESSING when the wait runs out raises ``StillProcessing`` and the next sync
polls the same id instead of asking again. The same request made twice is
answered 425 with the first report's id, which is then polled. FAILURE raises
``ReportFailed`` with Amazon's reason. The document is a gzip of a JSON array
of rows, one object per row named by the requested columns.
"""

from __future__ import annotations

import gzip
import re
import time
import zlib
from dataclasses import dataclass
from typing import Callable

from sellertui.amazon.ads.client import AdsApi
from sellertui.amazon.errors import AmazonError, ApiError, ReportFailed
from sellertui.amazon.reports import StillProcessing
from sellertui.core.i18n import _

PATH = "/reporting/reports"
MEDIA = "application/vnd.createasyncreportrequest.v3+json"
DONE, FAILED = "COMPLETED", "FAILURE"
_REPORT_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.I)


@dataclass(frozen=True)
class ReportRequest:
    """What one report type asks for (``configuration`` of the v3 request)."""

    ad_product: str  # SPONSORED_PRODUCTS, SPONSORED_BRANDS, SPONSORED_DISPLAY
    report_type: str  # spSearchTerm, spTargeting, spAdvertisedProduct, sbSearchTerm, sdTargeting
    group_by: tuple[str, ...]
    columns: tuple[str, ...]
    time_unit: str = "DAILY"

    def body(self, start: str, end: str) -> dict:
        return {"name": f"sellertui {self.report_type} {start}..{end}", "startDate": start, "endDate": end,
                "configuration": {"adProduct": self.ad_product, "reportTypeId": self.report_type,
                                  "groupBy": list(self.group_by), "columns": list(self.columns),
                                  "timeUnit": self.time_unit, "format": "GZIP_JSON"}}


@dataclass(frozen=True)
class AdsReport:
    id: str
    status: str
    url: str = ""
    failure: str = ""
    start: str = ""
    end: str = ""
    created: str = ""

    @classmethod
    def of(cls, body: dict) -> "AdsReport":
        return cls(str(body.get("reportId") or ""), str(body.get("status") or ""), str(body.get("url") or ""),
                   str(body.get("failureReason") or ""), str(body.get("startDate") or ""),
                   str(body.get("endDate") or ""), str(body.get("createdAt") or ""))


class AdsReports:
    def __init__(self, api: AdsApi, sleep: Callable[[float], None] | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.api = api
        self._sleep = sleep or time.sleep
        self._clock = clock

    def create(self, request: ReportRequest, start: str, end: str) -> str:
        """The new report's id (or, when Amazon says the same request is already being made, that one's)."""
        try:
            body = self.api.call("createReport", "POST", PATH, json=request.body(start, end), media=MEDIA).body
        except ApiError as exc:
            same = _REPORT_ID.search(" ".join(p.text() for p in exc.problems)) if exc.status == 425 else None
            if same is None:
                raise
            return same.group(0)
        report_id = body.get("reportId") if isinstance(body, dict) else None
        if not report_id:
            raise AmazonError(_("{type} report: the Ads API answered without a reportId").format(
                type=request.report_type))
        return str(report_id)

    def status(self, report_id: str) -> AdsReport:
        body = self.api.call("getReportStatus", "GET", f"{PATH}/{report_id}", media=MEDIA).body
        return AdsReport.of(body if isinstance(body, dict) else {})

    def wait(self, report_id: str, report_type: str) -> AdsReport:
        """Poll until COMPLETED (returned) or FAILURE (``ReportFailed``); ``StillProcessing`` when the wait runs out."""
        settings = self.api.settings
        delay = settings.report_poll_seconds
        deadline = self._clock() + settings.report_wait_minutes * 60
        while True:
            report = self.status(report_id)
            if report.status == DONE:
                return report
            if report.status == FAILED:
                raise ReportFailed(report_type, report_id, report.failure)
            if self._clock() + delay >= deadline:
                raise StillProcessing(_("{type} report {id} is still {status} at Amazon; the next sync picks it "
                                        "up").format(type=report_type, id=report_id,
                                                     status=report.status or _("pending")))
            self._sleep(delay)
            delay = min(60.0, delay * 2)

    def document(self, report: AdsReport, report_type: str) -> bytes:
        """The report's rows: the JSON array, gunzipped."""
        if not report.url:
            raise AmazonError(_("{type} report {id} is COMPLETED but the Ads API gave no URL").format(
                type=report_type, id=report.id))
        data = self.api.download(report.url)
        try:
            return gzip.decompress(data)
        except (OSError, EOFError, zlib.error):
            raise AmazonError(_("{type} report {id} is not the GZIP JSON Amazon makes (cut short?); the next sync "
                                "downloads it again").format(type=report_type, id=report.id)) from None
