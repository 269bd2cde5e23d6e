"""Committee papers generated from the live data and records: one home for the CLI's
`report` command and the web's Committee pages.

    performance.performance_report(con, period, meeting, narrative=None, meta=None,
                                   rule=None, results=None) -> Paper        Public
    performance.appendix(con, period, meeting, narrative=None, meta=None,
                         results=None) -> Paper          Non-public, Schedule 12A paras 1, 2
    plan_progress.plan_report(plan_doc, states, meeting, on, last_meeting=None, ...) -> Paper
    audit_report.audit_report(round_report, meeting, narrative=None, meta=None, ...) -> Paper
    agenda.agenda(papers, meeting, meta=None) -> Paper   Part 1 / motion / Part 2
    services.build(draft) / services.write(paper, "docx" | "pdf" | "html", path)

`models` and `migrations` are the Django app (label `committee`) that keeps saved drafts
(the author's narrative for a paper and meeting); `services` builds a paper from a draft.
A `Paper` (csc_insight.reports.paper) is plain data: the front table, the author's
`Narrative`, the generated body and appendices, the snapshot it came from and when it was
generated; csc_insight.reports.render writes it. Public papers pass every figure through
csc_insight.reports.disclosure (see figures.py).
"""
