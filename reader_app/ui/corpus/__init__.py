"""The corpus overview: every document against every other, grouped by story."""
