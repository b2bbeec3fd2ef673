"""`sellertui export WHAT --format csv|json [...]`: every area's records for spreadsheets and scripts.

Areas register their exporters in ``sellertui.domain.exports``; this module
writes what they return as formula-safe CSV or JSON.
"""

from __future__ import annotations

import argparse
import sys

from sellertui.cli.common import context
from sellertui.core.csvsafe import csv_text
from sellertui.core.text import json_text
from sellertui.domain.exports import all_exporters
from sellertui.core.i18n import _


def register(sub, common) -> None:
    exporters = all_exporters()
    export = sub.add_parser("export", help=_("export records as CSV or JSON"), parents=[common])
    export.add_argument("what", choices=sorted(exporters), help=_("which records"))
    export.add_argument("--format", choices=("csv", "json"), default="csv")
    export.add_argument("--status", help=_("only records with this status"))
    export.add_argument("--since", metavar="YYYY-MM-DD", help=_("only records from this day on"))
    export.add_argument("--output", "-o", metavar="FILE", help=_("write here instead of standard output"))
    export.set_defaults(handler=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    header, rows = all_exporters()[args.what](context(args).shop(), args)
    if args.format == "json":
        text = json_text([dict(zip(header, row)) for row in rows]) + "\n"
    else:
        text = csv_text(header, rows)
    if args.output:
        from pathlib import Path

        from sellertui.store.fsio import atomic_write

        atomic_write(Path(args.output), text.encode("utf-8"))
        print(_('wrote {len} {what} to {output}').format(len=len(rows), what=args.what, output=args.output), file=sys.stderr)
    else:
        sys.stdout.write(text)  # through cli.output: stored control characters are shown, not sent
    return 0
