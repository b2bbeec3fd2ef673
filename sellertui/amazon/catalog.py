"""Catalog Items 2022-04-01: an ASIN's sales ranks and title (getCatalogItem, 2 requests a second)."""

from __future__ import annotations

from sellertui.amazon.client import SpApi


class Catalog:
    def __init__(self, api: SpApi) -> None:
        self.api = api

    def item(self, asin: str, marketplace_id: str) -> dict:
        """The catalog item with its ``salesRanks`` and ``summaries`` for one marketplace."""
        params = {"marketplaceIds": [marketplace_id], "includedData": ["salesRanks", "summaries"]}
        body = self.api.call("getCatalogItem", "GET", f"/catalog/2022-04-01/items/{asin}", params=params).body
        return body if isinstance(body, dict) else {}
