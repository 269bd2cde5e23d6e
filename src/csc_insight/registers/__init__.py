"""The registers officers keep beside the returns (issue 17), one Django app: the models,
import, alerts and use-case services that both the CLI and the web call.

Done so far: children missing from home and care (`missing.py`, `missing_import.py`),
children missing education (`cme.py`, `cme_import.py`), both in the termly paper
(`papers.py`); LADO (`lado.py`, `lado_import.py`) and private fostering
(`private_fostering.py`, `private_fostering_import.py`), with their services
(`annual_services.py`) and annual papers (`annual_papers.py`); providers (`providers.py`,
`providers_import.py`, `providers_paper.py`) and safeguarding champions (`champions.py`,
`champions_import.py`, `safeguarding_paper.py`), listed by `listing.py`.
"""
