"""Committee papers generated from the live data and records (issue 7).

    performance.performance_report(con, period, meeting, narrative=None, meta=None,
                                   rule=None, results=None) -> Paper        Public
    performance.appendix(con, period, meeting, narrative=None, meta=None,
                         results=None) -> Paper          Non-public, Schedule 12A paras 1, 2
    plan_progress.plan_report(plan_doc, states, meeting, on, last_meeting=None, ...) -> Paper
    audit_report.audit_report(round_report, meeting, narrative=None, meta=None, ...) -> Paper
    agenda.agenda(papers, meeting, meta=None) -> Paper   Part 1 / motion / Part 2
    render.write(paper, "docx" | "pdf" | "html", path) -> Path

A `Paper` (document.py) is plain data: the front table, the author's `Narrative`, the
generated body and appendices, the snapshot it came from and when it was generated.
Public papers pass every figure through reports.disclosure (see figures.py).
"""
