"""Team notices: post one for everyone (``n``), mark one read (``a``), see who has read yours (``enter``),
withdraw yours (``d``). An unread notice is on each member's Today until they read it."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

from sellertui.domain import fields
from sellertui.domain.team import notices as rules
from sellertui.ui.kit.dialogs import ConfirmScreen, InfoScreen
from sellertui.ui.kit.forms import Field, FormScreen
from sellertui.ui.kit.table import Column
from sellertui.ui.kit.table_view import TableView

COLUMNS = [
    Column("posted", "Posted", 16),
    Column("author", "From", 10),
    Column("mine", "You", 6, style=lambda v: "bold yellow" if v == "unread" else "dim"),
    Column("title", "Notice", 36),
    Column("reads", "Read", 6, "right"),
]


def notices_frame(found: list[dict], user: str, members: list[str]):
    import pandas as pd

    def state(n: dict) -> str:
        if n.get("withdrawn_at"):
            return "gone"
        return "read" if user in (n.get("read_by") or {}) else "unread"

    everyone = lambda n: len(set(members) | set(n.get("read_by") or {}))  # noqa: E731
    return pd.DataFrame({
        "id": [n["id"] for n in found],
        "posted": [(n.get("posted_at") or "")[:16].replace("T", " ") for n in found],
        "author": [n.get("author") or "" for n in found],
        "mine": [state(n) for n in found],
        "title": [n["title"] + (" (withdrawn)" if n.get("withdrawn_at") else "") for n in found],
        "reads": [f"{len(n.get('read_by') or {})}/{everyone(n)}" for n in found],
        "haystack": [f"{n['title']} {n.get('body', '')} {n.get('author', '')}".lower() for n in found],
    })


class NoticesView(TableView):
    TITLE = "Notices"
    KEY = "N"
    COLUMNS = COLUMNS
    EMPTY = "No notices yet: n posts one for everyone (it stays on each member's Today until they read it)."
    FILTER_HELP = "words (title, text, author)"
    BINDINGS = [
        Binding("n", "post", "New notice", id="team.notice_new"),
        Binding("a", "acknowledge", "Mark read", id="team.notice_read"),
        Binding("d", "withdraw", "Withdraw", id="team.notice_withdraw"),
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
        line = Text(f"{len(frame)} notices", style="bold")
        if unread:
            line.append(f" · {unread} unread by you (a marks read)", style="bold yellow")
        self.summary(line)

    def filter(self, frame, text: str):
        from sellertui.domain.query import words_positions

        return words_positions(frame, text)

    def chosen(self) -> dict | None:
        notice_id = self.current_value("id")
        return None if notice_id is None else self.notices.get(str(notice_id))

    def action_post(self) -> None:
        form = FormScreen("Notice for everyone", [
            Field("title", "Title", lambda t: fields.text(t, required=True, max_length=120),
                  placeholder="e.g. Warehouse closed Friday"),
            Field("body", "Text", lambda t: fields.text(t, max_length=4000), kind="multiline"),
        ], submit_label="Post")
        user = self.ctx.user

        def done(values: dict | None) -> None:
            if values:
                self.save(lambda store: rules.post(store, user, values["title"], values["body"]),
                          "Posted: it is on everyone's Today until they read it", {"notices"})

        self.app.push_screen(form, done)

    def action_acknowledge(self) -> None:
        notice = self.chosen()
        if notice is not None:
            self.save(lambda store: rules.acknowledge(store, notice["id"], self.ctx.user), "Marked read",
                      {"notices"})

    def action_open(self) -> None:
        notice = self.chosen()
        if notice is None:
            return
        rows = [("From", notice.get("author", "")), ("Posted", notice.get("posted_at", "")[:16].replace("T", " "))]
        paragraphs = [notice.get("body") or "(no text)"]
        if notice.get("author") == self.ctx.user:
            read, waiting = rules.readers(notice, self.members)
            rows += [("Read by", ", ".join(f"{who} {when[5:16].replace('T', ' ')}" for who, when in read) or "—"),
                     ("Not yet", ", ".join(waiting) or "everyone has read it")]
        if notice.get("withdrawn_at"):
            rows.append(("Withdrawn", notice["withdrawn_at"][:16].replace("T", " ")))
        self.app.push_screen(InfoScreen(notice["title"], rows, paragraphs))
        if self.ctx.user not in (notice.get("read_by") or {}) and not notice.get("withdrawn_at"):
            self.action_acknowledge()  # opening it is reading it

    def action_withdraw(self) -> None:
        notice = self.chosen()
        if notice is None or notice.get("withdrawn_at"):
            return
        if notice.get("author") != self.ctx.user:
            self.notify(f"Only {notice.get('author')} can withdraw this notice.", severity="warning", markup=False)
            return

        def done(yes: bool | None) -> None:
            if yes:
                self.save(lambda store: rules.withdraw(store, notice, self.ctx.user), "Withdrawn", {"notices"})

        self.app.push_screen(ConfirmScreen(f"Withdraw “{notice['title']}” from everyone's Today?"), done)
