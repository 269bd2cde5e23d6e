"""Improvement and action plans: everything about them, for the web app and the CLI alike.

- `models`, `migrations`: the Django app (label `plans`) that stores plans, sections,
  actions, leads and updates;
- `services`: the use cases (import a file, save an action with its version check, the
  at-a-glance summary, a plan as a `PlanDocument`); `demo`: the two example plans;
- `document`, `rag`, `spreadsheet`, `summary`, `indicator_value`: plain Python for a plan
  as data, RAG ratings, reading a plan table, progress and movement, and the live figure an
  action is measured by;
- `export_docx`, `export_xlsx`: a plan written as Word or Excel.

The pages are in `csc_insight.web.plans` (views, forms, URLs) and `web/templates/plans`.
"""
