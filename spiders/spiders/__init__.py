"""One thin spider per portal family; all navigation lives in ``base.py``."""
