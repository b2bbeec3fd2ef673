"""Cell formatters for ``Column``: money, percentages, signs. Missing values never reach them."""

from __future__ import annotations

from typing import Callable

from sellertui.core.money import fmt


def money_cell(currency: str | None = None) -> Callable[..., str]:
    """Minor units as money in ``currency``; without one, in the row's own ``currency`` column
    (declare the column with ``needs=("currency",)``)."""

    def cell(value, row=None) -> str:
        code = currency or (row("currency") if row is not None else None) or "USD"
        return fmt(int(round(value)), code)

    return cell


def percent_cell(value) -> str:
    """A fraction as a percentage with one decimal."""
    return "—" if value != value else f"{value * 100:.1f}%"


def signed_style(value) -> str | None:
    """Red for a loss."""
    return "red" if value == value and value < 0 else None
