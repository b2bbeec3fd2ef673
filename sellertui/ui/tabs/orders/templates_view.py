"""Reply templates: each written for one state of the order (not shipped yet, shipped, delivered, refunded) or
any, with the variables it may use; ``n``/``e``/``d`` add, edit and delete. Messages' ``t`` fills them."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text

from sellertui.core.i18n import N_, _
from sellertui.domain import fields
from sellertui.domain.orders import templates
from sellertui.domain.query import words_positions
from sellertui.ui.kit.dialogs import fact_panel
from sellertui.ui.kit.forms import Field, FormScreen
from sellertui.ui.kit.records_view import RecordsView, record_bindings
from sellertui.ui.kit.safe import text
from sellertui.ui.kit.table import Column

VARIABLES = ", ".join("{" + name + "}" for name in templates.VARIABLES)


def _text(value: str) -> str:
    problem = templates.check_text(value)
    if problem:
        raise fields.FieldError(problem)
    return value


def template_form(record: dict | None) -> FormScreen:
    t = record or {}
    return FormScreen(_("New reply template") if record is None else _("Edit template · {name}")
                                                                      .format(name=t.get('name', '')), [
        Field("name", _("Name"), lambda v: fields.text(v, required=True, max_length=80), value=t.get("name", ""),
              placeholder=_("Where is my order?")),
        Field("when", _("For orders"), kind="choice", value=t.get("when") or "any",
              choices=[(_(label), key) for key, label in templates.STATES.items()],
              help=_("the reply form offers it first for orders in this state")),
        Field("text", _("Text"), _text, value=t.get("text", ""), kind="multiline", help=_("variables: {names}").format(names=VARIABLES)),
    ])


class TemplatesView(RecordsView):
    TITLE = N_("Templates")
    KEY = "T"
    NOUN = "template"
    CHANGES = frozenset({"reply_templates"})
    EMPTY = N_("No reply templates: n writes one.")
    FILTER_HELP = N_("words in the name or text")
    DETAIL_WIDTH = 44
    DETAIL_FROM = 110
    COLUMNS = [
        Column("name", N_("Template"), 24),
        Column("when_label", N_("For orders"), 15),
        Column("uses", N_("Variables"), 30),
        Column("preview", N_("Text"), 60),
    ]
    BINDINGS = [
        *record_bindings("orders", "template", "template"),
    ]

    def load(self):
        records = templates.all_templates(self.shop.store)
        return templates.templates_frame(records), records

    def show_loaded(self, loaded) -> None:
        self.show_records(*loaded)

    def show_summary(self, frame) -> None:
        line = Text(_("{n} templates").format(n=len(frame)), style="bold")
        if any(r.get("builtin") for r in self.records.values()):
            line.append(_(" · the built-in ones, until you change one"), style="dim")
        line.append(_(" · Messages' t fills the ones for the order's state first"))
        self.summary(line)

    def filter(self, frame, text_: str):
        return words_positions(frame, text_)

    def detail(self, position: int):
        record = self.records.get(str(self.table.value("id", position)))
        if record is None:
            return ""
        head = fact_panel(record.get("name", ""), [(_("For orders"), _(templates.STATES.get(record.get("when") or "any")))])
        return Group(head, text(record.get("text", "")), Text(""), text(_("variables: {names}").format(names=VARIABLES), "dim"))

    def action_open(self) -> None:
        self.action_edit()

    # -- RecordsView asks, saves in a worker and confirms ------------------------------------------
    def record_form(self, record: dict | None) -> FormScreen:
        return template_form(record)

    def create(self, store, values: dict) -> dict:
        return templates.save_template(store, None, values)

    def update(self, store, record: dict, values: dict) -> dict:
        return templates.save_template(store, record, values)

    def delete(self, store, record: dict) -> None:
        templates.delete_template(store, record)

    def saved_note(self, record: dict | None, values: dict, result: dict) -> str:
        done = _("Added the template “{name}”") if record is None else _("Saved the template “{name}”")
        return done.format(name=result["name"])

    def delete_question(self, record: dict) -> str:
        return _("Delete the template “{name}” ({state})?").format(
            name=record.get("name", ""), state=_(templates.STATES.get(record.get("when") or "any")))
