"""The collections the P&L reads (plain Python: the Profit tab imports it at start-up, before pandas)."""

WATCHES = frozenset({"orders", "settlements", "settlement_summaries", "transactions", "search_terms", "products",
                     "returns", "expenses", "promotions", "promo_fees", "fx_rates", "reimbursements", "ad_reports",
                     "ad_targeting", "advertised_products", "postage_refunds"})
