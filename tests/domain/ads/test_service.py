"""The Ads service on the demo shop: every kind of proposal, ledger flags, targets, filters, caching."""

from __future__ import annotations

from datetime import date

import pytest

from sellertui.domain.ads.filtering import Field, positions
from sellertui.domain.ads.service import AdsService
from sellertui.domain.ads.window import Window
from sellertui.domain.frames import FrameCache
from sellertui.domain.query import QueryError
from sellertui.store import open_store


@pytest.fixture
def service(demo_dir):
    store = open_store(demo_dir, user="ana")
    yield AdsService(store, FrameCache(store), {})
    store.close()


def test_the_demo_produces_every_kind_of_proposal(service) -> None:
    window = service.default_window()
    assert (window.start, window.end) == (date(2026, 10, 23), date(2026, 11, 21))
    found = service.proposals(window).proposals
    kinds = {(p.action, tuple(p.rules)) for p in found}
    assert ("negate exact", ("low_ctr",)) in kinds  # seen a lot, hardly clicked
    assert ("negate exact", ("spend",)) in kinds
    assert any(a == "negate exact" and "clicks" in r for a, r in kinds)
    assert any(a == "negate product" for a, _ in kinds)  # an ASIN term
    assert ("harvest exact", ("harvest",)) in kinds and ("harvest product", ("harvest",)) in kinds
    assert ("bid up", ("bid",)) in kinds and ("bid down", ("bid",)) in kinds
    assert ("negate exact", ("harvested",)) in kinds
    assert all(p.reason and p.working for p in found)
    assert any(p.rejected_before for p in found)  # the demo's rejection, whose numbers moved since


def test_the_demos_decisions_shape_the_proposals(service) -> None:
    found = service.proposals(service.default_window()).proposals
    # the exported bid change is the keyword's current bid, and only later rows count
    (bid,) = [p for p in found if p.kind == "bid" and (p.campaign, p.term) == ("SP | Exact | SBM", "silicone baking mat")]
    assert bid.current_bid_minor == 95 and any("on 2026-11-03" in line for line in bid.working)
    # the exported harvest is not proposed again from its source
    assert not [p for p in found if p.kind == "harvest" and p.term == "butcher block cutting board"]


def test_the_ledger_flags_the_negation_that_sold_elsewhere(service) -> None:
    ledger = service.ledger()
    flagged = ledger[ledger["flag"] != ""]
    assert list(flagged["term"]) == ["bent metal straw"] and flagged["flag"].iloc[0].startswith("sold 17 elsewhere")


def test_targets_list_campaigns_ad_groups_and_skus(service) -> None:
    frame, campaigns = service.targets(service.default_window())
    assert set(frame["kind"]) == {"campaign", "ad group", "sku"} and "SP | Exact | SBM" in campaigns
    row = frame[frame["name"] == "SP | Exact | SBM"].iloc[0]
    assert row["target_acos"] == pytest.approx(0.28) and row["source"] == "your campaign target"


def test_a_window_is_aggregated_once(service) -> None:
    window = service.default_window()
    first = service.aggregates(window)
    assert service.aggregates(window) is first
    assert service.aggregates(window.step(-1)) is not first


def test_filters_compare_numbers_percents_and_money(service) -> None:
    frame = service.terms(service.default_window()).terms
    fields = {"clicks": Field("clicks", "number"), "acos": Field("acos", "percent"),
              "spend": Field("spend_minor", "money"), "match": Field("match_type")}
    for text, check in [
        ("clicks:>=20", lambda r: r["clicks"] >= 20),
        ("acos:>50", lambda r: r["acos"] > 0.5),
        ("acos:blank", lambda r: r["acos"] != r["acos"]),
        ("spend:<25 match:exact", lambda r: r["spend_minor"] < 2500 and r["match_type"] == "EXACT"),
        ("cutting board", lambda r: "cutting board" in r["term"] or "cutting board" in r["campaign"]),
    ]:
        picked = set(positions(frame, text, fields, ["term", "campaign"]).tolist())
        assert picked == {i for i in range(len(frame)) if check(frame.iloc[i])}, text
        assert picked, text
    assert positions(frame, "", fields, ["term"]) is None
    with pytest.raises(QueryError):
        positions(frame, "clicks:lots", fields, ["term"])
    with pytest.raises(QueryError):
        positions(frame, "bogus:1", fields, ["term"])


def test_the_default_window_covers_a_summary_report(store) -> None:
    from tests.domain.ads.helpers import row

    with store.transaction("a 60-day summary report") as tx:
        tx["search_terms"].upsert_many([
            {**row("t", clicks=5, day="2026-09-23", end="2026-11-21"), "id": "a", "report": "r"},
            {**row("u", clicks=5, day="2026-09-23T00:00:00+00:00", end="2026-11-21T00:00:00+00:00"), "id": "b",
             "report": "r"},
        ])
        tx["ad_reports"].upsert_many([{"id": "r", "ad_product": "SP", "report": "search_terms", "marketplace": "US",
                                       "start": "2026-09-23", "end": "2026-11-21", "layout": "summary"}])
    service = AdsService(store, FrameCache(store), {})
    window = service.default_window()
    assert (window.start, window.end, window.preset) == (date(2026, 9, 23), date(2026, 11, 21), None)
    assert service.terms(window).rows == 2 and service.terms(Window.last(30, window.end)).partial == 2
