"""A modal form that validates as you type and saves nothing until everything is valid.

Fields parse their text with a function that raises ``FieldError`` (see
``sellertui.domain.fields``); a form-wide ``check`` sees the parsed values for
rules across fields (an end before a start). ``esc`` leaves without a trace.

Keyboard first: the form opens with the keyboard in the field to fill first
(the first one, or the one the form names when the others have good
defaults), so typing is never lost. Enter in a one-line field moves on to the
next field and submits from the last one; a multi-line field keeps enter for
new lines; ``ctrl+s`` submits from anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field as dc_field
from typing import Any, Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from sellertui.domain.fields import FieldError
from sellertui.ui.kit.dialogs import modal_box
from sellertui.ui.kit.safe import content, plain
from sellertui.core.i18n import N_, _


@dataclass
class Field:
    name: str
    label: str
    parse: Callable[[str], Any] = lambda text: text.strip()
    value: str = ""  # the text shown at first
    kind: str = "input"  # input, multiline, choice
    choices: list[tuple[str, Any]] = dc_field(default_factory=list)  # (label, value) for kind="choice"
    placeholder: str = ""
    help: str = ""
    secret: bool = False  # typed text is not shown (a password, an API secret)


Check = Callable[[dict[str, Any]], dict[str, str]]


def first_to_fill(fields: list[Field]) -> str | None:
    """The field the keyboard starts in: an edit (every field reads already) starts at the first; a new
    record at the first field still empty (the ones before it have defaults: an expense's date)."""
    if not fields:
        return None

    def reads(f: Field) -> bool:
        if f.kind == "choice":
            return f.value != ""
        try:
            f.parse(f.value)
        except Exception:  # noqa: BLE001 - only a guess where to start: any refusal means "still to fill"
            return False
        return True

    if all(reads(f) for f in fields):
        return fields[0].name
    return next((f.name for f in fields if not f.value.strip()), fields[0].name)


class FormScreen(ModalScreen[dict | None]):
    DEFAULT_CSS = modal_box("FormScreen", 76, "100%") + """
    FormScreen VerticalScroll { height: auto; max-height: 1fr; }
    FormScreen .field { height: auto; margin-top: 1; }
    FormScreen .field-label { width: 20; text-style: bold; }
    FormScreen .field > Input, FormScreen .field > Select, FormScreen .field > TextArea { width: 1fr; }
    FormScreen .field-help { color: $text-muted; padding-left: 20; }
    FormScreen .field-error { color: $error; padding-left: 20; display: none; }
    FormScreen .field-error.shown { display: block; }
    FormScreen .form-error { color: $error; margin-top: 1; display: none; }
    FormScreen .form-error.shown { display: block; }
    FormScreen TextArea { height: 5; }
    FormScreen .buttons { height: auto; margin: 1 0 0 0; }
    FormScreen Button { margin-right: 1; }
    """
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="form.cancel"),
        Binding("ctrl+s", "submit", N_("Save"), id="form.submit", priority=True),
    ]

    def __init__(self, title: str, fields: list[Field], check: Check | None = None, submit_label: str = N_("Save"),
                 focus: str | None = None) -> None:
        super().__init__()
        if focus is not None and focus not in {f.name for f in fields}:
            raise ValueError(f"the form {title!r} has no field {focus!r} to focus")
        self.form_title = title
        self.fields = fields
        self.check = check
        self.submit_label = submit_label
        self.focus_field = focus or first_to_fill(fields)
        self.touched: set[str] = set()
        self.errors: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            # titles, labels and help may come marked only (N_): translated here, where they are shown
            box.border_title = plain(_(self.form_title))
            box.border_subtitle = _("ctrl+s save · esc cancel")
            # not focusable itself: the keyboard belongs in a field, never on the scroll area
            with VerticalScroll(can_focus=False):
                for f in self.fields:
                    with Horizontal(classes="field"):
                        yield Label(content(_(f.label)), classes="field-label")
                        if f.kind == "multiline":
                            yield TextArea(f.value, id=f"field-{f.name}", soft_wrap=True, show_line_numbers=False,
                                           compact=True)
                        elif f.kind == "choice":
                            yield Select([(plain(_(label)), value) for label, value in f.choices], id=f"field-{f.name}",
                                         value=f.value if f.value != "" else Select.NULL,
                                         allow_blank=f.value == "", compact=True)
                        else:
                            yield Input(f.value, placeholder=_(f.placeholder), id=f"field-{f.name}", compact=True,
                                        password=f.secret)
                    if f.help:
                        yield Static(content(_(f.help)), classes="field-help")
                    yield Static("", id=f"error-{f.name}", classes="field-error")
                yield Static("", id="form-error", classes="form-error")
            with Horizontal(classes="buttons"):
                yield Button(_(self.submit_label), id="submit", variant="primary", compact=True)
                yield Button(_("Cancel"), id="cancel", compact=True)

    def on_mount(self) -> None:
        if self.focus_field is not None:
            self.field_widget(self.focus_field).focus()

    def field_widget(self, name: str):
        return self.query_one(f"#field-{name}")

    # -- reading and validating -------------------------------------------------
    def raw(self, f: Field) -> str:
        widget = self.query_one(f"#field-{f.name}")
        if isinstance(widget, TextArea):
            return widget.text
        if isinstance(widget, Select):
            return "" if widget.value is Select.NULL else widget.value
        return widget.value

    def parse_field(self, f: Field) -> Any:
        raw = self.raw(f)
        if f.kind == "choice":
            if raw == "":
                raise FieldError(_("choose one"))
            return f.parse(raw) if f.parse is not Field.parse else raw
        return f.parse(raw)

    def validate(self, names: set[str] | None = None) -> dict[str, Any] | None:
        values: dict[str, Any] = {}
        self.errors = {}
        for f in self.fields:
            try:
                values[f.name] = self.parse_field(f)
            except FieldError as exc:
                self.errors[f.name] = str(exc)
        if not self.errors and self.check is not None:
            self.errors = self.check(values)
        for f in self.fields:
            shown = f.name in self.errors and (names is None or f.name in names)
            error = self.query_one(f"#error-{f.name}", Static)
            error.update(content(self.errors.get(f.name, "")) if shown else "")
            error.set_class(shown, "shown")
        form_error = self.query_one("#form-error", Static)
        general = self.errors.get("", "")
        form_error.update(content(general))
        form_error.set_class(bool(general) and names is None, "shown")
        return None if self.errors else values

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    def _changed(self, event) -> None:
        name = (event.control.id or "").removeprefix("field-")
        self.touched.add(name)
        self.validate(self.touched)

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        """Enter: on to the next field, or submit from the last one."""
        name = (event.input.id or "").removeprefix("field-")
        names = [f.name for f in self.fields]
        if name in names and names.index(name) < len(names) - 1:
            event.stop()
            self.field_widget(names[names.index(name) + 1]).focus()
            return
        self.action_submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "submit":
            self.action_submit()
        else:
            self.action_cancel()

    def action_submit(self) -> None:
        values = self.validate()
        if values is None:
            first = next((f for f in self.fields if f.name in self.errors), None)
            if first is not None:
                self.field_widget(first.name).focus()
            return
        self.dismiss(values)

    def action_cancel(self) -> None:
        self.dismiss(None)
