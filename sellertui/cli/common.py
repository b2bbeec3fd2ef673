"""Helpers shared by the subcommands."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from sellertui.context import Context


def context(args: argparse.Namespace) -> Context:
    return Context.create(getattr(args, "data_dir", None))


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")


def fail(exc: BaseException) -> int:
    """Known problems print one sentence and exit 1; anything else is a bug: show it."""
    from sellertui.config import ConfigError
    from sellertui.core.errors import UserError
    from sellertui.store import StoreError

    if isinstance(exc, (StoreError, ConfigError, UserError, OSError)):
        print(f"sellertui: {exc}", file=sys.stderr)
        return 1
    raise exc
