"""Helpers shared by the subcommands."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from sellertui.context import Context
from sellertui.core.text import json_text, visible


def context(args: argparse.Namespace) -> Context:
    return Context.create(getattr(args, "data_dir", None))


def print_json(data: Any, indent: int | None = 2) -> None:
    """JSON on stdout with control characters escaped (``\\u001b``), never sent raw."""
    sys.stdout.write(json_text(data, indent) + "\n")
    sys.stdout.flush()  # one object per file as each import ends, for scripts reading along


def fail(exc: BaseException) -> int:
    """Known problems print one sentence and exit 1; anything else is a bug: show it."""
    from sellertui.config import ConfigError
    from sellertui.core.errors import UserError
    from sellertui.store import StoreError

    if isinstance(exc, (StoreError, ConfigError, UserError, OSError)):
        print(visible(f"sellertui: {exc}"), file=sys.stderr)  # also after the app, past cli.output
        return 1
    raise exc
