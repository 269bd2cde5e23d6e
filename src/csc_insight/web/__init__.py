"""The web app: Django with the GOV.UK Design System, for dashboards, data loads and journeys.

Run it with `csc-insight serve`; settings are in `csc_insight.web.settings`.
"""
