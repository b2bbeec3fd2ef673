"""Task forms: new/edit, assign, comment; and the screen that reports a conflicting edit."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from sellertui.core.i18n import N_, _
from sellertui.domain import fields
from sellertui.domain.team.tasks import LINKS, PRIORITIES, ROLES, STATUSES, clean_title
from sellertui.ui.kit.forms import Field, FormScreen
from sellertui.ui.kit.safe import content, plain


def _title(text: str) -> str:
    try:
        return clean_title(text)
    except ValueError as exc:
        raise fields.FieldError(str(exc)) from None


def _due(text: str) -> str | None:
    return fields.day(text).isoformat() if text.strip() else None


def task_form(task: dict | None, members: list[str], me: str) -> FormScreen:
    task = task or {}
    links = task.get("links") or {}
    owners = [(m, m) for m in members] + [(_("nobody yet"), "")]
    return FormScreen(
        _("Task {id}").format(id=task['id']) if task.get("id") else _("New task"),
        [
            Field("title", _("Title"), _title, value=task.get("title", "")),
            Field("description", _("Description"), lambda t: fields.text(t, max_length=5000),
                  value=task.get("description", ""), kind="multiline"),
            Field("owner", _("Owner"), kind="choice", choices=owners, value=task.get("owner", me) or ""),
            Field("role", _("Role"), kind="choice", choices=[(_("none"), "")] + [(_(r), r) for r in ROLES],
                  value=task.get("role", "")),
            Field("due", _("Due"), _due, value=task.get("due") or "", help=_("2026-11-30, today, tomorrow, +3 — or empty")),
            Field("status", _("Status"), kind="choice", choices=[(_(s), s) for s in STATUSES], value=task.get("status", "todo")),
            Field("priority", _("Priority"), kind="choice", choices=[(_(p), p) for p in PRIORITIES],
                  value=task.get("priority", "normal")),
            *[Field(f"link_{name}", _("Link: {name}").format(name=name), lambda t: fields.text(t, max_length=120), value=links.get(name, ""))
              for name in LINKS],
        ],
    )


def form_to_changes(values: dict) -> dict:
    changes = {k: values[k] for k in ("title", "description", "owner", "role", "due", "status", "priority")}
    changes["links"] = {name: values[f"link_{name}"] for name in LINKS if values.get(f"link_{name}")}
    return changes


def assign_form(task: dict, members: list[str]) -> FormScreen:
    return FormScreen(_("Assign task {id} · {title}").format(id=task['id'], title=task.get('title', '')), [
        Field("owner", _("Owner"), kind="choice", choices=[(m, m) for m in members] + [(_("nobody yet"), "")],
              value=task.get("owner") or "", help=_("now: {owner}").format(owner=task.get("owner") or _("nobody")))])


def comment_form(title: str) -> FormScreen:
    return FormScreen(_("Comment · {title}").format(title=title), [Field("text", _("Comment"), lambda t: fields.text(t, required=True, max_length=5000),
                                                   kind="multiline", help=_("for the hand-over: what is done, what is next"))])


class ConflictScreen(ModalScreen[str]):
    """A teammate saved the task while you edited it: say so, and let the user choose."""

    DEFAULT_CSS = """
    ConflictScreen { align: center middle; }
    ConflictScreen > Vertical { width: 76; max-width: 100%; height: auto; border: thick $warning;
                                background: $surface; padding: 1 2; }
    ConflictScreen .lead { text-style: bold; color: $warning; }
    """
    BINDINGS = [
        Binding("k", "choose('theirs')", N_("Keep theirs"), id="conflict.theirs"),
        Binding("e", "choose('again')", N_("Edit again"), id="conflict.again"),
        Binding("o", "choose('mine')", N_("Overwrite with mine"), id="conflict.mine"),
        Binding("escape", "choose('theirs')", N_("Keep theirs"), show=False, id="conflict.cancel"),
    ]

    def __init__(self, message: str, theirs: list[str]) -> None:
        super().__init__()
        self.message = message
        self.theirs = theirs

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(_("Someone else saved this first"), classes="lead")
            yield Static(content(self.message))
            if self.theirs:
                yield Static(content(_("Their version: {changes}").format(changes="; ".join(self.theirs))))
            yield Static(plain(_("k keep theirs (drop my edit) · e edit again from theirs · o overwrite with mine")))

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)
