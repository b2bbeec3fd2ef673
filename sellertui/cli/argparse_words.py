"""argparse's own words ("usage:", "options", its error messages) in the CLI's language.

argparse asks ``gettext`` for them through its module-level ``_`` and
``ngettext``; pointing those at the app's catalog translates the help screens'
frame and every usage error the same way as the rest of the CLI. The msgids are
argparse's, listed here so extraction puts them in the catalog.
"""

from __future__ import annotations

import argparse

from sellertui.core.i18n import N_, _, ngettext

WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("can't open '%(filename)s': %(error)s"),
)


def install() -> None:
    argparse._ = _
    argparse.ngettext = ngettext
