"""Asking which text encoding a report is in, when sellertui cannot tell.

Each likely encoding is one option: its name and the file's first non-ASCII
cells as that encoding reads them (``张伟`` or ``ÕÅÎ°``), so the user picks the
reading that shows their own product and buyer names. Nothing is imported with
a guess the user has not seen: the pick re-runs the preview.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from sellertui.ui.kit.safe import text
from sellertui.core.cells import pad
from sellertui.core.i18n import _


class EncodingChoice(OptionList):
    """The readings of an ``importers.scan.EncodingUnsure``; selecting one posts OptionSelected with its codec as id."""

    DEFAULT_CSS = """
    EncodingChoice { height: auto; max-height: 8; margin-top: 1; }
    """

    def __init__(self, verdict, **kwargs) -> None:
        super().__init__(*(self._option(reading) for reading in verdict.readings), **kwargs)

    @staticmethod
    def _option(reading) -> Option:
        prompt = Text.assemble((pad(_(reading.label), 38), "bold"), text(reading.preview or _("(no sample)")))
        return Option(prompt, id=reading.encoding)


def question(name: str) -> Text:
    return Text.assemble((_("Which encoding is this file in?") + "\n", "bold yellow"),
                         text(_("sellertui cannot tell how {file} was saved. Pick the line that shows your "
                                "names and products correctly (enter); nothing is imported until you have "
                                "seen the preview.").format(file=name)))
