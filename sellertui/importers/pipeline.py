"""Importing one report: read it, recognise it, parse it, and write it in one transaction.

``parse_report`` touches no store: it is the preview (kind, rows, totals,
problems) the app shows before anything is written. ``write_report`` refuses
a file with bad rows unless ``skip_bad_rows`` (then the bad rows go to
``<file>.rejects.csv`` beside it), and writes everything else in one store
transaction: the import is all there or not there at all, whatever happens.
"""

from __future__ import annotations

import gc
import json
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator

from sellertui.core.errors import UserError
from sellertui.core.i18n import N_, _, label, ngettext, shown
from sellertui.core.markets import market
from sellertui.importers import rejects
from sellertui.importers.companions import with_companions
from sellertui.importers.encodings import LABELS, codec_for
from sellertui.importers.errors import FileProblem, Problem, RowProblems
from sellertui.importers.frame import Frame
from sellertui.importers.headers import header_set, map_headers
from sellertui.importers.kinds import Kind, Output, detect, detect_json, expected, kind_named
from sellertui.importers.locale import Locale, decide
from sellertui.importers.period import Period, PeriodNeeded, download_day, resolve
from sellertui.importers.replacing import replaced_rows
from sellertui.importers.source import read_bytes, read_table
from sellertui.importers.table import Table
from sellertui.importers.totals_words import shown_totals

Progress = Callable[[str, float], None]  # (what is happening, overall fraction done 0..1)
MARKETPLACE_FIELDS = ("sales_channel", "marketplace_name")


@dataclass
class Options:
    kind: str | None = None
    market: str | None = None
    period: str | None = None
    dry_run: bool = False
    skip_bad_rows: bool = False
    default_market: str = "US"  # the marketplace in the user's settings
    encoding: str | None = None  # the text encoding the user chose (``encodings.codec_for``); None: detect


@dataclass
class Parsed:
    """A report read and checked, nothing written yet: what a preview shows."""

    path: Path | None  # None: a document in memory (nothing to write rejects beside)
    kind: Kind
    frame: Frame
    output: Output
    totals: dict
    name: str = ""

    @property
    def rows(self) -> int:
        return self.frame.n

    @property
    def problems(self) -> list[Problem]:
        return self.frame.problems

    @property
    def bad_rows(self) -> int:
        return len(self.frame.bad)

    @property
    def locale(self) -> Locale:
        return self.frame.locale

    @property
    def period(self) -> Period | None:
        return self.frame.period

    def notes(self) -> list[str]:
        """What the user should know about how the file was read."""
        notes = [_("{market} marketplace, {currency} (from {source})").format(
            market=self.locale.market.code, currency=self.locale.currency, source=shown(self.locale.source))]
        if self.period is not None:
            notes.append(_("period {period} (from {source})").format(period=self.period,
                                                                    source=shown(self.period.source)))
        table = self.frame.table
        if table.encoding and table.encoding_source in ("detected", "chosen"):
            encoding = label(LABELS, table.encoding)
            notes.append(_("text read as {encoding}, as you chose").format(encoding=encoding)
                         if table.encoding_source == "chosen" else
                         _("text read as {encoding}, detected").format(encoding=encoding))
        merged = self.output.merged
        if merged == 1:
            notes.append(_("1 row shared its key with an earlier row and was added to it"))
        elif merged:
            notes.append(_("{count:,} rows shared their key with an earlier row and were added to it").format(
                count=merged))
        return notes + self.frame.notes


@dataclass
class Result:
    file: str
    kind: str
    label: str
    rows: int
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    removed: int = 0  # rows of the same report, imported before, that this download no longer has
    totals: dict = field(default_factory=dict)
    collections: dict[str, dict[str, int]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    rejects_file: str | None = None
    dry_run: bool = False
    collection_main: str = ""

    def as_json(self) -> dict:
        """The object ``sellertui import --json`` prints for this file."""
        return {"file": self.file, "kind": self.kind, "rows": self.rows, "inserted": self.inserted,
                "updated": self.updated, "unchanged": self.unchanged, "rejected": self.rejected,
                "removed": self.removed, "totals": self.totals}

    def summary_lines(self) -> list[str]:
        counts = {"file": self.file, "kind": shown(self.label), "rows": rows(self.rows), "new": self.inserted,
                  "updated": self.updated, "unchanged": self.unchanged}
        head = (_("{file}: {kind}, {rows}: {new:,} would be new, {updated:,} would be updated, {unchanged:,} "
                  "unchanged") if self.dry_run else
                _("{file}: {kind}, {rows}: {new:,} new, {updated:,} updated, {unchanged:,} unchanged")).format(**counts)
        if self.rejected:
            head += _(", {count:,} set aside").format(count=self.rejected)
        if self.removed:
            head += (_(", {count:,} would be removed (gone from this report since its last import)") if self.dry_run
                     else _(", {count:,} removed (gone from this report since its last import)")).format(count=self.removed)
        lines = [head]
        for name, counts in self.collections.items():
            if name != self.collection_main:
                lines.append("  " + _("{collection}: {new:,} new, {updated:,} updated, {unchanged:,} unchanged").format(
                    collection=name, new=counts["inserted"], updated=counts["updated"], unchanged=counts["unchanged"]))
        lines.append("  " + _("totals: {totals}").format(totals=shown_totals(self.totals)))
        lines += [f"  {note}" for note in self.notes]
        if self.rejects_file:
            lines.append("  " + _("the rows set aside and why: {file}").format(file=self.rejects_file))
        if self.dry_run:
            lines.append("  " + _("dry run: nothing was written"))
        return lines


def rows(n: int) -> str:
    return ngettext("{count:,} row", "{count:,} rows", n).format(count=n)


@contextmanager
def paused_gc() -> Iterator[None]:
    """Big imports allocate millions of small objects; the cyclic GC re-scanning them triples the time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _modified(path: Path) -> str:
    return datetime.fromtimestamp(path.stat().st_mtime, timezone.utc).isoformat(timespec="seconds")


@dataclass
class Document:
    """A report already in memory (a downloaded SP-API report document): its bytes, a name, its kind."""

    name: str  # what messages call it, e.g. "settlement report 1234567890"
    data: bytes
    kind: str  # known from the request: never guessed
    saved: str = ""  # when Amazon made it (ISO, UTC): stands in for a file's modification time


def parse_report(path: Path, options: Options, progress: Progress | None = None) -> Parsed:
    """Read, recognise and check one report; raises ``FileProblem`` for a file that is no report we read."""
    path = Path(path)
    hint = _hint(options)
    if (hint is not None and hint.reads_json) or (hint is None and path.suffix.lower() == ".json"):
        return _parse_json(path.name, _read(path), hint, options, _modified(path), path)

    def read(recognise, wanted, report, select, encoding) -> Table:
        return read_table(path, recognise, wanted, report, select, encoding)

    return _parse_table(path.name, read, hint, options, progress, lambda: _modified(path), path)


def parse_document(document: Document, options: Options, progress: Progress | None = None) -> Parsed:
    """``parse_report`` for a report in memory, its kind given: no temporary file in the user's folders."""
    kind = kind_named(document.kind)
    if kind.reads_json:
        return _parse_json(document.name, document.data, kind, options, document.saved, None)

    def read(recognise, wanted, report, select, encoding) -> Table:
        return read_bytes(document.name, document.data, recognise, wanted, report, select, encoding)

    return _parse_table(document.name, read, kind, options, progress, lambda: document.saved, None)


def _hint(options: Options) -> Kind | None:
    if options.market:
        try:
            market(options.market)
        except ValueError as exc:
            raise UserError(_("--market: {reason}").format(reason=exc)) from None
    return kind_named(options.kind) if options.kind else None


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise FileProblem(str(path), _("does not exist")) from None
    except OSError as exc:
        raise FileProblem(str(path), _("cannot be read ({reason})").format(reason=exc.strerror or exc)) from None


def _parse_table(name: str, read: Callable[..., Table], hint: Kind | None, options: Options,
                 progress: Progress | None, modified: Callable[[], str], path: Path | None) -> Parsed:
    def recognise(cells: list) -> bool:
        if hint is not None:
            headers = header_set(cells)
            return hint.score(headers) > 0 or hint.loosely_fits(headers)
        return detect(cells) is not None

    def select(cells: list) -> list[int]:  # only the columns the kind reads become Python objects
        kind = hint or detect(cells)
        return list(map_headers(cells, kind.columns).index.values()) if kind else list(range(len(cells)))

    encoding = None
    if options.encoding:
        try:
            encoding = codec_for(options.encoding)
        except ValueError as exc:
            raise UserError(_("--encoding: {reason}").format(reason=exc)) from None
    report = (lambda f: progress("reading", 0.6 * f)) if progress else None
    with paused_gc():
        table = read(recognise, expected(hint), report, select, encoding)
        kind = hint or detect(table.headers)
        assert kind is not None  # read_table found a header row ``recognise`` accepted
        headers = _headers(table, kind)
        locale = _locale(table, kind, headers, options)
        period = None
        if kind.needs_period or kind.takes_period:
            period = resolve(options.period, name, locale.day_first)
            if period is None and kind.needs_period:
                raise PeriodNeeded(table.name, kind.label, download_day(name, locale.day_first))
        if progress:
            progress("checking", 0.6)
        return _build(path, name, table, kind, headers, locale, period, modified(), options)


def _parse_json(name: str, data: bytes, hint: Kind | None, options: Options, modified: str,
                path: Path | None) -> Parsed:
    """A JSON document (an SP-API answer or report): read into text cells, then checked like any report."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise FileProblem(name, _("is not JSON ({reason})").format(reason=exc)) from None
    kind = hint or detect_json(document)
    if kind is None or not kind.reads_json:
        raise FileProblem(name, _("is JSON sellertui does not recognise; expected {expected}").format(
            expected=expected(hint)))
    read = kind.read_json(name, document)
    headers = _headers(read.table, kind)
    locale = _locale(read.table, kind, headers, replace(options, market=read.market or options.market))
    if read.market:
        locale = replace(locale, source=N_("the document's marketplace"))
    parsed = _build(path, name, read.table, kind, headers, locale, read.period, modified, options)
    parsed.frame.notes.extend(read.notes)
    return parsed


def _headers(table: Table, kind: Kind):
    headers = map_headers(table.headers, kind.columns)
    if headers.missing:
        wanted = ", ".join(f"'{c.names[0]}'" for c in headers.missing)
        more = "…" if len(table.headers) > 12 else ""
        has = ", ".join(repr(h) for h in table.headers[:12]) + more
        raise FileProblem(table.name, ngettext("has no {wanted} column, which {kind} needs (it has {has})",
                                               "has no {wanted} columns, which {kind} needs (it has {has})",
                                               len(headers.missing)).format(wanted=wanted, kind=shown(kind.label), has=has))
    return headers


def _build(path: Path | None, name: str, table: Table, kind: Kind, headers, locale: Locale, period: Period | None,
           modified: str, options: Options) -> Parsed:
    frame = Frame(table, kind, headers, locale, period, modified)
    if options.period and not (kind.needs_period or kind.takes_period):
        frame.notes.append(_("--period ignored: {kind} carries its own dates").format(kind=shown(kind.label)))
    output = kind.build(frame)
    totals = kind.totals(output, frame)
    return Parsed(path, kind, frame, output, totals, name or table.name)


def _locale(table, kind: Kind, headers, options: Options) -> Locale:
    def raw(field_name: str) -> list:
        index = headers.index.get(field_name)
        return table.columns[index] if index is not None else []

    amounts = next((raw(c.field) for c in kind.columns if c.parse == "amount" and c.field in headers.index), [])
    places = [v for f in MARKETPLACE_FIELDS for v in raw(f)]
    return decide(options.market, options.default_market, raw("currency"), raw("country"), places, amounts,
                  table.preamble)


Alongside = Callable[[object], None]  # alongside(tx): more writes committed with the report's records


def write_report(store, parsed: Parsed, options: Options, progress: Progress | None = None,
                 alongside: Alongside | None = None) -> Result:
    """Write a parsed report: all of it, or (``skip_bad_rows``) all its good rows; else nothing.

    ``alongside(tx)`` writes in the same transaction (a sync's checkpoint for
    the report): the records and what records them commit together or not at all.
    """
    frame, kind = parsed.frame, parsed.kind
    if parsed.path is None and options.skip_bad_rows:
        raise UserError(_("{name}: bad rows can only be set aside for a file").format(name=parsed.name))
    whole_file = [p for p in frame.problems if p.line is None]
    if whole_file:
        raise FileProblem(frame.table.name, whole_file[0].reason)
    if frame.problems and not options.skip_bad_rows:
        raise RowProblems(frame.table.name, frame.problems, len(frame.bad), frame.n, kind.name)
    alongside, kept = with_companions(parsed, alongside)
    result = Result(frame.table.name, kind.name, kind.label, frame.n, rejected=len(frame.bad), totals=parsed.totals,
                    notes=parsed.notes() + kept, dry_run=options.dry_run, collection_main=kind.collection)
    written = None
    if frame.bad and not options.dry_run:
        written = rejects.write(parsed.path, frame)
        result.rejects_file = str(written)
    if progress:
        progress("writing", 0.8)
    frame.release()  # the records are built: the cells need not stay while they are written
    try:
        with paused_gc():
            result.collections = _store(store, parsed, options, alongside)
    except BaseException:
        if written is not None:
            written.unlink(missing_ok=True)
        raise
    main = result.collections.get(kind.collection, {"inserted": 0, "updated": 0, "unchanged": 0})
    result.inserted, result.updated, result.unchanged = main["inserted"], main["updated"], main["unchanged"]
    result.removed = main.get("removed", 0)
    if progress:
        progress("done", 1.0)
    return result


def merge_for(parsed: Parsed, collection: str):
    """The kind's merge, and: a field from a column this file lacks never overwrites a stored one."""
    merge = parsed.kind.merge(collection)
    absent = frozenset(parsed.frame.absent_keys)
    if not absent:
        return merge

    def keep_stored(old: dict, new: dict) -> dict:
        new = {k: v for k, v in new.items() if k not in absent or k not in old}
        return merge(old, new) if merge is not None else new

    return keep_stored


def _store(store, parsed: Parsed, options: Options, alongside: Alongside | None) -> dict[str, dict[str, int]]:
    records, replaces = parsed.output.records, parsed.output.replaces
    if options.dry_run:
        counts = {name: store[name].preview_upsert(docs, merge_for(parsed, name)) for name, docs in records.items()}
        for name, reports in replaces.items():
            counts[name]["removed"] = sum(map(len, replaced_rows(store[name], reports, records[name]).values()))
        return counts
    counts = {}
    with store.transaction(f"imported {parsed.kind.label} from {parsed.name}") as tx:
        for name, reports in replaces.items():
            counts[name] = {"removed": tx[name].delete_many(replaced_rows(tx[name], reports, records[name]))}
        for name, docs in records.items():
            counts[name] = {**counts.get(name, {}), **tx[name].upsert_many(docs, merge=merge_for(parsed, name),
                                                                              owned=True)}
        if alongside is not None:
            alongside(tx)
    return counts


def import_report(store, path: Path, options: Options, progress: Progress | None = None) -> Result:
    """Parse and write one report (the CLI's and the app's one call)."""
    return write_report(store, parse_report(path, options, progress), options, progress)


def import_document(store, document: Document, options: Options, progress: Progress | None = None,
                    alongside: Alongside | None = None) -> Result:
    """Parse and write a report in memory, all or nothing, with ``alongside`` in the same transaction."""
    return write_report(store, parse_document(document, options, progress), options, progress, alongside)
