"""DfE and local codes in words, for people: one table per vocabulary, and `in_words`.

    in_words("legal_status", "C2")  ->  "Full care order"
    in_words("legal_status", "Q9")  ->  None   (not a code we know: show the code alone)

Labels follow the SSDA903 and CIN census guidance; the lists in `formats.codes` that
already carry words are reused, so each code is described in one place.
"""

from __future__ import annotations

from csc_insight.formats import codes

LEGAL_STATUS = {
    "C1": "Interim care order",
    "C2": "Full care order",
    "D1": "Freeing order granted",
    "E1": "Placement order granted",
    "J1": "Remanded to local authority or youth detention accommodation",
    "J2": "Placed in local authority accommodation under PACE",
    "J3": "Sentenced to a supervision order with residence requirement",
    "L1": "Under police protection and in local authority accommodation",
    "L2": "Emergency protection order",
    "L3": "Under a child assessment order and in local authority accommodation",
    "V2": "Accommodated under section 20 (single period)",
    "V3": "Short breaks (individual episodes recorded)",
    "V4": "Short breaks (agreements recorded)",
}

PLACEMENT = {
    "A3": "Placed for adoption with consent, with current foster carer",
    "A4": "Placed for adoption with consent, not with current foster carer",
    "A5": "Placed for adoption with placement order, with current foster carer",
    "A6": "Placed for adoption with placement order, not with current foster carer",
    "H5": "Semi-independent or supported accommodation",
    "K1": "Secure children's home",
    "K2": "Children's home",
    "P1": "Placed with own parents or others with parental responsibility",
    "P2": "Independent living (flat, lodgings, bedsit, B&B or with friends)",
    "P3": "Residential employment",
    "R1": "Residential care home",
    "R2": "NHS or health trust establishment",
    "R3": "Family centre or mother and baby unit",
    "R5": "Young offender institution",
    "S1": "Residential school",
    "T0": "Temporary move",
    "T1": "Temporary period in hospital",
    "T2": "Temporary absence on holiday",
    "T3": "Temporary care while foster carer on holiday",
    "T4": "Temporary accommodation of seven days or less",
    "U1": "Foster placement with relative or friend: long term",
    "U2": "Foster placement with relative or friend: fostering for adoption",
    "U3": "Foster placement with relative or friend: other",
    "U4": "Foster placement with other foster carer: long term",
    "U5": "Foster placement with other foster carer: fostering for adoption",
    "U6": "Foster placement with other foster carer: other",
    "Z1": "Other placement",
}

PLACEMENT_PROVIDER = {
    "PR0": "Parents or others with parental responsibility",
    "PR1": "Own local authority",
    "PR2": "Other local authority",
    "PR3": "Other public provision",
    "PR4": "Private provision",
    "PR5": "Voluntary or third sector provision",
}

REASON_EPISODE_CEASED = {
    "X1": "Episode ceased and a new one began the same day",
    "E11": "Adopted: application unopposed",
    "E12": "Adopted: consent dispensed with",
    "E2": "Died",
    "E3": "Care taken over by another local authority",
    "E4A": "Returned home as part of the care plan",
    "E4B": "Returned home, not as part of the care plan",
    "E13": "Left care to live with parents or relatives without parental responsibility",
    "E41": "Child arrangements (residence) order",
    "E45": "Special guardianship order: former foster carer, relative or friend",
    "E46": "Special guardianship order: former foster carer, not relative or friend",
    "E47": "Special guardianship order: other carer, relative or friend",
    "E48": "Special guardianship order: other carer, not relative or friend",
    "E5": "Moved to independent living with formal support",
    "E6": "Moved to independent living without formal support",
    "E7": "Transferred to residential care funded by adult social care",
    "E8": "Care ceased for any other reason",
    "E9": "Sentenced to custody",
    "E14": "Accommodation on remand ended",
    "E15": "Age assessed as 18 or over",
    "E16": "Moved abroad",
    "E17": "Aged 18 and stayed with current carers (staying put)",
}

REASON_PLACE_CHANGE = {
    "CARPL": "Change to or carrying out the care plan",
    "CLOSE": "Provider resigned or closed",
    "ALLEG": "Allegation (section 47)",
    "STAND": "Concern about standards of care",
    "APPRR": "Carer's approval removed",
    "CREQB": "Carer asked to end the placement because of the child's behaviour",
    "CREQO": "Carer asked to end the placement for another reason",
    "CHILD": "Child asked to end the placement",
    "LAREQ": "Local authority asked to end the placement",
    "PLACE": "Change in the placement's status only",
    "CUSTOD": "Custody arrangement",
    "OTHER": "Other",
}

REVIEW_PARTICIPATION = {
    "PN0": "Child under 4 at the review",
    "PN1": "Attended and spoke for themselves",
    "PN2": "Attended; an advocate spoke for them",
    "PN3": "Attended; views given non-verbally",
    "PN4": "Attended; views not given",
    "PN5": "Did not attend; briefed an advocate",
    "PN6": "Did not attend; views given another way",
    "PN7": "Did not attend; views not given",
}

IN_TOUCH = {
    "YES": "In touch",
    "NO": "Not in touch",
    "DIED": "Died",
    "REFU": "Refuses contact",
    "NREQ": "No longer requires services",
    "RHOM": "Returned home for six months or more",
}

ACTIVITY = {
    "F1": "Higher education, full time",
    "P1": "Higher education, part time",
    "F2": "Other education, full time",
    "P2": "Other education, part time",
    "F3": "Training or employment, full time",
    "P3": "Training or employment, part time",
    "F4": "Apprenticeship, full time",
    "P4": "Apprenticeship, part time",
    "F5": "Training or employment, full time",
    "P5": "Training or employment, part time",
    "G4": "Not in education, training or employment: illness or disability",
    "G5": "Not in education, training or employment: other reasons",
    "G6": "Not in education, training or employment: pregnancy or parenting",
    "0": "Not applicable: died or returned home",
}

ACCOMMODATION = {
    "B": "With parents or relatives",
    "C": "Community home or other residential care",
    "D": "Semi-independent transitional accommodation",
    "E": "Supported lodgings",
    "G": "Gone abroad",
    "H": "Deported",
    "K": "Ordinary lodgings without support",
    "R": "Residence not known",
    "S": "No fixed abode or homeless",
    "T": "Foyer",
    "U": "Independent living",
    "V": "Emergency accommodation",
    "W": "Bed and breakfast",
    "X": "In custody",
    "Y": "Other accommodation",
    "Z": "With former foster carers",
    "0": "Not applicable: died or returned home",
}

SEX = {"M": "Male", "F": "Female", "U": "Not known"}

VISIT_TYPE = {
    "CP": "Child protection visit",
    "CIN": "Child in need visit",
    "CLA": "Looked-after child visit",
    "IRO": "Independent reviewing officer visit",
}

CONTACT_OUTCOME = {
    "referral": "Referred to children's social care",
    "early_help": "Passed to early help",
    "nfa": "No further action",
    "advice": "Advice and information given",
}

EH_CLOSURE_REASON = {
    "outcomes_met": "Outcomes met",
    "stepped_up": "Stepped up to social care",
    "disengaged": "Family disengaged",
    "moved": "Moved away",
    "other": "Other",
}

HEALTH_ASSESSMENT = {"health": "Health assessment", "dental": "Dental check"}

# CIN census disability codes (DfE CIN census guide).
DISABILITY = {
    "NONE": "No disability",
    "MOB": "Mobility",
    "HAND": "Hand function",
    "PC": "Personal care",
    "INC": "Incontinence",
    "COMM": "Communication",
    "LD": "Learning",
    "HEAR": "Hearing",
    "VIS": "Vision",
    "BEH": "Behaviour",
    "CON": "Consciousness",
    "AUT": "Autistic spectrum disorder",
    "DDA": "Other disability (Equality Act)",
}

SHORT_BREAK_SERVICE = {
    code: words[0].upper() + words[1:] for code, words in codes.SHORT_BREAK_SERVICE.items()
}

# Vocabulary name -> its table; the names are what callers pass to `in_words`.
VOCABULARIES: dict[str, dict[str, str]] = {
    "referral_source": codes.REFERRAL_SOURCE,
    "primary_need": codes.PRIMARY_NEED,
    "category_of_need": codes.PRIMARY_NEED,
    "closure_reason": codes.CLOSURE_REASON,
    "abuse_category": codes.ABUSE_CATEGORY,
    "ethnicity": codes.ETHNICITY,
    "reason_new_episode": codes.RNE,
    "missing_type": codes.MISSING_TYPE,
    "legal_status": LEGAL_STATUS,
    "placement": PLACEMENT,
    "placement_provider": PLACEMENT_PROVIDER,
    "reason_episode_ceased": REASON_EPISODE_CEASED,
    "reason_place_change": REASON_PLACE_CHANGE,
    "review_participation": REVIEW_PARTICIPATION,
    "in_touch": IN_TOUCH,
    "activity": ACTIVITY,
    "accommodation": ACCOMMODATION,
    "sex": SEX,
    "visit_type": VISIT_TYPE,
    "contact_outcome": CONTACT_OUTCOME,
    "eh_closure_reason": EH_CLOSURE_REASON,
    "health_assessment": HEALTH_ASSESSMENT,
    "disability": DISABILITY,
    "short_break_service": SHORT_BREAK_SERVICE,
}


def in_words(vocabulary: str, code: str) -> str | None:
    """The words for `code` in `vocabulary`; None when the code is not one we know.
    Codes are matched as recorded, then upper-cased (local lists are lower case)."""
    table = VOCABULARIES[vocabulary]
    text = code.strip()
    return table.get(text) or table.get(text.upper())
