"""The Team tab."""

from __future__ import annotations

from sellertui.ui.team.activity import ActivityView
from sellertui.ui.team.board import BoardView
from sellertui.ui.team.tasks import EveryoneView, MineView, OverdueView
from sellertui.ui.views import ViewArea, view_bindings


class TeamArea(ViewArea):
    TITLE = "Team"
    KEY = "7"
    WATCHES = frozenset({"tasks", "activity"})
    VIEWS = (MineView, EveryoneView, BoardView, OverdueView, ActivityView)
    BINDINGS = view_bindings(VIEWS)
