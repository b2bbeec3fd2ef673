"""Team notices: post one for everyone (``n``), mark one read (``a``), see who has read yours (``enter``),
withdraw yours (``d``). An unread notice is on each member's Today until they read it."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

from sellertui.core.i18n import N_, _, shown
from sellertui.domain import fields
from sellertui.domain.team import notices as rules
from sellertui.ui.kit.dialogs import ConfirmScreen, InfoScreen
from sellertui.ui.kit.forms import Field, FormScreen
from sellertui.ui.kit.table import Column
from sellertui.ui.kit.table_view import TableView

COLUMNS = [
    Column("posted", N_("Posted"), 16),
    Column("author", N_("From"), 10),
    Column("mine", N_("You"), 6, fmt=shown, style=lambda v: "bold yellow" if v == "unread" else "dim"),
    Column("title", N_("Notice"), 36),
    Column("reads", N_("Read"), 6, "right"),
]


def notices_frame(found: list[dict], user: str, members: list[str]):
    import pandas as pd

    def state(n: dict) -> str:
        if n.get("withdrawn_at"):
            return "gone"
        return N_("read") if user in (n.get("read_by") or {}) else N_("unread")

    everyone = lambda n: len(set(members) | set(n.get("read_by") or {}))  # noqa: E731
    return pd.DataFrame({
        "id": [n["id"] for n in found],
        "posted": [(n.get("posted_at") or "")[:16].replace("T", " ") for n in found],
        "author": [n.get("author") or "" for n in found],
        "mine": [state(n) for n in found],
        "title": [n["title"] + (" " + _("(withdrawn)") if n.get("withdrawn_at") else "") for n in found],
        "reads": [f"{len(n.get('read_by') or {})}/{everyone(n)}" for n in found],
        "haystack": [f"{n['title']} {n.get('body', '')} {n.get('author', '')}".lower() for n in found],
    })


class NoticesView(TableView):
    TITLE = N_("Notices")
    KEY = "N"
    COLUMNS = COLUMNS
    EMPTY = N_("No notices yet: n posts one for everyone (it stays on each member's Today "
               "until they read it).")
    FILTER_HELP = N_("words (title, text, author)")
    BINDINGS = [
        Binding("n", "post", N_("New notice"), id="team.notice_new"),
        Binding("a", "acknowledge", N_("Mark read"), id="team.notice_read"),
        Binding("d", "withdraw", N_("Withdraw"), id="team.notice_withdraw"),
    ]

    def __init__(self, ctx, **kwargs) -> None:
        super().__init__(ctx, **kwargs)
        self.notices: dict[str, dict] = {}
        self.members: list[str] = []

    def load(self):
        store = self.shop.store
        found, members = rules.notices(store), rules.team(store)
        return notices_frame(found, self.ctx.user, members), found, members

    def show_loaded(self, loaded) -> None:
        frame, found, self.members = loaded
        self.notices = {n["id"]: n for n in found}
        current = self.current_value("id")
        super().show_loaded(frame)
        if current is not None:
            self.select_row("id", current)

    def show_summary(self, frame) -> None:
        unread = int((frame["mine"] == "unread").sum())
        line = Text(_("{n} notices").format(n=len(frame)), style="bold")
        if unread:
            line.append(_(" · {unread} unread by you (a marks read)").format(unread=unread), style="bold yellow")
        self.summary(line)

    def filter(self, frame, text: str):
        from sellertui.domain.query import words_positions

        return words_positions(frame, text)

    def chosen(self) -> dict | None:
        notice_id = self.current_value("id")
        return None if notice_id is None else self.notices.get(str(notice_id))

    def action_post(self) -> None:
        form = FormScreen(_("Notice for everyone"), [
            Field("title", _("Title"), lambda t: fields.text(t, required=True, max_length=120),
                  placeholder=_("e.g. Warehouse closed Friday")),
            Field("body", _("Text"), lambda t: fields.text(t, max_length=4000), kind="multiline"),
        ], submit_label=_("Post"))
        user = self.ctx.user

        def done(values: dict | None) -> None:
            if values:
                self.save(lambda store: rules.post(store, user, values["title"], values["body"]),
                          _("Posted: it is on everyone's Today until they read it"), {"notices"})

        self.app.push_screen(form, done)

    def action_acknowledge(self) -> None:
        notice = self.chosen()
        if notice is not None:
            self.save(lambda store: rules.acknowledge(store, notice["id"], self.ctx.user), _("Marked read"),
                      {"notices"})

    def action_open(self) -> None:
        notice = self.chosen()
        if notice is None:
            return
        rows = [(_("From"), notice.get("author", "")), (_("Posted"), notice.get("posted_at", "")[:16].replace("T", " "))]
        paragraphs = [notice.get("body") or _("(no text)")]
        if notice.get("author") == self.ctx.user:
            read, waiting = rules.readers(notice, self.members)
            rows += [(_("Read by"), ", ".join(f"{who} {when[5:16].replace('T', ' ')}" for who, when in read) or "—"),
                     (_("Not yet"), ", ".join(waiting) or _("everyone has read it"))]
        if notice.get("withdrawn_at"):
            rows.append((_("Withdrawn"), notice["withdrawn_at"][:16].replace("T", " ")))
        self.app.push_screen(InfoScreen(notice["title"], rows, paragraphs))
        if self.ctx.user not in (notice.get("read_by") or {}) and not notice.get("withdrawn_at"):
            self.action_acknowledge()  # opening it is reading it

    def action_withdraw(self) -> None:
        notice = self.chosen()
        if notice is None or notice.get("withdrawn_at"):
            return
        if notice.get("author") != self.ctx.user:
            self.notify(_("Only {author} can withdraw this notice.").format(author=notice.get('author')), severity="warning", markup=False)
            return

        def done(yes: bool | None) -> None:
            if yes:
                self.save(lambda store: rules.withdraw(store, notice, self.ctx.user), _("Withdrawn"), {"notices"})

        self.app.push_screen(ConfirmScreen(_("Withdraw “{title}” from everyone's Today?")
                                               .format(title=notice['title'])), done)
