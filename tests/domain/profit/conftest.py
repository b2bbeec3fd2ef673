"""A tiny shop written by hand, so every P&L figure can be worked out on paper."""

from __future__ import annotations

import pytest


@pytest.fixture
def profit(store):
    """``profit(**collections)`` writes records and returns a ProfitService over the store."""
    from sellertui import config
    from sellertui.domain.frames import FrameCache
    from sellertui.domain.profit.service import ProfitService

    def make(home: str = "USD", **collections) -> ProfitService:
        with store.transaction("test data") as tx:
            for name, docs in collections.items():
                col = tx[name]
                if col.spec.ids == "key":
                    col.upsert_many(docs)
                else:
                    col.insert_many(docs)
        settings = config.load()
        settings.home_currency = home
        return ProfitService(store, FrameCache.for_store(store), settings, "ana")

    return make


MUG = {"sku": "MUG", "title": "Mug", "currency": "USD", "fees": {"referral_pct": 15.0, "fba_fee_minor": 300},
       "costs": [{"from": "2026-01-01", "landed_minor": 500}, {"from": "2026-10-15", "landed_minor": 600}]}


def order(order_id: str, day: str, qty: int, price: int, currency: str = "USD", marketplace: str = "US",
          sku: str = "MUG", channel: str = "FBA") -> dict:
    return {"id": f"{order_id}|{sku}", "order_id": order_id, "sku": sku, "purchase_date": f"{day}T12:00:00+00:00",
            "quantity": qty, "item_price_minor": price, "currency": currency, "marketplace": marketplace,
            "channel": channel, "status": "shipped"}


def write_ecb(days: dict[str, dict[str, str]]) -> None:
    """A hand-made ECB history (``{day: {currency: euro rate}}``) where ``sellertui fx update`` would keep it."""
    import io
    import zipfile

    from sellertui.domain.profit.ecb import cached_file

    currencies = sorted({c for rates in days.values() for c in rates})
    lines = ["Date," + ",".join(currencies) + ","]
    for day in sorted(days, reverse=True):
        lines.append(day + "," + ",".join(days[day].get(c, "N/A") for c in currencies) + ",")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("eurofxref-hist.csv", "\n".join(lines) + "\n")
    path = cached_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())
