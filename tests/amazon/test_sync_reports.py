"""The report streams end to end: stand-in -> runner -> importers -> store; resumable, idempotent, explained."""

from __future__ import annotations

import json

import pytest

from sellertui.domain.sync import state
from sellertui.domain.sync.runner import sync
from sellertui.importers.pipeline import Options
from tests.importers.conftest import fixture

SETTLEMENT = "GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2"


def run(shop, *only: str, **kw):
    return sync(shop, list(only) or None, sleep=lambda s: None, **kw)


def unit(result, stream: str):
    return next(s for s in result.streams if s.stream == stream)


def test_settlements_are_listed_downloaded_once_and_a_second_sync_adds_nothing(connected, shop) -> None:
    connected.add_report(SETTLEMENT, fixture("settlement-v2-us.txt").read_bytes(), gzipped=True,
                         created="2026-11-01T00:00:00+00:00")
    connected.add_report(SETTLEMENT, fixture("settlement-long-us.txt").read_bytes(), created="2026-11-15T00:00:00+00:00")
    first = run(shop, "settlements")
    assert first.ok and unit(first, "settlements").reports == 2
    store = shop.store
    by_file = sum(s["total_minor"] for s in store["settlement_summaries"].all())
    assert store["sync_reports"].count() == 2 and by_file != 0
    before = {name: store[name].all() for name in ("settlements", "settlement_summaries")}
    downloads = connected.operations().count("download")
    second = run(shop, "settlements")
    assert second.ok and unit(second, "settlements").reports == 0
    assert connected.operations().count("download") == downloads  # nothing downloaded again
    assert {name: store[name].all() for name in before} == before
    checkpoint = state.read_state(store, "settlements", "US")["checkpoints"]["listed"]
    assert checkpoint == "2026-11-15T00:00:00+00:00"


def test_a_settlement_imported_by_hand_and_synced_counts_once(connected, shop) -> None:
    from sellertui.importers.pipeline import import_report

    import_report(shop.store, fixture("settlement-v2-us.txt"), Options())
    lines = shop.store["settlements"].count()
    connected.add_report(SETTLEMENT, fixture("settlement-v2-us.txt").read_bytes())
    result = run(shop, "settlements")
    assert result.ok and unit(result, "settlements").new == 0 and shop.store["settlements"].count() == lines


REQUESTED_FILES = {
    "GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA": "fba-inventory-us.txt",
    "GET_RESTOCK_INVENTORY_RECOMMENDATIONS_REPORT": "restock-us.csv",
    "GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA": "fba-returns-us.txt",
    "GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE": "fbm-returns-us.csv",
    "GET_DATE_RANGE_FINANCIAL_TRANSACTION_DATA": "date-range-us.csv",
}


def content(store, name: str) -> list[dict]:
    """A collection's records without bookkeeping or the time a report was saved."""
    def clean(value):
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items() if not k.startswith("_") and k != "updated_at"}
        return value

    return sorted((clean(d) for d in store[name].all()), key=lambda d: d["id"])


def test_requested_reports_land_exactly_as_the_same_files_imported_by_hand(connected, shop, tmp_path) -> None:
    from sellertui.importers.pipeline import import_report
    from sellertui.store import open_store

    for report_type, name in REQUESTED_FILES.items():
        connected.on_create[report_type] = (["IN_QUEUE", "IN_PROGRESS", "DONE"], fixture(name).read_bytes(),
                                            report_type.startswith("GET_FBA"))
    result = run(shop, "inventory", "returns", "transactions")
    assert result.ok, result.lines()
    assert [unit(result, s).reports for s in ("inventory", "returns", "transactions")] == [2, 2, 1]
    by_hand = open_store(tmp_path / "by-hand", user="ana")
    for name in REQUESTED_FILES.values():  # in the order the sync requests them
        import_report(by_hand, fixture(name), Options())
    for collection in ("products", "returns", "transactions"):
        assert content(shop.store, collection) == content(by_hand, collection), collection
    by_hand.close()
    products = content(shop.store, "products")
    created = connected.operations().count("createReport")
    again = run(shop, "inventory", "returns", "transactions")
    assert again.ok and unit(again, "returns").new == 0 and unit(again, "transactions").new == 0
    assert "up to date" in " ".join(unit(again, "returns").notes)
    assert connected.operations().count("createReport") == created + 2  # only the inventory snapshots again
    assert unit(again, "inventory").new == 0 and content(shop.store, "products") == products


def test_business_reports_by_day_from_the_checkpoint_to_yesterday(connected, shop) -> None:
    doc = {"reportSpecification": {"reportType": "GET_SALES_AND_TRAFFIC_REPORT",
                                   "reportOptions": {"dateGranularity": "DAY", "asinGranularity": "CHILD"},
                                   "dataStartTime": "2026-10-23", "dataEndTime": "2026-11-21",
                                   "marketplaceIds": ["ATVPDKIKX0DER"]},
           "salesAndTrafficByDate": [],
           "salesAndTrafficByAsin": [{"parentAsin": "B0P", "childAsin": "B0C", "salesByAsin": {
               "unitsOrdered": 3, "orderedProductSales": {"amount": 29.97, "currencyCode": "USD"},
               "totalOrderItems": 3}, "trafficByAsin": {"sessions": 30, "pageViews": 45}}]}
    connected.on_create["GET_SALES_AND_TRAFFIC_REPORT"] = (["DONE"], json.dumps(doc).encode(), True)
    result = run(shop, "business")
    assert result.ok and unit(result, "business").new == 1
    create = next(c for c in connected.calls if c[0] == "createReport")
    report = next(iter(connected.reports.values()))
    assert (report.start, report.end) == ("2026-10-23", "2026-11-21")  # 30 days, to yesterday (frozen clock)
    assert create  # and the options asked for days and child ASINs
    assert "up to date" in " ".join(unit(run(shop, "business"), "business").notes)


def test_cancelled_means_no_data_for_that_period_and_moves_on(connected, shop) -> None:
    connected.on_create["GET_DATE_RANGE_FINANCIAL_TRANSACTION_DATA"] = (["IN_QUEUE", "CANCELLED"], b"", False)
    result = run(shop, "transactions")
    stream = unit(result, "transactions")
    assert result.ok and stream.cancelled and stream.cancelled[0].startswith("GET_DATE_RANGE_FINANCIAL")
    record = state.read_state(shop.store, "transactions", "US")
    assert record["checkpoints"]["GET_DATE_RANGE_FINANCIAL_TRANSACTION_DATA"] and record["pending"] == {}


def test_fatal_is_an_error_with_amazons_document_and_the_next_sync_asks_again(connected, shop) -> None:
    connected.on_create["GET_DATE_RANGE_FINANCIAL_TRANSACTION_DATA"] = (
        ["FATAL"], b"Report could not be generated: internal error 42", False)
    result = run(shop, "transactions")
    assert not result.ok and "internal error 42" in unit(result, "transactions").errors[0]
    record = state.read_state(shop.store, "transactions", "US")
    assert record["pending"] == {} and "GET_DATE_RANGE_FINANCIAL_TRANSACTION_DATA" not in record["checkpoints"]
    assert record["ok"] is False and "FATAL" in record["error"]


def test_a_report_still_queued_is_polled_again_by_the_next_sync_not_requested_twice(connected, shop) -> None:
    from tests.amazon.conftest import write_config

    write_config(connected.url, report_wait_minutes=0.0)
    connected.on_create["GET_DATE_RANGE_FINANCIAL_TRANSACTION_DATA"] = (
        ["IN_QUEUE", "DONE"], fixture("date-range-us.csv").read_bytes(), False)
    from sellertui.context import Context

    first = run(Context.create(shop.store.layout.data_dir).shop(), "transactions")
    assert first.ok and "still IN_QUEUE" in " ".join(unit(first, "transactions").notes)
    assert state.read_state(shop.store, "transactions", "US")["pending"]
    second = run(Context.create(shop.store.layout.data_dir).shop(), "transactions")
    assert second.ok and unit(second, "transactions").reports == 1
    assert connected.operations().count("createReport") == 1


def test_throttling_an_expiring_token_and_a_dropped_download_do_not_stop_a_sync(connected, shop) -> None:
    report = connected.add_report(SETTLEMENT, fixture("settlement-v2-us.txt").read_bytes(), gzipped=True)
    connected.throttle["getReports"] = 1
    connected.expire_after_calls = 1
    connected.drop_download.add(f"doc-{report.id}")
    result = run(shop, "settlements")
    assert result.ok and unit(result, "settlements").reports == 1
    ops = connected.operations()
    assert ops.count("token") == 2 and ops.count("download") == 2
    assert ops[:5] == ["token", "getReports", "getReports", "token", "getReports"]  # 429, expired, answered


def test_refused_credentials_stop_the_run_with_one_sentence(connected, shop, monkeypatch) -> None:
    monkeypatch.setenv("SELLERTUI_SP_REFRESH_TOKEN", "Atzr|NOT-THE-RIGHT-ONE")
    result = run(shop, "settlements", "transactions")
    assert not result.ok and "invalid_grant" in result.credentials_problem
    assert unit(result, "transactions").errors == ["skipped: the credentials were refused"]


def test_two_syncs_never_overlap(connected, shop, capsys) -> None:
    from sellertui.cli import main
    from sellertui.domain.sync.lock import SyncBusy, SyncLock

    with SyncLock(shop.store.layout.data_dir, "cron", "sellertui sync (cron)"):
        with pytest.raises(SyncBusy, match=r"sellertui sync \(cron\) \(pid \d+, cron, since .*\) is syncing"):
            run(shop, "settlements")
        assert main(["sync", "--only", "settlements", "--data-dir", str(shop.store.layout.data_dir)]) == 75
    assert "is syncing this shop now" in capsys.readouterr().err
    assert run(shop, "settlements").ok


def test_the_lock_refuses_a_symlink(shop, tmp_path) -> None:
    from sellertui.core.errors import UserError
    from sellertui.domain.sync.lock import SyncLock, lock_path

    target = tmp_path / "elsewhere"
    target.write_text("x")
    lock_path(shop.store.layout.data_dir).symlink_to(target)
    with pytest.raises(UserError, match="is a symbolic link"):
        with SyncLock(shop.store.layout.data_dir, "ana"):
            pass
    assert target.read_text() == "x"


def test_unknown_streams_and_no_credentials_are_one_sentence(shop, connected, monkeypatch) -> None:
    from sellertui.core.errors import UserError

    with pytest.raises(UserError, match="unknown stream ordres; the streams are orders, settlements"):
        run(shop, "ordres")
    for name in ("SELLERTUI_SP_CLIENT_ID", "SELLERTUI_SP_CLIENT_SECRET", "SELLERTUI_SP_REFRESH_TOKEN"):
        monkeypatch.delenv(name)
    with pytest.raises(UserError, match="not connected to Seller Central: run `sellertui connect`"):
        run(shop, "orders")

