"""The access log: one append-only row per view of a child's record."""
