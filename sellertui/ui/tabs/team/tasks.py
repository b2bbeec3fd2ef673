"""Task lists (mine, everyone's, overdue) and the board, with the actions they share."""

from __future__ import annotations

from typing import Callable

from rich.console import Group
from rich.text import Text
from textual.binding import Binding
from textual.message import Message

from sellertui.core.i18n import N_, _, ngettext, shown
from sellertui.domain.query import parse
from sellertui.domain.team import lists, tasks as rules
from sellertui.store import Conflict
from sellertui.ui.kit.messages import SaveRefused, Saved
from sellertui.ui.kit.safe import plain, text
from sellertui.ui.kit.saving import SAVE_GROUP
from sellertui.ui.kit.table import Column
from sellertui.ui.kit.table_view import TableView
from sellertui.ui.kit.workers import work
from sellertui.ui.tabs.team.forms import ConflictScreen, assign_form, comment_form, form_to_changes, task_form

STATUS_STYLE = {"todo": None, "doing": "bold cyan", "blocked": "bold red", "done": "dim"}
TASKS = frozenset({"tasks"})


def _due_style(value, row) -> str | None:
    return "bold red" if row("late") else "bold yellow" if value and value == row("today") else None


class TaskActions:
    """n new, e edit, a assign, c comment, > / < status: for every view that shows tasks.

    Writes go through ``ShopPart.save``. An edit runs in its own worker: when a
    teammate saved the task since the form opened, it posts ``EditConflicted``
    and the user chooses to keep theirs, edit again from theirs, or overwrite.
    """

    BINDINGS = [
        Binding("n", "new_task", N_("New"), id="team.new"),
        Binding("e", "edit_task", N_("Edit"), id="team.edit"),
        Binding("a", "assign", N_("Assign"), id="team.assign"),
        Binding("c", "comment", N_("Comment"), id="team.comment"),
        Binding("greater_than_sign", "status(1)", N_("Status →"), id="team.forward"),
        Binding("less_than_sign", "status(-1)", N_("← Status"), id="team.back"),
    ]

    class MembersFound(Message, bubble=False):
        """The team's members were read (for an owner choice); ``then(members)`` opens the form."""

        def __init__(self, members: list[str], then: Callable[[list[str]], None]) -> None:
            self.members = members
            self.then = then
            super().__init__()

    class EditConflicted(Message, bubble=False):
        """A teammate saved the task after the form opened: the edit (``values``) was not saved."""

        def __init__(self, task: dict, values: dict, conflict: Conflict) -> None:
            self.task = task
            self.values = values
            self.conflict = conflict
            super().__init__()

    def current_task(self) -> dict | None:
        raise TypeError("views with task actions say which task is current")

    # -- the owner choices the forms offer --------------------------------------------------
    @work(thread=True, group="team-members", exit_on_error=False)
    def _members_then(self, then) -> None:
        self.post_message(self.MembersFound(rules.team_members(self.shop.store, self.ctx.user), then))

    def on_task_actions_members_found(self, message: MembersFound) -> None:
        message.then(message.members)

    # -- new, edit --------------------------------------------------------------------------
    def action_new_task(self) -> None:
        self._members_then(lambda members: self.app.push_screen(
            task_form(None, members, self.ctx.user), lambda v: v and self._save_new(v)))

    def _save_new(self, values: dict) -> None:
        changes = form_to_changes(values)
        title, owner, due = changes.pop("title"), changes.pop("owner"), changes.pop("due")
        self.save(lambda store: rules.add_task(store, title, owner=owner, due=due, **changes),
                  lambda task: _("Task {id} added.").format(id=task['id']), TASKS)

    def action_edit_task(self, task: dict | None = None) -> None:
        task = task or self.current_task()
        if task:
            self._members_then(lambda members: self.app.push_screen(
                task_form(task, members, self.ctx.user), lambda v: v and self._save_edit(task, v)))

    @work(thread=True, group=SAVE_GROUP, exit_on_error=False)
    def _save_edit(self, task: dict, values: dict, overwrite: bool = False) -> None:
        # overwrite: the user chose their version over a teammate's, so no revision is expected
        expect_rev = None if overwrite else task["_rev"]
        try:
            saved = rules.edit_task(self.shop.store, task["id"], form_to_changes(values), expect_rev=expect_rev)
        except Conflict as conflict:
            self.post_message(self.EditConflicted(task, values, conflict))
            return
        self.post_message(Saved(_("Task {id} saved.").format(id=task["id"]), TASKS, saved))

    def on_task_actions_edit_conflicted(self, message: EditConflicted) -> None:
        task, values, conflict = message.task, message.values, message.conflict
        theirs = conflict.current or {}
        differs = [f"{k}: {theirs.get(k)!s}" for k in ("title", "owner", "status", "due", "priority")
                   if theirs.get(k) != task.get(k)]

        def choice(answer: str | None) -> None:
            if answer == "mine":
                self._save_edit(task, values, overwrite=True)
            elif answer == "again" and conflict.current:
                self.action_edit_task(dict(conflict.current))
            else:
                self.app.broadcast_change(TASKS, external=False)

        self.app.push_screen(ConflictScreen(str(conflict), differs), choice)

    # -- assign, comment, status ---------------------------------------------------------------
    def action_assign(self) -> None:
        task = self.current_task()
        if task:
            self._members_then(lambda members: self.app.push_screen(
                assign_form(task, members), lambda v: v is not None and self.save(
                    lambda store: rules.assign(store, task["id"], v["owner"], expect_rev=task["_rev"]),
                    _("Task {id} assigned to {owner}.").format(id=task['id'], owner=v['owner'] or 'nobody'), TASKS)))

    def action_comment(self) -> None:
        task = self.current_task()
        if task:
            self.app.push_screen(comment_form(task["title"]), lambda v: v and self.save(
                lambda store: rules.add_comment(store, task["id"], v["text"]), _("Comment added."), TASKS))

    def action_status(self, step: int) -> None:
        task = self.current_task()
        if task:
            self.save(lambda store: rules.move_status(store, task["id"], step, expect_rev=task["_rev"]),
                      _("Task {id} moved.").format(id=task['id']), TASKS)

    def on_save_refused(self, message: SaveRefused) -> None:
        if isinstance(message.error, Conflict):  # a teammate's save won: show their version
            self.app.broadcast_change(TASKS, external=False)


class TaskListView(TaskActions, TableView):
    """Tasks in a table; subclasses pick which."""

    TODAY_KEY = "task:{id}"
    TODAY_DONE = frozenset({"tasks"})
    EMPTY = N_("No tasks here: n adds one.")
    FILTER_HELP = N_("words, or owner: status: role: due:YYYY-MM-DD")
    DETAIL_WIDTH = 40
    DETAIL_FROM = 110  # the side panel fits beside from this width on
    COLUMNS = [
        Column("id", "#", 4, "right", sort_key="rank"),
        Column("status", N_("Status"), 7, fmt=shown, style=lambda v: STATUS_STYLE.get(v)),
        Column("due", N_("Due"), 10, style=_due_style, needs=("late", "today")),
        Column("priority", N_("Prio"), 6, fmt=shown, style=lambda v: "bold" if v == "high" else "dim" if v == "low" else None),
        Column("owner", N_("Owner"), 10),
        Column("role", N_("Role"), 11, fmt=shown),
        Column("talk", "💬", 2, "right", fmt=lambda v: str(v) if v else ""),
        Column("title", N_("Task"), 50),
    ]
    BINDINGS = TaskActions.BINDINGS
    SORT = ("rank", False)  # every on_mount of the class tree runs: a subclass says its order here
    GROUP: tuple | None = None  # (column, heading(value, count), sort key): headings between groups

    def on_mount(self) -> None:
        self.table.sort_by = self.SORT
        self.table.group_by = self.GROUP

    def read(self, store):
        """The view's tasks as a frame (a domain list, in the worker)."""
        return lists.everyones_tasks(store)

    def load(self):
        return self.read(self.shop.store)

    def show_summary(self, frame) -> None:
        late = int(frame["late"].sum()) if len(frame) else 0
        line = Text()
        line.append(_("{n} tasks").format(n=len(frame)), style="bold")
        if late:
            line.append(_(" · {late} overdue").format(late=late), style="bold red")
        line.append(_(" · / filter · enter opens"))
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

    def current_task(self) -> dict | None:
        position = self.table.current_position
        return None if position is None else self.table.row(position)

    def detail(self, position: int):
        return task_detail(self.table.row(position))

    def action_open(self) -> None:
        task = self.current_task()
        if task:
            from sellertui.ui.kit.dialogs import DetailScreen

            self.app.push_screen(DetailScreen(_("Task {id}").format(id=task['id']), task_detail(task)))


def task_detail(task: dict) -> Group:
    head = Text()
    head.append(f"#{task['id']} ", style="dim")
    head.append(plain(task["title"]), style="bold")
    facts = _("{status} · {priority} · owner {owner}{role} · due {due}").format(
        status=shown(task.get("status")), priority=shown(task.get("priority")), owner=task.get("owner") or _("nobody"),
        role=" · " + shown(task["role"]) if task.get("role") else "", due=task.get("due") or "—")
    parts: list = [head, text(facts, "dim")]
    if task.get("description"):
        parts += [Text(""), text(task["description"])]
    links = task.get("links") or {}
    if links:
        parts.append(text(_("links: {links}").format(links=", ".join(f"{k} {v}" for k, v in links.items())), "italic"))
    comments = task.get("comments") or []
    if comments:
        parts.append(Text(_("\nThread ({n})").format(n=len(comments)), style="bold underline"))
        for c in comments:
            who = Text()
            who.append(plain(c.get("by", "")), style="bold")
            who.append(f"  {str(c.get('at', ''))[:16].replace('T', ' ')}", style="dim")
            parts += [who, text(c.get("text", ""))]
    parts.append(text("\n" + _("last saved by {who} at {when}").format(
        who=task.get("_by"), when=str(task.get("_at", ""))[:16].replace("T", " ")), "dim"))
    return Group(*parts)


class MineView(TaskListView):
    TITLE = N_("Mine")
    KEY = "m"
    EMPTY = N_("Nothing on your plate: n adds a task.")

    def read(self, store):
        return lists.my_tasks(store, self.ctx.user)


def _owner_heading(owner, count: int) -> str:
    return "▾ " + ngettext("{owner} · {n} task", "{owner} · {n} tasks", count).format(owner=owner or _("nobody yet"),
                                                                                     n=count)


class EveryoneView(TaskListView):
    TITLE = N_("By owner")
    KEY = "w"
    SORT = ("owner_rank", False)
    GROUP = ("owner", _owner_heading, "owner_rank")  # a heading per owner (o sorting by a column: flat again)

    def read(self, store):
        return lists.tasks_by_owner(store)


class OverdueView(TaskListView):
    TITLE = N_("Overdue")
    KEY = "u"
    EMPTY = N_("Nothing overdue.")

    def read(self, store):
        return lists.overdue_tasks(store)
