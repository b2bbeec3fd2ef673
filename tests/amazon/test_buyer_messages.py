"""Messages to buyers through the Messaging API (the stand-in): the tracking message and Amazon's removal request."""

from __future__ import annotations

import json

import pytest

from sellertui.core.errors import UserError
from sellertui.domain.orders import buyer_messages, tracking
from sellertui.domain.orders.order_lines import lines_of_order
from sellertui.domain.reviews import negatives
from sellertui.domain.reviews.listing import feedback_items
from tests.reviews.conftest import order_line

ORDER = "112-0000000-0000042"
SHIPMENT = {"ship_date": "2026-11-18", "carrier": "UPS", "tracking": "1Z999AA10123456784"}


@pytest.fixture
def shipped(shop):
    with shop.store.transaction("a shipped FBM order") as tx:
        tx["orders"].upsert_many([order_line(ORDER, "FBM", "Rosa Diaz", shipment=SHIPMENT, history=[])])
    return shop


def lines(shop) -> list[dict]:
    return lines_of_order(shop.store, ORDER, "2026-10")


def test_the_tracking_message_goes_once_when_amazon_offers_it_and_is_in_the_history(connected, shipped) -> None:
    text, _ = tracking.tracking_message(shipped.store, lines(shipped))
    connected.message_actions[ORDER] = {"confirmDeliveryDetails"}
    step = buyer_messages.send_tracking_message(shipped, lines(shipped), text)
    assert step["state"] == "sent" and connected.messages == [("confirmDeliveryDetails", ORDER, {"text": text})]
    assert "1Z999AA10123456784" in connected.messages[0][2]["text"]
    history = lines(shipped)[0]["history"]
    assert [h["what"] for h in history] == ["tracking message: sending through Amazon",
                                            "tracking message sent to the buyer through Amazon"]
    with pytest.raises(UserError, match="went to the buyer on 2026-11-22T09:00 .*only if the buyer asks"):
        buyer_messages.send_tracking_message(shipped, lines(shipped), text)
    assert len(connected.messages) == 1  # never twice unless asked
    buyer_messages.send_tracking_message(shipped, lines(shipped), text, again=True)
    assert len(connected.messages) == 2 and len(buyer_messages.tracking_sends(lines(shipped))) == 4


def test_not_offered_or_not_connected_sends_nothing(connected, shipped, monkeypatch) -> None:
    text, _ = tracking.tracking_message(shipped.store, lines(shipped))
    with pytest.raises(UserError, match="does not offer a delivery-details message .* copy the text"):
        buyer_messages.send_tracking_message(shipped, lines(shipped), text)
    assert connected.messages == [] and "createConfirmDeliveryDetails" not in connected.operations()
    assert buyer_messages.tracking_sends(lines(shipped)) == []
    with pytest.raises(UserError, match="e-mail addresses"):
        buyer_messages.send_tracking_message(shipped, lines(shipped), text + " write to me@shop.example")
    monkeypatch.delenv("SELLERTUI_SP_REFRESH_TOKEN")
    with pytest.raises(UserError, match="not connected to Seller Central"):
        buyer_messages.send_tracking_message(shipped, lines(shipped), text)


def test_a_lost_answer_leaves_it_possibly_sent_and_a_refusal_is_recorded(connected, shipped,
                                                                           monkeypatch) -> None:
    text, _ = tracking.tracking_message(shipped.store, lines(shipped))
    connected.message_actions[ORDER] = {"confirmDeliveryDetails"}
    connected.fail["createConfirmDeliveryDetails"] = 10  # 503s beyond the retry budget
    with pytest.raises(UserError):
        buyer_messages.send_tracking_message(shipped, lines(shipped), text)
    with pytest.raises(UserError, match="may have gone"):
        buyer_messages.send_tracking_message(shipped, lines(shipped), text)
    connected.fail.clear()
    monkeypatch.setattr(connected, "_send_message", lambda *args: (400, {"errors": [
        {"code": "InvalidInput", "message": "The buyer opted out of messages."}]}))
    with pytest.raises(UserError, match="Amazon refused the message: .*opted out"):
        buyer_messages.send_tracking_message(shipped, lines(shipped), text, again=True)
    assert "tracking message refused by Amazon" in lines(shipped)[0]["history"][-1]["what"]
    assert connected.messages == []


def test_amazons_removal_request_for_a_negative_seller_feedback_once(connected, shop) -> None:
    from sellertui.importers.pipeline import Options, import_report
    from tests.importers.conftest import fixture

    import_report(shop.store, fixture("feedback-us.txt"), Options())
    item = next(i for i in feedback_items(shop) if i["order_id"] == "113-0000005-0000005")  # 1 star, 11-09
    assert not buyer_messages.removal_offered(shop, item)
    with pytest.raises(UserError, match="does not offer a removal request"):
        buyer_messages.request_feedback_removal(shop, item)
    connected.message_actions["113-0000005-0000005"] = {"negativeFeedbackRemoval"}
    assert buyer_messages.removal_offered(shop, item)
    work = buyer_messages.request_feedback_removal(shop, item, "never arrived: an FBA delivery")
    assert connected.messages == [("negativeFeedbackRemoval", "113-0000005-0000005", {})]
    assert work["status"] == negatives.REMOVAL and work["removal_via"] == "api"
    assert "through the Messaging API" in work["history"][-1]["what"]
    with pytest.raises(UserError, match="it is sent once"):
        buyer_messages.request_feedback_removal(shop, item)
    positive = next(i for i in feedback_items(shop) if i["order_id"] == "112-0000001-0000001")
    with pytest.raises(UserError, match="only a 1–2 star"):
        buyer_messages.request_feedback_removal(shop, positive)
    assert len(connected.messages) == 1


def test_the_cli_asks_amazon_first_with_dry_run_then_sends_once(connected, shop, capsys, data_dir,
                                                                  monkeypatch) -> None:
    from sellertui.importers.pipeline import Options, import_report
    from tests.importers.conftest import fixture
    from tests.test_cli_import import run as cli

    import_report(shop.store, fixture("feedback-us.txt"), Options())
    order = "113-0000005-0000005"  # 1 star
    base = ("feedback", "--data-dir", str(data_dir), "--request-removal", order)
    code, _, err = cli(capsys, *base, "--dry-run")
    assert code != 0 and "does not offer a removal request for order 113-0000005-0000005" in err
    connected.message_actions[order] = {"negativeFeedbackRemoval"}
    code, out, err = cli(capsys, *base, "--dry-run")
    assert code == 0, err
    assert f"would send to the buyer of order {order}" in out and "nothing was sent" in out
    assert connected.messages == [] and negatives.work_of(shop.store, f"feedback:{order}") is None
    code, out, err = cli(capsys, *base, "--json")
    assert code == 0, err
    assert json.loads(out) == {"key": f"feedback:{order}", "order_id": order, "dry_run": False, "sent": True,
                               "status": negatives.REMOVAL}
    assert connected.messages == [("negativeFeedbackRemoval", order, {})]
    assert negatives.work_of(shop.store, f"feedback:{order}")["removal_via"] == "api"
    code, _, err = cli(capsys, *base)
    assert code != 0 and "it is sent once" in err and len(connected.messages) == 1
    code, _, err = cli(capsys, "feedback", "--data-dir", str(data_dir), "--request-removal", "112-9999999-0000000")
    assert code != 0 and "no feedback or review '112-9999999-0000000'" in err


def test_offline_the_removal_request_says_how_in_seller_central_and_records_nothing(connected, shop, capsys,
                                                                                     data_dir, monkeypatch) -> None:
    from sellertui.importers.pipeline import Options, import_report
    from tests.importers.conftest import fixture
    from tests.test_cli_import import run as cli

    import_report(shop.store, fixture("feedback-us.txt"), Options())
    order = "113-0000005-0000005"
    connected.message_actions[order] = {"negativeFeedbackRemoval"}
    monkeypatch.delenv("SELLERTUI_SP_REFRESH_TOKEN")
    code, _, err = cli(capsys, "feedback", "--data-dir", str(data_dir), "--request-removal", order)
    assert code != 0 and "not connected to Seller Central: nothing was sent" in err
    assert "Feedback Manager" in err and "Request removal" in err
    assert connected.messages == [] and negatives.work_of(shop.store, f"feedback:{order}") is None
