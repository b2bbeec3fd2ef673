"""The registry behind `sellertui export WHAT`.

Each area's exporter is a function ``(shop, options) -> (header, rows)``
decorated with ``@exporter("name")`` in its own module; an area adds its module
to ``MODULES``. Writing CSV (formula-safe) or JSON is the CLI's job, the same
for all of them. Every CLI command loads these modules to list the choices, so
they import pandas (if at all) inside their functions, never at the top.
"""

from __future__ import annotations

import importlib
from typing import Any, Callable

Exporter = Callable[[Any, Any], tuple[list[str], list[list]]]
EXPORTERS: dict[str, Exporter] = {}

MODULES = [
    "sellertui.domain.team.export",
    "sellertui.domain.orders.exports",
    "sellertui.domain.inventory.export",
    "sellertui.domain.ads.export",
    "sellertui.domain.promotions.export",
]


def exporter(name: str) -> Callable[[Exporter], Exporter]:
    def register(fn: Exporter) -> Exporter:
        EXPORTERS[name] = fn
        return fn

    return register


def all_exporters() -> dict[str, Exporter]:
    for module in MODULES:
        importlib.import_module(module)
    return EXPORTERS
