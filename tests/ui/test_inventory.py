"""The Inventory tab with Pilot: the SKUs table, the working, the SKU and stock forms, the PO lifecycle."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from sellertui import config
from sellertui.domain.economics import cost_on
from sellertui.store import open_store
from sellertui.ui.kit.dialogs import InfoScreen
from sellertui.ui.kit.filterbar import FilterBar
from sellertui.ui.kit.forms import FormScreen
from sellertui.ui.tabs.inventory.area import InventoryArea
from sellertui.ui.tabs.inventory.purchase_orders import PurchaseOrdersView
from sellertui.ui.tabs.inventory.skus import SkusView
from sellertui.ui.kit.table import FrameTable
from tests.ui.conftest import settle


async def open_inventory(pilot, app) -> SkusView:
    await settle(pilot, app)
    await pilot.press("5")
    await settle(pilot, app)
    return app.query_one(SkusView)


async def press_on(pilot, app, sku: str, key: str) -> SkusView:
    """Open the tab, put the cursor on ``sku`` and press ``key``."""
    view = await open_inventory(pilot, app)
    view.select_sku(sku)
    await pilot.press(key)
    await pilot.pause()
    return view


async def filter_to(pilot, app, text: str) -> None:
    await pilot.press("slash")
    app.screen.focused.value = text
    await pilot.press("enter")
    await settle(pilot, app)


def column(view, key: str) -> int:
    return next(i for i, c in enumerate(view.table.columns) if c.key == key)


async def fill(pilot, app, **values: str) -> None:
    for name, value in values.items():
        widget = app.screen.query_one(f"#field-{name}")
        if isinstance(widget, TextArea):
            widget.text = value
        else:
            widget.value = value
    await pilot.pause()


def error(app, name: str) -> str:
    return str(app.screen.query_one(f"#error-{name}").render())


async def refused(pilot, app, name: str, **values: str) -> str:
    """Fill, try to save, and return the error shown under ``name`` (the form must still be open)."""
    await fill(pilot, app, **values)
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(app.screen, FormScreen), "the form closed: it was saved"
    return error(app, name)


def notes(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_the_tab_shows_every_status_and_the_warnings(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_inventory(pilot, app)
        frame = view.table.frame
        assert set(frame["status_label"]) == {"out of stock", "order now", "order soon", "healthy", "overstock"}
        assert len(frame) == 40 and list(frame["status_rank"]) == sorted(frame["status_rank"])
        for flag in ("warn_lead", "warn_fee", "warn_aged", "warn_promo"):
            assert frame[flag].any(), flag
        assert frame["amz_qty"].notna().any() and (frame["on_order"] > 0).any()
        summary = str(view.query_one("#skusview-summary").render())
        assert "40 SKUs" in summary and "● 4 out of stock" in summary and "⚠ 2 aged" in summary
        assert isinstance(app.focused, FrameTable)  # the view's keys are live at once
        keys = {b.binding.id for b in app.screen.active_bindings.values()}
        assert {"inventory.new_sku", "inventory.working", "inventory.adjust_stock", "inventory.thresholds"} <= keys


async def test_every_number_opens_its_working(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_inventory(pilot, app)
        sku = view.table.value("sku")
        for key, title in [("cover", "Days of cover of"), ("order_qty", "Suggested order of"),
                           ("velocity", "Velocity of"), ("stockout", "Stock-out date of"), ("rop", "Reorder point of"),
                           ("status_label", "Status of"), ("warnings", "Warnings for"), ("fba_available", "Stock of"),
                           ("on_order", "On order for"), ("amz_qty", "Amazon's recommendation")]:
            view.table.cursor_column = column(view, key)
            await pilot.press("enter" if key != "velocity" else "w")
            await pilot.pause()
            assert isinstance(app.screen, InfoScreen), key
            assert app.screen.info_title.startswith(title) and sku in app.screen.info_title
            await pilot.press("escape")
            await pilot.pause()
        view.table.cursor_column = column(view, "cover")
        await pilot.press("enter")
        assert any("days of cover = (available" in p for p in app.screen.paragraphs)
        await pilot.press("escape", "i")  # the SKU card: costs over time, stock, warnings
        await pilot.pause()
        assert app.screen.info_title.startswith(f"{sku} — ")
        assert "Suggested order" in dict(app.screen.rows)


async def test_the_sku_form_refuses_nonsense_with_the_reason_then_saves(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_inventory(pilot, app)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen) and app.screen.form_title == "New SKU"
        assert "case pack of 0" in await refused(
            pilot, app, "case_pack", sku="MM-NEW-1", title="Oak Board", price_minor="29.99", supplier="Acme",
            case_pack="0", production_days="0", freight_days="0", receiving_days="0", cost_minor="6.40", moq="100")
        assert "cannot be 0 days" in await refused(pilot, app, "production_days", case_pack="24")
        assert "370 days; at most 365" in await refused(pilot, app, "production_days", production_days="300",
                                                        freight_days="60", receiving_days="10")
        assert "cannot be negative" in await refused(pilot, app, "production_days", production_days="-3")
        assert "already exists" in await refused(pilot, app, "sku", sku="MM-BCB-SMALL", production_days="30")
        await fill(pilot, app, sku="MM-NEW-1")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert not isinstance(app.screen, FormScreen)
        view = app.query_one(SkusView)
        assert "MM-NEW-1" in set(view.table.frame["sku"])
    saved = open_store(demo_copy)["products"].get("MM-NEW-1")
    assert saved["lead_time"] == {"production_days": 30, "freight_days": 60, "receiving_days": 10}
    assert (saved["case_pack"], saved["moq"], saved["price_minor"]) == (24, 100, 2999)
    assert saved["costs"] == [{"from": "2026-11-22", "landed_minor": 640, "note": "first cost"}]


async def test_editing_a_cost_keeps_the_history(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await press_on(pilot, app, "MM-BCB-SMALL", "e")
        assert app.screen.form_title == "Edit MM-BCB-SMALL"
        assert app.screen.query_one("#field-cost_minor", Input).value == "7.30"  # the cost in force today
        await fill(pilot, app, cost_minor="7.95", cost_from="2026-11-20", cost_note="freight up", seasonal="nov:1.4")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert "Saved MM-BCB-SMALL" in notes(app)
    costs = open_store(demo_copy)["products"].get("MM-BCB-SMALL")["costs"]
    assert [(c["landed_minor"], c["note"]) for c in costs] == [(676, "opening cost"), (730, "supplier +8% (bamboo)"),
                                                               (795, "freight up")]
    assert open_store(demo_copy)["products"].get("MM-BCB-SMALL")["seasonal"] == {"11": 1.4}


async def test_a_cost_in_yuan_is_typed_with_its_code_and_kept_in_yuan(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await press_on(pilot, app, "MM-BCB-SMALL", "e")
        await fill(pilot, app, cost_minor="51.80 CNY", cost_from="2026-11-20", cost_note="quote in yuan")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert "Saved MM-BCB-SMALL" in notes(app)
        row = view.plan.row(view.plan.position_of("MM-BCB-SMALL"))
        assert (row["cost_minor"], row["cost_currency"]) == (5180, "CNY")
        await pilot.press("e")
        await pilot.pause()
        field = app.screen.query_one("#field-cost_minor", Input)
        assert field.value == "51.80"  # in the cost's own currency, the form's default for the next one
    costs = open_store(demo_copy)["products"].get("MM-BCB-SMALL")["costs"]
    assert costs[-1] == {"from": "2026-11-20", "landed_minor": 5180, "note": "quote in yuan", "currency": "CNY"}


async def test_a_hand_stock_change_needs_a_reason_and_no_negative_numbers(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await press_on(pilot, app, "MM-BCB-SMALL", "a")
        assert "stock cannot be negative" in await refused(pilot, app, "fbm", fbm="-5")
        assert "required" in error(app, "reason")
        await fill(pilot, app, fbm="18", reason="3PL count after the move")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert not isinstance(app.screen, FormScreen)
        row = view.plan.row(view.plan.position_of("MM-BCB-SMALL"))
        assert row["fbm"] == 18 and row["available"] == 115 + 18
    entry = open_store(demo_copy)["products"].get("MM-BCB-SMALL")["stock_history"][-1]
    assert (entry["field"], entry["old"], entry["new"], entry["reason"], entry["by"]) == (
        "fbm", 0, 18, "3PL count after the move", "ana")


async def test_a_teammates_edit_is_reported_not_overwritten(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await press_on(pilot, app, "MM-BCB-SMALL", "e")
        teammate = open_store(demo_copy, user="ben")
        with teammate.transaction("ben edits") as tx:
            tx["products"].update("MM-BCB-SMALL", {"moq": 999})
        await fill(pilot, app, moq="10")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert any("changed by ben" in n and "not saved" in n for n in notes(app))
    assert open_store(demo_copy)["products"].get("MM-BCB-SMALL")["moq"] == 999


async def test_filters(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_inventory(pilot, app)
        frame = view.table.frame
        await filter_to(pilot, app, "status:out")
        assert len(view.table.order) == 4 and set(frame["status"].to_numpy()[view.table.order]) == {"out"}
        await filter_to(pilot, app, "warn:aged")
        assert len(view.table.order) == int(frame["warn_aged"].sum()) == 2
        await filter_to(pilot, app, "supplier:yiwu cover:<100")
        shown = frame.iloc[view.table.order]
        assert len(shown) and (shown["cover"] <= 100).all() and shown["supplier"].eq("Yiwu Metalcraft").all()
        await filter_to(pilot, app, "status:nonsense")
        assert app.query_one("#skusview-filter", FilterBar).has_class("bad")


async def test_the_purchase_order_lifecycle(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_inventory(pilot, app)
        await pilot.press("p")
        await settle(pilot, app)
        view = app.query_one(PurchaseOrdersView)
        await pilot.press("n")
        await pilot.pause()
        assert "line 2: no SKU 'NOPE'" in await refused(pilot, app, "lines", supplier="Hangzhou Greenware Co.",
                                                        lines="MM-BCB-SMALL 100 5.00\nNOPE 5 1")
        await fill(pilot, app, lines="MM-BCB-SMALL 100 5.00\nMM-BCB-XL 50", expected_on="+30")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        po_id = str(max(int(i) for i in view.orders))
        po = view.orders[po_id]
        assert po["status"] == "draft" and po["expected_on"] == "2026-12-22"
        xl = open_store(demo_copy)["products"].get("MM-BCB-XL")
        assert po["lines"][1]["unit_cost_minor"] == cost_on(xl, "2026-11-22")  # no cost given: the landed cost
        view.select_po(po_id)
        await pilot.press("m")
        await settle(pilot, app)
        assert view.orders[po_id]["status"] == "ordered"
        await pilot.press("m")
        await settle(pilot, app)
        assert view.orders[po_id]["status"] == "shipped" and view.current_value("id") == po_id

        await pilot.press("v")
        await pilot.pause()
        assert app.screen.query_one("#field-line0", Input).value == "100"
        assert "at most 100 still due" in await refused(pilot, app, "line0", line0="101")
        await fill(pilot, app, line0="40", line1="0")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert view.table.value("state") == "shipped · 26% in"  # 40 of 150 units
        await pilot.press("v")
        await pilot.pause()
        assert app.screen.query_one("#field-line0", Input).value == "60"
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert view.orders[po_id]["status"] == "received"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, InfoScreen) and any("Received 2026-11-22: 40 × MM-BCB-SMALL" in p
                                                          for p in app.screen.paragraphs)
    store = open_store(demo_copy)
    small = store["products"].get("MM-BCB-SMALL")
    assert small["stock"]["fbm"] == 100 and [e["new"] for e in small["stock_history"][-2:]] == [40, 100]
    last = store["products"].get("MM-BCB-XL")["stock_history"][-1]
    assert last["new"] - last["old"] == 50 and last["reason"] == f"received on PO {po_id}"


async def test_drafts_and_withdrawals(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_inventory(pilot, app)
        await filter_to(pilot, app, "status:out")
        await pilot.press("g", "space", "space")  # mark two sold-out SKUs
        marked = [view.table.value("sku", p) for p in view.table.selected_positions()]
        await pilot.press("b")
        await settle(pilot, app)
        assert any("Drafted" in n for n in notes(app))
    drafted = [po for po in open_store(demo_copy)["purchase_orders"].all()
               if po.get("notes") == "drafted from the reorder suggestion"]
    assert sorted(line["sku"] for po in drafted for line in po["lines"]) == sorted(marked)
    assert all(po["status"] == "draft" and po["expected_on"] for po in drafted)


async def test_delete_a_draft_after_confirming(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_inventory(pilot, app)
        await pilot.press("p")
        await settle(pilot, app)
        view = app.query_one(PurchaseOrdersView)
        draft = next(i for i, po in view.orders.items() if po["status"] == "draft")
        view.select_po(draft)
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("n")  # no: nothing happens
        await settle(pilot, app)
        assert draft in view.orders
        await pilot.press("d", "y")
        await settle(pilot, app)
        assert draft not in view.orders


async def test_the_palette_reaches_a_po_action_from_the_skus_view(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_inventory(pilot, app)
        await pilot.press("ctrl+p")
        await pilot.press(*"Inventory: New PO")
        await settle(pilot, app)
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, FormScreen) and app.screen.form_title == "New purchase order"
        assert isinstance(app.query_one(InventoryArea).current, PurchaseOrdersView)


async def test_thresholds_are_settings(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_inventory(pilot, app)
        before = int((view.table.frame["status"] == "over").sum())
        await pilot.press("t")
        await pilot.pause()
        assert "between 1 and 730" in await refused(pilot, app, "overstock_days", overstock_days="0")
        await fill(pilot, app, overstock_days="400", seasonal_months="11:2")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        after = int((view.table.frame["status"] == "over").sum())
        assert after < before
    section = config.load().section("inventory")
    assert section["overstock_days"] == 400 and section["seasonal_months"] == "11:2"


def test_the_summary_wraps_between_items() -> None:
    from rich.text import Text

    from sellertui.ui.tabs.inventory.skus import wrap_items

    wrapped = wrap_items([Text("40 SKUs"), Text("● 4 out of stock"), Text("● 10 order now")], 30)
    assert wrapped.plain == "40 SKUs  ● 4 out of stock\n● 10 order now"


async def test_number_keys_still_switch_tabs_from_the_table(make_app, demo_copy: Path) -> None:
    from textual.widgets import TabbedContent

    app = make_app(demo_copy)
    async with app.run_test(size=(120, 40)) as pilot:  # wide: the side panel is shown
        await open_inventory(pilot, app)
        await pilot.press("6")
        await pilot.pause()
        assert app.query_one(TabbedContent).active == "tab-profit"
        await pilot.press("5")
        await settle(pilot, app)
        assert app.query_one(TabbedContent).active == "tab-inventory" and isinstance(app.focused, FrameTable)


async def test_an_empty_store_says_how_to_fill_the_tab(make_app, data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await pilot.press("escape")  # start empty rather than with the demo shop
        view = await open_inventory(pilot, app)
        assert len(view.table.order) == 0 and "No SKUs yet" in view.table.empty_text
        for key in ("w", "i", "e", "a", "b", "p", "e", "m", "v", "d", "enter", "s"):
            await pilot.press(key)  # nothing to act on: no crash, no dialog
            await settle(pilot, app)
        assert not isinstance(app.screen, (FormScreen, InfoScreen))


async def test_a_purchase_order_key_typed_in_the_skus_view_does_nothing(make_app, demo_copy: Path) -> None:
    from sellertui.ui.kit.dialogs import ConfirmScreen

    app = make_app(demo_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_inventory(pilot, app)
        await pilot.press("d")  # the purchase orders' delete key: not reachable from the SKUs
        await settle(pilot, app)
        assert not isinstance(app.screen, ConfirmScreen)
        assert isinstance(app.query_one(InventoryArea).current, SkusView)
