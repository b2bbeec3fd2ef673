"""Review requests out through the Solicitations API (the stand-in): only what was approved, once per order."""

from __future__ import annotations

import pytest

from sellertui.domain.reviews import requests as rules
from sellertui.domain.reviews import solicit
from sellertui.domain.sync.runner import sync
from tests.amazon.conftest import write_config
from tests.reviews.conftest import order_line

DUE = ["112-0000000-0000001", "112-0000000-0000002", "112-0000000-0000003"]  # shipped 11-10: due on 11-22


def run(shop, **kw):
    result = sync(shop, ["reviews"], sleep=lambda s: None, **kw)
    return result, result.streams[0]


@pytest.fixture
def due_shop(shop):
    with shop.store.transaction("orders due a review request") as tx:
        tx["orders"].upsert_many([order_line(o, "FBM", "Rosa Diaz", shipment={"ship_date": "2026-11-10"})
                                  for o in DUE])
    return shop


def approve(shop, *order_ids: str) -> None:
    rules.approve(shop.store, [c for c in rules.candidates(shop) if c.order_id in order_ids])


def test_only_the_approved_go_out_once_each_and_the_dry_run_says_so_first(connected, due_shop) -> None:
    approve(due_shop, DUE[0], DUE[1])
    planned, unit = run(due_shop, dry_run=True)
    assert sorted(w["order_id"] for w in unit.would) == DUE[:2]
    assert connected.solicited == []
    result, unit = run(due_shop)
    assert result.ok and unit.sent == 2 and sorted(connected.solicited) == DUE[:2]
    posts = [c for c in connected.calls if c[0] == "createProductReviewAndSellerFeedbackSolicitation"]
    assert len(posts) == 2
    assert {r["id"]: r["status"] for r in rules.requests(due_shop.store)} == {DUE[0]: "sent", DUE[1]: "sent"}
    again, unit = run(due_shop)
    assert again.ok and unit.sent == 0 and len(connected.solicited) == 2  # DUE[2] was never approved
    assert [c.order_id for c in rules.candidates(due_shop)] == [DUE[2]]


def test_a_refusal_is_recorded_with_amazons_reason_and_never_retried(connected, due_shop) -> None:
    connected.solicit_refuse = {DUE[0]}
    approve(due_shop, DUE[0])
    result, unit = run(due_shop)
    record = due_shop.store["review_requests"].get(DUE[0])
    assert result.ok and unit.rejected == 1 and record["status"] == "refused"
    assert "not available for this order" in record["reason"]
    run(due_shop)
    posts = [c for c in connected.calls if c[0] == "createProductReviewAndSellerFeedbackSolicitation"]
    assert len(posts) == 1 and DUE[0] not in [c.order_id for c in rules.candidates(due_shop)]


def test_a_request_amazon_does_not_offer_waits_inside_the_window_and_is_refused_after(connected, due_shop,
                                                                                       monkeypatch) -> None:
    connected.solicit_closed = {DUE[0]}  # delivered later than estimated: Amazon's window is not open yet
    approve(due_shop, DUE[0])
    result, unit = run(due_shop)
    record = due_shop.store["review_requests"].get(DUE[0])
    assert result.ok and unit.sent == 0 and unit.rejected == 0 and record["status"] == "approved"
    assert "does not offer it yet (the delivery day was an estimate)" in record["reason"] and record["estimated"]
    assert "getSolicitationActionsForOrder" in connected.operations()
    assert "createProductReviewAndSellerFeedbackSolicitation" not in connected.operations()
    connected.solicit_closed = set()  # Amazon offers it now
    result, unit = run(due_shop)
    assert unit.sent == 1 and connected.solicited == [DUE[0]]
    approve(due_shop, DUE[1])
    connected.solicit_closed = {DUE[1]}
    monkeypatch.setenv("SELLERTUI_NOW", "2026-12-20T09:00:00+00:00")  # past the window reckoned (12-13)
    result, unit = run(due_shop)
    record = due_shop.store["review_requests"].get(DUE[1])
    assert unit.rejected == 1 and record["status"] == "refused" and "before its window closed" in record["reason"]
    assert connected.solicited == [DUE[0]]


def test_a_crash_after_sending_is_settled_by_asking_amazon_and_never_sends_twice(connected, due_shop,
                                                                                 monkeypatch) -> None:
    approve(due_shop, DUE[0])
    real = solicit._set

    def dies_before_recording(store, order_id, what, **changes):
        if what == "sent":
            raise RuntimeError("killed")
        real(store, order_id, what, **changes)

    monkeypatch.setattr(solicit, "_set", dies_before_recording)
    result, _ = run(due_shop)
    assert not result.ok and connected.solicited == [DUE[0]]
    assert due_shop.store["review_requests"].get(DUE[0])["status"] == "sending"
    monkeypatch.setattr(solicit, "_set", real)
    planned, unit = run(due_shop, dry_run=True)
    assert "getSolicitationActionsForOrder" in unit.would[0]["what"]
    result, unit = run(due_shop)
    record = due_shop.store["review_requests"].get(DUE[0])
    assert result.ok and unit.sent == 1 and record["status"] == "sent" and "interrupted" in record["reason"]
    assert connected.solicited == [DUE[0]] and "getSolicitationActionsForOrder" in connected.operations()


def test_an_unfinished_request_amazon_never_got_is_sent_once(connected, due_shop) -> None:
    approve(due_shop, DUE[1])
    with due_shop.store.transaction("a send cut short before the call") as tx:
        tx["review_requests"].update(DUE[1], {"status": "sending", "attempts": 1})
    result, unit = run(due_shop)
    assert result.ok and unit.sent == 1 and connected.solicited == [DUE[1]]
    assert due_shop.store["review_requests"].get(DUE[1])["attempts"] == 2


def test_a_dropped_answer_leaves_it_sending_for_the_next_sync_to_check(connected, due_shop) -> None:
    approve(due_shop, DUE[2])
    connected.fail["createProductReviewAndSellerFeedbackSolicitation"] = 10  # 503s beyond the retry budget
    result, unit = run(due_shop)
    assert not result.ok and due_shop.store["review_requests"].get(DUE[2])["status"] == "sending"
    connected.fail.clear()
    result, unit = run(due_shop)
    assert result.ok and unit.sent == 1 and connected.solicited == [DUE[2]]


def test_the_daily_rule_approves_the_days_candidates_and_sends_them(connected, due_shop) -> None:
    path = write_config(connected.url)
    path.write_text(path.read_text() + "\n[reviews]\ndaily_rule = true\n")
    from sellertui.context import Context

    ctx = Context.create(due_shop.store.layout.data_dir)
    shop = ctx.shop()
    planned, unit = run(shop, dry_run=True)
    assert len(unit.would) == 3 and all("daily rule" in w["what"] for w in unit.would)
    result, unit = run(shop)
    assert result.ok and unit.sent == 3 and sorted(connected.solicited) == DUE
    assert {r["via"] for r in rules.requests(shop.store)} == {"daily rule"} and "daily rule" in unit.notes[0]
    ctx.close()
