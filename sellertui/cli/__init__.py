"""The command line: `sellertui` starts the app; subcommands script the same domain functions.

argparse keeps start-up cheap and exits 2 with usage on an unknown flag.
Each subcommand lives in its own module with a ``register(subparsers)``.
"""

from __future__ import annotations

import argparse
import sys
from typing import Sequence

from sellertui import __version__
from sellertui.cli import (admin, ads, demo, export, fx, importing, inventory, notices, profit, promotions, reviews,
                           serve, shoplist, stores, sync, tasks, today, watch)
from sellertui.cli import argparse_words
from sellertui.core.i18n import _
from sellertui.cli.common import close_contexts, fail
from sellertui.cli.output import shown_output

COMMAND_MODULES = (admin, shoplist, stores, demo, importing, tasks, export, inventory, ads, today, promotions, profit,
                   fx, sync, reviews, watch, notices, serve)


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=_("use this data directory (default: $SELLERTUI_DATA_DIR, config, or the platform's data dir)"),
    )
    common.add_argument(
        "--store",
        metavar="URL",
        default=argparse.SUPPRESS,
        help=_("use this store: a postgresql:// URL, or a data directory (default: $SELLERTUI_STORE, the shop's "
             "store in config, else the data directory)"),
    )
    common.add_argument("--shop", metavar="NAME", default=argparse.SUPPRESS,
                        help=_("work on this shop of the ones config.toml lists (`sellertui shops`)"))
    parser = argparse.ArgumentParser(
        prog="sellertui",
        description=_("A terminal cockpit for marketplace sellers. Without a command, starts the app."),
        parents=[common],
    )
    # argparse's own msgid, which Python before 3.12 does not pass through gettext
    parser.add_argument("--version", action="version", version=f"sellertui {__version__}",
                        help=_("show program's version number and exit"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    choose_language()  # before the parser: its help is in the language too
    argparse_words.install()
    with shown_output():  # every command's output, and argparse's, shows control characters as symbols
        args = build_parser().parse_args(argv)
        handler = getattr(args, "handler", None)
        if handler is not None:
            return _run(handler, args)
    from sellertui.cli.run_app import run_app  # the app draws on the real terminal

    return _run(run_app, args)


def choose_language() -> str:
    """config.toml's ``language``, else LC_ALL / LC_MESSAGES / LANG. A config.toml that cannot be read leaves
    the choice to the environment: the command itself then says what is wrong with the file."""
    import os

    from sellertui.config import ConfigError, load
    from sellertui.core.i18n import language_from, set_language

    try:
        configured = load().language
    except (ConfigError, OSError):
        configured = ""
    return set_language(language_from(configured, os.environ))


def _run(handler, args: argparse.Namespace) -> int:
    try:
        try:
            return handler(args) or 0
        finally:
            close_contexts()
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `sellertui task list | head`
        sys.stderr.close()
        return 0
    except Exception as exc:  # noqa: BLE001 - every known error becomes one line
        return fail(exc)
