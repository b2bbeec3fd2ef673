"""The Feedback view's forms: a product review typed in, and the steps of the negative-feedback workflow."""

from __future__ import annotations

from sellertui.domain import fields
from sellertui.domain.reviews.negatives import OUTCOMES
from sellertui.ui.kit.forms import Field, FormScreen


def review_form() -> FormScreen:
    return FormScreen(
        "New product review",
        [
            Field("asin", "ASIN", lambda t: fields.text(t, required=True, max_length=20).upper(),
                  placeholder="B0…", help="from the product page"),
            Field("rating", "Stars", kind="choice", choices=[(f"{n} ★", n) for n in (5, 4, 3, 2, 1)]),
            Field("date", "Left on", lambda t: fields.day(t), value="today"),
            Field("title", "Title", lambda t: fields.text(t, max_length=200)),
            Field("text", "Review", lambda t: fields.text(t, max_length=10_000), kind="multiline"),
            Field("reviewer", "Reviewer", lambda t: fields.text(t, max_length=120)),
            Field("order_id", "Order id", lambda t: fields.text(t, max_length=40), help="when you know it"),
        ],
        check=lambda v: {} if v["title"] or v["text"] else {"text": "type the review or at least its title"},
    )


def contacted_form() -> FormScreen:
    return FormScreen("Contacted the buyer", [Field("note", "Note", lambda t: fields.text(t, max_length=500),
                                                    help="what you offered (a replacement, a refund…)")],
                      submit_label="Record")


def removal_form(grounds: list[str]) -> FormScreen:
    return FormScreen(
        "Request removal from Amazon",
        [Field("ground", "Rule it breaks", lambda t: fields.text(t, required=True, max_length=300),
               value=grounds[0] if grounds else "",
               help="Seller Central › Performance › Feedback Manager › Request removal"),
         Field("note", "Note", lambda t: fields.text(t, max_length=500))],
        submit_label="Record",
    )


def resolved_form() -> FormScreen:
    return FormScreen(
        "Resolve",
        [Field("outcome", "Outcome", kind="choice", choices=[(o, o) for o in OUTCOMES]),
         Field("note", "Note", lambda t: fields.text(t, max_length=500))],
        submit_label="Resolve",
    )
