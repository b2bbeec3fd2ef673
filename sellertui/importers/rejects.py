"""The rows ``--skip-bad-rows`` sets aside, written beside the report as ``<file>.rejects.csv``.

Each row of the rejects file is the original row, after its line number and
the problems found in it, so the user can fix it and import the file again.
Cells are made formula-safe (``sellertui.core.csvsafe``): a report cell like
``=HYPERLINK(…)`` must not run when the rejects file is opened in a spreadsheet.
"""

from __future__ import annotations

from pathlib import Path

from sellertui.core.csvsafe import write_csv
from sellertui.core.i18n import _
from sellertui.importers.errors import FileProblem
from sellertui.importers.source import read_table


def path_for(report: Path) -> Path:
    return report.with_name(report.name + ".rejects.csv")


def write(report: Path, frame) -> Path:
    """Write the bad rows of ``frame``; returns the rejects file's path."""
    reasons: dict[int, list[str]] = {}
    for problem in frame.problems:
        if problem.line is not None:
            column = f"{problem.column}: " if problem.column else ""
            value = f"'{problem.value}' " if problem.value else ""
            reasons.setdefault(problem.line, []).append(f"{column}{value}{problem.reason}")
    table = frame.table
    if table.partial:  # the columns the import did not need were not read: read the whole rows now
        same = table.encoding.removesuffix("-sig") if table.encoding else None  # as the import read it
        whole = read_table(report, lambda cells: [str(c).strip() for c in cells] == table.headers, "the same report",
                           encoding=same)
        cells = dict(zip(whole.lines, map(whole.row, range(whole.n))))
    else:
        cells = {table.lines[i]: table.row(i) for i in frame.bad}
    rows = []
    for i in sorted(frame.bad):
        line = table.lines[i]
        rows.append([line, "; ".join(reasons.get(line, [])), *cells[line]])
    target = path_for(report)
    try:
        write_csv(target, ["line", "problem", *table.headers], rows, bom=True)
    except OSError as exc:
        raise FileProblem(table.name, _("the rows to set aside cannot be written to {target} ({reason}); nothing "
                                        "was imported").format(target=target, reason=exc.strerror or exc)) from None
    return target
