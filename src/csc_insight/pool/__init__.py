"""A regional pool: many councils' returns in one Parquet store, the whole indicator
catalogue for every council, and the regional table (value, rank, quartile, regional mean and
median, statistical-neighbour median) that may leave the pool owner.

    add(la_code, paths, pool_dir)              validate one council's returns as `load` does,
                                               pseudonymise them and make them its current load
    council_results(pool_dir, period, engine)  {council: [Result]} from the same SQL files,
                                               each run once for every council (keyed.py)
    regional_table(results)                    the regional rows, disclosure control applied

Layout and the commit point: store.py. Pseudonymisation: pseudonymise.py and keys.py.
"""

from csc_insight.pool.add import AddResult, PoolAddError, add
from csc_insight.pool.compute import council_results
from csc_insight.pool.regional import RegionalRow, regional_table
from csc_insight.pool.store import default_pool_dir, read_manifest

__all__ = [
    "AddResult",
    "PoolAddError",
    "RegionalRow",
    "add",
    "council_results",
    "default_pool_dir",
    "read_manifest",
    "regional_table",
]
