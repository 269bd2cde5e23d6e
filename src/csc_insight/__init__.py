"""CSC Insight: performance, improvement, audit and committee reporting for children's services."""

__version__ = "0.1.0"
