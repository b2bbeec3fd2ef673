"""Who changed what, when: every write to the store leaves one entry (the team's one shared board of what happened)."""

from __future__ import annotations

from rich.text import Text

from sellertui.core.i18n import N_, _, ngettext
from sellertui import clock
from sellertui.domain.query import parse
from sellertui.domain.team.activity import activity_frame
from sellertui.ui.kit.table import Column
from sellertui.ui.kit.table_view import TableView

DAYS = 30


class ActivityView(TableView):
    TITLE = N_("Activity")
    KEY = "v"
    ROW_KEY = "at"
    EMPTY = N_("No changes in the last 30 days.")
    FILTER_HELP = N_("words, or user: what:")
    COLUMNS = [
        Column("when", N_("When"), 16, sort_key="at"),
        Column("user", N_("Who"), 10),
        Column("note", N_("What"), 54),
        Column("what", N_("Records"), 40),
    ]

    def on_mount(self) -> None:
        self.table.sort_by = ("at", True)

    def load(self):
        return activity_frame(self.shop.store, clock.today(), DAYS, clock.now().tzinfo)

    def show_summary(self, frame) -> None:
        people = frame["user"].nunique() if len(frame) else 0
        changes = ngettext("{n} change", "{n} changes", len(frame)).format(n=f"{len(frame):,}")
        by = ngettext("{n} person", "{n} people", people).format(n=people)
        self.summary(Text(_("{changes} by {by} in the last {DAYS} days").format(changes=changes, by=by, DAYS=DAYS) if len(frame) else
                          _("No changes in the last {DAYS} days").format(DAYS=DAYS)))

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
        self.app.push_screen(InfoScreen(_("Change"), [("when", value("when")), ("who", value("user")),
                                                   ("what", value("note")), ("records", value("what")),
                                                   ("ids (first 20)", value("ids"))]))
