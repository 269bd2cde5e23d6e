"""Size and shape of each synthetic authority: volumes per year and the rates that drive journeys.

`city` follows the City of London's 2019-20 Q3 figures (seed 002): about 80 contacts and 30
referrals a quarter, 28 children in need, 4 on plans, 27 looked after (many of them
unaccompanied asylum-seeking 16-17 year olds) and 26 care leavers. Our children-in-need
count follows DfE and includes the children looked after, so it reads in the mid 30s.
`borough` is a large London borough, `england` the national volume (about 650,000 referrals
a year).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Profile:
    name: str
    population: int  # 0-17 population (mid-year estimate)
    contacts_per_year: float
    referrals_per_year: float  # first referrals and re-referrals together
    uasc_per_year: float  # unaccompanied children arriving (looked after at once)
    la_code: str  # 3-digit DfE LA number, for UPNs and the census header
    teams: int  # teams of each kind
    caseload: int  # open cases per worker, to size the workforce
    rereferral: float = 0.22  # chance an episode is followed by another referral
    nfa: float = 0.08  # referrals with no further action
    s47: float = 0.27  # assessed referrals that go to a strategy discussion / S47
    icpc: float = 0.42  # S47 enquiries that reach an ICPC
    cp_from_icpc: float = 0.87  # ICPCs that result in a plan
    cin_plan: float = 0.35  # other assessed referrals that get a CIN plan
    care_direct: float = 0.025  # assessed referrals that go straight into care
    care_from_cp: float = 0.12  # CP plans that end with the child coming into care
    late_assessment: float = 0.18
    late_icpc: float = 0.12
    eet: float = 0.55  # care leavers in education, employment or training
    suitable: float = 0.86  # care leavers in suitable accommodation
    london: bool = True


PROFILES: dict[str, Profile] = {
    # Tuned so that, at the end of 2019-20 Q3, seeds 1-3 give 22-23 looked after (8-11 of
    # them unaccompanied), 23-26 care leavers, 0-3 on plans, 80-90 contacts and 28-32
    # referrals a quarter, and 33-37 children in need (which counts those looked after).
    "city": Profile(
        name="city",
        population=900,
        contacts_per_year=330,
        referrals_per_year=115,
        uasc_per_year=7,
        la_code="201",
        teams=1,
        caseload=12,
        rereferral=0.12,
        nfa=0.5,
        s47=0.09,
        cin_plan=0.08,
        care_direct=0.14,
        care_from_cp=0.05,
        eet=0.8,
        suitable=0.97,
    ),
    "borough": Profile(
        name="borough",
        population=70_000,
        contacts_per_year=15_000,
        referrals_per_year=3_900,
        uasc_per_year=40,
        la_code="210",
        teams=4,
        caseload=16,
        rereferral=0.18,
    ),
    "england": Profile(
        name="england",
        population=12_000_000,
        contacts_per_year=2_300_000,
        referrals_per_year=650_000,
        uasc_per_year=3_500,
        la_code="000",
        teams=150,
        caseload=17,
        london=False,
    ),
}
