"""The sync's words as the user reads them: streams' names and the errors a sync stores.

A stream's name and a stored error stay English in the store (scripts and old stores read them) and are
translated when shown; an error the sync did not word itself (Amazon's, a report's) shows as stored.
"""

from __future__ import annotations

from sellertui.core.i18n import N_, _, label, stored_pattern

STREAM_NAMES = {"orders": N_("orders"), "settlements": N_("settlements"), "inventory": N_("inventory"),
                "returns": N_("returns"), "transactions": N_("transactions"), "business": N_("business"),
                "feedback": N_("feedback"), "confirmations": N_("confirmations"), "reviews": N_("reviews"),
                "watch": N_("watch"), "ads": N_("ads")}
SKIPPED = N_("skipped: the credentials were refused")
UNEXPECTED = N_("sellertui failed unexpectedly ({error})")
_UNEXPECTED = stored_pattern(UNEXPECTED)


def stream_name(stream: str) -> str:
    """A stream in the current language (one it does not know shows as stored)."""
    return label(STREAM_NAMES, stream)


def error_part(error: str) -> str:
    """One stream error in the current language if the sync worded it itself; Amazon's or a report's as stored."""
    found = _UNEXPECTED.fullmatch(error)
    if error == SKIPPED:
        return _(SKIPPED)
    if found:
        return _(UNEXPECTED).format(error=found["error"])
    return error


def error_text(error: str | None) -> str:
    """A stored stream error (its errors joined by ``; ``) in the current language, part by part."""
    return _("; ").join(map(error_part, error.split("; "))) if error else ""
