"""Reports API life cycle against the stand-in: request, poll, download, CANCELLED, FATAL, listing."""

from __future__ import annotations

import pytest

from sellertui.amazon.client import SpApi
from sellertui.amazon.errors import ReportFailed
from sellertui.amazon.reports import Reports, StillProcessing
from tests.amazon.test_client import GOOD

SETTLEMENT = "GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2"


@pytest.fixture
def reports(standin, api_settings):
    api = SpApi(api_settings(standin.url), GOOD, sleep=lambda s: None)
    yield Reports(api, sleep=lambda s: None)
    api.close()


@pytest.mark.parametrize("gzipped", [True, False])
def test_create_then_in_queue_in_progress_done_then_the_document(standin, reports, gzipped) -> None:
    standin.on_create["GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA"] = (
        ["IN_QUEUE", "IN_PROGRESS", "DONE"], "sku\tfnsku\nA-1\tX00\n".encode(), gzipped)
    report_id = reports.create("GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA", ["ATVPDKIKX0DER"], None, "2026-11-22T09:00:00Z")
    outcome = reports.finish(reports.wait(report_id))
    assert outcome.document == b"sku\tfnsku\nA-1\tX00\n" and not outcome.cancelled
    assert standin.operations()[-5:] == ["getReport", "getReport", "getReport", "getReportDocument", "download"]
    download = standin.calls[-1][2]
    assert "x-amz-access-token" not in {k.lower() for k in download}  # a pre-signed URL: no token sent


def test_cancelled_is_no_data_for_that_period(standin, reports) -> None:
    standin.on_create["GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA"] = (["IN_PROGRESS", "CANCELLED"], b"", False)
    report_id = reports.create("GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA", ["ATVPDKIKX0DER"])
    outcome = reports.finish(reports.wait(report_id))
    assert outcome.cancelled and outcome.document is None


def test_fatal_shows_amazons_error_document(standin, reports) -> None:
    error = b'{"errorDetails":"The report could not be generated: dataStartTime is more than 2 years ago."}'
    standin.on_create["GET_SALES_AND_TRAFFIC_REPORT"] = (["IN_QUEUE", "FATAL"], error, True)
    report_id = reports.create("GET_SALES_AND_TRAFFIC_REPORT", ["ATVPDKIKX0DER"], "2020-01-01", "2020-01-31")
    with pytest.raises(ReportFailed) as caught:
        reports.finish(reports.wait(report_id))
    assert "failed at Amazon (FATAL)" in str(caught.value) and "more than 2 years ago" in str(caught.value)


def test_fatal_without_a_document_says_so(standin, reports) -> None:
    standin.on_create["X"] = (["FATAL"], b"", False)
    with pytest.raises(ReportFailed, match="Amazon attached no error document"):
        reports.finish(reports.wait(reports.create("X", ["ATVPDKIKX0DER"])))


def test_a_report_not_ready_in_time_is_left_for_the_next_sync(standin, api_settings) -> None:
    standin.on_create["X"] = (["IN_QUEUE"], b"", False)
    now = [0.0]

    def sleep(seconds: float) -> None:
        now[0] += seconds

    with SpApi(api_settings(standin.url, report_poll_seconds=30.0, report_wait_minutes=2.0), GOOD,
               sleep=sleep) as api:
        reports = Reports(api, sleep=sleep, clock=lambda: now[0])
        with pytest.raises(StillProcessing, match="still IN_QUEUE"):
            reports.wait(reports.create("X", ["ATVPDKIKX0DER"]))
    assert now[0] <= 120


def test_a_dropped_connection_mid_download_is_retried(standin, reports) -> None:
    report = standin.add_report(SETTLEMENT, b"x" * 5000, gzipped=True)
    standin.drop_download.add(f"doc-{report.id}")
    assert reports.document(f"doc-{report.id}") == b"x" * 5000
    assert standin.operations().count("download") == 2 and reports.api.retries == 1


def test_listing_follows_next_token_alone_and_returns_oldest_first(standin, reports) -> None:
    for day in ("03", "01", "05", "02", "04"):
        standin.add_report(SETTLEMENT, b"-", created=f"2026-11-{day}T00:00:00+00:00", report_id=f"S{day}")
    standin.add_report("OTHER", b"-", created="2026-11-02T00:00:00+00:00")
    listed = reports.listed(SETTLEMENT, ["ATVPDKIKX0DER"], "2026-11-02T00:00:00Z")
    assert [r.id for r in listed] == ["S02", "S03", "S04", "S05"]
    assert standin.operations().count("getReports") == 2  # two pages of two, with nextToken as the only parameter
