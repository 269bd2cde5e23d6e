"""The start page and the performance dashboards: overview, area and indicator pages, and
the drill-down to the children behind each figure."""
