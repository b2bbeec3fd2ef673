"""Task lists (mine, everyone's, overdue) and the board, with the actions they share."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual import work
from textual.binding import Binding

from sellertui import clock
from sellertui.domain.team import tasks as rules
from sellertui.domain.query import parse
from sellertui.store import Conflict
from sellertui.ui.kit.safe import plain, text
from sellertui.ui.kit.table import Column
from sellertui.ui.tabs.team.forms import ConflictScreen, assign_form, comment_form, form_to_changes, task_form
from sellertui.ui.kit.table_view import TableView

STATUS_STYLE = {"todo": None, "doing": "bold cyan", "blocked": "bold red", "done": "dim"}
FIELDS = ["id", "title", "owner", "role", "due", "status", "priority", "description", "links", "comments", "_rev", "_by", "_at"]


def task_frame(tasks: list[dict]):
    import pandas as pd

    frame = pd.DataFrame({f: [t.get(f) for t in tasks] for f in FIELDS})
    today = clock.today().isoformat()
    frame["late"] = [rules.is_overdue(t) for t in tasks]
    frame["rank"] = [f"{int(t.get('status') == 'done')}|{t.get('due') or '9999'}|{rules.PRIORITIES.index(t.get('priority', 'normal')) if t.get('priority') in rules.PRIORITIES else 1}|{int(t['id']):06d}" for t in tasks]
    frame["talk"] = [len(t.get("comments") or []) for t in tasks]
    frame["today"] = today
    return frame


def _due_style(value, row) -> str | None:
    return "bold red" if row("late") else "bold yellow" if value and value == row("today") else None


class TaskActions:
    """n new, e edit, a assign, c comment, > / < status: for every view that shows tasks."""

    BINDINGS = [
        Binding("n", "new_task", "New", id="team.new"),
        Binding("e", "edit_task", "Edit", id="team.edit"),
        Binding("a", "assign", "Assign", id="team.assign"),
        Binding("c", "comment", "Comment", id="team.comment"),
        Binding("greater_than_sign", "status(1)", "Status →", id="team.forward"),
        Binding("less_than_sign", "status(-1)", "← Status", id="team.back"),
    ]

    def current_task(self) -> dict | None:
        raise TypeError("views with task actions say which task is current")

    def action_new_task(self) -> None:
        self._members_then(lambda members: self.app.push_screen(
            task_form(None, members, self.ctx.user), lambda v: v and self._save_new(v)))

    @work(thread=True, group="team-members", exit_on_error=False)
    def _members_then(self, then) -> None:
        members = rules.team_members(self.ctx.store(), self.ctx.user)
        self.app.call_from_thread(then, members)

    @work(thread=True, group="team-write", exit_on_error=False)
    def _save_new(self, values: dict) -> None:
        changes = form_to_changes(values)
        task = rules.add_task(self.ctx.store(), changes.pop("title"), owner=changes.pop("owner"), due=changes.pop("due"),
                              **changes)
        self.app.call_from_thread(self._done, f"Task {task['id']} added.")

    def action_edit_task(self, task: dict | None = None) -> None:
        task = task or self.current_task()
        if task:
            self._members_then(lambda members: self.app.push_screen(
                task_form(task, members, self.ctx.user), lambda v: v and self._save_edit(task, v)))

    @work(thread=True, group="team-write", exit_on_error=False)
    def _save_edit(self, task: dict, values: dict, overwrite: bool = False) -> None:
        store = self.ctx.store()
        changes = form_to_changes(values)
        try:
            rev = store["tasks"].get(task["id"])["_rev"] if overwrite else task["_rev"]
            rules.edit_task(store, task["id"], changes, expect_rev=rev)
        except Conflict as conflict:
            self.app.call_from_thread(self._conflict, task, values, conflict)
            return
        self.app.call_from_thread(self._done, f"Task {task['id']} saved.")

    def _conflict(self, task: dict, values: dict, conflict: Conflict) -> None:
        theirs = conflict.current or {}
        differs = [f"{k}: {theirs.get(k)!s}" for k in ("title", "owner", "status", "due", "priority")
                   if theirs.get(k) != task.get(k)]

        def choice(answer: str | None) -> None:
            if answer == "mine":
                self._save_edit(task, values, overwrite=True)
            elif answer == "again" and conflict.current:
                self.action_edit_task(dict(conflict.current))
            else:
                self.app.broadcast_change(frozenset({"tasks"}), external=False)

        self.app.push_screen(ConflictScreen(str(conflict), differs), choice)

    def action_assign(self) -> None:
        task = self.current_task()
        if task:
            self._members_then(lambda members: self.app.push_screen(
                assign_form(members, task.get("owner") or ""), lambda v: v is not None and self._write(
                    lambda store: rules.assign(store, task["id"], v["owner"], expect_rev=task["_rev"]),
                    f"Task {task['id']} assigned to {v['owner'] or 'nobody'}.")))

    def action_comment(self) -> None:
        task = self.current_task()
        if task:
            self.app.push_screen(comment_form(task["title"]), lambda v: v and self._write(
                lambda store: rules.add_comment(store, task["id"], v["text"]), "Comment added."))

    def action_status(self, step: int) -> None:
        task = self.current_task()
        if task:
            self._write(lambda store: rules.move_status(store, task["id"], step, expect_rev=task["_rev"]),
                        f"Task {task['id']} moved.")

    @work(thread=True, group="team-write", exit_on_error=False)
    def _write(self, change, message: str) -> None:
        try:
            change(self.ctx.store())
        except Conflict as conflict:
            self.app.call_from_thread(self.notify, f"{conflict}. The list now shows their version.", severity="warning")
            self.app.call_from_thread(self.app.broadcast_change, frozenset({"tasks"}), False)
            return
        self.app.call_from_thread(self._done, message)

    def _done(self, message: str) -> None:
        self.notify(message, timeout=3)
        self.app.broadcast_change(frozenset({"tasks"}), external=False)


class TaskListView(TaskActions, TableView):
    """Tasks in a table; subclasses pick which."""

    EMPTY = "No tasks here: n adds one."
    FILTER_HELP = "words, or owner: status: role: due:YYYY-MM-DD"
    DETAIL_WIDTH = 40
    COLUMNS = [
        Column("id", "#", 4, "right", sort_key="rank"),
        Column("status", "Status", 7, style=lambda v: STATUS_STYLE.get(v)),
        Column("due", "Due", 10, style=_due_style, needs=("late", "today")),
        Column("priority", "Prio", 6, style=lambda v: "bold" if v == "high" else "dim" if v == "low" else None),
        Column("owner", "Owner", 10),
        Column("role", "Role", 11),
        Column("talk", "💬", 2, "right", fmt=lambda v: str(v) if v else ""),
        Column("title", "Task", 50),
    ]
    BINDINGS = TaskActions.BINDINGS

    def on_mount(self) -> None:
        self.table.sort_by = ("rank", False)

    def pick(self, tasks: list[dict]) -> list[dict]:
        return tasks

    def load(self):
        return task_frame(self.pick(self.ctx.store()["tasks"].all()))

    def show_summary(self, frame) -> None:
        late = int(frame["late"].sum()) if len(frame) else 0
        line = Text()
        line.append(f"{len(frame)} tasks", style="bold")
        if late:
            line.append(f" · {late} overdue", style="bold red")
        line.append(" · n new, e edit, a assign, c comment, > < status")
        self.summary(line)

    def filter(self, frame, text_: str):
        import numpy as np

        query = parse(text_, {"owner", "status", "role", "due"})
        if query.empty:
            return None
        mask = np.ones(len(frame), dtype=bool)
        hay = (frame["title"].fillna("") + " " + frame["description"].fillna("") + " " + frame["owner"].fillna("")).str.lower()
        for word in query.words:
            mask &= hay.str.contains(word, regex=False).to_numpy()
        for name, value in query.terms.items():
            mask &= frame[name].fillna("").str.lower().str.startswith(value.lower()).to_numpy()
        return np.flatnonzero(mask)

    def on_resize(self) -> None:
        self.query_one(".detail").display = self.app.size.width >= 110

    def current_task(self) -> dict | None:
        position = self.table.current_position
        return None if position is None else self.table.row(position)

    def detail(self, position: int):
        return task_detail(self.table.row(position))

    def action_open(self) -> None:
        task = self.current_task()
        if task:
            from sellertui.ui.kit.dialogs import DetailScreen

            self.app.push_screen(DetailScreen(f"Task {task['id']}", task_detail(task)))


def task_detail(task: dict) -> Group:
    head = Text()
    head.append(f"#{task['id']} ", style="dim")
    head.append(plain(task["title"]), style="bold")
    parts: list = [head, text(f"{task.get('status')} · {task.get('priority')} · owner {task.get('owner') or 'nobody'}"
                              f"{' · ' + task['role'] if task.get('role') else ''} · due {task.get('due') or '—'}", "dim")]
    if task.get("description"):
        parts += [Text(""), text(task["description"])]
    links = task.get("links") or {}
    if links:
        parts.append(text("links: " + ", ".join(f"{k} {v}" for k, v in links.items()), "italic"))
    comments = task.get("comments") or []
    if comments:
        parts.append(Text(f"\nThread ({len(comments)})", style="bold underline"))
        for c in comments:
            who = Text()
            who.append(plain(c.get("by", "")), style="bold")
            who.append(f"  {str(c.get('at', ''))[:16].replace('T', ' ')}", style="dim")
            parts += [who, text(c.get("text", ""))]
    parts.append(text(f"\nlast saved by {task.get('_by')} at {str(task.get('_at', ''))[:16].replace('T', ' ')}", "dim"))
    return Group(*parts)


class MineView(TaskListView):
    TITLE = "Mine"
    KEY = "m"
    EMPTY = "Nothing on your plate: n adds a task."

    def pick(self, tasks):
        return [t for t in tasks if t.get("owner") == self.ctx.user and t.get("status") != "done"]


class EveryoneView(TaskListView):
    TITLE = "By owner"
    KEY = "w"

    def on_mount(self) -> None:
        self.table.sort_by = ("owner_rank", False)

    def load(self):
        frame = super().load()
        frame["owner_rank"] = frame["owner"].fillna("").replace("", "~") + "|" + frame["rank"]
        return frame


class OverdueView(TaskListView):
    TITLE = "Overdue"
    KEY = "u"
    EMPTY = "Nothing overdue."

    def pick(self, tasks):
        return [t for t in tasks if rules.is_overdue(t)]
