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


async def on_feedback_of(pilot, app, order_id: str):
    await settle(pilot, app)
    view = await open_view(pilot, app, "F")
    await pilot.press("slash", *f"order:{order_id}")
    await pilot.press("enter")
    await settle(pilot, app)
    assert view.table.value("order_id") == order_id
    return view


async def test_connected_amazons_removal_request_is_shown_sent_on_y_and_only_once(make_app, feedback_shop: Path,  # noqa: F811
                                                                                 monkeypatch) -> None:
    from sellertui.ui.kit.dialogs import ConfirmScreen
    from tests.amazon.conftest import write_config
    from tests.amazon.standin import ENV, StandIn

    server = StandIn()
    server.start()
    try:
        for name, value in ENV.items():
            monkeypatch.setenv(name, value)
        server.message_actions["113-0000005-0000005"] = {"negativeFeedbackRemoval"}
        app = make_app(feedback_shop, 'user = "ana"\n' + write_config(server.url).read_text())
        async with app.run_test(size=(80, 24)) as pilot:
            view = await on_feedback_of(pilot, app, "113-0000005-0000005")
            await pilot.press("X")
            await settle(pilot, app)
            assert isinstance(app.screen, ConfirmScreen)
            question = app.screen.question
            assert "to the buyer of order 113-0000005-0000005 (1★ seller feedback of 2026-11-09" in question
            assert "Amazon writes it; no text of yours" in question
            await pilot.press("n")
            await settle(pilot, app)
            assert server.messages == [] and not isinstance(app.screen, ConfirmScreen)
            await pilot.press("X")
            await settle(pilot, app)
            await pilot.press("y")
            await settle(pilot, app)
            assert server.messages == [("negativeFeedbackRemoval", "113-0000005-0000005", {})]
            assert any("removal request went to the buyer of order 113-0000005-0000005" in n.message
                       for n in app._notifications)
            assert view.table.value("status") == "removal requested"
            await pilot.press("X")
            await settle(pilot, app)
            assert not isinstance(app.screen, ConfirmScreen)
            assert any("it is sent once" in n.message for n in app._notifications)
            # Amazon does not offer it for the other negative: the outcome says so, nothing is recorded
            await on_feedback_of(pilot, app, "112-0000002-0000002")
            await pilot.press("X")
            await settle(pilot, app)
            await pilot.press("y")
            await settle(pilot, app)
            assert any("does not offer a removal request for order 112-0000002-0000002" in n.message
                       for n in app._notifications)
        assert len(server.messages) == 1
    finally:
        server.stop()
    store = open_store(feedback_shop)
    work = {w["id"]: w for w in store["feedback_work"].all()}
    assert work["feedback:113-0000005-0000005"]["removal_via"] == "api"
    assert "feedback:112-0000002-0000002" not in work


async def test_offline_the_removal_request_says_how_in_seller_central(make_app, feedback_shop: Path) -> None:  # noqa: F811
    from sellertui.ui.kit.dialogs import InfoScreen

    app = make_app(feedback_shop)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_feedback_of(pilot, app, "113-0000005-0000005")
        await pilot.press("X")
        await settle(pilot, app)
        assert isinstance(app.screen, InfoScreen)
        shown = app.screen.as_text()
        assert "Not connected to Seller Central · nothing sent" in shown and "Feedback Manager" in shown
        assert "1★ feedback on order 113-0000005-0000005" in shown
        await pilot.press("escape")
        await settle(pilot, app)
        await pilot.press("slash", *"kind:product rating:1")
        await pilot.press("enter")
        await settle(pilot, app)
        await pilot.press("X")  # a product review: reported on Amazon, not by this request
        await settle(pilot, app)
        assert any("Report abuse" in n.message for n in app._notifications)
    store = open_store(feedback_shop)
    assert store["feedback_work"].all() == []
