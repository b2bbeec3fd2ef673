"""Under 简体中文 the ads bulk file's and take-back's own words read in Chinese (a missing id, a change that cannot
be taken back); Amazon's bulk column headers and cells stay exactly Amazon's."""

from __future__ import annotations


from sellertui.domain.ads import decisions
from sellertui.domain.ads.bulk import plan as bulk_plan
from sellertui.domain.ads.reverting import planned
from sellertui.domain.ads.rules import harvest_proposals
from sellertui.domain.ads.settings import AdsRules
from tests.domain.ads.helpers import WINDOW, book, row, terms
from tests.domain.ads.test_bulk import proposals


def test_a_missing_id_is_named_in_chinese_and_the_rows_stay_amazons(store, chinese) -> None:
    p = harvest_proposals(terms(row("bamboo board", clicks=10, orders=2, spend=1000, sales=4000)), book(),
                          AdsRules(), WINDOW, {})[0]
    decisions.save_edit(store, p, {"dest_campaign": "SP | Exact | New", "dest_ad_group": "Exact – New"})
    result = bulk_plan(decisions.load(store))
    assert result.held[0][1] == "缺少目标广告活动 ID 或 目标广告组 ID"
    decisions.approve(store, [proposals()[("negate", "b0xyz98765")]])
    rows = bulk_plan([r for r in decisions.load(store) if r.get("status") == "approved"]).rows
    assert rows and {"Product", "Entity", "Operation", "Campaign ID", "Ad Group ID"} <= set(rows[0])
    assert rows[0]["Entity"] == "Negative Product Targeting" and rows[0]["Operation"] == "Create"


def test_a_change_that_cannot_be_taken_back_says_why_in_chinese(store, chinese) -> None:
    ok = proposals()[("negate", "b0xyz98765")]
    decisions.approve(store, [ok])
    record = decisions.load(store)[0]
    result = planned(store, [record["id"], "nothing-like-it"])
    assert result.refused[0] == "否定 'b0xyz98765' 的状态是已批准，并非通过广告 API 应用"
    assert result.refused[1] == "没有广告决定 nothing-like-it"


def test_the_same_refusals_in_english_are_as_before(store) -> None:
    decisions.approve(store, [proposals()[("negate", "b0xyz98765")]])
    record = decisions.load(store)[0]
    result = planned(store, [record["id"], "nothing-like-it"])
    assert result.refused == ["negate 'b0xyz98765' is approved, not applied through the Ads API",
                              "no ad decision nothing-like-it"]
