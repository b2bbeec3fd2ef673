"""Approved changes sent through the Ads API (a dry run first), each item's result in the ledger, and undo."""

from __future__ import annotations

import json

import pytest

from sellertui.amazon.errors import NotConnected
from sellertui.domain.ads import decisions
from sellertui.domain.ads.applying import apply_approved, plan
from sellertui.domain.ads.bulk import export_approved
from sellertui.domain.ads.reverting import revert
from tests.domain.ads.test_bulk import proposals
from tests.test_cli_import import run as cli

ORDER = [("negate", "waste"), ("negate", "b0xyz98765"), ("harvest", "bamboo board"), ("harvest", "b0comp1234"),
         ("bid", "cutting board")]


@pytest.fixture
def approved(ads_connected, shop):
    found = proposals()
    for key in ORDER:
        decisions.approve(shop.store, [found[key]])
    ads_connected.entities["keywords"] = [{"keywordId": "555", "adGroupId": "444", "campaignId": "333",
                                           "keywordText": "cutting board", "matchType": "EXACT", "bid": 1.0,
                                           "state": "ENABLED"}]
    return ads_connected


def by_term(store) -> dict[str, dict]:
    return {r["term"]: r for r in decisions.load(store)}


def test_the_dry_run_says_exactly_what_would_be_sent_and_sends_nothing(approved, shop, capsys, data_dir) -> None:
    code, out, err = cli(capsys, "ads", "apply", "--dry-run", "--data-dir", str(data_dir))
    assert code == 0, err
    assert "negate 'waste' (SP | Auto | ABC › Auto – ABC):\n  create negative keyword 'waste' (negativeExact) in " \
           "ad group 222 of campaign 111" in out
    assert "  create keyword 'bamboo board' (exact), bid $1.40 in ad group 444 of campaign 333" in out
    assert "  create product target asin=\"B0COMP1234\", bid $2.10 in ad group 888 of campaign 777" in out
    assert "  set keyword 555's bid to $0.88" in out
    assert "  then, once that is in: create negative keyword 'bamboo board' (negativeExact)" in out
    assert out.strip().endswith("would send 7 item(s) for 5 approved change(s)")
    code, out, _ = cli(capsys, "ads", "apply", "--dry-run", "--json", "--data-dir", str(data_dir))
    items = [i for change in json.loads(out)["changes"] for i in change["items"]]
    assert items[0] == {"entity": "negative_keyword", "verb": "create", "what": items[0]["what"],
                        "item": {"campaignId": "111", "adGroupId": "222", "state": "ENABLED", "keywordText": "waste",
                                 "matchType": "NEGATIVE_EXACT"}}
    assert approved.calls == [] and {r["status"] for r in decisions.load(shop.store)} == {"approved"}


def test_apply_sends_in_batches_and_keeps_each_items_result_in_the_ledger(approved, shop) -> None:
    approved.refuse["keywords:bamboo board"] = "Duplicate value in the request"
    result = apply_approved(shop, sleep=lambda s: None)
    assert not result.ok and len(result.applied) == 4 and [r["term"] for r in result.failed] == ["bamboo board"]
    records = by_term(shop.store)
    assert {t: r["status"] for t, r in records.items()} == {
        "waste": "applied", "b0xyz98765": "applied", "bamboo board": "failed", "b0comp1234": "applied",
        "cutting board": "applied"}
    harvest = records["bamboo board"]
    assert harvest["api_error"] == "Duplicate value in the request" and harvest["amazon_ids"] == ""
    # its source's negative waits for the keyword: negated but never added, the term would be lost
    assert [(e["entity"], e["id"], e["error"]) for e in harvest["api"]] == [
        ("keyword", "", "Duplicate value in the request")]
    assert records["waste"]["applied_by"] == shop.user and records["waste"]["amazon_ids"].isdigit()
    (negatives,) = approved.bodies("createNegativeKeywords")
    assert [n["keywordText"] for n in negatives["negativeKeywords"]] == ["waste"]
    assert approved.bodies("updateKeywords") == [{"keywords": [{"keywordId": "555", "bid": 0.88}]}]
    assert approved.bodies("createNegativeTargets")[0]["negativeTargetingClauses"][0]["expression"] == [
        {"type": "ASIN_SAME_AS", "value": "B0XYZ98765"}]
    # the next apply sends only what Amazon refused, once the cause is gone
    del approved.refuse["keywords:bamboo board"]
    calls = len(approved.calls)
    again = apply_approved(shop, sleep=lambda s: None)
    assert again.ok and [r["term"] for r in again.applied] == ["bamboo board"]
    assert [c[0] for c in approved.calls[calls:] if c[0] != "token"] == ["createKeywords", "createNegativeKeywords"]
    assert by_term(shop.store)["bamboo board"]["status"] == "applied"
    assert apply_approved(shop, dry_run=True).plan.changes == []  # nothing is ever sent twice


def test_applied_changes_count_like_exported_ones_in_the_proposals(approved, shop) -> None:
    from sellertui.domain.ads.proposal import Proposal

    apply_approved(shop, sleep=lambda s: None)
    records = decisions.load(shop.store)
    shown = decisions.apply(list(proposals().values()), records)
    assert [p.term for p in shown if p.kind == "negate"] == []  # negated or harvested: not proposed again
    assert decisions.bid_changes(records)  # the applied bid is the keyword's current bid from that day
    assert isinstance(shown[0], Proposal) if shown else True


def test_exported_changes_are_never_also_sent(approved, shop, tmp_path) -> None:
    export_approved(shop.store, tmp_path / "bulk.xlsx")
    assert plan(shop.store).changes == []
    assert apply_approved(shop, sleep=lambda s: None).summary() == "no approved changes to send"
    assert approved.operations() == []


def test_a_401_mid_apply_exchanges_the_token_and_goes_on(approved, shop, monkeypatch) -> None:
    from sellertui.amazon.ads import changes

    monkeypatch.setattr(changes, "BATCH", 1)
    approved.expire_after_calls = 2
    result = apply_approved(shop, sleep=lambda s: None)
    assert result.ok and approved.token_exchanges == 2 and len(result.applied) == 5


def test_undo_of_an_applied_change_is_the_reverse_change(approved, shop, capsys, data_dir) -> None:
    apply_approved(shop, sleep=lambda s: None)
    records = by_term(shop.store)
    ids = [records["bamboo board"]["id"], records["cutting board"]["id"]]
    code, out, _ = cli(capsys, "ads", "revert", *ids, "--dry-run", "--data-dir", str(data_dir))
    assert code == 0 and "set keyword 555's bid back to $1.00" in out and "archive keyword" in out
    assert "archive negative keyword" in out
    code, out, err = cli(capsys, "ads", "revert", *ids, "--data-dir", str(data_dir))
    assert code == 0, err
    assert "took back 2 change(s)" in out
    records = by_term(shop.store)
    assert records["bamboo board"]["status"] == records["cutting board"]["status"] == "undone"
    keyword = next(k for k in approved.entities["keywords"] if k["keywordId"] == "555")
    assert keyword["bid"] == 1.0
    created = next(k for k in approved.entities["keywords"] if k.get("keywordText") == "bamboo board")
    assert created["state"] == "ARCHIVED"
    assert decisions.undo(shop.store, [(records["waste"]["id"], None)]).skipped == [
        f"negate 'waste' was sent through the Ads API: take it back with U (or `sellertui ads revert "
        f"{records['waste']['id']}`)"]
    code, _, err = cli(capsys, "ads", "revert", records["bamboo board"]["id"], "--data-dir", str(data_dir))
    assert code == 1 and "is undone, not applied through the Ads API" in err + _


def test_without_the_ads_console_the_bulk_file_stays_the_way(ad_store_without_api) -> None:
    shop = ad_store_without_api
    with pytest.raises(NotConnected, match="sellertui connect ads.*export the approved changes as a bulk file"):
        apply_approved(shop, sleep=lambda s: None)
    assert {r["status"] for r in decisions.load(shop.store)} == {"approved"}


@pytest.fixture
def ad_store_without_api(shop):
    decisions.approve(shop.store, [proposals()[("negate", "waste")]])
    return shop
