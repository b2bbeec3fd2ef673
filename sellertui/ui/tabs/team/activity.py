"""Who changed what, when: every write to the store leaves one entry (the team's one shared board of what happened)."""

from __future__ import annotations

from rich.text import Text

from sellertui import clock
from sellertui.domain.query import parse
from sellertui.domain.team.activity import activity_frame
from sellertui.ui.kit.table import Column
from sellertui.ui.kit.table_view import TableView

DAYS = 30


class ActivityView(TableView):
    TITLE = "Activity"
    KEY = "v"
    ROW_KEY = "at"
    EMPTY = "No changes in the last 30 days."
    FILTER_HELP = "words, or user: what:"
    COLUMNS = [
        Column("when", "When", 16, sort_key="at"),
        Column("user", "Who", 10),
        Column("note", "What", 54),
        Column("what", "Records", 40),
    ]

    def on_mount(self) -> None:
        self.table.sort_by = ("at", True)

    def load(self):
        return activity_frame(self.shop.store, clock.today(), DAYS, clock.now().tzinfo)

    def show_summary(self, frame) -> None:
        people = frame["user"].nunique() if len(frame) else 0
        changes = f"{len(frame):,} change{'' if len(frame) == 1 else 's'}"
        by = f"{people} {'person' if people == 1 else 'people'}"
        self.summary(Text(f"{changes} by {by} in the last {DAYS} days" if len(frame) else
                          f"No changes in the last {DAYS} days"))

    def filter(self, frame, text_: str):
        import numpy as np

        query = parse(text_, {"user", "what"})
        if query.empty:
            return None
        mask = np.ones(len(frame), dtype=bool)
        hay = (frame["user"] + " " + frame["note"] + " " + frame["what"]).str.lower()
        for word in query.words:
            mask &= hay.str.contains(word, regex=False).to_numpy()
        if "user" in query.terms:
            mask &= frame["user"].str.lower().str.startswith(query.terms["user"].lower()).to_numpy()
        if "what" in query.terms:
            mask &= frame["what"].str.lower().str.contains(query.terms["what"].lower(), regex=False).to_numpy()
        return np.flatnonzero(mask)

    def action_open(self) -> None:
        position = self.table.current_position
        if position is None:
            return
        from sellertui.ui.kit.dialogs import InfoScreen

        value = lambda key: self.table.value(key, position)  # noqa: E731
        self.app.push_screen(InfoScreen("Change", [("when", value("when")), ("who", value("user")),
                                                   ("what", value("note")), ("records", value("what")),
                                                   ("ids (first 20)", value("ids"))]))
