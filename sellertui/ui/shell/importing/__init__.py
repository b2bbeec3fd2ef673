"""The import screen (`i`): pick a report, preview it, import it, read the summary."""

from sellertui.ui.shell.importing.screen import ImportScreen

__all__ = ["ImportScreen"]
