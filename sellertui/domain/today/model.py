"""What a checklist item and a section are."""

from __future__ import annotations

from dataclasses import dataclass, field

SHOWN = 12  # items listed per section; the rest are counted


@dataclass
class Item:
    key: str  # stable across reloads and days: "message:<id>", "task:<id>", ...
    title: str
    detail: str = ""
    urgency: float = 0.0  # smaller = more urgent (e.g. seconds left)
    area: str = ""  # the tab to jump to
    view: str = ""  # the view inside that tab
    column: str = ""  # which frame column identifies the row there
    value: str = ""  # ... and its value
    late: bool = False
    mine: bool = True
    ticked: bool = False
    snoozed: bool = False
    shop: str = ""  # another shop's name when Today spans several shops ("" for the one open)

    def as_dict(self) -> dict:
        found = {k: getattr(self, k) for k in ("key", "title", "detail", "area", "late", "ticked")}
        return {**found, "shop": self.shop} if self.shop else found


@dataclass
class Section:
    name: str
    area: str
    items: list[Item] = field(default_factory=list)
    total: int | None = None  # when only the most urgent items are listed
    order: int = 0  # position in the checklist

    @property
    def open(self) -> list[Item]:
        return [i for i in self.items if not i.ticked and not i.snoozed]

    def capped(self, shown: int = SHOWN) -> "Section":
        """Most urgent first, only the first ``shown`` listed (the rest counted in ``total``)."""
        self.items.sort(key=lambda i: i.urgency)
        self.total = len(self.items)
        self.items = self.items[:shown]
        return self
