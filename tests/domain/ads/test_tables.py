"""The text columns the Ads tab shows, on hand-made proposals and rows."""

from __future__ import annotations

import math

import pandas as pd

from sellertui.domain.ads.proposal import Proposal
from sellertui.domain.ads.tables import (change_text, ledger_table, money_texts, proposals_table, terms_table,
                                         weekly_table)
from tests.domain.ads.helpers import exact, row, terms
from tests.shops import shop_of


def proposal(kind: str, **kw) -> Proposal:
    return Proposal(kind, kw.pop("action", kind), kw.pop("term", "oak board"), "SP | Auto | ABC", "Auto – ABC", "-",
                    "close-match", "auto", kw.pop("currency", "USD"), **kw)


def test_money_is_shown_in_each_row_s_own_currency() -> None:
    frame = pd.DataFrame({"spend_minor": [1234, None, math.nan, 50], "currency": ["USD", "USD", "EUR", "JPY"]})
    assert money_texts(frame, "spend_minor") == ["$12.34", "", "", "¥50"]


def test_a_change_says_what_a_proposal_does() -> None:
    assert change_text(proposal("bid", current_bid_minor=50, new_bid_minor=40)) == "$0.50→$0.40"
    assert change_text(proposal("harvest", dest_campaign="SP | Exact | ABC")) == "→ SP | Exact | ABC"
    assert change_text(proposal("harvest")) == "→ ? (e)"
    assert change_text(proposal("negate")) == "in Auto – ABC"
    assert change_text(proposal("negate", negate_level="campaign", negate_match="negativePhrase")) == \
        "in SP | Auto | ABC, phrase"


def test_proposals_are_marked_approved_or_new() -> None:
    found = [proposal("negate", status="approved", spend_minor=900), proposal("bid", term="oak", spend_minor=120,
                                                                             current_bid_minor=50, new_bid_minor=60)]
    frame = proposals_table(found)
    assert list(frame["mark"]) == ["✓", "•"] and list(frame["spend_text"]) == ["$9.00", "$1.20"]
    assert list(frame["change"]) == ["in Auto – ABC", "$0.50→$0.60"]


def test_terms_show_their_money_asin_and_attribution_most_spend_first() -> None:
    aggregated = terms(row("oak board", clicks=10, spend=500, sales=2000, orders=1),
                       row("b0aaaaaaa1", clicks=4, spend=900, targeting="substitutes", attribution=14),
                       exact("oak board", clicks=2, spend=80))
    frame = terms_table(aggregated)
    assert list(frame["term"]) == ["b0aaaaaaa1", "oak board", "oak board"]
    assert list(frame["asin"]) == ["yes", "no", "no"]
    assert list(frame["spend_text"]) == ["$9.00", "$5.00", "$0.80"] and frame["sales_text"].iloc[1] == "$20.00"
    assert list(frame["cpc_text"]) == ["$2.25", "$0.50", "$0.40"]
    assert list(frame["attribution"]) == ["14d", "7d", "7d"]


def test_the_ledger_shows_what_each_decision_changed() -> None:
    frame = pd.DataFrame({"kind": ["bid", "harvest", "negate"], "current_bid_minor": [50, None, None],
                          "new_bid_minor": [45, 60, None], "dest_campaign": ["", "SP | Exact | ABC", ""],
                          "spend_minor": [100, 200, 300], "currency": ["USD", "USD", "GBP"]})
    shown = ledger_table(frame)
    assert list(shown["change"]) == ["$0.50→$0.45", "→ SP | Exact | ABC", ""]
    assert list(shown["spend_text"]) == ["$1.00", "$2.00", "£3.00"]


def test_weeks_are_labelled_by_their_monday() -> None:
    frame = pd.DataFrame({"week": ["2026-11-09", "2026-11-16"], "spend_minor": [1000, 0], "sales_minor": [4000, 0],
                          "total_sales_minor": [9000, 100], "currency": ["USD", "USD"]})
    shown = weekly_table(frame)
    assert list(shown["label"]) == ["11-09", "11-16"] and list(shown["total_text"]) == ["$90.00", "$1.00"]
    assert list(shown["spend_text"]) == ["$10.00", "$0.00"]


def test_the_service_is_built_from_the_shop(store) -> None:
    from sellertui.domain.ads.service import AdsService

    shop = shop_of(store)
    service = AdsService.for_shop(shop)
    assert service.store is store and service.frames is shop.frames()
    assert service.currency == shop.settings.home_currency
    assert service.rules.window_days == shop.settings.section("ads")["window_days"]
