"""Under 简体中文 the Profit tab's workings read in Chinese: record notes, sources, the period's and a SKU's working,
the [profit] settings' labels and errors. Stored values stay English; switching the language rebuilds the notes."""

from __future__ import annotations


from sellertui.core.i18n import set_language
from sellertui.domain.profit import pnl, settings as profit_settings, skus
from tests.domain.profit.conftest import MUG, order


def shop(profit):
    return profit(
        products=[{"id": "MUG", **MUG}],
        orders=[order("A", "2026-10-10", 2, 2000), order("B", "2026-10-20", 1, 1000)],
        returns=[{"id": "R1", "order_id": "A", "sku": "MUG", "quantity": 1, "refund_minor": 1000, "currency": "USD",
                  "marketplace": "US", "refunded_at": "2026-10-25T10:00:00+00:00"}],
        expenses=[{"date": "2026-10-05", "category": "tools", "description": "tool", "amount_minor": 500,
                   "currency": "USD", "recurring": "monthly"}],
    )


def test_record_notes_and_sources_in_chinese_and_in_english_after_a_switch(profit) -> None:
    service = shop(profit)
    english = service.records("2026-10", "month", "cogs")
    assert sorted(english["note"]) == ["1 × landed $6.00", "2 × landed $5.00"]
    set_language("zh-CN")
    try:
        cogs = service.records("2026-10", "month", "cogs")
        assert sorted(cogs["note"]) == ["1 × 到岸成本 US$6.00", "2 × 到岸成本 US$5.00"]
        assert set(cogs["source"]) == {"订单 + 到岸成本"}
        refunds = service.records("2026-10", "month", "refunds")
        assert list(refunds["note"]) == ["退款 1 件（按记录）"] and list(refunds["source"]) == ["退货"]
        expenses = service.records("2026-10", "month", "expenses")
        assert expenses["note"].iloc[0] == "工具和软件：tool（每月）"
        sales = service.records("2026-10", "month", "sales")
        assert sorted(sales["note"]) == ["订购 1 件（FBA）", "订购 2 件（FBA）"]
    finally:
        set_language("en")
    assert sorted(service.records("2026-10", "month", "cogs")["note"]) == sorted(english["note"])
    assert service.records("2026-10", "month", "expenses")["note"].iloc[0] == "Tools and software: tool (monthly)"


def test_a_periods_working_in_chinese(profit, chinese) -> None:
    service = shop(profit)
    ledger, _ = service.ledger()
    statement = service.statement("month")
    rows, paragraphs = pnl.working(statement, statement.periods.index("2026-10"), ledger)
    assert ("   来自 订单 + 到岸成本", "-US$16.00") in rows and ("   来自 费用表（估算）", "-US$39.99") in rows
    assert ("件数 · 订单", "3 · 2") in rows and ("= 净利润", "-US$53.04") in rows
    assert ("销售佣金", "-US$4.50（部分为估算）") in rows and ("利润率", "占销售额 -176.8%") in rows
    assert paragraphs[0] == "2026年10月：2026-10-01 至 2026-10-31。"
    assert paragraphs[3].startswith("~ 估算（2026-10）：")
    assert all(not label.strip(" =").isascii() for label, _value in rows)


def test_a_periods_working_in_english_is_as_before(profit) -> None:
    service = shop(profit)
    statement = service.statement("month")
    rows, _paragraphs = pnl.working(statement, statement.periods.index("2026-10"), service.ledger()[0])
    assert ("   from orders + landed cost", "-$16.00") in rows and ("Units · orders", "3 · 2") in rows
    assert any(value.endswith(" (estimated in part)") for _label, value in rows)


def test_a_skus_working_in_chinese(profit, chinese) -> None:
    service = shop(profit)
    table, _unallocated = service.skus("2026-10", "month")
    row = table.iloc[0].to_dict()
    lines = skus.working(row, "USD", "2026-10-01", "2026-10-31")
    assert lines[0] == "MUG 从 2026-10-01 至 2026-10-31：售出 3 件"
    assert lines[1] == "+ 销售额 US$30.00 = 每件 US$10.00"
    assert any(line.startswith("− 商品成本 US$16.00") for line in lines)
    assert any(line.startswith("= 利润 ") and "每件" in line for line in lines)


def test_the_settings_labels_and_errors_in_chinese(chinese) -> None:
    from sellertui.core.i18n import _

    assert _(profit_settings.LABELS["window_months"]) == "连续月数"
    errors = profit_settings.check_section({"window_months": 0, "buffer_pct": 10, "overhead_pct": 10,
                                            "reserve_months": 3, "trend_months": 1, "horizon_months": 12,
                                            "subscription_monthly": 20_000, "storage_rate": 1,
                                            "storage_rate_peak": 1, "default_cubic_feet": 1})
    assert errors == {"window_months": "1 到 24 个月", "trend_months": "2 到 36 个月（一条线需要两个点）",
                      "subscription_monthly": "0 到 10,000"}
