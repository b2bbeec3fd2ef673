"""The Today checklist's promotions section: deadlines within the warning window, and failed checks.

Registered in ``sellertui.domain.today.sections.PROVIDERS``. Items jump to the
promotion in the list view (or the event in the events view). pandas comes in
with the board, inside the call: the checklist module stays light to import.
"""

from __future__ import annotations

from datetime import date, datetime

from sellertui.core.i18n import N_, _
from sellertui.domain.today.model import Item, Section

SECTION = N_("Promotion deadlines and checks")  # translated where the section is made


def promotions_section(shop, now: datetime, user: str) -> Section:
    from sellertui.domain.promotions import board as board_mod
    from sellertui.domain.promotions import deadlines

    section = Section(_(SECTION), "promotions")
    board = board_mod.shop_board(shop, now=now, results=False)
    warn_days = board.settings.deadline_warn_days
    for promo in board.promotions:
        name = promo.get("name") or _("a promotion")
        start_in = (date.fromisoformat(promo["start"][:10]) - board.today).days
        for check in board.checks_of(promo):
            if check.level == "ok" or (check.level == "warn" and check.code != "deadline"):
                continue
            if check.code == "deadline":
                left = deadlines.days_left(check.due, now, promo.get("marketplace") or "US")
                detail = _("submit {when}").format(when=deadlines.describe(left)) if left >= 0 else _("deadline missed")
                urgency = left
            else:
                detail = _("{check} · starts {when}").format(check=check.code, when=deadlines.describe(start_in)) \
                    if start_in >= 0 else check.code
                urgency = start_in
            section.items.append(Item(
                key=f"promotion:{promo['id']}:{check.code}:{check.sku}", title=f"{name}: {check.summary}",
                detail=detail, urgency=urgency, area="promotions", view="promotionlistview", column="id",
                value=promo["id"], late=check.failed))
    for event in board.events:
        for field, what in (("deadline", _("deal deadline")), ("inventory_by", _("stock at FBA by"))):
            when = event.get(field)
            if not when:
                continue
            left = deadlines.days_left(date.fromisoformat(when[:10]), now, event.get("marketplace") or "US")
            if 0 <= left <= warn_days:
                section.items.append(Item(
                    key=f"event:{event['id']}:{field}", title=f"{event['name']}: {what} {when[:10]}",
                    detail=deadlines.describe(left), urgency=left + 0.5, area="promotions", view="eventsview",
                    column="id", value=event["id"]))
    return section.capped()
