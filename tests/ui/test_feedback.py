"""The Feedback view of Orders at 80×24: negatives first, the workflow from the keyboard, a review typed in."""

from __future__ import annotations

from pathlib import Path

from sellertui.store import open_store
from sellertui.ui.kit.dialogs import DetailScreen
from sellertui.ui.kit.forms import FormScreen
from tests.reviews.conftest import feedback_shop  # noqa: F401  (the fixture)
from tests.ui.conftest import settle
from tests.ui.test_orders import fill, form_errors, open_view, submit


async def test_the_workflow_of_a_negative_from_the_keyboard(make_app, feedback_shop: Path) -> None:  # noqa: F811
    app = make_app(feedback_shop)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        view = await open_view(pilot, app, "F")
        assert len(view.table.order) == 8
        assert view.table.value("rating") == 2 and "late" in view.table.value("due")
        await pilot.press("c")
        await settle(pilot, app)
        assert isinstance(app.screen, FormScreen)
        fill(app, note="offered a replacement")
        await submit(pilot, app)
        await pilot.press("slash", *"order:113-")
        await pilot.press("enter")
        await settle(pilot, app)
        assert view.table.value("order_id") == "113-0000005-0000005"
        await pilot.press("x")
        await settle(pilot, app)
        assert "Amazon fulfilled" in app.screen.query_one("#field-ground").value  # the ground spotted, offered
        await submit(pilot, app)
        await pilot.press("v")
        await settle(pilot, app)
        await submit(pilot, app)
        assert "choose one" in form_errors(app)["outcome"]
        fill(app, outcome="removed by Amazon")
        await submit(pilot, app)
        assert view.table.value("status") == "resolved" and view.table.value("due") == ""
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, DetailScreen)
        shown = app.screen.as_text()
        assert "[b]Never arrived[/b]" in shown and "resolved: removed by Amazon" in shown
    store = open_store(feedback_shop)
    work = {w["id"]: w for w in store["feedback_work"].all()}
    assert work["feedback:112-0000002-0000002"]["status"] == "contacted"
    assert work["feedback:113-0000005-0000005"]["history"][0]["what"].startswith("asked Amazon to remove it")


async def test_a_positive_has_no_workflow_and_a_review_is_typed_in(make_app, feedback_shop: Path) -> None:  # noqa: F811
    app = make_app(feedback_shop)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        view = await open_view(pilot, app, "F")
        await pilot.press("slash", *"rating:5")
        await pilot.press("enter")
        await settle(pilot, app)
        await pilot.press("c")
        await settle(pilot, app)
        assert not isinstance(app.screen, FormScreen)
        assert any("Only a 1–2 star" in n.message for n in app._notifications)
        await pilot.press("n")
        await settle(pilot, app)
        await submit(pilot, app)
        assert form_errors(app)["asin"] == "required"
        fill(app, asin="b0demo0009", rating=1, title="Arrived broken", reviewer="Pat")
        await submit(pilot, app)
        assert not isinstance(app.screen, FormScreen)
        await settle(pilot, app)
        await pilot.press("slash", *"asin:B0DEMO0009")
        await pilot.press("enter")
        await settle(pilot, app)
        assert view.table.value("rating") == 1 and view.table.value("kind") == "product"
