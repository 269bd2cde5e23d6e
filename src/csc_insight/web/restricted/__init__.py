"""Restricted records: children whose records only named roles or time-limited grants open."""
