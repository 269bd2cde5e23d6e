"""The parts every generated document is made of: a `paper` (plain data: front table,
narrative, blocks, appendices), `render` (that paper as DOCX, PDF or HTML), `charts` (SVG
charts, each with its table) and `disclosure` (which counts a public output may show).

The papers themselves live with their concern: committee papers in `csc_insight.committee`,
the missing-children paper in `csc_insight.registers`, plan and audit exports in
`csc_insight.plans` and `csc_insight.audits`.
"""
