"""Today: everything that needs doing now, gathered from every area into one checklist."""
