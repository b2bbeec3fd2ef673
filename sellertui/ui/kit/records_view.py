"""Stored records in a table, with new / edit / delete: the one way a tab edits a list of records.

A subclass names what it edits (``NOUN``) and what a change touches
(``CHANGES``), keeps the records it shows (``keep_records``, from its load)
and says, in domain calls, how to ``create``, ``update`` and ``delete`` one.
Forms ask; saving runs in a worker (``ShopPart.save``); deleting asks first. The
keys are the subclass's to bind (``n``/``e``/``d`` to ``new``/``edit``/``delete``),
so their ids stay the tab's own for the keymap.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual.binding import Binding

from sellertui.ui.kit.dialogs import ConfirmScreen
from sellertui.ui.kit.forms import FormScreen
from sellertui.ui.kit.table_view import TableView
from sellertui.core.i18n import N_, _


def record_bindings(area: str, noun: str, said: str | tuple[str, str, str] | None = None) -> list[Binding]:
    """``n``/``e``/``d`` to new/edit/delete, with the ids ``{area}.new_{noun}``… (the key map's names).

    ``said``: what the footer calls the three actions, each marked whole for translation
    (``(N_("New fee entry"), N_("Edit fee entry"), N_("Delete fee entry"))``); by default "New", "Edit",
    "Delete". A plain noun ("fee entry") still works, in English only: a sentence made of pieces cannot be
    translated.
    """
    if isinstance(said, (tuple, list)):
        new, edit, delete = said
    elif said:
        new, edit, delete = f"New {said}", f"Edit {said}", f"Delete {said}"
    else:
        new, edit, delete = N_("New"), N_("Edit"), N_("Delete")
    return [Binding("n", "new", new, id=f"{area}.new_{noun}"),
            Binding("e", "edit", edit, id=f"{area}.edit_{noun}"),
            Binding("d", "delete", delete, id=f"{area}.delete_{noun}")]


class RecordsView(TableView):
    NOUN: ClassVar[str] = N_("record")
    CHANGES: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.records: dict[str, dict] = {}

    def keep_records(self, records) -> None:
        self.records = {str(r["id"]): r for r in records}

    def show_records(self, frame, records) -> None:
        """Show ``frame`` and keep the ``records`` behind its rows (what ``load`` read)."""
        self.keep_records(records)
        super().show_loaded(frame)

    def chosen(self) -> dict | None:
        """The record under the cursor."""
        record_id = self.current_value("id")
        return None if record_id is None else self.records.get(str(record_id))

    # -- what subclasses say -----------------------------------------------------------------
    def record_form(self, record: dict | None) -> FormScreen:
        raise TypeError(f"{type(self).__name__} must define record_form()")

    def create(self, store, values: dict) -> Any:
        raise TypeError(f"{type(self).__name__} must define create()")

    def update(self, store, record: dict, values: dict) -> Any:
        raise TypeError(f"{type(self).__name__} must define update()")

    def delete(self, store, record: dict) -> Any:
        raise TypeError(f"{type(self).__name__} must define delete()")

    def saved_note(self, record: dict | None, values: dict, result: Any) -> str:
        # NOUN is marked N_ by the view ("expense"): the sentence around it is this one
        return (_("Added the {noun}") if record is None else _("Saved the {noun}")).format(noun=_(self.NOUN))

    def deleted_note(self, record: dict, result: Any) -> str:
        return _("Deleted the {noun}").format(noun=_(self.NOUN))

    def delete_question(self, record: dict) -> str:
        return _("Delete this {noun}?").format(noun=_(self.NOUN))

    # -- the actions ----------------------------------------------------------------------
    def action_new(self) -> None:
        self._ask(None)

    def action_edit(self) -> None:
        record = self.chosen()
        if record is not None:
            self._ask(record)

    def _ask(self, record: dict | None) -> None:
        def done(values: dict | None) -> None:
            if values is None:
                return
            if record is None:
                self.save(lambda store: self.create(store, values),
                          lambda result: self.saved_note(None, values, result), self.CHANGES)
            else:
                self.save(lambda store: self.update(store, record, values),
                          lambda result: self.saved_note(record, values, result), self.CHANGES)

        self.app.push_screen(self.record_form(record), done)

    def action_delete(self) -> None:
        record = self.chosen()
        if record is None:
            return

        def done(yes: bool | None) -> None:
            if yes:
                self.save(lambda store: self.delete(store, record), lambda result: self.deleted_note(record, result),
                          self.CHANGES)

        self.app.push_screen(ConfirmScreen(self.delete_question(record)), done)
