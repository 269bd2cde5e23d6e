"""DfE code lists shared by the readers, the validator and the synthetic-data generator.

Values are the codes as the CIN census and SSDA903 specifications spell them. Annex A's
drop-down spellings ("a) Male", "N1 - Abuse or neglect") are mapped onto these by
`formats.annexa`.
"""

from __future__ import annotations

REFERRAL_SOURCE = {
    "1A": "Individual",
    "1B": "Individual: family member/relative/carer",
    "1C": "Individual: acquaintance",
    "1D": "Individual: self",
    "1E": "Individual: other",
    "2A": "Schools",
    "2B": "Education services",
    "3A": "Health services: GP",
    "3B": "Health services: health visitor",
    "3C": "Health services: school nurse",
    "3D": "Health services: other primary health services",
    "3E": "Health services: A&E",
    "3F": "Health services: other",
    "4": "Housing",
    "5A": "LA services: social care",
    "5B": "LA services: other internal",
    "5C": "LA services: external",
    "5D": "LA services: early help",
    "6": "Police",
    "7": "Other legal agency",
    "8": "Other",
    "9": "Anonymous",
    "10": "Unknown",
}

PRIMARY_NEED = {
    "N0": "Not stated",
    "N1": "Abuse or neglect",
    "N2": "Child's disability or illness",
    "N3": "Parental disability or illness",
    "N4": "Family in acute stress",
    "N5": "Family dysfunction",
    "N6": "Socially unacceptable behaviour",
    "N7": "Low income",
    "N8": "Absent parenting",
    "N9": "Cases other than children in need",
}

CLOSURE_REASON = {
    "RC1": "Adopted",
    "RC2": "Died",
    "RC3": "Child arrangements order",
    "RC4": "Special guardianship order",
    "RC5": "Transferred to services of another LA",
    "RC6": "Transferred to adult social care",
    "RC7": "Services ceased for any other reason",
    "RC8": "Case closed after assessment, no further action",
    "RC9": "Case closed after assessment, referred to early help",
}

ABUSE_CATEGORY = {
    "NEG": "Neglect",
    "PHY": "Physical abuse",
    "SAB": "Sexual abuse",
    "EMO": "Emotional abuse",
    "MUL": "Multiple",
}

ASSESSMENT_FACTORS = {f"{n}{s}" for n in range(1, 25) for s in ("A", "B", "C", "D", "E", "F")} | {
    str(n) for n in range(1, 25)
}

ETHNICITY = {
    "WBRI": "White British",
    "WIRI": "White Irish",
    "WIRT": "Traveller of Irish heritage",
    "WOTH": "Any other White background",
    "WROM": "Gypsy/Roma",
    "MWBC": "White and Black Caribbean",
    "MWBA": "White and Black African",
    "MWAS": "White and Asian",
    "MOTH": "Any other mixed background",
    "AIND": "Indian",
    "APKN": "Pakistani",
    "ABAN": "Bangladeshi",
    "AOTH": "Any other Asian background",
    "BCRB": "Caribbean",
    "BAFR": "African",
    "BOTH": "Any other Black background",
    "CHNE": "Chinese",
    "OOTH": "Any other ethnic group",
    "REFU": "Refused",
    "NOBT": "Information not yet obtained",
}

# CIN census GenderCurrent / Sex and SSDA903 SEX onto the canonical M/F/U.
SEX = {"1": "M", "2": "F", "0": "U", "9": "U", "M": "M", "F": "F", "U": "U"}

DISABILITY = {
    "NONE",
    "MOB",
    "HAND",
    "PC",
    "INC",
    "COMM",
    "LD",
    "HEAR",
    "VIS",
    "BEH",
    "CON",
    "AUT",
    "DDA",
}

# SSDA903 episodes. Reason for new episode, as the DfE's SSDA903 code list words it: P and
# B change the carer(s), T and U keep them; L, T and P leave the legal status, U and B
# change it with the placement.
RNE = {
    "S": "Started to be looked after",
    "L": "Change of legal status only",
    "P": "Change of placement and carer(s) only",
    "T": "Change of placement (but same carer(s)) only",
    "U": "Change of legal status and change of placement (but same carer(s)) at the same time",
    "B": "Change of legal status and placement and carer(s) at the same time",
    "X": "Return from 'temporary' break",
}
# Why a child has no unique pupil number: the DfE's "UPN unknown" codes (common basic data
# set), given in the CIN census UPNunknown and in the SSDA903 Header's UPN field. The words
# are the code list's, shortened; which codes a return accepts is for its rules (SSDA903
# 168 and the reference accept UN1-UN5, the CIN census reference's 8770Q UN2-UN7).
UPN_UNKNOWN = {
    "UN1": "Aged under 6 and not yet assigned a UPN",
    "UN2": "Never attended a maintained school in England, no UPN assigned",
    "UN3": "Educated outside England, no UPN assigned",
    "UN4": "Newly in need or looked after in the last week; UPN not yet known",
    "UN5": "Sources collating UPNs disagree on the child's details",
    "UN6": "Not looked after and the authority cannot obtain the UPN",
    "UN7": "Referred, no further action",
    "UN8": "New to the authority in the last week; UPN or ULN not yet known",
    "UN9": "Never attended a maintained school or further education in England",
    "UN10": "Request for assessment ended in no further action before the UPN was known",
}
LEGAL_STATUS = {"C1", "C2", "D1", "E1", "J1", "J2", "J3", "L1", "L2", "L3", "V2", "V3", "V4"}
CATEGORY_OF_NEED = {f"N{n}" for n in range(1, 9)}
PLACEMENT = {
    "A3",
    "A4",
    "A5",
    "A6",
    "H5",
    "K1",
    "K2",
    "P1",
    "P2",
    "P3",
    "R1",
    "R2",
    "R3",
    "R5",
    "S1",
    "T0",
    "T1",
    "T2",
    "T3",
    "T4",
    "U1",
    "U2",
    "U3",
    "U4",
    "U5",
    "U6",
    "Z1",
}
PLACEMENT_PROVIDER = {"PR0", "PR1", "PR2", "PR3", "PR4", "PR5"}
REASON_EPISODE_CEASED = {
    "X1",
    "E11",
    "E12",
    "E2",
    "E3",
    "E4A",
    "E4B",
    "E13",
    "E41",
    "E45",
    "E46",
    "E47",
    "E48",
    "E5",
    "E6",
    "E7",
    "E8",
    "E9",
    "E14",
    "E15",
    "E16",
    "E17",
}
REASON_PLACE_CHANGE = {
    "CARPL",
    "CLOSE",
    "ALLEG",
    "STAND",
    "APPRR",
    "CREQB",
    "CREQO",
    "CHILD",
    "LAREQ",
    "PLACE",
    "CUSTOD",
    "OTHER",
}
REVIEW_CODE = {f"PN{n}" for n in range(0, 8)}

# SSDA903 OC3 (care leavers)
IN_TOUCH = {"YES", "NO", "DIED", "REFU", "NREQ", "RHOM"}
# F3/P3 (full/part time in training or employment) are the codes before F4/P4 and F5/P5
# split them; older Annex A templates still offer 'F3: Full time in training or employment'.
ACTIVITY = {"F1", "P1", "F2", "P2", "F3", "P3", "F4", "P4", "F5", "P5", "G4", "G5", "G6"}
ACTIVITY_EET = {"F1", "P1", "F2", "P2", "F3", "P3", "F4", "P4", "F5", "P5"}
# ACCOM is a letter (type) followed by 1 (suitable) or 2 (not suitable); Z = not known.
ACCOMMODATION_TYPE = set("BCDEGHKRSTUVWXYZ")
# The SSDA903 OC3 records `0` for ACTIV and ACCOM when they do not apply: the young person
# has died or returned home for six months or more (DfE rules 344 and 345). It is a code
# the DfE accepts (its rules 132 and 133), so it is kept as `0`, never read as blank.
NOT_APPLICABLE = "0"
OC3_ACTIVITY = ACTIVITY | {NOT_APPLICABLE}

MISSING_TYPE = {"M": "Missing", "A": "Away without authorisation"}

# Local extras (the case management system's own vocabularies)
CONTACT_OUTCOME = {"referral", "early_help", "nfa", "advice"}
# What became of a referral (request) for early help: the contacts' list, where 'early_help'
# means taken on by early help and 'referral' passed to children's social care as a referral.
EH_REFERRAL_OUTCOME = CONTACT_OUTCOME
# Short breaks for disabled children (Breaks for Carers of Disabled Children Regulations 2011)
SHORT_BREAK_SERVICE = {
    "overnight": "overnight care away from home",
    "day": "day-time care away from home",
    "home": "care in the child's own home",
    "activity": "educational or leisure activity",
    "direct_payment": "direct payment for short breaks",
}
VISIT_TYPE = {"CP", "CIN", "CLA"}
EH_CLOSURE_REASON = {"outcomes_met", "stepped_up", "disengaged", "moved", "other"}

# Spellings seen in LAs' Annex A lists (liia-tools-pipeline's public schema records them),
# compared without spaces: 'Not stated / recorded' == 'Not stated/recorded'.
_SEX_WORDS = {
    w.replace(" ", ""): code
    for w, code in {
        "MALE": "M",
        "FEMALE": "F",
        "MAN": "M",
        "WOMAN": "F",
        "BOY": "M",
        "GIRL": "F",
        "UNKNOWN": "U",
        "NOT KNOWN": "U",
        "NOT STATED": "U",
        "INDETERMINATE": "U",
        "OTHER": "U",
        "NOT STATED/RECORDED": "U",
        "NOT STATED/RECORDED (OR UNBORN)": "U",
        "NOT RECORDED": "U",
        "UNBORN": "U",
        "UNBORN/UNKNOWN": "U",
        "NOT RECORDED/UNBORN": "U",
        "NOT SPECIFIED": "U",
        "UNSPECIFIED": "U",
        "WITHHELD": "U",
        "NEITHER": "U",
        "I": "U",
        "INDETERMINATE GENDER": "U",
        "UNKNOWN/NOT RECORDED/UNBORN": "U",
    }.items()
}


def parse_sex(raw: str) -> str | None:
    """Canonical M/F/U from 1/2/0/9, M/F/U, 'Male', 'a) Male', '1 - Male', and the ways
    of saying not stated: 'c) Not stated/recorded', 'Unborn', 'Not known', 'U'."""
    from csc_insight.common.values import strip_option_letter

    text = strip_option_letter(raw).strip().upper()
    if text in SEX:
        return SEX[text]
    if (word := _SEX_WORDS.get(text.replace(" ", ""))) is not None:
        return word
    head, _, rest = text.partition(" - ")
    return SEX.get(head) or _SEX_WORDS.get(rest.replace(" ", ""))
