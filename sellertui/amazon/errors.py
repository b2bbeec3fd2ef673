"""What goes wrong talking to Amazon, each as one sentence a seller can act on.

Messages are built from our own words plus Amazon's error code, message and
details: never from a request, a header or a token, so no secret can reach
the screen, a log or a crash message through an exception.
"""

from __future__ import annotations

from dataclasses import dataclass

from sellertui.core.errors import UserError
from sellertui.core.i18n import _


class AmazonError(UserError):
    """Any failure talking to Amazon (a ``UserError``: the CLI prints it as one line)."""


class NotConnected(AmazonError):
    """No credentials: nothing to call Amazon with."""


class AuthError(AmazonError):
    """Login with Amazon refused the credentials (what to fix is in the message)."""

    def __init__(self, message: str, code: str = "") -> None:
        super().__init__(message)
        self.code = code


class Unreachable(AmazonError):
    """The network or Amazon kept failing until the retry budget ran out."""


@dataclass(frozen=True)
class Problem:
    """One entry of Amazon's error document: ``errors[].code/message/details``."""

    code: str
    message: str
    details: str = ""

    def text(self) -> str:
        words = f"{self.code}: {self.message}" if self.code else self.message
        return f"{words} ({self.details})" if self.details else words


def problems_of(document: object) -> list[Problem]:
    """The ``errors`` list of an SP-API answer (or of an ``{"errors": ...}``-shaped payload), tolerant of shape."""
    if not isinstance(document, dict):
        return []
    errors = document.get("errors")
    if not isinstance(errors, list):
        return []
    found = []
    for entry in errors:
        if isinstance(entry, dict):
            found.append(Problem(str(entry.get("code") or ""), str(entry.get("message") or ""),
                                 str(entry.get("details") or "")))
    return found


class ApiError(AmazonError):
    """Amazon answered an operation with an error status and (usually) its error document."""

    def __init__(self, operation: str, status: int, problems: list[Problem] | None = None, hint: str = "") -> None:
        self.operation = operation
        self.status = status
        self.problems = list(problems or [])
        said = "; ".join(p.text() for p in self.problems) or _("no error document")  # Amazon's words stay its own
        sentence = _("{operation}: Amazon answered {status}: {said}").format(operation=operation, status=status,
                                                                              said=said)
        super().__init__(_("{sentence}. {hint}").format(sentence=sentence, hint=hint) if hint else sentence)

    @property
    def reason(self) -> str:
        """Amazon's own words, for a record (a failed confirmation's reason)."""
        return "; ".join(p.text() for p in self.problems) or f"HTTP {self.status}"

    @property
    def missing_role(self) -> bool:
        """403 Unauthorized without "expired": the app lacks the role this operation needs."""
        return self.status == 403 and not any("expired" in (p.details + p.message).lower() for p in self.problems)


class ReportFailed(AmazonError):
    """A report Amazon processed ended FATAL; its error document, when attached, is in the message."""

    def __init__(self, report_type: str, report_id: str, document: str = "") -> None:
        self.report_type = report_type
        self.report_id = report_id
        self.document = document
        if document.strip():
            message = _("{type} report {id} failed at Amazon (FATAL): {document}").format(
                type=report_type, id=report_id, document=document.strip()[:500])
        else:
            message = _("{type} report {id} failed at Amazon (FATAL) (Amazon attached no error document)").format(
                type=report_type, id=report_id)
        super().__init__(message)
