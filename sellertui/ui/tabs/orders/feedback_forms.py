"""The Feedback view's forms: a product review typed in, and the steps of the negative-feedback workflow."""

from __future__ import annotations

from sellertui.core.i18n import _
from sellertui.domain import fields
from sellertui.domain.reviews.negatives import OUTCOMES
from sellertui.ui.kit.forms import Field, FormScreen


def review_form() -> FormScreen:
    return FormScreen(
        _("New product review"),
        [
            Field("asin", _("ASIN"), lambda t: fields.text(t, required=True, max_length=20).upper(),
                  placeholder="B0…", help=_("from the product page")),
            Field("rating", _("Stars"), kind="choice", choices=[(f"{n} ★", n) for n in (5, 4, 3, 2, 1)]),
            Field("date", _("Left on"), lambda t: fields.day(t), value="today"),
            Field("title", _("Title"), lambda t: fields.text(t, max_length=200)),
            Field("text", _("Review"), lambda t: fields.text(t, max_length=10_000), kind="multiline"),
            Field("reviewer", _("Reviewer"), lambda t: fields.text(t, max_length=120)),
            Field("order_id", _("Order id"), lambda t: fields.text(t, max_length=40), help=_("when you know it")),
        ],
        check=lambda v: {} if v["title"] or v["text"] else {"text": _("type the review or at least its title")},
    )


def contacted_form() -> FormScreen:
    return FormScreen(_("Contacted the buyer"), [Field("note", _("Note"), lambda t: fields.text(t, max_length=500),
                                                    help=_("what you offered (a replacement, a refund…)"))],
                      submit_label=_("Record"))


def removal_form(grounds: list[str]) -> FormScreen:
    return FormScreen(
        _("Request removal from Amazon"),
        [Field("ground", _("Rule it breaks"), lambda t: fields.text(t, required=True, max_length=300),
               value=grounds[0] if grounds else "",
               help=_("Seller Central › Performance › Feedback Manager › Request removal")),
         Field("note", _("Note"), lambda t: fields.text(t, max_length=500))],
        submit_label=_("Record"),
    )


def resolved_form() -> FormScreen:
    return FormScreen(
        _("Resolve"),
        [Field("outcome", _("Outcome"), kind="choice", choices=[(_(o), o) for o in OUTCOMES]),
         Field("note", _("Note"), lambda t: fields.text(t, max_length=500))],
        submit_label=_("Resolve"),
    )
