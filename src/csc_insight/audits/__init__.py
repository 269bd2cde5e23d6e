"""Case-file audits, for the web app and the CLI alike: what is open and who holds it
(`cases`), the quarterly and thematic sample (`sampling`), the audit form's sections and
grades (`grades`), and the round summary and trends (`summary`). `models` and `migrations`
are the Django app (label `audits`) that stores rounds and audits; `services` holds the use
cases (create a round, save an audit with its version check, moderate, the round report);
`demo` the demo round; `export_docx` a round report as Word. The pages are in
`csc_insight.web.audits`.

    from csc_insight.audits.sampling import SampleOptions, propose_sample
    with snapshots.connect() as con:
        sample = propose_sample(con, "2019-20-Q3", history, SampleOptions(per_worker=3))
"""
