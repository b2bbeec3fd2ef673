"""The ads stream end to end: Ads stand-in -> runner -> importers -> store, and the acceptance test."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from sellertui.domain.sync import state
from sellertui.domain.sync.runner import sync
from tests.amazon import ads_account
from tests.amazon.ads_standin import PROFILE_ID
from tests.test_cli_import import run as cli

DATA = ("search_terms", "ad_targeting", "advertised_products", "ad_reports", "ad_entities", "sync_reports")


def store_state(data_dir: Path) -> dict:
    from sellertui.store import open_store

    store = open_store(data_dir, user="ana")
    try:
        found = {name: sorted(({k: v for k, v in d.items() if k not in ("_at", "at")} for d in store[name].all()),
                              key=lambda d: d["id"]) for name in DATA}
        found["checkpoints"] = {d["id"]: d.get("checkpoints") for d in store["sync_state"].all()}
        return found
    finally:
        store.close()


@pytest.fixture
def account(ads_connected):
    ads_connected.rows["spSearchTerm"] = ads_account.search_term_rows()
    ads_connected.rows["spTargeting"] = ads_account.targeting_rows()
    ads_connected.rows["spAdvertisedProduct"] = ads_account.advertised_product_rows()
    ads_connected.entities = ads_account.structure()
    return ads_connected


def test_acceptance_a_daily_search_term_report_by_sync_matches_the_pnl_to_the_cent_and_a_second_sync_changes_nothing(
        account, capsys, data_dir) -> None:
    """Only the four environment variables and config.toml's [amazon] pointing at the stand-in."""
    account.throttle["createReport"] = 1  # a 429 on the first request
    code, out, err = cli(capsys, "sync", "--only", "ads", "--json", "--data-dir", str(data_dir))
    assert code == 0, err
    (ads,) = json.loads(out)["streams"]
    assert (ads["stream"], ads["marketplace"], ads["ok"], ads["reports"]) == ("ads", "US", True, 5)
    assert ads["new"] == 6  # the six rows of the first 30 days (the September one is older)
    (request,) = [b for b in account.bodies("createReport") if b["configuration"]["reportTypeId"] == "spSearchTerm"][:1]
    assert request["configuration"]["timeUnit"] == "DAILY" and (request["startDate"], request["endDate"]) == (
        "2026-10-23", "2026-11-21")  # yesterday where the account keeps its days (Los Angeles)
    assert {"date", "campaignId", "campaignName", "adGroupId", "adGroupName", "keywordId", "keyword", "matchType",
            "searchTerm", "impressions", "clicks", "cost", "sales14d", "purchases14d",
            "unitsSoldClicks14d"} <= set(request["configuration"]["columns"])
    code, out, _ = cli(capsys, "pnl", "--json", "--data-dir", str(data_dir))
    spent = -sum(period["ads_minor"] for period in json.loads(out))
    assert f"{spent / 100:.2f}" == f"{ads_account.total_cost(ads_account.search_term_rows()):.2f}" == "47.04"
    before = store_state(data_dir)
    calls = len(account.calls)
    code, out, _ = cli(capsys, "sync", "--only", "ads", "--json", "--data-dir", str(data_dir))
    (again,) = json.loads(out)["streams"]
    assert code == 0 and (again["new"], again["updated"], again["reports"]) == (0, 0, 0)
    assert "createReport" not in [c[0] for c in account.calls[calls:]]  # nothing asked for twice in a day
    assert store_state(data_dir) == before


def window_figures(data_dir: Path) -> dict[str, tuple[int, int]]:
    """The Ads tab's search terms over the synced days: term -> (clicks, spend in cents)."""
    from sellertui.context import Context
    from sellertui.domain.ads.service import AdsService
    from sellertui.domain.ads.window import Window

    ctx = Context.create(data_dir)
    try:
        terms = AdsService.for_shop(ctx.shop()).terms(Window.custom(date(2026, 10, 23), date(2026, 11, 21))).terms
        found: dict[str, tuple[int, int]] = {}
        for term, clicks, spend in zip(terms["term"], terms["clicks"], terms["spend_minor"]):
            old = found.get(term, (0, 0))
            found[term] = (old[0] + int(clicks), old[1] + int(spend))
        return found
    finally:
        ctx.close()


def test_a_synced_report_overlapping_imported_ones_counts_each_day_once(account, capsys, data_dir, tmp_path) -> None:
    account.rows["spTargeting"] = account.rows["spAdvertisedProduct"] = []  # search terms only: the P&L reads them
    rows = [r for r in ads_account.search_term_rows() if r["date"] >= "2026-10-23"]
    before = tmp_path / "Sponsored_Products_Search_term_report_early.csv"  # downloaded by hand before the sync
    before.write_text(ads_account.hand_downloaded_csv([r for r in rows if r["date"] <= "2026-11-02"]))
    assert cli(capsys, "import", str(before), "--data-dir", str(data_dir))[0] == 0
    assert cli(capsys, "sync", "--only", "ads", "--data-dir", str(data_dir))[0] == 0
    after = tmp_path / "Sponsored_Products_Search_term_report.csv"  # and the whole month again, after it
    after.write_text(ads_account.hand_downloaded_csv(rows))
    code, out, err = cli(capsys, "import", str(after), "--json", "--data-dir", str(data_dir))
    result = json.loads(out)
    assert code == 0, err
    assert (result["kind"], result["inserted"]) == ("search-terms", 6)  # a report of its own, kept whole
    code, out, _ = cli(capsys, "ads", "reports", "--json", "--data-dir", str(data_dir))
    reports = [(r["what"], r["first"], r["last"], r["rows"]) for r in json.loads(out)["reports"]]
    assert sorted(reports) == [("SP search terms", "2026-10-23", "2026-11-21", 6),  # the sync's: the days asked for
                               ("SP search terms", "2026-10-30", "2026-11-02", 4),
                               ("SP search terms", "2026-10-30", "2026-11-21", 6)]
    code, out, _ = cli(capsys, "pnl", "--json", "--data-dir", str(data_dir))
    assert -sum(period["ads_minor"] for period in json.loads(out)) == 4704  # each day once, not two or three times
    expected: dict[str, tuple[int, int]] = {}
    for r in rows:
        old = expected.get(r["searchTerm"], (0, 0))
        expected[r["searchTerm"]] = (old[0] + r["clicks"], old[1] + round(r["cost"] * 100))
    assert window_figures(data_dir) == expected


def run(shop, **kw):
    return sync(shop, ["ads"], sleep=lambda s: None, **kw)


def test_the_campaign_structure_is_stored_with_ids_states_and_bids(account, shop) -> None:
    result = run(shop)
    assert result.ok, result.as_json()
    entities = {d["id"]: d for d in shop.store["ad_entities"].all()}
    assert entities[f"keyword|{ads_account.KEYWORD}"].items() >= {
        "entity": "keyword", "text": "bamboo board", "match_type": "EXACT", "bid_minor": 75, "state": "enabled",
        "campaign_id": ads_account.EXACT, "ad_group_id": ads_account.EXACT_GROUP, "profile_id": PROFILE_ID}.items()
    assert entities[f"target|{ads_account.TARGET}"]["text"] == 'asin="B0TARGET01"'
    assert entities[f"target|{ads_account.AUTO_TARGET}"]["text"] == "close-match"
    assert entities[f"campaign|{ads_account.EXACT}"]["budget_minor"] == 1550
    assert entities[f"ad_group|{ads_account.EXACT_GROUP}"]["default_bid_minor"] == 55
    assert "campaign|111000000003" not in entities  # archived at Amazon: not listed
    pages = account.bodies("listCampaigns")
    assert len(pages) == 1 and len(account.bodies("listTargets")) == 1
    note = next(n for n in result.streams[0].notes if n.startswith("campaign structure"))
    assert "2 campaigns, 2 ad groups, 1 keyword, 1 negative keyword, 2 targets" in note
    account.entities["keywords"][0]["state"] = "ARCHIVED"  # archived at Amazon since
    account.entities["keywords"] += [{"keywordId": f"33300000000{n}", "adGroupId": ads_account.EXACT_GROUP,
                                      "campaignId": ads_account.EXACT, "keywordText": f"bamboo tray {n}",
                                      "matchType": "EXACT", "state": "PAUSED", "bid": 0.5} for n in (2, 3, 4)]
    run(shop)
    entities = {d["id"]: d for d in shop.store["ad_entities"].all()}
    assert entities[f"keyword|{ads_account.KEYWORD}"]["state"] == "archived"
    assert entities["keyword|333000000002"]["state"] == "paused"
    assert len(account.bodies("listKeywords")) == 3  # two pages the second time (page size 2)


def test_a_401_mid_sync_exchanges_the_token_and_the_sync_goes_on(account, shop) -> None:
    account.expire_after_calls = 4
    result = run(shop)
    assert result.ok and account.token_exchanges == 2
    assert shop.store["search_terms"].count() == 6


def test_a_report_still_processing_is_polled_by_the_next_sync_not_asked_again(account, shop) -> None:
    account.statuses = ["PENDING"]
    shop.settings.sections["amazon"]["report_wait_minutes"] = 0.0  # no wait at all: left to the next sync
    first = run(shop)
    assert first.ok and "still PENDING at Amazon" in " ".join(first.streams[0].notes)
    pending = state.read_state(shop.store, "ads", "US")["pending"]
    assert set(pending) == {"spSearchTerm", "spTargeting", "spAdvertisedProduct", "sbSearchTerm", "sdTargeting"}
    created = len(account.bodies("createReport"))
    account.statuses = ["COMPLETED"]
    second = run(shop)
    assert second.ok and len(account.bodies("createReport")) == created  # the same reports, polled
    assert shop.store["search_terms"].count() == 6 and state.read_state(shop.store, "ads", "US")["pending"] == {}


def test_a_failed_report_is_named_and_asked_afresh(account, shop, monkeypatch) -> None:
    real = account._status
    monkeypatch.setattr(account, "_status", lambda report: {**real(report), "status": "FAILURE", "url": None,
                                                            "failureReason": "Internal error"}
                        if report["request"]["configuration"]["reportTypeId"] == "sbSearchTerm" else real(report))
    result = run(shop)
    assert not result.ok and "sbSearchTerm report" in result.streams[0].errors[0]
    assert "Internal error" in result.streams[0].errors[0]
    assert "sbSearchTerm" not in state.read_state(shop.store, "ads", "US")["pending"]
    assert shop.store["search_terms"].count() == 6  # the other reports went in


def test_days_still_gaining_late_sales_are_pulled_again_on_a_later_day(account, shop, monkeypatch) -> None:
    run(shop)
    late = ads_account.search_term_rows()
    late[5]["sales14d"], late[5]["purchases14d"] = 55.98, 2  # the 21st: a second order attributed since
    account.rows["spSearchTerm"] = late
    monkeypatch.setenv("SELLERTUI_NOW", "2026-11-25T18:00:00+00:00")
    result = run(shop)
    assert result.ok and result.streams[0].updated == 1 and result.streams[0].new == 0
    second = [b for b in account.bodies("createReport") if b["configuration"]["reportTypeId"] == "spSearchTerm"][-1]
    assert (second["startDate"], second["endDate"]) == ("2026-11-09", "2026-11-24")  # 14 open days, then new ones
    (row,) = [d for d in shop.store["search_terms"].all() if d["date"] == "2026-11-21"]  # held once: the new pull's
    assert (row["sales_minor"], row["orders"]) == (5598, 2)
    pulls = sorted((r["start"], r["end"]) for r in shop.store["ad_reports"].all() if r["kind"] == "ads-api-sp-search-terms")
    assert pulls == [("2026-10-23", "2026-11-08"), ("2026-11-09", "2026-11-24")]  # the older gave its days up


def test_seven_day_attribution_asks_for_the_seven_day_columns(account, shop) -> None:
    from tests.amazon.conftest import write_ads_config

    write_ads_config(account.url, ads_attribution_days=7)
    shop.settings.sections["amazon"]["ads_attribution_days"] = 7
    run(shop)
    request = account.bodies("createReport")[0]["configuration"]
    assert "sales7d" in request["columns"] and "sales14d" not in request["columns"]
    assert {d["attribution_days"] for d in shop.store["search_terms"].all()} == {7}


def test_sync_asked_for_ads_without_its_credentials_says_how_to_connect(ads_standin, capsys, data_dir) -> None:
    code, _, err = cli(capsys, "sync", "--only", "ads", "--data-dir", str(data_dir))
    assert code == 1 and "not connected to the Ads console: run `sellertui connect ads`" in err


def test_a_plain_sync_runs_what_is_connected(account, capsys, data_dir) -> None:
    code, out, err = cli(capsys, "sync", "--json", "--data-dir", str(data_dir))
    assert code == 0, err
    assert [s["stream"] for s in json.loads(out)["streams"]] == ["ads"]  # Seller Central is not connected
    code, out, _ = cli(capsys, "sync", "--dry-run", "--json", "--data-dir", str(data_dir))
    (ads,) = json.loads(out)["streams"]
    assert [w["what"] for w in ads["would"]][:2] == ["spSearchTerm: up to date", "spTargeting: up to date"]
    code, out, _ = cli(capsys, "sync", "--status", "--json", "--data-dir", str(data_dir))
    assert [s["stream"] for s in json.loads(out)["streams"]] == ["ads"] and json.loads(out)["connected"]
