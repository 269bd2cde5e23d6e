"""Documents generated from the live data and records: committee papers, plan exports."""
