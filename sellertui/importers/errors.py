"""What goes wrong with a report, said so the user can fix it.

``FileProblem``: the file as a whole cannot be imported (empty, not a report,
damaged workbook, missing column): one sentence naming the file and what was
expected. ``RowProblems``: some rows have bad cells; every problem names the
file, the line (as a spreadsheet or editor numbers it), the column, the value
and the reason. Both are ``UserError``: the CLI prints them and exits 1, the app
shows them; neither is ever a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass

from sellertui.core.errors import UserError
from sellertui.core.i18n import _

SHOWN = 20  # problems listed before "… and N more"


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    column: str | None
    value: str
    reason: str

    def __str__(self) -> str:
        # whole sentences, so a translation can put file, line and column where its language wants them
        what = (_("{value} {reason}").format(value=shown(self.value), reason=self.reason)
                if self.value != "" or self.column else self.reason)
        fields = {"file": self.file, "line": self.line, "column": self.column, "what": what}
        if self.line is not None and self.column:
            return _("{file}, line {line}, column '{column}': {what}").format(**fields)
        if self.line is not None:
            return _("{file}, line {line}: {what}").format(**fields)
        if self.column:
            return _("{file}, column '{column}': {what}").format(**fields)
        return _("{file}: {what}").format(**fields)

    def as_dict(self) -> dict:
        return {"file": self.file, "line": self.line, "column": self.column, "value": self.value, "reason": self.reason}


def shown(value: object, width: int = 60) -> str:
    """A cell value for a message: quoted, one line, cut to ``width`` characters."""
    text = "" if value is None else str(value)
    text = text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")
    if len(text) > width:
        text = text[: width - 1] + "…"
    return f"'{text}'"


class ReportError(UserError):
    """Base of the importers' errors."""


class FileProblem(ReportError):
    def __init__(self, file: str, message: str) -> None:
        super().__init__(_("{file}: {message}").format(file=file, message=message))
        self.file = file
        self.message = message


class RowProblems(ReportError):
    def __init__(self, file: str, problems: list[Problem], bad_rows: int, total_rows: int,
                 kind: str | None = None) -> None:
        self.file = file
        self.kind = kind
        self.problems = problems
        self.bad_rows = bad_rows
        self.total_rows = total_rows
        super().__init__(describe(file, problems, bad_rows, total_rows))


def listing(problems: list[Problem], limit: int = SHOWN) -> list[str]:
    """The first ``limit`` problems, one per line, then "… and N more"."""
    lines = [str(p) for p in problems[:limit]]
    if len(problems) > limit:
        lines.append(_("… and {count:,} more").format(count=len(problems) - limit))
    return lines


def describe(file: str, problems: list[Problem], bad_rows: int, total_rows: int) -> str:
    head = _("{file}: {bad:,} of {total:,} rows cannot be imported, so nothing was imported "
             "(fix them, or use --skip-bad-rows to import the other rows and set these aside):").format(
        file=file, bad=bad_rows, total=total_rows)
    return "\n".join([head, *("  " + line for line in listing(problems))])
