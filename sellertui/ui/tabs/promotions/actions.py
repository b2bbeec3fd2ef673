"""What the promotion keys do: forms and confirmations, then a save in the area's worker.

Edits carry the revision the form was opened on (``expect_rev``): if a
teammate saved the promotion meanwhile, the save is refused with their name.
"""

from __future__ import annotations

from datetime import date

from textual.binding import Binding

from sellertui.core.i18n import N_, _
from sellertui import clock
from sellertui.domain.promotions import records
from sellertui.ui.kit.dialogs import ConfirmScreen
from sellertui.ui.kit.forms import Field, FormScreen
from sellertui.ui.tabs.promotions.detail import PromotionScreen
from sellertui.ui.tabs.promotions.forms import promotion_form

SAVED = frozenset({"promotions"})

# the keys of a promotion, in the views that show promotions (the list's row, the calendar's day)
PROMOTION_BINDINGS = [
    Binding("e", "promotion('edit')", N_("Edit"), id="promotions.edit"),
    Binding("c", "promotion('duplicate')", N_("Copy"), id="promotions.duplicate"),
    Binding("x", "promotion('cancel')", N_("Cancel"), id="promotions.cancel"),
    Binding("greater_than_sign", "promotion('advance')", N_("Next"), tooltip=N_("Next status"), id="promotions.advance"),
    Binding("w", "promotion('working')", N_("Working"), id="promotions.working"),
]


class PromotionKeys:
    """Mixin for a view with ``pick_promotion(then)``: the promotion keys act on what it picks."""

    def action_promotion(self, action: str) -> None:
        self.pick_promotion(lambda promo: self.area.act(action, promo))


def _form_values(area, values: dict) -> dict:
    values = dict(values)
    event = values.pop("event", None) or {}
    values["event_id"], values["event_name"] = event.get("id", ""), event.get("name", "")
    return records.from_form(values, values.get("currency") or area.ctx.settings.home_currency)


def new_promotion(area, board, start: date | None = None, template: dict | None = None) -> None:
    draft = dict(template or {})
    if start is not None and not template:
        draft.update(start=start.isoformat(), end=start.isoformat())
    title = _("Duplicate promotion") if template else _("New promotion")
    currency = draft.get("currency") or area.ctx.settings.home_currency
    by = area.ctx.user

    def done(values: dict | None) -> None:
        if values is None:
            return
        record = _form_values(area, {**values, "currency": currency})
        area.save(lambda store: records.create(store, record, by), lambda made: _("Planned “{name}”")
                                                                                    .format(name=made['name']), SAVED)

    area.app.push_screen(promotion_form(draft or None, board.products, board.events, area.ctx.settings, title), done)


def edit(area, board, promo: dict) -> None:
    promo_id, rev, by = promo["id"], promo.get("_rev"), area.ctx.user
    currency = promo.get("currency") or area.ctx.settings.home_currency

    def done(values: dict | None) -> None:
        if values is None:
            return
        changes = _form_values(area, {**values, "currency": currency})
        area.save(lambda store: records.update(store, promo_id, changes, by, expect_rev=rev),
                  lambda saved: _("Saved “{name}”").format(name=saved['name']), SAVED)

    area.app.push_screen(promotion_form(promo, board.products, board.events, area.ctx.settings), done)


def cancel(area, promo: dict) -> None:
    if promo.get("status") in ("ended", "cancelled"):
        area.notify(_("“{name}” is {status} already.").format(name=promo.get('name'), status=promo.get('status')), severity="warning")
        return
    promo_id, rev, by = promo["id"], promo.get("_rev"), area.ctx.user
    warning = ""
    if promo.get("status") in ("approved", "running"):
        warning = " " + _("Amazon only lets you cancel a deal for free until 25 hours before it starts.")
    form = FormScreen(_("Cancel “{name}”?").format(name=promo.get('name', '')), [
        Field("reason", _("Why"), lambda t: t.strip()[:200], placeholder=_("stock too low"),
              help=_("kept in its notes and history (optional)") + warning),
    ], submit_label=_("Cancel the promotion"))

    def done(values: dict | None) -> None:
        if values is not None:
            area.save(lambda store: records.cancel(store, promo_id, by, values["reason"], expect_rev=rev),
                      lambda saved: _("Cancelled “{name}”").format(name=saved['name']), SAVED)

    area.app.push_screen(form, done)


def advance(area, promo: dict) -> None:
    status = promo.get("status")
    if status not in records.NEXT:
        area.notify(_("“{name}” is {status}: it does not move on.").format(name=promo.get('name'), status=status), severity="warning")
        return
    promo_id, rev, by = promo["id"], promo.get("_rev"), area.ctx.user

    def done(yes: bool | None) -> None:
        if yes:
            area.save(lambda store: records.advance(store, promo_id, by, expect_rev=rev),
                      lambda saved: _("“{name}” is now {status}").format(name=saved['name'], status=saved['status']), SAVED)

    area.app.push_screen(ConfirmScreen(_("Move “{name}” from {status} to {status2}?").format(name=promo.get('name', ''), status=status, status2=records.NEXT[status])),
                         done)


def working(area, board, promo: dict) -> None:
    def done(action: str | None) -> None:
        if action:
            run(area, board, action, promo)

    area.app.push_screen(PromotionScreen(board, promo), done)


def run(area, board, action: str, promo: dict) -> None:
    if action == "edit":
        edit(area, board, promo)
    elif action == "duplicate":
        new_promotion(area, board, template=records.duplicate(promo, clock.today()))
    elif action == "cancel":
        cancel(area, promo)
    elif action == "advance":
        advance(area, promo)
    elif action == "working":
        working(area, board, promo)

