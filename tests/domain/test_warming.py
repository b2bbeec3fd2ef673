"""An import into new months keeps their frames beside the store in the same step: every reader then finds its
frame (no JSON parsed, no frame built), each equal to the one built from the store's JSON."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from sellertui.domain.frames import FrameCache
from sellertui.domain.warming import frames_of
from sellertui.importers.pipeline import Options, import_report
from tests.shops import shop_of

FIXTURES = Path(__file__).resolve().parents[1] / "importers" / "fixtures"
REPORTS = ("all-orders-us.txt", "search-terms-uk-daily-2024.csv", "sp-targeting-us-summary.csv",
           "sp-advertised-products-us-daily.csv")


def kept(store) -> set[Path]:
    """The partitions' frames (values derived from several collections, like ad spend by day, aside)."""
    frames = store.layout.data_dir / "frames"
    return {p for p in frames.rglob("*.feather") if p.relative_to(frames).parts[0] != "derived"}


@pytest.fixture
def imported(store):
    shop = shop_of(store)
    for name in REPORTS:
        import_report(store, FIXTURES / name, Options())
    return shop


def collections(store) -> list[str]:
    return [name for name in ("orders", "search_terms", "ad_targeting", "advertised_products")
            if store[name].partitions()]


def reader_build(spec):
    """The builder the frame's reader uses (a lean ads frame is kept as columns of the whole one)."""
    from sellertui.domain.ads.layouts import BY_REPORT
    from sellertui.domain.ads.rows import build

    for layout in BY_REPORT.values():
        if spec.name in (layout.name, layout.name + ".lean"):
            return lambda docs: build(layout, docs, lean=spec.name.endswith(".lean"))
    return spec.build


def test_an_import_keeps_every_frame_of_its_new_months_equal_to_one_built_from_json(imported, tmp_path) -> None:
    store = imported.store
    assert len(collections(store)) == 4
    warm = FrameCache.for_store(store)  # a new process: nothing in memory
    for collection in collections(store):
        for spec in frames_of(collection):
            def refuse(docs):
                raise AssertionError(f"{collection} {spec.name}: built, not read from the import's frames")

            found = warm.frame(collection, refuse, name=spec.name, version=spec.version)
            # built from the JSON and kept elsewhere, then read back (as the import's are)
            FrameCache(store, tmp_path / "json").frame(collection, reader_build(spec), name=spec.name,
                                                       version=spec.version)
            built = FrameCache(store, tmp_path / "json").frame(collection, refuse, name=spec.name,
                                                               version=spec.version)
            assert len(found) > 0
            pd.testing.assert_frame_equal(found, built)


def test_every_reader_finds_the_frames_the_import_kept(imported) -> None:
    from sellertui.domain.ads.layouts import BY_REPORT
    from sellertui.domain.ads.rows import AdRows
    from sellertui.domain.orders.table import all_orders
    from sellertui.domain.profit import sources

    store = imported.store
    before = kept(store)
    assert before
    all_orders(imported)
    sources.load(store, imported.frames())
    for layout in BY_REPORT.values():
        for lean in (True, False):
            rows = AdRows(imported.frames(), layout, lean)
            for month in rows.months():
                rows.partition(month)
    assert kept(store) == before  # a reader that missed would have built and kept a frame of its own


def test_a_later_write_is_read_not_the_kept_frame(imported) -> None:
    from sellertui.domain.orders.table import all_orders

    store = imported.store
    line = all_orders(imported).iloc[0]
    with store.transaction("test") as tx:
        tx["orders"].update(line["id"], {"buyer_name": "Changed Later"})
    again = shop_of(store)
    assert "Changed Later" in set(all_orders(again)["buyer_name"])


def test_an_old_month_of_history_gets_only_the_frames_read_for_every_month() -> None:
    from datetime import timedelta

    from sellertui import clock
    from sellertui.domain.warming import warm

    class Frames:
        def keep(self, collection, partition, signature, specs, part):
            self.names = [spec.name for spec in specs]

    frames = Frames()
    warm(frames, "orders", (clock.today() - timedelta(days=30)).isoformat()[:7], None, None)
    assert len(frames.names) == 5
    warm(frames, "orders", "2001-01", None, None)  # sales velocity, promotions and the Ads weeks never look back so far
    assert [name.rstrip("+-0123456789") for name in frames.names] == ["orders", "profit.orders"]


def test_the_sales_frames_read_no_field_of_an_order_line_beyond_the_ones_warming_gives_them() -> None:
    lines = [{"id": f"A{i}/S{i % 3}", "order_id": f"A{i}", "sku": f"S{i % 3}", "product": "Jar",
              "purchase_date": f"2026-0{1 + i % 3}-1{i % 9}T10:00:00+00:00", "quantity": i % 4,
              "status": ("Shipped", "Cancelled", "Pending")[i % 3], "currency": ("USD", "CAD", None)[i % 3],
              "item_price_minor": (1999, None, 0)[i % 3] if i % 5 else 350,
              "promo_discount_minor": (-200, 0, None)[i % 3],
              "promotion_ids": ("", "PROMO1", None)[i % 3], "shipping_price_minor": 499, "channel": "FBA",
              "marketplace": "US", "_v": 1, "_rev": 1} for i in range(30)]
    lean = [spec for spec in frames_of("orders") if spec.fields]
    assert len(lean) == 3 and len({spec.fields for spec in lean}) == 1  # one set of dicts serves all three
    assert set(lean[0].fields) == {"sku", "purchase_date", "quantity", "status", "currency", "item_price_minor",
                                   "promo_discount_minor", "promotion_ids"}
    for spec in lean:
        only = [{k: v for k, v in line.items() if k in ("id", *spec.fields)} for line in lines]
        pd.testing.assert_frame_equal(spec.build(only), spec.build(lines))
