"""Synthetic children's social care data in the real return formats, at any size.

    world = generate("city", seed=1, start=date(2017, 4, 1), end=date(2020, 3, 31))
    world.tables()        # canonical tables (store/schema.sql) as rows: the ground truth
    write(world, out_dir) # the files below

Profiles (`profiles.py`): `city` (City of London size), `borough` (large London borough),
`england` (national volume). The same seed gives byte-identical files.

Files written, and the canonical tables each carries:

- `annex_a.xlsx` (sheets "List 1" ... "List 11"; or `annex_a_list_N.csv` when a list exceeds
  Excel's row limit): the six months before `end`. List 1 contacts, 2 early_help,
  3 referrals, 4 assessments, 5 s47_enquiries, 6 referrals (episodes open in the window),
  7 cp_plans (+ latest cp_reviews / visits), 8 cla_episodes (latest per child, + reviews,
  visits, health_assessments, missing_episodes counts), 9 care_leavers, 10 adoption,
  11 adopters (no canonical table).
- `cin_census_YYYY.xml`, one per collection year: children, referrals, assessments,
  s47_enquiries, cin_plans, cp_plans, cp_reviews.
- SSDA903 CSVs (all years in one set): `header.csv`/`uasc.csv` children, `episodes.csv`
  cla_episodes, `reviews.csv` cla_reviews, `oc2.csv` cla_health, `oc3.csv` care_leavers,
  `missing.csv` missing_episodes (looked-after children only), `placed_adoption.csv`,
  `ad1.csv` adoption, `prev_perm.csv` (no canonical table). OC2/OC3 end with a `YEAR` column.
- `local_extras/*.csv` (docs/local_extras.md): children, contacts (all, with decisions),
  early_help, short_breaks, visits, missing_episodes (the full register, with return home
  interviews), health_assessments, pathway_plan_reviews, allocations, workers, population.

Each canonical row's `source` names the return that carries it most completely.
Modules: `journeys` simulates (numpy, vectorised; a package with one module per kind of
record); `early_help_referrals` and `short_breaks` add the requests for early help (source,
outcome) and disabled children's short breaks (SSDA903 V3/V4 episodes and section 17
services); `write_*` write one format each; working days come from `common.calendar`.
"""

from __future__ import annotations

from csc_insight.synth.generate import generate, write
from csc_insight.synth.world import World

__all__ = ["World", "generate", "write"]
