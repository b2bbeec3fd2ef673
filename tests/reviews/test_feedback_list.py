"""Seller feedback and product reviews listed together: the CLI, the order's buyer and channel, Today."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

from sellertui.cli import main
from sellertui.context import Context
from sellertui.domain.reviews import negatives
from sellertui.domain.reviews.listing import feedback_items
from sellertui.domain.reviews.today import negatives_section

NOW = datetime(2026, 11, 22, 9, tzinfo=timezone.utc)


def run(capsys, *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_cli_lists_every_one_with_its_rating_negatives_first(capsys, feedback_shop: Path) -> None:
    code, out = run(capsys, "feedback", "--json", "--data-dir", str(feedback_shop))
    items = json.loads(out)
    assert code == 0 and len(items) == 8 and all("rating" in i for i in items)
    assert [i["rating"] for i in items[:4]] == [2, 1, 1, 2]  # open negatives by deadline
    fba = next(i for i in items if i["order_id"] == "113-0000005-0000005")
    assert fba["buyer"] == "Ola Berg" and fba["channel"] == "FBA" and fba["due_by"] == "2026-11-11" and fba["late"]
    assert any("Amazon fulfilled" in g for g in fba["grounds"])
    code, out = run(capsys, "feedback", "--negative", "--data-dir", str(feedback_shop))
    assert code == 0 and len(out.splitlines()) == 4 and "[b]Never arrived[/b]" in out


def test_a_resolved_negative_leaves_the_open_list_and_today(capsys, feedback_shop: Path) -> None:
    ctx = Context.create(feedback_shop)
    shop = ctx.shop()
    before = negatives_section(shop, NOW, "ana")
    assert len(before.items) == 4 and all(i.late for i in before.items)
    target = next(i for i in feedback_items(shop) if i["order_id"] == "113-0000005-0000005")
    negatives.act(shop.store, target, negatives.RESOLVED, outcome="removed by Amazon")
    after = negatives_section(shop, NOW, "ana")
    assert len(after.items) == 3 and f"negative:{target['key']}" not in {i.key for i in after.items}
    ctx.close()
    _, out = run(capsys, "feedback", "--open", "--json", "--data-dir", str(feedback_shop))
    assert len(json.loads(out)) == 3


def test_contacted_negatives_return_to_today_only_as_their_removal_window_closes(feedback_shop: Path) -> None:
    ctx = Context.create(feedback_shop)
    shop = ctx.shop()
    for item in feedback_items(shop):
        if item["negative"]:
            negatives.act(shop.store, item, negatives.CONTACTED)
    assert negatives_section(shop, NOW, "ana").items == []
    late = datetime(2027, 1, 28, 9, tzinfo=timezone.utc)  # 2026-11-05 + 90 = 02-03: within 7 days; 11-08: not
    assert [i.value for i in negatives_section(shop, late, "ana").items] == ["feedback:112-0000002-0000002"]
    ctx.close()


def test_review_requests_cli_lists_approves_and_never_twice(capsys, data_dir: Path) -> None:
    from tests.reviews.conftest import order_line

    ctx = Context.create(data_dir)
    with ctx.shop().store.transaction("orders") as tx:
        tx["orders"].upsert_many([order_line(f"112-0000000-000000{i}", "FBM", "Rosa Diaz",
                                             shipment={"ship_date": "2026-11-1%d" % i}) for i in (1, 2)])
    ctx.close()
    where = ("--data-dir", str(data_dir))
    code, out = run(capsys, "review-requests", "--json", *where)
    listed = json.loads(out)
    assert code == 0 and [c["order_id"] for c in listed["candidates"]] == ["112-0000000-0000001",
                                                                          "112-0000000-0000002"]
    assert listed["requests"] == [] and listed["daily_rule"] is False
    assert all(c["estimated"] for c in listed["candidates"])  # ship date + transit: an estimate, and said so
    code, out = run(capsys, "review-requests", *where)
    assert "delivered 2026-11-14~" in out and "~ the delivery day is an estimate" in out
    code, out = run(capsys, "review-requests", "--approve", "112-0000000-0000001", "--dry-run", *where)
    assert code == 0 and "would approve" in out
    assert json.loads(run(capsys, "review-requests", "--json", *where)[1])["requests"] == []
    code, out = run(capsys, "review-requests", "--approve", "all", *where)
    assert code == 0 and out.count("approved") == 2
    code = main(["review-requests", "--approve", "112-0000000-0000001", *where])
    assert code == 1 and "not due a review request" in capsys.readouterr().err
    listed = json.loads(run(capsys, "review-requests", "--json", *where)[1])
    assert listed["candidates"] == [] and {r["state"] for r in listed["requests"]} == {"approved"}
    assert all(r["estimated"] for r in listed["requests"])  # the approved request still says it was an estimate


def test_the_pending_items_are_the_negatives_with_a_next_step_as_the_whole_list_has_them(feedback_shop: Path) -> None:
    shop = Context.create(feedback_shop).shop()
    everything = feedback_items(shop, NOW.date())
    target = next(i for i in everything if i["order_id"] == "113-0000005-0000005")
    negatives.act(shop.store, target, negatives.RESOLVED, outcome="removed by Amazon")  # no next step: not pending
    everything = feedback_items(shop, NOW.date())
    pending = feedback_items(shop, NOW.date(), pending=True)
    assert pending == [i for i in everything if i["due_by"]] and len(pending) == 3
    assert {i["buyer"] for i in pending} == {i["buyer"] for i in everything if i["due_by"]} != {""}
