"""Who may see what: users and their roles, restricted records and the grants that open
them, and the append-only log of every view of child-level data.

These are Django apps (models and migrations) with the rules that both the web app and the
command line apply: `roles` (what each role may do), `accounts` (the user model and
creating users), `restricted` (which children are restricted and who may open them) and
`accesslog` (recording and searching views). The pages for them live in `csc_insight.web`.
"""
