"""Status values stay English where stored and read in Chinese where shown."""

from __future__ import annotations


from sellertui.core.i18n import set_language, shown
from sellertui.domain.inventory import purchase_orders as pos
from sellertui.domain.promotions import records as promotions
from sellertui.domain.team import tasks


def test_statuses_are_stored_in_english() -> None:
    assert promotions.STATUSES[0] == "idea" and tasks.STATUSES == ("todo", "doing", "blocked", "done")
    assert pos.STATUSES == ("draft", "ordered", "shipped", "received", "cancelled")


def test_every_status_reads_in_chinese(chinese) -> None:
    for status in (*promotions.STATUSES, *tasks.STATUSES, *tasks.PRIORITIES, *pos.STATUSES):
        assert shown(status) != status and not shown(status).isascii(), status
    assert shown(None) == "" and shown("") == ""


def test_a_partly_received_purchase_order_state(chinese) -> None:
    po = {"status": "shipped", "lines": [{"sku": "A", "qty": 10, "received_qty": 4, "unit_cost_minor": 100}]}
    assert pos.state(po) == "已发货 · 已到 40%"
    set_language("en")
    assert pos.state(po) == "shipped · 40% in"
