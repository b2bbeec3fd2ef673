"""Reports API 2021-06-30: request, wait, download; and list the reports Amazon makes on its own.

createReport → getReport until DONE (then getReportDocument → the pre-signed
URL, gunzipped when ``compressionAlgorithm`` is GZIP), CANCELLED ("no data for
that period": not an error) or FATAL (an error; Amazon may attach an error
document, itself a report document, whose text the error shows). A report
still queued when the wait runs out is left to the next sync, which polls the
same report id instead of asking again.
"""

from __future__ import annotations

import gzip
import time
import zlib
from dataclasses import dataclass
from typing import Callable

from sellertui.amazon.client import SpApi
from sellertui.amazon.errors import AmazonError, ReportFailed
from sellertui.core.i18n import _

BASE = "/reports/2021-06-30"
TERMINAL = {"DONE", "CANCELLED", "FATAL"}


class StillProcessing(AmazonError):
    """The report is not ready yet; the next sync picks it up by its id."""


@dataclass(frozen=True)
class Report:
    id: str
    type: str
    status: str
    created: str
    document_id: str = ""
    start: str = ""
    end: str = ""
    marketplace_ids: tuple[str, ...] = ()

    @classmethod
    def of(cls, body: dict) -> "Report":
        return cls(str(body.get("reportId", "")), str(body.get("reportType", "")),
                   str(body.get("processingStatus", "")), str(body.get("createdTime", "")),
                   str(body.get("reportDocumentId") or ""), str(body.get("dataStartTime") or ""),
                   str(body.get("dataEndTime") or ""), tuple(body.get("marketplaceIds") or ()))


@dataclass(frozen=True)
class Outcome:
    """A finished report: its document (DONE) or None (CANCELLED: no data for that period)."""

    report: Report
    document: bytes | None

    @property
    def cancelled(self) -> bool:
        return self.document is None


class Reports:
    def __init__(self, api: SpApi, sleep: Callable[[float], None] | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.api = api
        self._sleep = sleep or time.sleep
        self._clock = clock

    def listed(self, report_type: str, marketplace_ids: list[str], created_since: str | None,
               statuses: tuple[str, ...] = ("DONE",)) -> list[Report]:
        """Every report of a type created since a moment, oldest first, through all ``nextToken`` pages."""
        params: dict = {"reportTypes": [report_type], "processingStatuses": list(statuses),
                        "marketplaceIds": marketplace_ids, "pageSize": 100, "createdSince": created_since}
        found: list[Report] = []
        while True:
            body = self.api.call("getReports", "GET", f"{BASE}/reports", params=params).body
            found += [Report.of(r) for r in body.get("reports") or [] if isinstance(r, dict)]
            token = body.get("nextToken")
            if not token:
                break
            params = {"nextToken": token}  # the token must be the only parameter
        return sorted(found, key=lambda r: (r.created, r.id))

    def create(self, report_type: str, marketplace_ids: list[str], start: str | None = None,
               end: str | None = None, options: dict[str, str] | None = None) -> str:
        body: dict = {"reportType": report_type, "marketplaceIds": marketplace_ids}
        if start:
            body["dataStartTime"] = start
        if end:
            body["dataEndTime"] = end
        if options:
            body["reportOptions"] = options
        answer = self.api.call("createReport", "POST", f"{BASE}/reports", json=body)
        report_id = answer.body.get("reportId") if isinstance(answer.body, dict) else None
        if not report_id:
            raise AmazonError(_("createReport for {type}: Amazon answered without a reportId").format(type=report_type))
        return str(report_id)

    def status(self, report_id: str) -> Report:
        return Report.of(self.api.call("getReport", "GET", f"{BASE}/reports/{report_id}").body)

    def wait(self, report_id: str) -> Report:
        """Poll until the report is DONE, CANCELLED or FATAL; ``StillProcessing`` when the wait runs out."""
        settings = self.api.settings
        delay = settings.report_poll_seconds
        deadline = self._clock() + settings.report_wait_minutes * 60
        while True:
            report = self.status(report_id)
            if report.status in TERMINAL:
                return report
            if self._clock() + delay >= deadline:
                raise StillProcessing(_("{type} report {id} is still {status} at Amazon; the next sync picks it "
                                        "up").format(type=report.type, id=report_id, status=report.status))
            self._sleep(delay)
            delay = min(60.0, delay * 2)

    def document(self, document_id: str) -> bytes:
        """A report document's bytes, gunzipped when Amazon compressed it."""
        body = self.api.call("getReportDocument", "GET", f"{BASE}/documents/{document_id}").body
        url = body.get("url") if isinstance(body, dict) else None
        if not url:
            raise AmazonError(_("getReportDocument {id}: Amazon answered without a URL").format(id=document_id))
        data = self.api.download(url)
        if body.get("compressionAlgorithm") == "GZIP":
            try:
                data = gzip.decompress(data)
            except (OSError, EOFError, zlib.error):
                raise AmazonError(_("report document {id} is not the GZIP Amazon said it is (cut short?); the next "
                                    "sync downloads it again").format(id=document_id)) from None
        return data

    def finish(self, report: Report) -> Outcome:
        """A terminal report as an outcome: its document, CANCELLED as no data, FATAL as ``ReportFailed``."""
        if report.status == "DONE":
            return Outcome(report, self.document(report.document_id))
        if report.status == "CANCELLED":
            return Outcome(report, None)
        error_text = ""
        if report.document_id:
            try:
                error_text = self.document(report.document_id).decode("utf-8", errors="replace")
            except AmazonError as exc:
                error_text = f"(its error document could not be read: {exc})"
        raise ReportFailed(report.type, report.id, error_text)
