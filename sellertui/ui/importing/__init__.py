"""The import screen (`i`): pick a report, preview it, import it, read the summary."""

from sellertui.ui.importing.screen import ImportScreen

__all__ = ["ImportScreen"]
