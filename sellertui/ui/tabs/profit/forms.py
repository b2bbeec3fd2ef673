"""The Profit forms: an expense, an exchange rate, a role of the hiring plan, the cash reserve, a hire date.

Each is a ``FormScreen`` over the domain's parsers, so a bad amount, date,
month, currency or overhead is shown under its field and nothing is saved.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from sellertui.core.i18n import _
from sellertui import clock
from sellertui.domain import fields
from sellertui.domain.fields import FieldError
from sellertui.core.money import fmt, to_minor
from sellertui.domain.profit import expenses as expense_rules, fx
from sellertui.domain.profit.hiring import SUGGESTED
from sellertui.ui.kit.forms import Field, FormScreen


ONCE = "once"  # a choice cannot hold "": the form's value for a one-off expense


def _amount_text(minor: int | None, currency: str) -> str:
    return "" if minor is None else fmt(minor, currency, symbol=False, grouping=False)


def _positive_money(currency: str):
    def parse(text: str) -> int:
        amount = fields.money(text, currency)
        if amount <= 0:
            raise FieldError(_("more than zero"))
        return amount

    return parse


def _optional_day(text: str) -> date | None:
    return fields.day(text) if text.strip() else None


def expense_form(expense: dict | None, home: str) -> FormScreen:
    """Add an expense (``expense`` None) or edit one."""
    e = expense or {}
    currency = e.get("currency") or home
    return FormScreen(_("Edit expense") if expense else _("New expense"), [
        Field("date", _("Date"), fields.day, value=e.get("date") or clock.today().isoformat(),
              help=_("a one-off's day, or the first month of a monthly one")),
        Field("category", _("Category"), kind="choice", value=e.get("category") or "tools",
              choices=[(_(label), key) for key, label in expense_rules.CATEGORIES.items()]),
        Field("description", _("Description"), lambda t: fields.text(t, required=True, max_length=200),
              value=e.get("description", "")),
        Field("currency", _("Currency"), fx.parse_currency, value=currency),
        Field("amount", _("Amount"), _positive_amount, value=_amount_text(e.get("amount_minor"), currency),
              help=_("more than zero, in the currency above")),
        Field("recurring", _("Repeats"), kind="choice", value=e.get("recurring") or ONCE,
              choices=[(_(label), key or ONCE) for key, label in expense_rules.RECURRENCES.items()]),
        Field("until", _("Until"), _optional_day, value=e.get("until") or "",
              help=_("a monthly expense's last day (blank: still running)")),
    ], check=_expense_check)


def _positive_amount(text: str) -> Decimal:
    """An amount before its currency is known (the currency field may change after it)."""
    try:
        amount = Decimal(text.strip().replace(",", "").lstrip("$£€¥"))
    except InvalidOperation:
        raise FieldError(_("an amount, like 12.99")) from None
    if not amount.is_finite() or amount <= 0:
        raise FieldError(_("more than zero, like 12.99"))
    if amount >= Decimal(10) ** 12:
        raise FieldError(_("too large"))
    return amount


def _expense_check(values: dict) -> dict[str, str]:
    values["recurring"] = None if values["recurring"] == ONCE else values["recurring"]
    errors = expense_rules.check(values)
    values["amount_minor"] = to_minor(values["amount"], values["currency"])
    if values["amount_minor"] <= 0:
        errors["amount"] = _("less than the smallest unit of {currency}").format(currency=values["currency"])
    return errors


def rate_form(rate: dict | None, home: str, month: str) -> FormScreen:
    r = rate or {}
    return FormScreen(_("Edit exchange rate") if rate else _("New exchange rate"), [
        Field("month", _("Month"), fx.parse_month, value=r.get("month") or month, help=_("like 2026-10")),
        Field("currency", _("Currency"), fx.parse_currency, value=r.get("currency", ""), help=_("like CAD, EUR, GBP")),
        Field("rate", _("1 unit in {home}").format(home=home), fx.parse_rate, value=r.get("rate", ""),
              help=_("what one unit of the currency was worth in {home} that month, like 0.7342").format(home=home)),
        Field("note", _("Note"), lambda t: fields.text(t, max_length=200), value=r.get("note", ""),
              help=_("where the rate is from (e.g. the settlement's deposit)")),
    ], check=lambda v: {"currency": _("{home} is the home currency").format(home=home)} if v.get("currency") == home.upper() else {})


def role_form(role: dict | None, home: str, overhead_pct: float, position: int) -> FormScreen:
    r = role or {}
    suggestion = SUGGESTED[min(position, len(SUGGESTED) - 1)] if role is None else r.get("title", "")
    return FormScreen(_("Edit role") if role else _("New role in the hiring plan"), [
        Field("title", _("Role"), lambda t: fields.text(t, required=True, max_length=80), value=suggestion,
              help=_("e.g. operator, PPC specialist, customer service, designer, product assistant")),
        Field("salary_minor", _("Salary a month ({home})").format(home=home), _positive_money(home),
              value=_amount_text(r.get("salary_minor"), home)),
        Field("overhead_pct", _("Overhead %"), lambda t: fields.number(t, 0, 200),
              value=f"{float(r.get('overhead_pct', overhead_pct)):g}",
              help=_("taxes, benefits, tools on top of the salary: usually 20–30%")),
        Field("notes", _("Notes"), lambda t: fields.text(t, max_length=500), value=r.get("notes", "")),
    ])


def cash_form(cash: dict | None, home: str) -> FormScreen:
    return FormScreen(_("Cash in reserve"), [
        Field("amount_minor", _("Cash ({home})").format(home=home), lambda t: fields.money(t, home),
              value=_amount_text((cash or {}).get("amount_minor"), home),
              help=_("what the business holds in the bank today, after what it owes")),
        Field("date", _("As of"), fields.day, value=clock.today().isoformat()),
        Field("note", _("Note"), lambda t: fields.text(t, max_length=200)),
    ])


def hire_form(title: str, cost: str) -> FormScreen:
    return FormScreen(_("Hire: {title}").format(title=title), [
        Field("day", _("Starts on"), fields.day, value=clock.today().isoformat(),
              help=_("{cost} joins the expenses (salaries, monthly) from this day").format(cost=cost)),
    ], submit_label=_("Mark hired"))
