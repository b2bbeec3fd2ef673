"""The negative-feedback rules, worked by hand: what is negative, its deadlines, grounds for removal, the workflow."""

from __future__ import annotations

from datetime import date

import pytest

from sellertui.core.errors import UserError
from sellertui.domain.reviews import negatives
from sellertui.domain.reviews.negatives import CONTACTED, REMOVAL, RESOLVED, due, removal_grounds
from sellertui.domain.reviews.settings import ReviewSettings

SETTINGS = ReviewSettings()  # respond in 2 days, removal within 90


def item(rating: int, day: str = "2026-11-20", kind: str = "feedback") -> dict:
    return {"key": f"{kind}:112-1", "kind": kind, "rating": rating, "date": day}


@pytest.mark.parametrize("rating, negative", [(1, True), (2, True), (3, False), (5, False), (None, False)])
def test_one_and_two_stars_are_negative(rating, negative) -> None:
    assert negatives.is_negative(rating) is negative


def test_an_open_negative_is_due_a_contact_two_days_after_it_was_left() -> None:
    next_step = due(item(1, "2026-11-20"), None, SETTINGS)
    assert (next_step.step, next_step.by) == ("contact the buyer", date(2026, 11, 22))
    assert next_step.describe(date(2026, 11, 22)) == "contact · today"
    assert next_step.describe(date(2026, 11, 24)) == "contact · late 2d"


def test_once_contacted_it_is_due_a_resolution_before_the_removal_window_closes() -> None:
    next_step = due(item(2, "2026-11-01"), {"status": CONTACTED}, SETTINGS)
    assert (next_step.step, next_step.by) == ("resolve", date(2027, 1, 30))


def test_positive_and_resolved_ones_are_due_nothing() -> None:
    assert due(item(4), None, SETTINGS).by is None
    assert due(item(1), {"status": RESOLVED}, SETTINGS).by is None


def test_delivery_complaint_on_an_fba_order_is_a_ground_on_fbm_it_is_not() -> None:
    fba = removal_grounds("feedback", "The parcel arrived three days late", "FBA")
    assert any("Amazon fulfilled" in g for g in fba)
    assert removal_grounds("feedback", "The parcel arrived three days late", "FBM") == []


def test_a_product_review_left_as_seller_feedback_is_a_ground_unless_it_speaks_of_the_seller() -> None:
    assert any("product review" in g for g in removal_grounds("feedback", "Cheap material, broke in a week", "FBM"))
    assert removal_grounds("feedback", "Item broke and the seller never replied", "FBM") == []


def test_personal_information_is_a_ground_and_product_reviews_get_none() -> None:
    assert any("personal" in g for g in removal_grounds("feedback", "Call me at +1 206 555 0100 now", "FBM"))
    assert removal_grounds("review", "Broke in a week, poor quality", "FBA") == []


def test_the_workflow_is_kept_with_its_history_and_ends_when_resolved(store) -> None:
    negative = item(1, "2026-11-20")
    negatives.act(store, negative, CONTACTED, note="offered a replacement")
    negatives.act(store, negative, REMOVAL, ground="delivery complaint on FBA")
    done = negatives.act(store, negative, RESOLVED, outcome="removed by Amazon")
    assert done["status"] == RESOLVED and done["outcome"] == "removed by Amazon"
    assert [h["what"] for h in done["history"]] == ["contacted the buyer: offered a replacement",
                                                    "asked Amazon to remove it: delivery complaint on FBA",
                                                    "resolved: removed by Amazon"]
    assert all(h["by"] == "ana" for h in done["history"])
    with pytest.raises(UserError, match="resolved already"):
        negatives.act(store, negative, CONTACTED)


def test_steps_are_refused_with_a_reason(store) -> None:
    with pytest.raises(UserError, match="only a 1–2 star"):
        negatives.act(store, item(4), CONTACTED)
    with pytest.raises(UserError, match="which of Amazon's rules"):
        negatives.act(store, item(1), REMOVAL, ground=" ")
    with pytest.raises(UserError, match="outcome is one of"):
        negatives.act(store, item(1), RESOLVED, outcome="forgotten")
    with pytest.raises(UserError, match="up to 90 days"):  # left 2026-08-01, the clock says 2026-11-22
        negatives.act(store, item(1, "2026-08-01"), REMOVAL, ground="product review")
    assert store["feedback_work"].count() == 0
