"""`sellertui import PATH...`: import reports, each file in its own all-or-nothing transaction.

Text output: one summary per file. ``--json``: one JSON object per line and
file, ``{"file", "kind", "rows", "inserted", "updated", "unchanged", "rejected",
"removed", "totals"}`` (``removed``: rows an ads report imported before had and
its fresh download lacks; a file that failed adds ``"error"`` and, for bad rows,
``"problems"``; the error also goes to stderr). A progress bar goes to stderr
when it is a terminal. Exit 1 when any file failed (nothing of that file was
written).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sellertui.cli.common import context, print_json
from sellertui.cli.output import control
from sellertui.core.i18n import _, ngettext
from sellertui.core.text import visible
from sellertui.importers import KIND_NAMES


def register(sub, common) -> None:
    cmd = sub.add_parser("import", help=_("import reports from Seller Central and the Ads console"), parents=[common],
                         description=_("Import reports. The kind is recognised from the header row; each file is "
                                       "imported whole or not at all."))
    cmd.add_argument("paths", nargs="+", metavar="PATH", help=_("report files (.txt, .csv, .tsv, .xlsx)"))
    cmd.add_argument("--kind", choices=KIND_NAMES, help=_("read the files as this kind of report"))
    cmd.add_argument("--market", metavar="CODE", help=_("the marketplace (US, UK, DE, JP, IN, …): decides decimal "
                                                         "commas, day/month order and the time zone"))
    cmd.add_argument("--period", metavar="START..END", help=_("the days a Business Report or bulk file covers "
                                                               "(default: the dates in its file name)"))
    cmd.add_argument("--encoding", metavar="NAME", help=_("the text encoding of a flat file when sellertui cannot "
                                                           "tell (utf-8, utf-16, gbk, big5, shift_jis, windows-1252)"))
    cmd.add_argument("--dry-run", action="store_true", help=_("read and check, show what would change, write nothing"))
    cmd.add_argument("--skip-bad-rows", action="store_true",
                     help=_("import the good rows; write the bad ones to <file>.rejects.csv beside the file"))
    cmd.add_argument("--json", action="store_true", help=_("print one JSON object per file"))
    cmd.set_defaults(handler=cmd_import)


class Bar:
    """A one-line progress bar on stderr, only when stderr is a terminal."""

    WIDTH = 30

    def __init__(self, name: str) -> None:
        self.name = name
        self.on = sys.stderr.isatty()
        self.shown = -1

    def __call__(self, stage: str, fraction: float) -> None:
        if not self.on:
            return
        percent = int(fraction * 100)
        if percent == self.shown:
            return
        self.shown = percent
        done = int(self.WIDTH * fraction)
        line = f"[{'#' * done}{'.' * (self.WIDTH - done)}] {percent:3d}% {stage:<9} {self.name[:40]}"
        control(sys.stderr, "\r" + visible(line))

    def clear(self) -> None:
        if self.on and self.shown >= 0:
            control(sys.stderr, "\r" + " " * (self.WIDTH + 60) + "\r")


def cmd_import(args: argparse.Namespace) -> int:
    from sellertui.core.errors import UserError
    from sellertui.importers.errors import RowProblems
    from sellertui.importers.pipeline import Options, import_report
    from sellertui.store import StoreError

    ctx = context(args)
    options = Options(kind=args.kind, market=args.market, period=args.period, dry_run=args.dry_run,
                      skip_bad_rows=args.skip_bad_rows, default_market=ctx.settings.marketplace,
                      encoding=args.encoding)
    store = ctx.store()
    failed = 0
    for raw in args.paths:
        path = Path(raw)
        bar = Bar(path.name)
        try:
            result = import_report(store, path, options, bar)
        except (UserError, StoreError, OSError) as exc:
            bar.clear()
            failed += 1
            problems = exc.problems if isinstance(exc, RowProblems) else []
            if args.json:
                print_json({"file": path.name, "kind": getattr(exc, "kind", None) or args.kind, "rows": getattr(exc, "total_rows", 0),
                             "inserted": 0, "updated": 0, "unchanged": 0,
                             "rejected": getattr(exc, "bad_rows", 0), "totals": {}, "error": str(exc),
                             "problems": [p.as_dict() for p in problems]}, indent=None)
            print(f"sellertui: {exc}", file=sys.stderr)
            continue
        bar.clear()
        if args.json:
            print_json(result.as_json(), indent=None)
        else:
            print("\n".join(result.summary_lines()))
    if failed and len(args.paths) > 1:
        print(ngettext("%(count)d file was not imported (nothing of it was written)",
                       "%(count)d files were not imported (nothing of them was written)", failed) % {"count": failed},
              file=sys.stderr)
    return 1 if failed else 0

