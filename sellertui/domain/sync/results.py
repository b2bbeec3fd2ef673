"""What a sync did, per stream and marketplace, in the shape ``--json`` prints and the run log keeps."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from sellertui.core.i18n import N_, _, ngettext
from sellertui.domain.sync.words import error_part, stream_name

SP_STREAMS = ("orders", "settlements", "inventory", "returns", "transactions", "business", "feedback",
              "confirmations", "reviews", "watch")
ADS_STREAMS = ("ads",)  # the Ads console, through the Ads API
STREAMS = SP_STREAMS + ADS_STREAMS
SENDING = {"confirmations": (N_("confirmed"), N_("rejected by Amazon")),  # shown translated
           "reviews": (N_("review request(s) sent"), N_("refused by Amazon"))}


@dataclass
class StreamResult:
    stream: str
    marketplace: str
    new: int = 0  # records added (the stream's main collection)
    updated: int = 0
    unchanged: int = 0
    reports: int = 0  # report documents downloaded and imported
    cancelled: list[str] = field(default_factory=list)  # periods Amazon had no data for
    sent: int = 0  # confirmations (or review requests) Amazon accepted
    rejected: int = 0  # confirmations (or review requests) Amazon refused, kept with its reason
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    would: list[dict] = field(default_factory=list)  # --dry-run: what would be fetched or sent

    @property
    def ok(self) -> bool:
        return not self.errors

    def count(self, counts: dict[str, int]) -> None:
        self.new += counts.get("inserted", 0)
        self.updated += counts.get("updated", 0)
        self.unchanged += counts.get("unchanged", 0)

    def as_json(self) -> dict:
        data = {"stream": self.stream, "marketplace": self.marketplace, "ok": self.ok, "new": self.new,
                "updated": self.updated, "unchanged": self.unchanged, "reports": self.reports,
                "cancelled": self.cancelled, "errors": self.errors, "notes": self.notes}
        if self.stream in SENDING:
            data.update(sent=self.sent, rejected=self.rejected)
        if self.would:
            data["would"] = self.would
        return data

    def line(self) -> str:
        """One line of the text summary."""
        head = f"{stream_name(self.stream)} {self.marketplace}:"
        if self.would:
            return _("{head} would {what}").format(head=head, what="; ".join(w["what"] for w in self.would))
        if self.stream in SENDING:
            done, refused = SENDING[self.stream]
            parts = [f"{self.sent} {_(done)}", f"{self.rejected} {_(refused)}"]
        else:
            parts = [_("{n} new").format(n=self.new), _("{n} updated").format(n=self.updated),
                     _("{n} unchanged").format(n=self.unchanged)]
            if self.reports:
                parts.append(ngettext("{n} report downloaded", "{n} reports downloaded", self.reports).format(
                    n=self.reports))
        if self.cancelled:
            parts.append(_("no data for {periods}").format(periods=", ".join(self.cancelled)))
        text = f"{head} {_(', ').join(parts)}"
        if self.errors:
            # each error whole: Amazon's own text may hold "; " and is shown as it came
            text += _(" — failed: ") + _("; ").join(map(error_part, self.errors))
        return text


@dataclass
class SyncResult:
    started_at: str
    finished_at: str = ""
    dry_run: bool = False
    streams: list[StreamResult] = field(default_factory=list)
    credentials_problem: str | None = None  # Login with Amazon refused the credentials: all else is moot

    @property
    def ok(self) -> bool:
        return self.credentials_problem is None and all(s.ok for s in self.streams)

    def as_json(self) -> dict:
        return {"ok": self.ok, "started_at": self.started_at, "finished_at": self.finished_at,
                "dry_run": self.dry_run, "credentials_problem": self.credentials_problem,
                "streams": [s.as_json() for s in self.streams]}

    def lines(self) -> list[str]:
        lines = [s.line() for s in self.streams]
        if self.credentials_problem:
            lines.insert(0, _("credentials: {problem}").format(problem=self.credentials_problem))
        for note in dict.fromkeys(n for s in self.streams for n in s.notes):
            lines.append(_("  note: {note}").format(note=note))
        if self.dry_run:
            lines.append(_("dry run: nothing was fetched or sent"))
        return lines

    def run_record(self, user: str) -> dict:
        """What ``sync_runs`` keeps (the header status and the Today item read it)."""
        return {**self.as_json(), "by": user}


@dataclass(frozen=True)
class Step:
    """Progress of a sync, for a worker's progress bar: which stream, what now, how far overall (0..1)."""

    stream: str
    marketplace: str
    what: str
    fraction: float


Progress = Callable[[Step], None]
