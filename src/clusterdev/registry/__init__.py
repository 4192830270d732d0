"""The national registry of enterprise clusters, their estimates and their sources."""
