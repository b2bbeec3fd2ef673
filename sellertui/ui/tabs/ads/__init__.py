"""The Ads tab: search terms, proposals, targets, ledger and overview (``area.AdsArea``)."""
