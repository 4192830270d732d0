"""Monitoring and evaluation (step 6)."""
