"""Action plans and implementation (steps 4 and 5)."""
