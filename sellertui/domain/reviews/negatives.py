"""A 1–2 star feedback or review: its deadline, whether Amazon would remove it, and what was done about it.

The workflow is the one sellers follow: answer fast (contact the buyer within
``respond_days``), ask Amazon to remove it when it breaks Amazon's rules, then
resolve it with what came of it. What was done is kept in ``feedback_work``
(one record per feedback or review, keyed like its checklist item), apart from
the imported record, so re-importing the report never undoes it.

Amazon removes seller feedback that is really a product review, a delivery or
service complaint about an order Amazon fulfilled (FBA: Amazon strikes it
through), or that holds personal information such as an e-mail address or a
phone number; requests are taken up to 90 days after the feedback was left.
``removal_grounds`` spots these in the text; the user decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from sellertui import clock
from sellertui.core.i18n import N_, _, label
from sellertui.core.errors import UserError
from sellertui.domain.reviews.settings import ReviewSettings

NEGATIVE_MAX = 2  # 1 and 2 stars are negative (Amazon counts them in the negative feedback rate)
OPEN, CONTACTED, REMOVAL, RESOLVED = "open", "contacted", "removal requested", "resolved"
STATUS_WORDS = (N_("open"), N_("contacted"), N_("removal requested"), N_("resolved"))  # shown translated
# stored as written here; the form shows them translated
OUTCOMES = (N_("removed by Amazon"), N_("changed or removed by the buyer"), N_("answered publicly"), N_("left as it is"))

_DELIVERY = re.compile(r"\b(deliver\w*|arriv\w*|late|never (came|got|received)|shipping|shipped|package|parcel|"
                       r"courier|carrier|box was|lost|tracking|took (too )?long)\b", re.I)
_PRODUCT = re.compile(r"\b(product|item|quality|broke\w*|cheap\w*|works?|worked|doesn'?t work|stopped|size|"
                      r"fits?|colou?r|smell\w*|material|flimsy|defective|leak\w*|taste|battery|stars? for the)\b",
                      re.I)
_SELLER = re.compile(r"\b(seller|service|refund\w*|repl(y|ied)|respon\w*|contact\w*|communicat\w*|rude|helpful)\b",
                     re.I)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
_PHONE = re.compile(r"(\+?\d[\d ()-]{8,}\d)")


def is_negative(rating) -> bool:
    return rating is not None and int(rating) <= NEGATIVE_MAX


def removal_grounds(kind: str, text: str, channel: str) -> list[str]:
    """Why Amazon would remove this seller feedback, as sentences (empty: no ground spotted).

    ``kind`` is ``feedback`` (seller feedback) or ``review`` (a product review:
    Amazon's community guidelines apply, which no rule here can judge).
    """
    if kind != "feedback":
        return []
    text = text or ""
    grounds = []
    if channel.upper() == "FBA" and _DELIVERY.search(text):
        grounds.append(_("a delivery or service complaint about an order Amazon fulfilled (FBA): Amazon strikes it "
                         "through"))
    if _PRODUCT.search(text) and not _SELLER.search(text):
        grounds.append(_("it is about the product, not the seller: a product review left as seller feedback"))
    if _EMAIL.search(text) or _PHONE.search(text):
        grounds.append(_("it holds personal information (an e-mail address or a phone number)"))
    return grounds


# the steps are kept in English (JSON's next_step); shown translated, in full or short
STEPS = (N_("contact the buyer"), N_("resolve"))
SHORT_STEPS = {"contact the buyer": N_("contact"), "resolve": N_("resolve")}


@dataclass(frozen=True)
class Due:
    """The next step of a negative and the day it is due by (None: nothing due, e.g. resolved)."""

    step: str
    by: date | None

    def describe(self, today: date) -> str:
        if self.by is None:
            return ""
        days = (self.by - today).days
        when = _("today") if days == 0 else _("{days}d left").format(days=days) if days > 0 else \
            _("late {days}d").format(days=-days)
        # "contact · late 2d": short enough for a column
        return _("{step} · {when}").format(step=label(SHORT_STEPS, self.step), when=when)


def left_on(item: dict) -> date:
    return date.fromisoformat(str(item["date"])[:10])


def pending(item: dict, work: dict | None) -> bool:
    """A negative not yet resolved: one with a next step."""
    return is_negative(item.get("rating")) and (work or {}).get("status", OPEN) != RESOLVED


def due(item: dict, work: dict | None, settings: ReviewSettings) -> Due:
    """The next step of a negative: contact the buyer within ``respond_days`` of the rating, then resolve it
    before the removal window closes (``removal_days``)."""
    if not pending(item, work):
        return Due("", None)
    status = (work or {}).get("status", OPEN)
    day = left_on(item)
    if status == OPEN:
        return Due("contact the buyer", day + timedelta(days=settings.respond_days))
    return Due("resolve", day + timedelta(days=settings.removal_days))


def _record(tx, key: str, changes: dict, what: str, user: str) -> dict:
    work = tx["feedback_work"]
    current = work.get(key) or {"id": key, "status": OPEN, "history": []}
    step = {"at": clock.stamp(), "by": user, "what": what}
    record = {**current, **changes, "history": [*(current.get("history") or []), step]}
    work.upsert_many([record])
    return record


def act(store, item: dict, step: str, note: str = "", ground: str = "", outcome: str = "",
        settings: ReviewSettings | None = None) -> dict:
    """Record a step of the workflow on a negative (``contacted``, ``removal requested`` or ``resolved``)."""
    settings = settings or ReviewSettings()
    if not is_negative(item.get("rating")):
        raise UserError(_("only a 1–2 star feedback or review has a workflow"))
    note = (note or "").strip()
    with store.transaction(f"{item['key']}: {step}") as tx:
        current = tx["feedback_work"].get(item["key"]) or {}
        if current.get("status") == RESOLVED:
            raise UserError(_("this one is resolved already"))
        if step == CONTACTED:
            what = "contacted the buyer" + (f": {note}" if note else "")
            changes = {"status": CONTACTED, "contacted_at": clock.stamp()}
        elif step == REMOVAL:
            if not ground.strip():
                raise UserError(_("say which of Amazon's rules it breaks"))
            closes = left_on(item) + timedelta(days=settings.removal_days)
            if item.get("kind") == "feedback" and clock.today() > closes:
                raise UserError(_("Amazon takes removal requests up to {removal_days} days after the feedback: "
                                  "that was {isoformat}")
                                    .format(removal_days=settings.removal_days, isoformat=closes.isoformat()))
            what = f"asked Amazon to remove it: {ground.strip()}" + (f" ({note})" if note else "")
            changes = {"status": REMOVAL, "ground": ground.strip(), "removal_at": clock.stamp()}
        elif step == RESOLVED:
            if outcome not in OUTCOMES:
                raise UserError(_("the outcome is one of: {OUTCOMES}").format(OUTCOMES=', '.join(OUTCOMES)))
            what = f"resolved: {outcome}" + (f" ({note})" if note else "")
            changes = {"status": RESOLVED, "outcome": outcome, "resolved_at": clock.stamp()}
        else:
            raise UserError(_("unknown step {step!r}: contacted, removal requested or resolved").format(step=step))
        return _record(tx, item["key"], changes, what, store.user)


def work_of(store, key: str) -> dict | None:
    """What was done about one feedback or review, with its history (None: nothing yet)."""
    return store["feedback_work"].get(key)
