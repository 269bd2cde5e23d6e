"""Child-level pages: a child's journey (later: drill-down lists). Every view is logged."""
