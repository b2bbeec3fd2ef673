"""Reply templates at 80×24: chosen by the order's state, shown filled before copying, and edited by the user."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList, TextArea

from sellertui.domain.orders import templates
from sellertui.store import open_store
from sellertui.ui.kit.dialogs import PickScreen
from sellertui.ui.kit.forms import FormScreen
from tests.ui.conftest import settle
from tests.ui.test_workbench import opened


def message_about_unshipped_order(data_dir: Path) -> tuple[str, str]:
    """(message id, order id) of a logged message about an order that has not shipped; one is added if none is."""
    store = open_store(data_dir, user="ana")
    line = next(o for o in store["orders"].rows() if o.get("status") == "Unshipped" and o.get("channel") == "FBM")
    with store.transaction("a question") as tx:
        message = tx["messages"].insert({"received_at": "2026-11-22T08:00:00+00:00", "status": "awaiting",
                                         "buyer_name": "Pat Lee", "order_id": line["order_id"], "sku": line["sku"],
                                         "text": "Where is my order?", "replied_at": None})
    store.close()
    return message["id"], line["order_id"]


async def test_where_is_my_order_fits_an_unshipped_order_and_shows_before_copying(make_app, demo_copy: Path) -> None:
    message_id, order_id = message_about_unshipped_order(demo_copy)
    async with opened(make_app, demo_copy, "2", "m") as (pilot, app, view):
        assert view.select_row("id", message_id)
        await pilot.press("t")
        await settle(pilot, app)
        assert isinstance(app.screen, PickScreen) and "not shipped yet" in app.screen.lead
        options = app.screen.query_one(OptionList)
        where = next(i for i in range(options.option_count)
                     if "Where is my order?" in str(options.get_option_at_index(i).prompt))
        assert "not shipped yet" in str(options.get_option_at_index(where).prompt)  # the unshipped one first
        options.highlighted = where
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, FormScreen)
        reply = app.screen.query_one("#field-text", TextArea).text
        assert order_id in reply and "Pat" in reply and "on its way" not in reply and "has not shipped" in reply
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert not isinstance(app.screen, FormScreen)
        assert app.clipboard == reply


async def test_templates_are_edited_with_their_variables_checked(make_app, demo_copy: Path) -> None:
    async with opened(make_app, demo_copy, "2", "T") as (pilot, app, view):
        assert view.TITLE == "Templates" and len(view.table.order) == len(templates.DEFAULTS)
        await pilot.press("n")
        await settle(pilot, app)
        form = app.screen
        assert isinstance(form, FormScreen) and form.focused.id == "field-name"
        assert "{tracking_number}" in str(form.fields[-1].help)  # the variables are listed
        form.query_one("#field-name").value = "Late parcel"
        form.query_one("#field-text", TextArea).text = "Hi {buyer_name}, tracking {tracking_no}"
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert app.screen is form and "unknown {tracking_no}" in form.errors["text"]
        form.query_one("#field-text", TextArea).text = "Hi {buyer_name}, tracking {tracking_number}"
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert not isinstance(app.screen, FormScreen)
        assert len(view.table.order) == len(templates.DEFAULTS) + 1
    names = {t["name"] for t in templates.all_templates(open_store(demo_copy))}
    assert "Late parcel" in names and "Where is my order?" in names  # the built-ins were kept
