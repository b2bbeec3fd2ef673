"""What an order line's money adds up to, read the same way by every area.

Amazon's All Orders report (and the Orders API, stored like it) writes a
promotion discount as a negative amount: ``item-price 14.99``,
``item-promotion-discount -1.50``. The store keeps the report's sign, so an
order line's sales are item + shipping + discounts. A discount only ever
lowers the price: one stored positive (by an older version of the demo shop)
counts as the same reduction, so no reader adds it by mistake.
"""

from __future__ import annotations

DISCOUNTS = ("promo_discount_minor", "ship_promo_discount_minor")
PAID = ("item_price_minor", "shipping_price_minor", "gift_wrap_price_minor")
TAXES = ("item_tax_minor", "shipping_tax_minor", "gift_wrap_tax_minor")


def reduction(minor) -> int:
    """A discount as the negative amount it adds to a price."""
    return -abs(int(minor or 0))


def discount_of(line: dict) -> int:
    """The line's promotion discounts (item and shipping), negative."""
    return sum(reduction(line.get(name)) for name in DISCOUNTS)


def sales_of(line: dict) -> int:
    """What the line sold for before tax: item + shipping + gift wrap, less its discounts."""
    return sum(int(line.get(name) or 0) for name in PAID) + discount_of(line)


def sales_array(get):
    """``sales_of`` of many lines at once, as int64: ``get(name)`` is that field's values, one per line."""
    import numpy as np

    def ints(values) -> np.ndarray:  # int(v or 0) of each
        if None not in values and set(map(type, values)) <= {int}:
            return np.array(values, dtype=np.int64)
        return np.array([int(v or 0) for v in values], dtype=np.int64)

    total = sum(ints(get(name)) for name in PAID) - sum(np.abs(ints(get(name))) for name in DISCOUNTS)
    return np.asarray(total, dtype=np.int64)


def paid_of(line: dict) -> int:
    """What the buyer paid for the line: its sales and their taxes."""
    return sales_of(line) + sum(int(line.get(name) or 0) for name in TAXES)
