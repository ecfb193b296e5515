"""The on-disk cache."""
