"""An order's history: the steps taken on it (messages sent, delivery recorded...), kept on each of its lines."""

from __future__ import annotations

from sellertui.core.errors import UserError
from sellertui.core.i18n import _


def add_history_step(store, lines: list[dict], step: dict, changes: dict | None = None) -> None:
    """Add ``step`` to the history of every line of one order (and set ``changes`` on each), all or nothing."""
    with store.transaction(f"order {lines[0]['order_id']}: {step['what']}") as tx:
        orders = tx["orders"]
        for line in lines:
            part = str(line.get("purchase_date") or "")[:7]
            current = orders.get(line["id"], partition=part)
            if current is None:
                raise UserError(_("order line {line_id} no longer exists").format(line_id=line["id"]))
            orders.update(line["id"], {**(changes or {}), "history": [*(current.get("history") or []), step]},
                          partition=part)
