"""Parsing what people type into forms: one place, one wording for every error."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation

from sellertui.core.i18n import _
from sellertui import clock
from sellertui.core.money import to_minor


class FieldError(ValueError):
    pass


def text(value: str, required: bool = False, max_length: int = 2000) -> str:
    value = value.strip()
    if required and not value:
        raise FieldError(_("required"))
    if len(value) > max_length:
        raise FieldError(_("at most {max_length} characters").format(max_length=max_length))
    return value


def integer(value: str, low: int | None = None, high: int | None = None) -> int:
    try:
        number = int(value.strip().replace(",", ""))
    except ValueError:
        raise FieldError(_("a whole number, like 12")) from None
    if low is not None and number < low:
        raise FieldError(_("at least {low}").format(low=low))
    if high is not None and number > high:
        raise FieldError(_("at most {high}").format(high=high))
    return number


def number(value: str, low: float | None = None, high: float | None = None) -> float:
    try:
        result = float(value.strip().replace(",", ""))
    except ValueError:
        raise FieldError(_("a number, like 1.5")) from None
    if result != result or result in (float("inf"), float("-inf")):
        raise FieldError(_("a number, like 1.5"))
    if low is not None and result < low:
        raise FieldError(_("at least {low:g}").format(low=low))
    if high is not None and result > high:
        raise FieldError(_("at most {high:g}").format(high=high))
    return result


def money(value: str, currency: str, allow_negative: bool = False) -> int:
    cleaned = value.strip().replace(",", "").lstrip("$£€¥")
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        raise FieldError(_("an amount in {currency}, like 12.99").format(currency=currency)) from None
    if not amount.is_finite():
        raise FieldError(_("an amount in {currency}, like 12.99").format(currency=currency))
    if amount < 0 and not allow_negative:
        raise FieldError(_("cannot be negative"))
    try:
        return to_minor(amount, currency)
    except InvalidOperation:  # 1E100: too many digits to hold in minor units
        raise FieldError(_("an amount in {currency}, like 12.99").format(currency=currency)) from None


def day(value: str) -> date:
    """A date: 2026-11-30, or today / tomorrow / yesterday, or +3 / -2 (days from today)."""
    value = value.strip().lower()
    today = clock.today()
    words = {"today": 0, "tomorrow": 1, "yesterday": -1}
    if value in words:
        return today + timedelta(days=words[value])
    if value[:1] in "+-" and value[1:].rstrip("d").isdigit():
        return today + timedelta(days=int(value.rstrip("d")))
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise FieldError(_("a date like 2026-11-30 (or today, tomorrow, +3)")) from None


def moment(value: str) -> datetime:
    """A date and time: 2026-11-21 14:30 (local time), or now."""
    value = value.strip().lower()
    if value == "now":
        return clock.now().replace(microsecond=0)
    try:
        parsed = datetime.fromisoformat(value.replace(" ", "T", 1) if " " in value else value)
    except ValueError:
        try:
            parsed = datetime.combine(day(value), time(9, 0))
        except FieldError:
            raise FieldError(_("a date and time like 2026-11-21 14:30 (or now)")) from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=clock.now().tzinfo)
    if parsed > clock.now() + timedelta(minutes=5):
        raise FieldError(_("cannot be in the future"))
    return parsed
