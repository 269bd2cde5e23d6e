"""Which DfE files the benchmark loader reads, and which indicator each published column feeds.

This module is the mapping an analyst checks against benchmarks/README.md: one `Source` per
DfE file (recognised by its file name, whatever years the name ends with), with the column
names of the current release and the older names they replaced; one `Measure` per indicator
id, naming its source, the rows it keeps (filters) and the column holding the value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Columns every Explore Education Statistics CSV carries, whatever the measure.
GEOGRAPHY = (
    "time_period",
    "time_identifier",
    "geographic_level",
    "country_code",
    "country_name",
    "region_code",
    "region_name",
    "old_la_code",
    "new_la_code",
    "la_name",
)

# The symbols DfE prints instead of a number (see /work/shared/benchmarks/README.md).
SYMBOLS = frozenset({"c", "z", "x", "k", "low", "u", ":"})


@dataclass(frozen=True)
class Source:
    key: str
    pattern: str  # regular expression matched against the file name
    columns: tuple[str, ...]  # this source's own columns, as the current release names them
    aliases: dict[str, str] = field(default_factory=dict)  # older name -> current name
    # Financial years after the one that ends in `time_period`: 0 for returns about the year
    # to 31 March; 1 for the workforce census, taken on 30 September of `time_period`.
    year_offset: int = 0

    def matches(self, filename: str) -> bool:
        return re.match(self.pattern, filename, flags=re.IGNORECASE) is not None

    def known_columns(self) -> frozenset[str]:
        return frozenset(GEOGRAPHY) | frozenset(self.columns) | frozenset(self.aliases)


@dataclass(frozen=True)
class Measure:
    indicator_id: str
    source: str  # Source.key
    column: str  # current-release column name holding the value
    filters: tuple[tuple[str, str], ...] = ()  # (column, value) pairs a row must match


D5_BANDS = (
    "3_months_or_less",
    "more_than_3_months_6_months",
    "more_than_6_months_less_than_1_year",
    "1_year_less_than_2_years",
    "2_years_or_more",
)

SOURCES: tuple[Source, ...] = (
    Source(
        "c1",
        r"c1_children_in_need_referrals_and_rereferrals.*\.csv$",
        (
            "category",
            "referral_count",
            "rereferral_count",
            "rereferral_percent",
            "no_further_action_count",
            "no_further_action_percent",
            "not_in_need_count",
            "not_in_need_percent",
            "referral_child_count",
            "rereferral_child_count",
            "rereferral_child_percent",
        ),
        # Names up to the 2023 release, renamed in the 2025 release.
        {
            "Referrals": "referral_count",
            "Re_referrals": "rereferral_count",
            "Re_referrals_percent": "rereferral_percent",
            "No_Further_Action": "no_further_action_count",
            "No_Further_Action_percent": "no_further_action_percent",
            "Not_in_Need": "not_in_need_count",
            "Not_in_Need_percent": "not_in_need_percent",
            "Referrals_child": "referral_child_count",
            "Re_referrals_child": "rereferral_child_count",
            "Re_referrals_child_percent": "rereferral_child_percent",
        },
    ),
    Source(
        "b1",
        r"b1_children_in_need.*\.csv$",
        (
            "category",
            "Anypoint_episodes",
            "Anypoint_child",
            "Started_episodes",
            "Started_child",
            "Ended_episodes",
            "Ended_child",
            "At31_episodes",
            "awaiting_assessment",
            "At31_episodes_rate",  # rate per 10,000: in releases up to 2023, not in 2025
        ),
    ),
    Source(
        "c3",
        r"c3_factors_identified_at_end_of_assessment.*\.csv$",
        (),  # recognised, but no indicator uses it yet
    ),
    Source(
        "d3",
        r"d3_cpps_subsequent_plan.*\.csv$",
        ("category", "CPP_start", "CPP_subsequent", "CPP_subsequent_percent"),
    ),
    Source(
        "d5",
        r"d5_cpps_at31march_by_duration.*\.csv$",
        ("category", "CPP_At31") + tuple(c for band in D5_BANDS for c in (band, f"{band}_percent")),
    ),
    Source(
        "cla",
        r"cla_number_and_rate_per_10k_children.*\.csv$",
        ("population_type", "population_estimate", "children_count", "rate_per_10000"),
        {"number": "children_count", "population_count": "population_estimate"},
    ),
    Source(
        "stability",
        r"la_cla_placement_stability.*\.csv$",
        ("cla_group", "placement_stability", "children_count", "children_percent"),
        {
            "characteristic": "placement_stability",
            "number": "children_count",
            "percentage": "children_percent",
        },
    ),
    Source(
        "leavers_activity",
        r"la_care_leavers_activity.*\.csv$",
        ("care_leaver_age", "breakdown", "care_leaver_count", "care_leaver_percent"),
        {
            "age": "care_leaver_age",
            "activity": "breakdown",
            "number": "care_leaver_count",
            "percentage": "care_leaver_percent",
        },
    ),
    Source(
        "leavers_accommodation",
        r"la_care_leavers_accommodation_suitability.*\.csv$",
        ("care_leaver_age", "breakdown", "care_leaver_count", "care_leaver_percent"),
        {
            "age": "care_leaver_age",
            "accommodation_suitability": "breakdown",
            "number": "care_leaver_count",
            "percentage": "care_leaver_percent",
        },
    ),
    Source(
        "csww",
        r"csww_indicators.*\.csv$",
        (
            "inpost_fte",
            "inpost_headcount",
            "starters_fte",
            "starters_headcount",
            "leavers_fte",
            "leavers_headcount",
            "turnover_rate_fte",
            "turnover_rate_headcount",
            "agency_fte",
            "agency_headcount",
            "agency_rate_fte",
            "agency_rate_headcount",
            "agency_cover_fte",
            "agency_cover_rate_fte",
            "vacancy_fte",
            "vacancy_rate_fte",
            "vacancy_agency_cover_rate_fte",
            "case_holders_fte",
            "cases",
            "caseload_fte",
            "working_days_lost_fte",
            "absence_rate_fte",
        ),
        year_offset=1,
    ),
)

# Statistical-neighbour groupings: one row per LA (old 3-digit code), its 10 neighbours.
NEIGHBOUR_PATTERNS = (
    r"new_statistical_neighbour_groupings.*\.csv$",
    r"sn_model.*\.csv$",
)

CLA_31_MARCH = ("population_type", "Children looked after on 31 March each year")
CLA_ALL = ("cla_group", "CLA on 31 March")
CLA_LONG_TERM = (
    "cla_group",
    "Children looked after continuously for at least 2.5 years on 31 March aged under 16 years",
)
AGE_19_21 = ("care_leaver_age", "19 to 21 years")

MEASURES: tuple[Measure, ...] = (
    Measure("referrals", "c1", "referral_count"),
    Measure("rereferrals_12m_pct", "c1", "rereferral_percent"),
    Measure("referrals_nfa_pct", "c1", "no_further_action_percent"),
    Measure("cin_open", "b1", "At31_episodes"),
    Measure("cin_rate_10k", "b1", "At31_episodes_rate"),
    Measure("cp_open", "d5", "CPP_At31"),
    Measure("cp_subsequent_pct", "d3", "CPP_subsequent_percent"),
    *(Measure(f"cp_duration_bands:{band}", "d5", f"{band}_percent") for band in D5_BANDS),
    Measure("cla_open", "cla", "children_count", (CLA_31_MARCH,)),
    Measure("cla_rate_10k", "cla", "rate_per_10000", (CLA_31_MARCH,)),
    Measure(
        "cla_3plus_placements_pct",
        "stability",
        "children_percent",
        (CLA_ALL, ("placement_stability", "With 3 or more placements during the year")),
    ),
    Measure(
        "cla_long_term_stability_pct",
        "stability",
        "children_percent",
        (CLA_LONG_TERM, ("placement_stability", "Living with the same carer for at least 2 years")),
    ),
    Measure(
        "care_leavers_eet_pct",
        "leavers_activity",
        "care_leaver_percent",
        (AGE_19_21, ("breakdown", "Total in education, employment or training")),
    ),
    Measure(
        "care_leavers_suitable_accom_pct",
        "leavers_accommodation",
        "care_leaver_percent",
        (AGE_19_21, ("breakdown", "Accommodation considered suitable")),
    ),
    Measure("caseload_per_worker", "csww", "caseload_fte"),
)

INDICATOR_IDS: tuple[str, ...] = tuple(m.indicator_id for m in MEASURES)


def source_for(filename: str) -> Source | None:
    """The source a DfE file name belongs to, or None when this loader does not read it."""
    return next((s for s in SOURCES if s.matches(filename)), None)


def is_neighbour_file(filename: str) -> bool:
    return any(re.match(p, filename, flags=re.IGNORECASE) for p in NEIGHBOUR_PATTERNS)
