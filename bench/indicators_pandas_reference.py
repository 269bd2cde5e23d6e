"""A straightforward pandas computation of five headline indicators, for the benchmark
ratio against the SQL engine (csc_insight.indicators.compute).

    python bench/indicators_pandas_reference.py [--snapshot ID] [--period 2019-20-Q3]

Reads the same canonical tables from the snapshot and follows the same definitions with
the engine's default settings (indicators/settings.yaml): day-0 working days, the
45-working-day clock from the assessment's actual start date (as the DfE measures it),
children looked after at the end not counting short breaks (legal status V3, V4). Prints
the values and the time taken. tests/indicators/test_bench_reference.py checks that it
agrees with the engine.
"""

from __future__ import annotations

import argparse
import time

import pandas as pd

from csc_insight.indicators.periods import parse_period
from csc_insight.store.snapshots import connect


def headline(con, period_label: str) -> dict[str, float | None]:
    period = parse_period(period_label)
    start, end = pd.Timestamp(period.start), pd.Timestamp(period.end)
    contacts = con.execute("SELECT child_id, contact_date FROM contacts").df()
    referrals = con.execute("SELECT referral_id, child_id, referral_date FROM referrals").df()
    assessments = con.execute("SELECT start_date, authorised_date FROM assessments").df()
    episodes = con.execute("SELECT child_id, decom, dec, ls FROM cla_episodes").df()
    calendar = con.execute("SELECT day, working_day_no FROM calendar").df()
    for frame, cols in (
        (contacts, ["contact_date"]),
        (referrals, ["referral_date"]),
        (assessments, ["start_date", "authorised_date"]),
        (episodes, ["decom", "dec"]),
        (calendar, ["day"]),
    ):
        for col in cols:
            frame[col] = pd.to_datetime(frame[col])
    wdn = calendar.set_index("day")["working_day_no"]

    in_period = referrals[referrals.referral_date.between(start, end)]
    # re-referral: another referral for the child in the 12 months before
    pairs = in_period.merge(referrals, on="child_id", suffixes=("", "_prev"))
    pairs = pairs[
        (pairs.referral_date_prev < pairs.referral_date)
        & (pairs.referral_date_prev >= pairs.referral_date - pd.DateOffset(months=12))
    ]
    rereferred = pairs.referral_id.nunique()

    done = assessments[assessments.authorised_date.between(start, end)]
    working_days = done.authorised_date.map(wdn) - done.start_date.map(wdn)
    in_time = int((working_days <= 45).sum())

    open_at_end = episodes[
        (episodes.decom <= end)
        & (episodes.dec.isna() | (episodes.dec > end))
        & ~episodes.ls.isin(["V3", "V4"])  # short breaks are not counted
    ]
    return {
        "contacts": int(contacts.contact_date.between(start, end).sum()),
        "referrals": len(in_period),
        "rereferrals_12m_pct": 100 * rereferred / len(in_period) if len(in_period) else None,
        "assessments_45wd_pct": 100 * in_time / len(done) if len(done) else None,
        "cla_open": open_at_end.child_id.nunique(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--snapshot")
    parser.add_argument("--period", default="2019-20-Q3")
    args = parser.parse_args()
    con = connect(args.snapshot)
    began = time.perf_counter()
    values = headline(con, args.period)
    elapsed = time.perf_counter() - began
    for name, value in values.items():
        print(f"{name}\t{value}")
    print(f"seconds\t{elapsed:.2f}")


if __name__ == "__main__":
    main()
