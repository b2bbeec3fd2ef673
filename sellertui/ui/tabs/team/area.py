"""The Team tab."""

from __future__ import annotations

from sellertui.ui.tabs.team.activity import ActivityView
from sellertui.ui.tabs.team.board import BoardView
from sellertui.ui.tabs.team.notices import NoticesView
from sellertui.ui.tabs.team.tasks import EveryoneView, MineView, OverdueView
from sellertui.ui.kit.views import ViewArea, view_bindings


class TeamArea(ViewArea):
    TITLE = "Team"
    KEY = "7"
    WATCHES = frozenset({"tasks", "activity", "notices"})
    VIEWS = (MineView, EveryoneView, BoardView, OverdueView, ActivityView, NoticesView)
    BINDINGS = view_bindings(VIEWS)
