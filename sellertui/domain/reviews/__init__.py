"""Feedback, product reviews and Amazon's Request a Review: one package for what buyers say about the shop.

- ``settings``: the thresholds (section ``reviews`` of config.toml);
- ``negatives``: the rules for a 1–2 star feedback or review: its deadline, grounds for removal, the workflow
  (contact the buyer, request removal, resolve), kept in ``feedback_work``;
- ``product_reviews``: product reviews entered by hand (imported ones come through ``importers``);
- ``listing``: seller feedback and product reviews together, as the Orders view and ``sellertui feedback`` list them;
- ``requests``: which orders are due a review request (the 5–30 day window, the exclusions, once per order),
  approving a batch, the daily rule;
- ``solicit``: sending the approved requests through the Solicitations API (a sync stream), outcomes recorded;
- ``today``: the Today sections.
"""
