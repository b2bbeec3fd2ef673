"""Target ACoS: break-even − margin to keep, campaign → SKU mapping, overrides, with the working."""

from __future__ import annotations

import pytest

from sellertui.domain.ads.targets import record_id, save_override
from sellertui.store.errors import Conflict
from tests.domain.ads.helpers import book, product


def test_break_even_minus_the_margin_to_keep_by_hand() -> None:
    target = book().campaign("SP | Auto | ABC")
    # $20.00 − $5.00 − $3.00 − $3.00 = $9.00 = 45 % of the price; − 10 % = 35 %
    assert target.break_even == pytest.approx(0.45) and target.acos == pytest.approx(0.35)
    assert target.cost_per_order_minor == 700 and target.source == "break-even − margin"
    assert target.skus == ["MM-ABC-1", "MM-ABC-2"] and target.mapping == "campaign name holds 'ABC'"
    assert any("break-even ACoS 45.0% (median) − margin to keep 10.0% = target ACoS 35.0%" in w for w in target.working)
    assert book(margin_to_keep=0.2).campaign("SP | Auto | ABC").acos == pytest.approx(0.25)


@pytest.mark.parametrize("campaign, skus, how", [
    ("SP | Exact | MM-XYZ-1", ["MM-XYZ-1"], "campaign name holds SKU MM-XYZ-1"),
    ("SP | Auto | B0AAAAAAA2 launch", ["MM-ABC-2"], "campaign name holds ASIN B0AAAAAAA2"),
    ("SP | Broad | XYZ", ["MM-XYZ-1"], "campaign name holds 'XYZ'"),
    ("SP | Auto | ABC #2", ["MM-ABC-1", "MM-ABC-2"], "campaign name holds 'ABC'"),  # a lone number is no code
    ("MM | Summer sale", [], "no SKU found in the campaign name"),  # MM is on every SKU: it says nothing
])
def test_which_skus_a_campaign_advertises(campaign, skus, how) -> None:
    assert book().skus_for(campaign) == (skus, how)


def test_a_campaign_naming_no_sku_gets_the_account_median() -> None:
    target = book().campaign("Summer sale")
    # targets 35 %, 35 %, and XYZ: ($10 − $2 − $1.50 − $3) / $10 = 35 % − 10 % = 25 % → median 35 %
    assert target.acos == pytest.approx(0.35) and target.source == "account median"
    assert target.working[0].startswith("no SKU found in the campaign name: the account-wide default applies")


def test_no_landed_cost_anywhere_uses_the_fallback_setting() -> None:
    target = book(products=[product(cost=None)]).campaign("SP | Auto | ABC")
    assert target.acos == pytest.approx(0.25) and target.source == "fallback setting"


def test_overrides_win_ad_group_then_campaign_then_sku() -> None:
    records = [
        {"id": record_id("sku", sku="MM-ABC-1"), "scope": "sku", "sku": "MM-ABC-1", "target_acos": 0.30},
        {"id": record_id("sku", sku="MM-ABC-2"), "scope": "sku", "sku": "MM-ABC-2", "target_acos": 0.20},
    ]
    assert book(records).campaign("SP | Auto | ABC").acos == pytest.approx(0.25)  # median of the SKUs' 30 % and 20 %
    records.append({"id": record_id("campaign", "SP | Auto | ABC"), "scope": "campaign", "target_acos": 0.22})
    assert book(records).campaign("SP | Auto | ABC").acos == pytest.approx(0.22)
    records.append({"id": record_id("ad_group", "SP | Auto | ABC", "Auto – ABC"), "scope": "ad_group",
                    "target_acos": 0.18})
    b = book(records)
    assert b.ad_group("SP | Auto | ABC", "Auto – ABC").acos == pytest.approx(0.18)
    assert b.ad_group("SP | Auto | ABC", "Other").acos == pytest.approx(0.22)
    assert b.ad_group("SP | Auto | ABC", "Auto – ABC").source == "your ad group target"


def test_a_users_sku_mapping_replaces_the_guess() -> None:
    records = [{"id": record_id("campaign", "Summer sale"), "scope": "campaign", "skus": ["MM-XYZ-1"]}]
    target = book(records).campaign("Summer sale")
    assert target.skus == ["MM-XYZ-1"] and target.mapping == "set by you" and target.acos == pytest.approx(0.25)


def test_saving_overrides_reports_a_teammates_change(store) -> None:
    record = save_override(store, "campaign", "SP | Auto | ABC", changes={"target_acos": 0.3, "skus": ["MM-ABC-1"]})
    assert record["_rev"] == 1 and record["skus"] == ["MM-ABC-1"]
    save_override(store, "campaign", "SP | Auto | ABC", changes={"target_acos": None}, expect_rev=1)
    with pytest.raises(Conflict):  # a form filled from revision 1, saved after revision 2
        save_override(store, "campaign", "SP | Auto | ABC", changes={"target_acos": 0.5}, expect_rev=1)
    with pytest.raises(Conflict):  # a form opened when there was no record, saved after someone made one
        save_override(store, "campaign", "SP | Auto | ABC", changes={"target_acos": 0.5}, expect_rev=None)
    with pytest.raises(ValueError):
        save_override(store, "sku", sku="MM-ABC-1", changes={"target_acos": 25})  # a percent, not a fraction
    assert store["ad_targets"].get(record_id("campaign", "SP | Auto | ABC"))["target_acos"] is None


def test_a_yuan_landed_cost_is_converted_before_the_break_even() -> None:
    from datetime import date

    from sellertui.domain.ads.settings import AdsRules
    from sellertui.domain.ads.targets import TargetBook
    from sellertui.domain.profit.fx import Rates

    yuan = {**product("MM-ABC-1"), "costs": [{"from": "2026-01-01", "landed_minor": 3550, "currency": "CNY"}]}
    rates = Rates([{"month": "2026-11", "currency": "USD", "rate": "7.1"}], "CNY")  # a yuan home
    sku = TargetBook([yuan], [], AdsRules(), date(2026, 11, 21), "CNY", rates).sku("MM-ABC-1")
    # ¥35.50 ÷ 7.1 = $5.00: $20.00 − $5.00 − $3.00 − $3.00 = $9.00 = 45 % of the price
    assert sku.break_even == pytest.approx(0.45) and any("CN¥35.50" in w for w in sku.working)
    blind = TargetBook([yuan], [], AdsRules(), date(2026, 11, 21), "CNY").sku("MM-ABC-1")  # no rates: unknown
    assert blind.break_even is None and blind.source == "no landed cost"
