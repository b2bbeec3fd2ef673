"""The competitor watch: ASINs the shop keeps an eye on (its own and competitors'), one snapshot a day each.

``watchlist`` holds the ASINs; ``snapshots`` the day's figures, merged from the
sync (Product Pricing and Catalog Items) and from what the user types or
imports (rating, reviews, coupon, deal); ``alerts`` the changes worth a look
on Today; ``listing`` what the Inventory view and ``sellertui watch`` show.
"""
