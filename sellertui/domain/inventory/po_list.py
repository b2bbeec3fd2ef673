"""The purchase orders as the Inventory tab lists them: one row per PO, with its totals, state and lateness.

A PO is late when it is open (ordered or shipped) and its expected day has
passed. Drafts and open POs come first, soonest expected first; then the
received and cancelled ones, newest first. pandas is imported inside the
function (it runs in a worker).
"""

from __future__ import annotations

from sellertui.core.money import fmt
from sellertui.domain.inventory.purchase_orders import is_open, state, totals

# the list's order of statuses: what still needs doing first
ORDER = {"draft": 0, "ordered": 1, "shipped": 2, "received": 3, "cancelled": 4}


def read_purchase_orders(store) -> tuple[list[dict], dict[str, dict]]:
    """Every purchase order, and the catalogue ({sku: product}) their forms pick SKUs and suppliers from."""
    return store["purchase_orders"].all(), dict(store["products"].docs())


def suppliers(catalogue: dict[str, dict]) -> list[str]:
    """The suppliers named in the catalogue, sorted (the PO form offers them)."""
    return sorted({p.get("supplier") for p in catalogue.values() if p.get("supplier")})


def purchase_orders_frame(purchase_orders: list[dict], today: str):
    """Every PO as a row (``today`` an ISO date: what is late)."""
    import pandas as pd

    rows = []
    for po in purchase_orders:
        sums = totals(po)
        status = po.get("status", "draft")
        late = is_open(po) and bool(po.get("expected_on")) and po["expected_on"] < today
        rows.append({
            "id": str(po["id"]), "number": int(po["id"]) if str(po["id"]).isdigit() else 0,
            "supplier": po.get("supplier", ""), "status": status, "state": state(po),
            "rank": ORDER.get(status, 9), "expected_on": po.get("expected_on") or "",
            "late": "late" if late else "", "ordered_on": po.get("ordered_on") or "",
            "units": sums["units"], "received": sums["received"], "value_minor": sums["value_minor"],
            "value": fmt(sums["value_minor"], po.get("currency", "USD")),
            "skus_text": ", ".join(line["sku"] for line in po.get("lines") or []),
            "haystack": " ".join([str(po["id"]), po.get("supplier", ""), status, po.get("notes", ""),
                                  *[line["sku"] for line in po.get("lines") or []]]).lower(),
        })
    columns = ["id", "number", "supplier", "status", "state", "rank", "expected_on", "late", "ordered_on", "units",
               "received", "value_minor", "value", "skus_text", "haystack"]
    frame = pd.DataFrame(rows, columns=columns)
    closed = frame["rank"] >= ORDER["received"]
    current = frame[~closed].sort_values(["rank", "expected_on", "number"], kind="stable")
    done = frame[closed].sort_values(["expected_on", "number"], ascending=False, kind="stable")
    return pd.concat([current, done]).reset_index(drop=True)
