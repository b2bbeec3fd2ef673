"""Promotions: deals, coupons and discounts, their fees, deadlines and checks."""
