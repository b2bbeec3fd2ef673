"""Developer tools: the benchmark and the screenshot generator (not used by the app)."""
