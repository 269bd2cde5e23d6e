"""Case-file audits without Django: what is open and who holds it (`cases`), the quarterly
and thematic sample (`sampling`), the audit form's sections and grades (`grades`), and the
round summary and trends (`summary`). The web app (csc_insight.web.audits) stores rounds
and audits and calls these.

    from csc_insight.audits.sampling import SampleOptions, propose_sample
    with snapshots.connect() as con:
        sample = propose_sample(con, "2019-20-Q3", history, SampleOptions(per_worker=3))
"""
