"""The Team tab."""

from __future__ import annotations

from sellertui.core.i18n import N_
from sellertui.ui.tabs.team.activity import ActivityView
from sellertui.ui.tabs.team.board import BoardView
from sellertui.ui.tabs.team.notices import NoticesView
from sellertui.ui.tabs.team.performance import PerformanceView
from sellertui.ui.tabs.team.tasks import EveryoneView, MineView, OverdueView
from sellertui.ui.kit.views import ViewArea, view_bindings


class TeamArea(ViewArea):
    TITLE = N_("Team")
    KEY = "7"
    WATCHES = frozenset({"tasks", "activity", "notices", "messages"})
    VIEWS = (MineView, EveryoneView, BoardView, OverdueView, ActivityView, NoticesView, PerformanceView)
    FIT_BAR = True  # seven views: at 80 columns only the shown one keeps its whole name
    BINDINGS = view_bindings(VIEWS)
