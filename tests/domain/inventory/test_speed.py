"""2,000 SKUs and 100,000 order lines: the plan is built with one group-by, not a loop per SKU."""

from __future__ import annotations

import random
import time

from sellertui.domain.inventory.plan import compute_from_records
from sellertui.domain.inventory.settings import InventorySettings
from sellertui.domain.inventory.velocity import sales_frame
from tests.domain.inventory.helpers import TODAY, day, product


def test_two_thousand_skus_and_a_hundred_thousand_orders() -> None:
    rng = random.Random(5)
    products = [product(f"SKU-{i:04d}", stock={"fba_available": rng.randint(0, 500)}, seasonal={"11": 1.5} if i % 7
                        else {}) for i in range(2000)]
    days = [day(b).isoformat() for b in range(1, 91)]
    orders = [{"sku": f"SKU-{rng.randrange(2000):04d}", "purchase_date": f"{rng.choice(days)}T10:00:00+00:00",
               "quantity": rng.randint(0, 3)} for _ in range(100_000)]
    start = time.perf_counter()
    sales = sales_frame(orders)  # built once per orders file and cached
    plan = compute_from_records(products, [], [], sales, day(400), InventorySettings(), TODAY)
    elapsed = time.perf_counter() - start
    assert len(plan.frame) == 2000 and plan.frame["u90"].sum() == sum(o["quantity"] for o in orders)
    # ~0.3 s on a quiet laptop; a loop per SKU over the orders would take minutes
    assert elapsed < 5, f"{elapsed:.2f} s"
