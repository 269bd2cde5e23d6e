"""The children table (with unique pupil numbers) and the 0-17 population estimates."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from csc_insight.synth.days import NA, add_years
from csc_insight.synth.journeys.sim import Sim, child_ids, const, dates, flags
from csc_insight.synth.world import Columns


def children_table(sim: Sim) -> Columns:
    n = sim.n_children
    dob = sim.child("dob")
    uasc = sim.child("uasc")
    disabled = sim.child("disability")
    upn = _upns(sim, uasc)
    return {
        "child_id": child_ids(sim),
        "upn": upn,
        # no UPN: never attended a maintained school in England (the writers' code)
        "upn_unknown": np.where(upn == None, "UN2", None).astype(object),  # noqa: E711
        "dob": dates(dob),
        "expected_dob": dates(np.full(n, NA)),
        "sex": sim.child("sex").astype(object),
        "ethnicity": sim.child("ethnicity").astype(object),
        "disability": flags(disabled),
        "uasc": flags(uasc),
        "uasc_ceased": dates(np.where(uasc, add_years(dob, 18), NA)),
        "death_date": dates(np.full(n, NA)),
        "source": const("ssda903", n),
        "source_ref": const(None, n),
    }


# England's local authority numbers (DfE), for the `england` profile's UPNs: the same list
# CIN rule 1530 checks characters 2-4 against.
_LA_NUMBERS = np.fromstring(
    """
    201 202 203 204 205 206 207 208 209 210 211 212 213 301 302 303 304 305 306 307 308
    309 310 311 312 313 314 315 316 317 318 319 320 330 331 332 333 334 335 336 340 341
    342 343 344 350 351 352 353 354 355 356 357 358 359 370 371 372 373 380 381 382 383
    384 390 391 392 393 394 420 660 661 662 663 664 665 666 667 668 669 670 671 672 673
    674 675 676 677 678 679 680 681 701 702 703 704 705 706 707 708 800 801 802 803 805
    806 807 808 810 811 812 813 815 816 820 821 822 823 825 826 830 831 835 836 837 838
    839 840 841 845 846 850 851 852 855 856 857 860 861 865 866 867 868 869 870 871 872
    873 874 875 876 877 878 879 880 881 882 883 884 885 886 887 888 889 890 891 892 893
    894 895 896 908 909 916 919 921 925 926 928 929 931 933 935 936 937 938 940 941
    """,
    dtype=np.int64,
    sep=" ",
)

_UPN_CHECK = np.array(list("ABCDEFGHJKLMNPQRTUVWXYZ"), dtype=object)


def _upns(sim: Sim, uasc: np.ndarray) -> np.ndarray:
    """Unique pupil numbers with valid check letters (none for unaccompanied children)."""
    rng, n = sim.rng, sim.n_children
    la = (
        np.full(n, int(sim.profile.la_code))
        if sim.profile.la_code != "000"
        else rng.choice(_LA_NUMBERS, n)
    )
    digits = np.column_stack(
        [
            la // 100,
            la // 10 % 10,
            la % 10,
            rng.integers(0, 10, (n, 9)),
        ]
    )
    _unique_serials(digits)
    check = _UPN_CHECK[(digits * np.arange(2, 14)).sum(axis=1) % 23]
    text = np.array(["".join(map(str, row)) for row in digits.tolist()], dtype=object)
    upn = (check + text).astype(object)
    upn[uasc] = None
    return upn


def _unique_serials(digits: np.ndarray) -> None:
    """Make each row's 12 digits unique (a UPN is one pupil's, DfE 1520): a row repeating an
    earlier one takes the next free 9-digit serial. No draws, so nothing else moves."""
    serial = digits[:, 3:] @ (10 ** np.arange(8, -1, -1))
    key = digits[:, :3] @ np.array([100, 10, 1]) * 10**9 + serial
    first = np.zeros(len(key), bool)
    first[np.unique(key, return_index=True)[1]] = True
    if first.all():
        return
    taken = set(key.tolist())
    for i in np.nonzero(~first)[0].tolist():
        k = int(key[i])
        while k in taken:
            k = k - k % 10**9 + (k % 10**9 + 1) % 10**9
        taken.add(k)
        digits[i, 3:] = [k // 10**e % 10 for e in range(8, -1, -1)]


def population_table(sim: Sim) -> Columns:
    years = list(range(day_year(sim.warm), day_year(sim.e0) + 1))
    base = sim.profile.population
    anchor = day_year(sim.e0 - 364)  # mid-year of the last collection year (2019 for 2019-20)
    pop = [int(round(base * (1 + 0.01 * (y - anchor)))) for y in years]
    n = len(years)
    return {
        "year": np.array(years),
        "age_from": np.zeros(n, np.int64),
        "age_to": np.full(n, 17, np.int64),
        "population": np.array(pop, np.int64),
        "source": const("local", n),
        "source_ref": const(None, n),
    }


def day_year(d: int) -> int:
    return (date(1970, 1, 1) + timedelta(days=int(d))).year
