"""Orders and after-sales: order lines, FBM shipping, addresses, buyers, messages, returns, notes."""
