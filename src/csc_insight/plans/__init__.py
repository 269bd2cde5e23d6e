"""Improvement and action plans: RAG ratings, spreadsheet import, summaries and movement.

Pure Python: the web app (`csc_insight.web.plans`) stores plans with the Django ORM and
uses these modules for everything that does not need the database.
"""
