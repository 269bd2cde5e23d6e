"""The start page now; the dashboards (overview, areas, indicators) in phase 2."""
