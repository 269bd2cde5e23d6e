"""The columns of Ofsted's Annex A lists 1-11: headings, known variants and value parsers.

`LISTS[n]` describes List n. Headings are matched case- and whitespace-insensitively by
`formats.tabular`; every heading is also accepted without a trailing '?' or '(Y/N)' and with
plain instead of typographic quotes, since template versions differ in exactly these ways.
Values accept Ofsted's drop-down spellings ('a) Male', 'a) 1A: Individual', 'N1 - Abuse or
neglect', 'RC1 - Adopted'), the bare DfE codes and their labels (`formats.values.parse_code`).
The mapping of these fields onto the canonical model is in `formats.annexa`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from csc_insight.common import child_ids, values
from csc_insight.formats import codes
from csc_insight.formats.tabular import Column, Kind


def _variants(heading: str) -> tuple[str, ...]:
    plain = heading.replace("\u2018", "'").replace("\u2019", "'")
    out = {plain, plain.replace("'", ""), heading}
    for text in list(out):
        bare = re.sub(r"\s*\(Y/N\)\s*", " ", text).strip()
        out |= {bare, bare.rstrip("?").strip(), text.rstrip("?").strip()}
    out.discard(heading)
    return tuple(sorted(out))


def heading_key(text: object) -> str:
    """A heading reduced to its letters and digits, so that case, spacing, line breaks,
    straight or curly quotes, brackets (doubled or not), '?', '&' for 'and' and a '(Y/N)'
    anywhere do not matter: "Date of Last IRO Visit / Contact " == "date of last IRO
    visit/contact"."""
    text = str(text or "").casefold().replace("&", " and ")
    text = re.sub(r"\(+\s*y\s*/\s*n\s*\)+", " ", text)
    return re.sub(r"[^0-9a-z]", "", text)


def _within(a: str, b: str, limit: int) -> bool:
    """True when `a` becomes `b` in at most `limit` single-letter edits (Levenshtein)."""
    if abs(len(a) - len(b)) > limit:
        return False
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit


def canonical_headings(headings: list[object], columns: tuple[Column, ...]) -> list[object]:
    """`headings` with each one that means a column of `columns` replaced by that column's
    heading: matched by `heading_key`, or, failing that, a typo away from exactly one column
    (one letter in a heading of under 20 letters, two in a longer one: 'Date of Placment
    Order'). Headings that mean nothing are kept as they are, so they are named as unknown."""
    keys: dict[str, Column] = {}
    for column in columns:
        for name in (column.heading, *column.aliases):
            keys.setdefault(heading_key(name), column)
    out: list[object] = []
    unmatched: list[int] = []
    taken: set[str] = set()
    for pos, heading in enumerate(headings):
        column = keys.get(heading_key(heading))
        if column is None:
            out.append(heading)
            if len(heading_key(heading)) >= 8:
                unmatched.append(pos)
            continue
        out.append(column.heading)
        taken.add(column.field)
    for pos in unmatched:
        key = heading_key(headings[pos])
        limit = 2 if len(key) >= 20 else 1
        near = {c.field: c for k, c in keys.items() if _within(key, k, limit)}
        if len(near) == 1:
            (column,) = near.values()
            if column.field not in taken:
                out[pos] = column.heading
                taken.add(column.field)
    return out


def col(
    heading: str,
    field: str,
    kind: Kind = "text",
    *aliases: str,
    required: bool = False,
    codes: Mapping[str, str] | frozenset[str] | set[str] | None = None,
    parse: Callable[[str], object] | None = None,
    describe: str | None = None,
    sql: str | None = None,
) -> Column:
    every = [*_variants(heading)]
    for alias in aliases:
        every += [alias, *_variants(alias)]
    return Column(
        heading,
        field,
        kind,
        required=required,
        not_null=required,
        codes=frozenset(codes) if isinstance(codes, set) else codes,
        aliases=tuple(dict.fromkeys(every)),
        parse=parse,
        describe=describe,
        sql=sql,
    )


def _lookup_parser(
    table: Mapping[str, str] | set[str],
    extra: Mapping[str, str] | None = None,
) -> Callable[[str], str | None]:
    lookup = values.code_lookup(table)
    lookup.update({k.upper(): v for k, v in (extra or {}).items()})
    return lambda raw: values.parse_code(raw, lookup)


def _option_text(raw: str) -> str | None:
    """Free text that may carry a drop-down letter: 'b) Former relevant' -> 'Former relevant'."""
    return values.strip_option_letter(raw).strip() or None


# SSDA903 OC3 accommodation types (letter); '1'/'2' suffix = suitable / not suitable.
ACCOMMODATION_LABELS = {
    "B": "With parents or relatives",
    "C": "Community home or other form of residential care",
    "D": "Semi-independent, transitional accommodation",
    "E": "Supported lodgings",
    "G": "Gone abroad",
    "H": "Deported",
    "K": "Ordinary lodgings, without formal support",
    "R": "Residence not known",
    "S": "No fixed abode/homeless",
    "T": "Foyers",
    "U": "Independent living",
    "V": "Emergency accommodation",
    "W": "Bed and breakfast",
    "X": "In custody",
    "Y": "Other accommodation",
    "Z": "With former foster carers",
}
_ACCOM_EXTRA = {f"{letter}{n}": letter for letter in codes.ACCOMMODATION_TYPE for n in "12"}

_SUITABLE = {
    "SUITABLE": True,
    "1": True,
    "Y": True,
    "YES": True,
    "TRUE": True,
    "ACCOMMODATION IS CONSIDERED SUITABLE": True,
    "UNSUITABLE": False,
    "NOT SUITABLE": False,
    "2": False,
    "N": False,
    "NO": False,
    "FALSE": False,
    "ACCOMMODATION IS CONSIDERED UNSUITABLE": False,
    "ACCOMMODATION IS NOT CONSIDERED SUITABLE": False,
}


def parse_suitable(raw: str) -> bool | None:
    """'Suitable' / 'a) Unsuitable' / '1' / '2 - Not suitable' / Y / N."""
    text = values.strip_option_letter(raw).strip().upper()
    if text in _SUITABLE:
        return _SUITABLE[text]
    head = re.split(r"\s*[-:]\s*", text, maxsplit=1)[0]
    return _SUITABLE.get(head)


IN_TOUCH_LABELS = {
    "YES": "In touch",
    "NO": "Not in touch",
    "DIED": "Died",
    "REFU": "Refused",
    "NREQ": "No longer requires services",
    "RHOM": "Returned home",
}
_IN_TOUCH_EXTRA = {
    "Y": "YES",
    "N": "NO",
    "REFUSED CONTACT": "REFU",
    "YOUNG PERSON REFUSES CONTACT": "REFU",
    "NOT REQUIRED": "NREQ",
    "RETURNED HOME TO PARENTS": "RHOM",
    # spellings LA systems write (liia-tools-pipeline's Annex A schema)
    "YES, RESIDENT IN THE UK": "YES",
    "NO, RESIDENT IN THE UK": "NO",
    "YOUNG PERSON NO LONGER REQUIRES SERVICES": "NREQ",
    "REFUSED": "REFU",
    "YOUNG PERSON RETURNED TO LIVE WITH PARENTS": "RHOM",
}

# Return interview columns: Yes/No, or the outcome LA systems record.
_OFFERED = {
    "OFFERED AND ACCEPTED": True,
    "OFFERED AND DECLINED": True,
    "OFFERED AND DECLINED (BY YP)": True,
    "NOT OFFERED": False,
    "NOT OFFERED (MISSING AGAIN)": False,
    "NOT OFFERED (OTHER)": False,
    "NOT OFFERED (UNABLE TO MAKE CONTACT)": False,
}
_ACCEPTED = {
    "OFFERED AND ACCEPTED": True,
    "OFFERED AND DECLINED": False,
    "OFFERED AND DECLINED (BY YP)": False,
}


def _outcome_flag(table: Mapping[str, bool]) -> Callable[[str], bool | None]:
    def parse(raw: str) -> bool | None:
        flag = values.parse_flag(raw)
        return (
            flag if flag is not None else table.get(values.strip_option_letter(raw).strip().upper())
        )

    return parse


_ABUSE_EXTRA = {
    "PHYSICAL": "PHY",
    "SEXUAL": "SAB",
    "EMOTIONAL": "EMO",
    "MIXED": "MUL",
    "MULTIPLE/MIXED": "MUL",
    "MULTIPLE CATEGORIES": "MUL",
    "PHYS": "PHY",
    "SEX": "SAB",
    "EMOT": "EMO",
}

CHILD_ID = col(
    "Child Unique ID",
    "child_id",
    "code",
    "Child ID",
    "Unique Child ID",
    "Child Unique Identifier",
    "Child Identifier",
    "Child Unique Reference",
    required=True,
    sql=child_ids.SQL,  # trimmed and upper-cased, as every return's ids are
    describe="a child identifier",
)
GENDER = col(
    "Gender",
    "sex",
    "code",
    "Sex",
    "Gender/Sex",
    parse=codes.parse_sex,
    describe="Male, Female or Unknown (M/F/U, 1/2/0/9, 'a) Male')",
)
ETHNICITY = col("Ethnicity", "ethnicity", "code", codes=codes.ETHNICITY)
DOB = col("Date of Birth", "dob", "date", "DOB")
AGE = col("Age of Child (Years)", "age", "text", "Age of Child", "Age")  # derived; not used
DISABILITY = col(
    "Does the Child have a Disability",
    "disability",
    "flag",
    "Disability",
    "Does the child have a disability (Y/N)",
)
TEAM = col("Allocated Team", "team", "text", "Team")
WORKER = col("Allocated Worker", "worker", "text", "Worker", "Allocated Social Worker")
CHILD = (CHILD_ID, GENDER, ETHNICITY, DOB, AGE)

ABUSE = _lookup_parser(codes.ABUSE_CATEGORY, _ABUSE_EXTRA)


@dataclass(frozen=True)
class ListSpec:
    """One Annex A list: its columns, which date orders it checks and what is unique."""

    number: int
    title: str
    columns: tuple[Column, ...]
    key_date: str | None = None  # the date that identifies a row with the child id
    unique: tuple[str, ...] = ()  # fields that must not repeat (a duplicate is an error)
    order: tuple[tuple[str, str], ...] = ()  # (earlier, later) date fields


def _casework(
    number: int,
    title: str,
    key_date: str,
    *columns: Column,
    order: tuple[tuple[str, str], ...] = (),
) -> ListSpec:
    """Lists 4-7: one row per child and start date; the child's details and disability, the
    list's own columns, then the allocated team and worker."""
    return ListSpec(
        number,
        title,
        (*CHILD, DISABILITY, *columns, TEAM, WORKER),
        key_date=key_date,
        unique=("child_id", key_date),
        order=order,
    )


LIST_1 = ListSpec(
    1,
    "Contacts",
    (
        *CHILD,
        col("Date of Contact", "contact_date", "date", "Contact Date", required=True),
        col(
            "Contact Source",
            "source_code",
            "code",
            "Source of Contact",
            "Contact Source Code",
            codes=codes.REFERRAL_SOURCE,
        ),
    ),
    key_date="contact_date",
)

LIST_2 = ListSpec(
    2,
    "Early Help Assessments",
    (
        *CHILD,
        col(
            "Assessment start date",
            "start_date",
            "date",
            "Early Help Assessment Start Date",
            required=True,
        ),
        col(
            "Assessment completion date",
            "completion_date",
            "date",
            "Early Help Assessment Completion Date",
        ),
        col(
            "Organisation completing assessment",
            "organisation",
            "text",
            "Organisation completing the assessment",
        ),
    ),
    key_date="start_date",
    order=(("start_date", "completion_date"),),
)

LIST_3 = ListSpec(
    3,
    "Referrals",
    (
        *CHILD,
        col("Date of referral", "referral_date", "date", "Referral Date", required=True),
        col(
            "Referral Source",
            "source_code",
            "code",
            "Source of Referral",
            codes=codes.REFERRAL_SOURCE,
        ),
        col(
            "Referral NFA?",
            "nfa",
            "flag",
            "Referral NFA (Y/N)",
            "Was the referral NFA?",
            "Referral No Further Action?",
            "Referral No Further Action (Y/N)",
        ),
        col(
            "Number of Referrals in Last 12 Months",
            "referrals_12m",
            "int",
            "Number of referrals in the last 12 months",
        ),
        TEAM,
        WORKER,
    ),
    key_date="referral_date",
    unique=("child_id", "referral_date"),
)

LIST_4 = _casework(
    4,
    "Assessments",
    "start_date",
    col(
        "Continuous Assessment Start Date",
        "start_date",
        "date",
        "Assessment Start Date",
        required=True,
    ),
    col(
        "Child Seen During Continuous Assessment",
        "child_seen",
        "flag",
        "Child Seen During Assessment",
    ),
    col(
        "Continuous Assessment Date of Authorisation",
        "authorised_date",
        "date",
        "Assessment Date of Authorisation",
        "Date of Authorisation",
    ),
    col(
        "Was the child assessed as requiring LA children's social care support?",
        "needs_support",
        "flag",
        "Was the child assessed as requiring LA childrens social care support?",
    ),
    order=(("start_date", "authorised_date"),),
)

LIST_5 = _casework(
    5,
    "Section 47 Enquiries and ICPC",
    "start_date",
    col(
        "Strategy discussion initiating Section 47 Enquiry Start Date",
        "start_date",
        "date",
        "Strategy discussion initiating Section 47 Enquiry",
        "Section 47 Enquiry Start Date",
        "Strategy Discussion Date",
        required=True,
    ),
    col(
        "Was an ICPC deemed unnecessary?",
        "icpc_not_required",
        "flag",
        "Was an Initial Child Protection Conference deemed unnecessary?",
    ),
    col(
        "Date of ICPC",
        "icpc_date",
        "date",
        "ICPC Date",
        "Date of Initial Child Protection Conference",
    ),
    col(
        "Did the ICPC Result in a CP Plan",
        "cp_plan_resulted",
        "flag",
        "Did the ICPC result in a Child Protection Plan",
        "Did the Initial Child Protection Conference Result in a Child Protection Plan",
    ),
    col(
        "Number of Section 47 Enquiries in the last 12 months",
        "s47_12m",
        "int",
        "Number of S47 Enquiries in the last 12 months",
    ),
    col(
        "Number of ICPCs in the last 12 months",
        "icpc_12m",
        "int",
        "Number of Initial Child Protection Conferences in the last 12 months",
    ),
    order=(("start_date", "icpc_date"),),
)

LIST_6 = _casework(
    6,
    "Children in Need",
    "referral_date",
    col("CIN Start Date", "referral_date", "date", "Child in Need Start Date", required=True),
    col("Primary Need Code", "primary_need", "code", "Primary Need", codes=codes.PRIMARY_NEED),
    col("Date Child Was Last Seen", "last_seen", "date", "Date Child Last Seen"),
    col("CIN Closure Date", "closure_date", "date", "Child in Need Closure Date"),
    col(
        "Reason for Closure",
        "closure_reason",
        "code",
        "Closure Reason",
        "CIN Closure Reason",
        codes=codes.CLOSURE_REASON,
    ),
    col("Case Status", "case_status", "text"),
    order=(("referral_date", "closure_date"),),
)

LIST_7 = _casework(
    7,
    "Child Protection",
    "start_date",
    col(
        "CP Plan Start Date",
        "start_date",
        "date",
        "Child Protection Plan Start Date",
        required=True,
    ),
    col(
        "Initial Category of Abuse",
        "initial_category",
        "code",
        codes=codes.ABUSE_CATEGORY,
        parse=ABUSE,
    ),
    col(
        "Latest Category of Abuse",
        "latest_category",
        "code",
        codes=codes.ABUSE_CATEGORY,
        parse=ABUSE,
    ),
    col("Date of the Last Statutory Visit", "last_visit", "date", "Date of Last Statutory Visit"),
    col("Was the Child Seen Alone?", "seen_alone", "flag"),
    col(
        "Date of latest review conference",
        "latest_review",
        "date",
        "Latest Review Conference Date",
        "Date of Last Review Conference",
    ),
    col("CP Plan End Date", "end_date", "date", "Child Protection Plan End Date"),
    col(
        "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six "
        "Months (Y/N)",
        "epo",
        "flag",
    ),
    col(
        "Number of Previous Child Protection Plans",
        "previous_plans",
        "int",
        "Number of Previous CP Plans",
    ),
    order=(("start_date", "end_date"), ("start_date", "latest_review")),
)

LIST_8 = ListSpec(
    8,
    "Children in Care",
    (
        *CHILD,
        col(
            "UASC within the Last 12 Months (Y/N)",
            "uasc",
            "flag",
            "UASC",
            "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)",
            "Unaccompanied Asylum Seeking Child (UASC) in the Last 12 Months (Y/N)",
            "Is the child an Unaccompanied Asylum Seeking Child (UASC) (Y/N)",
        ),
        DISABILITY,
        col(
            "Date Started to be Looked After",
            "period_start",
            "date",
            "Date Started Looked After",
            "Date Became Looked After",
            required=True,
        ),
        col(
            "Child's Category of Need",
            "cin",
            "code",
            "Category of Need",
            codes=codes.CATEGORY_OF_NEED,
        ),
        col(
            "Second or subsequent period of being Looked After within the last 12 months (Y/N)",
            "second_period",
            "flag",
            "Is this the second or subsequent period of being Looked After within the last 12 "
            "months (Y/N)",
            "Second or subsequent period of being Looked After in the last 12 months (Y/N)",
        ),
        col("Start date of current legal status", "ls_start", "date"),
        col("Child's Legal Status", "ls", "code", "Legal Status", codes=codes.LEGAL_STATUS),
        col(
            "Date of Latest Statutory Review",
            "latest_review",
            "date",
            "Date of Last Statutory Review",
        ),
        col(
            "Date of Last Social Work Visit",
            "last_visit",
            "date",
            "Date of Latest Social Work Visit",
        ),
        col(
            "What is the permanence plan for this child?",
            "permanence_plan",
            "text",
            "Permanence Plan",
        ),
        col(
            "Date of Last IRO Visit/Contact",
            "last_iro",
            "date",
            "Date of Last IRO Visit/Contact to the Child",
            "Date of Last IRO Visit/Contact with the Child",
            "Date of Last IRO Visit",
            "Date of Last IRO Contact",
        ),
        col("Date of Last Health Assessment", "health_date", "date"),
        col("Date of Last Dental Check", "dental_date", "date"),
        col("Number of Placements in the Last 12 months", "placements_12m", "int"),
        col("Date Ceased to be Looked After", "dec", "date"),
        col("Reason Ceased to be Looked After", "rec", "code", codes=codes.REASON_EPISODE_CEASED),
        col("Start Date of Most Recent Placement", "placement_start", "date"),
        col("Placement Type", "place", "code", codes=codes.PLACEMENT),
        col("Placement Provider", "place_provider", "code", codes=codes.PLACEMENT_PROVIDER),
        col("Placement postcode", "pl_post", "text"),
        col("URN of Placement", "urn", "text", "Placement URN"),
        col("Placement Location", "placement_location", "text"),
        col("LA of Placement", "placement_la", "text"),
        col(
            "Number of Episodes 'Missing' in the last 12 months",
            "missing_12m",
            "int",
            "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 "
            "months",
            "Number of Missing Episodes in the last 12 months",
        ),
        col(
            "Number of Episodes 'Absent' in the last 12 months",
            "absent_12m",
            "int",
            "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 "
            "months",
            "Number of Absent Episodes in the last 12 months",
        ),
        col(
            "Was the child offered a Return Interview after the last missing episode (Y/N)?",
            "rhi_offered",
            "flag",
            "Was the child offered a Return Interview after their last missing episode (Y/N)?",
            "Was the child offered a Return Home Interview after their last missing episode (Y/N)?",
            parse=_outcome_flag(_OFFERED),
            describe="Y or N (or 'Offered and accepted' ...)",
        ),
        col(
            "Did the child accept the offer of a Return Interview (Y/N)?",
            "rhi_accepted",
            "flag",
            "Did the child accept a Return Interview after their last missing episode (Y/N)?",
            "Did the child accept the offer of a Return Interview after their last missing "
            "episode (Y/N)?",
            "Did the child accept a Return Home Interview after their last missing episode (Y/N)?",
            parse=_outcome_flag(_ACCEPTED),
            describe="Y or N (or 'Offered and accepted' ...)",
        ),
        TEAM,
        WORKER,
    ),
    key_date="period_start",
    unique=("child_id",),
    order=(
        ("period_start", "dec"),
        ("period_start", "placement_start"),
        ("placement_start", "dec"),
    ),
)

LIST_9 = ListSpec(
    9,
    "Leaving Care Services",
    (
        *CHILD,
        DISABILITY,
        TEAM,
        WORKER,
        col("Eligibility Category", "eligibility", "code", parse=_option_text),
        col(
            "LA in Touch",
            "in_touch",
            "code",
            "In Touch",
            codes=IN_TOUCH_LABELS,
            parse=_lookup_parser(IN_TOUCH_LABELS, _IN_TOUCH_EXTRA),
        ),
        col(
            "Type of Accommodation",
            "accommodation",
            "code",
            "Accommodation",
            codes=ACCOMMODATION_LABELS,
            parse=_lookup_parser(ACCOMMODATION_LABELS, _ACCOM_EXTRA),
        ),
        col(
            "Suitability of Accommodation",
            "suitable",
            "flag",
            "Accommodation Suitability",
            parse=parse_suitable,
            describe="Suitable or Unsuitable (1/2, Y/N)",
        ),
        col("Activity Status", "activity", "code", "Activity", codes=codes.ACTIVITY),
        col(
            "Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)",
            "uasc",
            "flag",
            "UASC",
        ),
        col(
            "Allocated Personal Advisor",
            "personal_advisor",
            "text",
            "Allocated Personal Adviser",
            "Personal Advisor",
            "Personal Adviser",
        ),
        col(
            "Latest Pathway Plan Review Date",
            "pathway_review",
            "date",
            "Date of Latest Pathway Plan Review",
        ),
        col("Latest Date of Contact", "latest_contact", "date", "Date of Latest Contact"),
    ),
    unique=("child_id",),
)

LIST_10 = ListSpec(
    10,
    "Adoption",
    (
        CHILD_ID,
        col("Family identifier", "family_id", "text"),
        GENDER,
        ETHNICITY,
        DOB,
        AGE,
        DISABILITY,
        col("Date the Child Entered Care", "entered_care", "date", "Date Child Entered Care"),
        col("Date of Decision that Child Should be Placed for Adoption", "decision_date", "date"),
        col("Date of Placement Order", "placement_order_date", "date"),
        col(
            "Date of Matching",
            "matched_date",
            "date",
            "Date of Match",
            "Date of Matching Child and Prospective Adopters",
            "Date of Matching Child and Prospective Adopter(s)",
        ),
        col("Date Placed for Adoption", "placed_date", "date"),
        col("Date of Adoption Order", "adoption_order_date", "date"),
        col(
            "Date of Decision that Child Should No Longer be Placed for Adoption",
            "no_longer_placed_date",
            "date",
        ),
        col(
            "Reason for No Longer Placed for Adoption",
            "no_longer_placed_reason",
            "code",
            "Reason No Longer Placed for Adoption",
            "Reason Why Child No Longer Placed for Adoption",
            "Reason why the child is no longer to be placed for adoption",
            parse=_option_text,
        ),
        col(
            "Date placed for fostering in FFA/concurrent planning placement",
            "ffa_date",
            "date",
            "Date the child was placed for fostering in FFA or concurrent planning placement",
            "Date the child was placed for fostering in FFA/concurrent planning placement",
        ),
    ),
    unique=("child_id",),
    order=(("matched_date", "placed_date"), ("placed_date", "adoption_order_date")),
)

LIST_11 = ListSpec(
    11,
    "Adopters",
    (
        col(
            "Individual adopter identifier",
            "adopter_id",
            "text",
            "Adopter identifier",
            "Individual Adopter ID",
            required=True,
        ),
        col("Family identifier", "family_id", "text"),
        col(
            "Gender",
            "sex",
            "code",
            "Sex",
            parse=codes.parse_sex,
            describe="Male, Female or Unknown",
        ),
        ETHNICITY,
        col("Disability", "disability", "flag", "Does the adopter have a disability"),
        col("Is the (prospective) adopter fostering for adoption?", "ffa", "flag"),
        col("Date enquiry received", "enquiry_date", "date"),
        col("Date Stage 1 started", "stage1_start", "date"),
        col("Date Stage 1 ended", "stage1_end", "date"),
        col("Date Stage 2 started", "stage2_start", "date"),
        col("Date Stage 2 ended", "stage2_end", "date"),
        col("Date application submitted", "application_submitted", "date"),
        col("Date application approved", "application_approved", "date"),
        col("Date adopter matched with child(ren)", "matched_date", "date"),
        col("Date child/children placed with adopter(s)", "placed_date", "date"),
        col("No. of children placed", "children_placed", "int", "Number of children placed"),
        col("Date of Adoption Order", "adoption_order_date", "date"),
        col("Date of leaving adoption process", "left_date", "date"),
        col("Reason for leaving adoption process", "left_reason", "code", parse=_option_text),
    ),
    unique=("adopter_id",),
    order=(
        ("stage1_start", "stage1_end"),
        ("stage2_start", "stage2_end"),
        ("application_submitted", "application_approved"),
    ),
)

LISTS: dict[int, ListSpec] = {
    s.number: s
    for s in (
        LIST_1,
        LIST_2,
        LIST_3,
        LIST_4,
        LIST_5,
        LIST_6,
        LIST_7,
        LIST_8,
        LIST_9,
        LIST_10,
        LIST_11,
    )
}
