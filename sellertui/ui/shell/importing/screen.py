"""Import a report: path (with completion) -> preview -> import with progress -> summary.

Nothing is written before the user has seen what the file is (kind, rows,
totals, problems) and pressed Import. Parsing and writing run in a thread
worker that never touches widgets: it posts ``Previewed``, ``Progressed``,
``Imported`` or ``Refused``, and the handlers show them. Report text (file names, problems) is shown literally
through ``sellertui.ui.kit.safe``. Keyboard first: enter previews, then imports,
then closes; esc cancels (an import already writing finishes first: it is one
transaction, all or nothing).
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, ProgressBar, Static

from sellertui.ui.kit.workers import work
from sellertui.ui.shell.importing.paths import PathSuggester, resolve
from sellertui.ui.kit.safe import text
from sellertui.core.i18n import N_, _, shown

HELP = N_("enter: preview  ·  →: complete the path  ·  esc: cancel")


class ImportScreen(ModalScreen[frozenset | None]):
    """Dismisses with the collections the import changed, or None."""

    class Previewed(Message, bubble=False):
        """The file was read: what it is, its totals and problems (nothing written)."""

        def __init__(self, parsed) -> None:
            self.parsed = parsed
            super().__init__()

    class Progressed(Message, bubble=False):
        def __init__(self, stage: str, fraction: float) -> None:
            self.stage, self.fraction = stage, fraction
            super().__init__()

    class Imported(Message, bubble=False):
        """The report was written (one transaction): ``result`` counts what changed."""

        def __init__(self, result) -> None:
            self.result = result
            super().__init__()

    class Unsure(Message, bubble=False):
        """The file reads plausibly in several encodings: ``verdict`` holds them, for the user to choose."""

        def __init__(self, name: str, verdict) -> None:
            self.name, self.verdict = name, verdict
            super().__init__()

    class PeriodAsked(Message, bubble=False):
        """The report has no dates and its name no range: ask which days it covers (nothing written)."""

        def __init__(self, needed) -> None:
            self.needed = needed  # importers.period.PeriodNeeded
            super().__init__()

    class Refused(Message, bubble=False):
        """The file cannot be read, or was not imported: ``reason`` says why (nothing was written)."""

        def __init__(self, reason: str, writing: bool) -> None:
            self.reason, self.writing = reason, writing
            super().__init__()

    DEFAULT_CSS = """
    ImportScreen { align: center middle; }
    ImportScreen > Vertical {
        width: 96; max-width: 100%; height: auto; max-height: 100%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    ImportScreen .row { height: auto; }
    ImportScreen Label { width: 8; padding: 1 0 0 0; }
    ImportScreen #path { width: 1fr; }
    ImportScreen #period { width: 28; }
    ImportScreen #market { width: 10; }
    ImportScreen #help { color: $text-muted; }
    ImportScreen #progress { margin: 1 0 0 0; display: none; }
    ImportScreen #details { height: auto; max-height: 14; margin-top: 1; }
    ImportScreen #actions { height: auto; margin-top: 1; }
    ImportScreen Button { margin-right: 1; }
    ImportScreen #skip { display: none; }
    ImportScreen #choice { height: auto; }
    """
    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="import.cancel")]

    def __init__(self, path: str = "") -> None:
        super().__init__()
        self.initial_path = path
        self.parsed = None  # the previewed report, until imported
        self.options = None
        self.state = "choose"  # choose, previewing, encoding, previewed, importing, done
        self.changed: frozenset = frozenset()  # the collections the import changed
        self.encoding: str | None = None  # the text encoding the user picked for this file
        self.previewed_inputs: tuple = ()  # path, period and market as the preview read them

    def compose(self) -> ComposeResult:
        settings = self.app.ctx.settings
        with Vertical() as dialog:
            dialog.border_title = _("Import a report")
            with Horizontal(classes="row"):
                yield Label(_("File"))
                yield Input(self.initial_path, placeholder=_("~/Downloads/All Orders.txt"), id="path",
                            suggester=PathSuggester())
            with Horizontal(classes="row"):
                yield Label(_("Period"))
                yield Input(placeholder=_("from the file name"), id="period")
                yield Label(_("Market"))
                yield Input(placeholder=settings.marketplace, id="market")
            yield Static(_(HELP), id="help")
            yield ProgressBar(total=100, show_eta=False, id="progress")
            with VerticalScroll(id="details"):
                yield Static("", id="preview")
            yield Vertical(id="choice")
            with Horizontal(id="actions"):
                yield Button(_("Import  enter"), id="import", variant="primary", disabled=True)
                yield Button(_("Import, set bad rows aside"), id="skip", disabled=True)
                yield Button(_("Cancel  esc"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    # -- choosing and previewing ------------------------------------------------------
    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.state in ("choose", "previewed"):
            self.preview()

    def _inputs(self) -> tuple[str, str, str]:
        return tuple(self.query_one(f"#{name}", Input).value.strip() for name in ("path", "period", "market"))

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "path":
            self.encoding = None  # another file: its encoding is judged afresh
        if self.state == "encoding" or (self.state == "previewed" and self._inputs() != self.previewed_inputs):
            # the preview no longer shows what would be imported
            self.state = "choose"
            self.parsed = None
            self._buttons(import_=False, skip=False)
            self._ask(None)
            self._show(Text(HELP))

    def _read_options(self):
        from sellertui.importers.pipeline import Options

        period = self.query_one("#period", Input).value.strip() or None
        market = self.query_one("#market", Input).value.strip() or None
        return Options(market=market, period=period, default_market=self.app.ctx.settings.marketplace,
                       encoding=self.encoding)

    def preview(self) -> None:
        value = self.query_one("#path", Input).value
        if not value.strip():
            self._show(Text(_("Type the path of a report first."), style="bold"))
            return
        self.state = "previewing"
        self.options = self._read_options()
        self.previewed_inputs = self._inputs()
        self._show(text(_("Reading {file}…").format(file=value.strip())))
        self._parse(resolve(value), self.options)

    @work(thread=True, exclusive=True, group="import-preview", exit_on_error=False)
    def _parse(self, path, options) -> None:
        from sellertui.core.errors import UserError
        from sellertui.importers.period import PeriodNeeded
        from sellertui.importers.pipeline import parse_report
        from sellertui.importers.scan import EncodingUnsure

        try:
            parsed = parse_report(path, options, self._progress_from_thread)
        except EncodingUnsure as exc:
            self.post_message(self.Unsure(exc.file, exc.verdict) if exc.verdict.readings else
                              self.Refused(str(exc), writing=False))
            return
        except PeriodNeeded as needed:
            self.post_message(self.PeriodAsked(needed))
            return
        except (UserError, OSError) as exc:
            self.post_message(self.Refused(str(exc), writing=False))
            return
        self.post_message(self.Previewed(parsed))

    def on_import_screen_refused(self, message: Refused) -> None:
        self._hide_progress()
        if message.writing:
            self.state = "choose"
            self.query_one("#cancel", Button).disabled = False
            self._show(Text.assemble((_("Nothing was imported") + "\n", "bold red"), text(message.reason)))
        else:
            self.state = "choose"
            self._show(Text.assemble((_("Cannot import this file") + "\n", "bold red"), text(message.reason)))

    def on_import_screen_unsure(self, message: Unsure) -> None:
        from sellertui.ui.shell.importing.encoding_choice import question

        self.state = "encoding"
        self._hide_progress()
        self._show(question(message.name))
        self._ask(message.verdict)

    def _ask(self, verdict) -> None:
        """Show the encodings to choose from (None: take them away)."""
        from sellertui.ui.shell.importing.encoding_choice import EncodingChoice

        holder = self.query_one("#choice", Vertical)
        holder.remove_children()
        if verdict is not None:
            choice = EncodingChoice(verdict, id="encodings")
            holder.mount(choice)
            self.call_after_refresh(choice.focus)

    def on_option_list_option_selected(self, event) -> None:
        event.stop()
        if self.state == "encoding":
            self.encoding = event.option.id
            self._ask(None)
            self.preview()

    def on_import_screen_period_asked(self, message: PeriodAsked) -> None:
        from sellertui.ui.shell.importing.period_question import PeriodQuestion

        needed = message.needed
        self._hide_progress()
        self.state = "choose"
        self._show(Text.assemble((_("Which days does it cover?") + "\n", "bold"), text(str(needed))))

        def answered(period: str | None) -> None:
            if period:
                self.query_one("#period", Input).value = period
                self.preview()

        self.app.push_screen(PeriodQuestion(needed.file, needed.label, needed.saved), answered)

    def on_import_screen_previewed(self, message: Previewed) -> None:
        parsed = message.parsed
        self.state = "previewed"
        self.parsed = parsed
        self._hide_progress()
        self._show(describe(parsed))
        clean = not parsed.problems
        fatal = any(p.line is None for p in parsed.problems)
        self._buttons(import_=clean, skip=not clean and not fatal and parsed.bad_rows < parsed.rows)
        if clean:
            self.query_one("#import", Button).focus()

    # -- importing ------------------------------------------------------------------------
    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "cancel":
            self.action_cancel()
        elif event.button.id == "import" and self.state == "done":
            self.dismiss(self.changed)
        elif event.button.id in ("import", "skip") and self.state == "previewed":
            self.start_import(skip=event.button.id == "skip")

    def start_import(self, skip: bool) -> None:
        self.state = "importing"
        self.options.skip_bad_rows = skip
        self._buttons(import_=False, skip=False)
        self.query_one("#cancel", Button).disabled = True
        self.query_one("#progress", ProgressBar).display = True
        self._show(text(_("Importing {file}…").format(file=self.parsed.path.name)))
        self._write(self.parsed, self.options)

    @work(thread=True, exclusive=True, group="import-write", exit_on_error=False)
    def _write(self, parsed, options) -> None:
        from sellertui.core.errors import UserError
        from sellertui.importers.pipeline import write_report
        from sellertui.store import StoreError

        try:
            result = write_report(self.app.ctx.shop().store, parsed, options, self._progress_from_thread)
        except (UserError, StoreError, OSError) as exc:
            self.post_message(self.Refused(str(exc), writing=True))
            return
        self.post_message(self.Imported(result))

    def _progress_from_thread(self, stage: str, fraction: float) -> None:
        self.post_message(self.Progressed(stage, fraction))

    def on_import_screen_progressed(self, message: Progressed) -> None:
        bar = self.query_one("#progress", ProgressBar)
        bar.display = True
        bar.update(progress=round(message.fraction * 100))

    def _hide_progress(self) -> None:
        self.query_one("#progress", ProgressBar).display = False

    def on_import_screen_imported(self, message: Imported) -> None:
        result = message.result
        self.state = "done"
        self.changed = frozenset(name for name, counts in result.collections.items()
                                 if counts["inserted"] or counts["updated"])
        self._hide_progress()
        self._show(Text.assemble((_("Imported") + "\n", "bold green"), text("\n".join(result.summary_lines()))))
        done = self.query_one("#import", Button)
        done.label = _("Close  enter · esc")  # one way out: enter and esc both close now
        done.disabled = False
        done.remove_class("-active")  # the Import press's short animation would swallow an enter that comes quickly
        done.focus()
        self.query_one("#cancel", Button).display = False
        if self.changed:
            self.app.broadcast_change(self.changed, external=False)

    # -- helpers ------------------------------------------------------------------------------
    def _show(self, renderable) -> None:
        self.query_one("#preview", Static).update(renderable)

    def _buttons(self, import_: bool, skip: bool) -> None:
        self.query_one("#import", Button).disabled = not import_
        button = self.query_one("#skip", Button)
        button.disabled = not skip
        button.display = skip

    def action_cancel(self) -> None:
        if self.state == "importing":
            self.notify(_("The import is being written; it finishes in a moment (all or nothing)."))
            return
        self.dismiss(self.changed if self.state == "done" else None)


def describe(parsed) -> Text:
    """The preview: what the file is, how many rows, the totals, and any problems, all shown literally."""
    from sellertui.importers.errors import listing
    from sellertui.importers.pipeline import rows
    from sellertui.importers.totals_words import shown_totals

    lines = Text()
    lines.append_text(text(_("{file}: {kind}, {rows}").format(file=parsed.path.name, kind=shown(parsed.kind.label),
                                                          rows=rows(parsed.rows)), style="bold"))
    lines.append("\n")
    lines.append_text(text(_("totals: {totals}").format(totals=shown_totals(parsed.totals))))
    for note in parsed.notes():
        lines.append("\n")
        lines.append_text(text(note, style="dim"))
    if parsed.problems:
        lines.append("\n\n")
        lines.append_text(text(_("{bad} of {rows} rows cannot be imported; nothing is written unless you set them "
                                 "aside:").format(bad=f"{parsed.bad_rows:,}", rows=f"{parsed.rows:,}"), style="bold red"))
        for line in listing(parsed.problems):
            lines.append("\n  ")
            lines.append_text(text(line))
    else:
        lines.append("\n\n")
        lines.append(_("Nothing is written yet: press enter to import."), style="bold")
    return lines


__all__ = ["ImportScreen", "describe"]
