"""Under 简体中文 the proposal reasons and their workings are whole Chinese sentences, numbers in place."""

from __future__ import annotations


from tests.domain.ads.helpers import exact, row
from tests.domain.ads.test_rules import bids, harvests, negations


def test_a_negation_reason_and_its_numbers_in_chinese(chinese) -> None:
    p = negations(row("waste", clicks=5, spend=800, attribution=14))["waste"]
    assert p.reason.startswith("在广告组 ") and "否定 'waste'" in p.reason and p.reason.endswith("。")
    assert "花费 US$8.00 却无订单" in p.reason
    assert "点击 5 次" in p.working[0] and "（14 天归因）" in p.working[0]
    assert p.attribution == "14-day"  # the stored value stays English


def test_a_harvest_reason_in_chinese(chinese) -> None:
    p = harvests(row("bamboo board", clicks=10, orders=2, spend=1000, sales=4000),
                 exact("cutting board", clicks=30, orders=3, spend=900, sales=6000))["bamboo board"]
    assert p.reason.startswith("收割 'bamboo board'：在自动投放来源中有 2 个订单，ACoS 25.0% ≤ 目标 35.0%")
    assert "精准否定" in p.reason and "Harvest" not in p.reason


def test_a_bid_reason_in_chinese(chinese) -> None:
    p = bids(exact("bamboo board", clicks=20, spend=400, bid=100))["bamboo board"]
    assert "（精准）的竞价从 US$1.00 降低到 US$0.75" in p.reason
    assert "无销售：价格 US$20.00 × 目标 35.0% / 点击 20 次 = US$0.35（以一步为限）" in p.reason
    assert p.action == "bid down"  # the stored action stays English
