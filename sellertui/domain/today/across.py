"""One Today across the user's shops: each shop's checklist, merged section by section, items labelled.

The shop that is open keeps its items as they are (they can be ticked and opened
here); another shop's items carry its name and a key of their own (``shop/key``),
most urgent first within each section. A shop that cannot be read right now (its
database is away) shows as one item saying so, not as a failed Today.
"""

from __future__ import annotations

from datetime import datetime
from typing import Callable

from sellertui import clock
from sellertui.core.errors import UserError
from sellertui.domain.shop import Shop
from sellertui.domain.today.model import SHOWN, Item, Section
from sellertui.domain.today.sections import checklist
from sellertui.store.errors import StoreError

UNREADABLE = "Shops that cannot be read now"


def across(current: Shop, others: list[tuple[str, Callable[[], Shop]]], user: str, now: datetime | None = None,
           which: str = "all") -> list[Section]:
    """The open shop's sections with every other shop's items merged in, in the checklist's order."""
    now = now or clock.now()
    by_name: dict[str, Section] = {s.name: s for s in checklist(current, user, now, which)}
    for name, open_shop in others:
        try:
            theirs = checklist(open_shop(), user, now, which)
        except (StoreError, UserError, OSError) as exc:
            theirs = [Section(UNREADABLE, "today", [Item(key=f"{name}/unreadable", title=f"{name}: {exc}",
                                                        late=True)], order=-1)]
        for section in theirs:
            for item in section.items:
                item.shop, item.key = name, f"{name}/{item.key}"
            mine = by_name.setdefault(section.name, Section(section.name, section.area, order=section.order))
            capped = mine.total is not None or section.total is not None  # routine items are never capped
            hidden = (mine.total or len(mine.items)) - len(mine.items) + \
                (section.total or len(section.items)) - len(section.items)
            mine.items = sorted(mine.items + section.items, key=lambda i: i.urgency)
            if capped:
                mine.total = len(mine.items) + hidden
                mine.items = mine.items[:SHOWN]
    return sorted(by_name.values(), key=lambda s: s.order)
