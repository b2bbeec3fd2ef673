"""A report's columns, parsed: what each kind builds its records from.

Columns are parsed whole, once per distinct value (a column of 200k spend
figures holds a few thousand distinct strings), which keeps big imports close
to the speed of reading the file. A cell that cannot be read records a
``Problem`` (file, line, column, value, reason) and marks its row bad; the
kinds build records for every row and the bad ones are dropped at the end.
"""

from __future__ import annotations

from typing import Callable, Iterable, Protocol, Sequence

from sellertui.core.i18n import _
from sellertui.core.money import exponent, to_minor
from sellertui.importers import fast, values
from sellertui.importers.dates import parse_date, parse_datetime
from sellertui.importers.errors import Problem
from sellertui.importers.headers import REQUIRED, Col, HeaderMap
from sellertui.importers.limits import FIELD_CHARS
from sellertui.importers.locale import Locale
from sellertui.importers.period import Period
from sellertui.importers.table import Table


class Kind(Protocol):
    """What a frame needs of a report kind (``importers.kinds.base.Kind``): its columns."""

    columns: Sequence[Col]


PLACEHOLDERS = {"text": "", "int": 0, "percent": 0.0, "flag": False}


class Missing(list):
    """The values of a column the file does not have (its blank value on every row).

    Records built from it still carry the field (so every record has the same
    shape), but an import never overwrites a stored value with it: a report
    from before a column existed must not erase what a newer one said.
    """


class Frame:
    def __init__(self, table: Table, kind: Kind, headers: HeaderMap, locale: Locale,
                 period: Period | None = None, modified: str = "") -> None:
        self.table = table
        self.kind = kind
        self.headers = headers
        self.locale = locale
        self.period = period
        self.modified = modified  # the file's modification time (ISO, UTC): when the report was saved
        self.n = table.n
        self.problems: list[Problem] = []
        self.bad: set[int] = set()
        self.notes: list[str] = []
        self._parsed: dict[str, list] = {}
        self._seen: set[tuple[int, str | None]] = set()
        self.absent_keys: set[str] = set()  # record fields built from columns the file lacks
        self._specs: dict[str, Col] = {c.field: c for c in kind.columns}
        self._overlong()

    def _overlong(self) -> None:
        """A cell past ``limits.FIELD_CHARS`` is a problem of its row (a 150 MB buyer name is never stored)."""
        fields = {index: name for name, index in self.headers.index.items()}
        for row, column, length in self.table.long_cells:
            name = fields.get(column)
            if name is not None:
                cell = self.table.columns[column][row]
                self.problem(row, name, _("is {length:,} characters long; a field holds at most {most:,}").format(
                    length=length, most=FIELD_CHARS),
                             cell[:40] + "…")

    def release(self) -> None:
        """Let the file's cells go once its records are built (their text is most of a big import's memory).

        The table then reads as partial: a rejects file written later reads the rows it needs from the file.
        """
        self.table.columns = [None] * len(self.table.columns)
        self._parsed.clear()

    # -- raw cells and problems ----------------------------------------------------
    def has(self, field: str) -> bool:
        return field in self.headers.index

    def raw(self, field: str) -> list:
        index = self.headers.index.get(field)
        return self.table.columns[index] if index is not None else [""] * self.n

    def header(self, field: str) -> str:
        """The column's header as the file writes it (or its usual name when absent)."""
        return self.headers.written.get(field) or self._specs[field].names[0]

    def problem(self, row: int, field: str | None, reason: str, value: object = None) -> None:
        if (row, field) in self._seen:  # a column parsed twice (as amount and as money) reports once
            return
        self._seen.add((row, field))
        if value is None and field is not None and self.has(field):
            value = self.raw(field)[row]
        self.problems.append(Problem(self.table.name, self.table.lines[row], self.header(field) if field else None,
                                     values.text(value) if value is not None else "", reason))
        self.bad.add(row)

    def file_problem(self, reason: str) -> None:
        """A problem with the file as a whole (it makes every row bad)."""
        self.problems.append(Problem(self.table.name, None, None, "", reason))
        self.bad.update(range(self.n))

    # -- parsed columns ------------------------------------------------------------
    def parser(self, kind: str) -> Callable[[object], object]:
        loc = self.locale
        comma = loc.decimal_comma
        parsers: dict[str, Callable[[object], object]] = {
            "text": values.text,
            "amount": lambda v: values.decimal_of(v, comma, loc.currency),
            "int": lambda v: values.integer(v, comma),
            "percent": lambda v: values.percent(v, comma),
            "days": lambda v: values.days(v, comma),
            "flag": values.flag,
            "date": lambda v: parse_date(v, loc.day_first),
            "datetime": lambda v: parse_datetime(v, loc.day_first, loc.tz),
        }
        return parsers[kind]

    def col(self, field: str) -> list:
        """The column's values, parsed (see ``Col``); an absent column gives its blank value."""
        if field in self._parsed:
            return self._parsed[field]
        spec = self._specs[field]
        blank = None if spec.blank is REQUIRED else spec.blank
        if not self.has(field):
            result = Missing([blank] * self.n)
        else:
            raw = self.raw(field)
            quick = fast.PATHS.get(spec.parse)
            result = quick(raw, blank, spec.blank is REQUIRED, self.locale.decimal_comma) if quick else None
            if result is None:
                result = self._convert(field, raw, self.parser(spec.parse))
        self._parsed[field] = result
        return result

    def _convert(self, field: str, raw: list, parse: Callable[[object], object]) -> list:
        """Parse each distinct value once; bad ones become problems (and None)."""
        spec = self._specs[field]
        textual = spec.parse == "text"
        placeholder = PLACEHOLDERS.get(spec.parse)  # what a bad cell holds until its row is dropped
        memo: dict[object, object] = {}
        failed: dict[object, str] = {}
        blanks = values.BLANKS
        for value in set(raw):
            if value.__class__ is str:
                stripped = value.strip()
                blank = not stripped or (not textual and values.unguard(stripped) in blanks)
            else:
                blank = value is None or (not textual and values.is_blank(value))
            if blank:
                if spec.blank is REQUIRED:
                    failed[value] = _("is empty, but this column needs a value")
                    memo[value] = placeholder
                else:
                    memo[value] = spec.blank
                continue
            try:
                memo[value] = parse(value)
            except values.Bad as exc:
                failed[value] = exc.reason
                memo[value] = placeholder
        if failed:
            for i, value in enumerate(raw):
                if value in failed:
                    self.problem(i, field, failed[value], value)
        return list(map(memo.__getitem__, raw))

    def money(self, field: str, currencies: list[str] | None = None) -> list[int | None]:
        """An amount column in integer minor units of each row's currency."""
        spec = self._specs[field]
        if not self.has(field):
            return Missing([None if spec.blank in (None, REQUIRED) else 0] * self.n)
        if currencies is not None and len({exponent(c) for c in set(currencies) if c}) > 1:
            amounts = self.col(field)
            return [None if a is None else to_minor(a, c or self.locale.currency) for a, c in zip(amounts, currencies)]
        currency = next((c for c in (currencies or ()) if c), self.locale.currency)
        key = f"{field}/{exponent(currency)}"
        if key not in self._parsed:
            amount = self.parser("amount")
            scale = 10 ** exponent(currency)
            plain = fast.plain_minor if not self.locale.decimal_comma else (lambda v, s: None)

            def minor(value: object) -> int:
                quick = plain(value, scale)
                return quick if quick is not None else to_minor(amount(value), currency)

            self._parsed[key] = self._convert(field, self.raw(field), minor)
        return self._parsed[key]

    def currencies(self, field: str = "currency") -> list[str]:
        """Each row's currency: its own column where the report has one, else the file's."""
        default = self.locale.currency
        if not self.has(field):
            return [default] * self.n
        column = self.col(field)
        spelled = {c: (c.upper() if c else default) for c in set(column)}
        return list(map(spelled.__getitem__, column))

    def records(self, columns: dict[str, list]) -> list[dict]:
        """One record per row from the columns; remembers which fields came from absent columns."""
        self.absent_keys.update(key for key, column in columns.items() if isinstance(column, Missing))
        return records(columns)

    def good_columns(self, columns: dict[str, list]) -> dict[str, list]:
        """The columns without the rows that have problems (records built from columns, no dict per row)."""
        self.absent_keys.update(key for key, column in columns.items() if isinstance(column, Missing))
        if not self.bad:
            return dict(columns)
        keep = [i for i in range(self.n) if i not in self.bad]
        return {key: [column[i] for i in keep] for key, column in columns.items()}

    def good(self, records: Iterable[dict | None]) -> list[dict]:
        """The records of rows without problems (``records`` is one entry per row, None to skip)."""
        bad = self.bad
        if not bad:
            return [r for r in records if r is not None]
        return [r for i, r in enumerate(records) if r is not None and i not in bad]

    def good_values(self, field: str) -> list:
        """A parsed column without the rows that have problems."""
        column = self.col(field)
        return [v for i, v in enumerate(column) if i not in self.bad] if self.bad else column


def records(columns: dict[str, list]) -> list[dict]:
    """One dict per row from equally long columns (the fast way to build many records)."""
    keys = list(columns)
    return [dict(zip(keys, row)) for row in zip(*columns.values())]
