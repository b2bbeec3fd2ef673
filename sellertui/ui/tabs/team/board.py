"""The board: one column per status; ←/→ change column, > / < move the task."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Static

from sellertui.core.i18n import N_, _
from sellertui.domain.team import tasks as rules
from sellertui.domain.team.lists import everyones_tasks
from sellertui.ui.kit.safe import text
from sellertui.ui.kit.table import Column, FrameTable
from sellertui.ui.kit.views import View
from sellertui.ui.kit.workers import work
from sellertui.ui.tabs.team.tasks import TaskActions, task_detail


class BoardColumn(FrameTable):
    """A one-column task list; ←/→ go to the neighbouring column instead of scrolling."""

    HELP_TITLE = N_("Board")
    BINDINGS = [
        Binding("left", "neighbour(-1)", N_("Column left"), show=False, id="board.left"),
        Binding("right", "neighbour(1)", N_("Column right"), show=False, id="board.right"),
    ]

    class Neighbour(Message):
        def __init__(self, column: "BoardColumn", step: int) -> None:
            self.column = column
            self.step = step
            super().__init__()

    def action_neighbour(self, step: int) -> None:
        self.post_message(self.Neighbour(self, step))


def _card(title, row) -> str:
    # the title first: lanes are narrow at 80 columns (owner and due follow; overdue is red)
    due = (row("due") or "")[5:]
    return f"{title} · {row('owner') or _('nobody')}{' · ' + due if due else ''}"


class BoardView(TaskActions, View):
    TITLE = N_("Board")
    KEY = "b"
    DEFAULT_CSS = """
    BoardView > Horizontal { height: 1fr; }
    BoardView .lane { width: 1fr; border-right: tall $panel; }
    BoardView .lane-title { height: 1; background: $panel; text-style: bold; padding: 0 1; }
    BoardView BoardColumn { overflow-x: hidden; }
    """
    BINDINGS = TaskActions.BINDINGS  # enter on a card: the column's own Open (RowSelected, below)
    FOCUS_WIDGETS = (BoardColumn,)

    def compose(self) -> ComposeResult:
        with Horizontal():
            for status in rules.STATUSES:
                with Vertical(classes="lane"):
                    yield Static(_(status), classes="lane-title", id=f"lane-{status}")
                    yield BoardColumn([Column("title", "", 200, fmt=_card, needs=("due", "owner", "late"),
                                              style=lambda v, row: "bold red" if row("late") else None)],
                                      empty_text="—", show_header=False, id=f"column-{status}")

    def on_mount(self) -> None:
        for table in self.query(BoardColumn):
            table.sort_by = ("rank", False)

    def focus_main(self) -> None:
        self.query_one("#column-todo", BoardColumn).focus()

    def reload(self) -> None:
        self._load()

    class TasksRead(Message, bubble=False):
        """Every task was read (in a worker), as one frame: the board splits it by status."""

        def __init__(self, frame) -> None:
            self.frame = frame
            super().__init__()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _load(self) -> None:
        self.post_message(self.TasksRead(everyones_tasks(self.shop.store)))

    def on_board_view_tasks_read(self, message: TasksRead) -> None:
        frame = message.frame
        for status in rules.STATUSES:
            lane = frame[frame["status"] == status].reset_index(drop=True) if len(frame) else frame
            self.query_one(f"#column-{status}", BoardColumn).set_frame(lane)
            self.query_one(f"#lane-{status}", Static).update(text(f"{_(status)} ({len(lane)})"))
        self.done_loading()

    @on(BoardColumn.Neighbour)
    def _neighbour(self, event: BoardColumn.Neighbour) -> None:
        columns = list(self.query(BoardColumn))
        index = columns.index(event.column) + event.step
        if 0 <= index < len(columns):
            columns[index].focus()

    def _focused_column(self) -> BoardColumn | None:
        focused = self.app.focused
        return focused if isinstance(focused, BoardColumn) else None

    def current_task(self) -> dict | None:
        column = self._focused_column()
        if column is None or column.current_position is None:
            return None
        return column.row(column.current_position)

    @on(FrameTable.RowSelected)
    def _selected(self, event) -> None:
        self.action_open()

    def action_open(self) -> None:
        task = self.current_task()
        if task:
            from sellertui.ui.kit.dialogs import DetailScreen

            self.app.push_screen(DetailScreen(_("Task {id}").format(id=task['id']), task_detail(task)))
