"""Weighted vocabularies the generator draws from (codes from `formats.codes`)."""

from __future__ import annotations

REFERRAL_SOURCES = {
    "1A": 2,
    "1B": 5,
    "1D": 2,
    "2A": 18,
    "2B": 2,
    "3A": 3,
    "3B": 3,
    "3E": 4,
    "3F": 5,
    "4": 2,
    "5A": 5,
    "5B": 2,
    "5C": 3,
    "5D": 3,
    "6": 29,
    "7": 2,
    "8": 5,
    "9": 2,
    "10": 3,
}
ETHNICITY_ENGLAND = {
    "WBRI": 660,
    "WIRI": 5,
    "WIRT": 3,
    "WOTH": 60,
    "WROM": 10,
    "MWBC": 20,
    "MWBA": 10,
    "MWAS": 10,
    "MOTH": 30,
    "AIND": 15,
    "APKN": 30,
    "ABAN": 10,
    "AOTH": 10,
    "BCRB": 20,
    "BAFR": 40,
    "BOTH": 10,
    "CHNE": 3,
    "OOTH": 20,
    "REFU": 5,
    "NOBT": 20,
}
ETHNICITY_LONDON = {
    "WBRI": 300,
    "WIRI": 8,
    "WIRT": 3,
    "WOTH": 130,
    "WROM": 12,
    "MWBC": 35,
    "MWBA": 20,
    "MWAS": 15,
    "MOTH": 60,
    "AIND": 25,
    "APKN": 25,
    "ABAN": 40,
    "AOTH": 30,
    "BCRB": 70,
    "BAFR": 120,
    "BOTH": 35,
    "CHNE": 5,
    "OOTH": 40,
    "REFU": 7,
    "NOBT": 20,
}
ETHNICITY_UASC = {"AOTH": 35, "BAFR": 35, "OOTH": 20, "BOTH": 5, "WOTH": 5}
PRIMARY_NEED = {"N1": 55, "N2": 9, "N3": 3, "N4": 9, "N5": 15, "N6": 2, "N7": 1, "N8": 3, "N9": 3}
ABUSE = {"NEG": 48, "EMO": 38, "PHY": 7, "SAB": 4, "MUL": 3}
FACTORS = (
    "1B",
    "1C",
    "2A",
    "2B",
    "2C",
    "3A",
    "3B",
    "3C",
    "4A",
    "4B",
    "5A",
    "5B",
    "5C",
    "6A",
    "6B",
    "7A",
    "8B",
    "8C",
    "8D",
    "8E",
    "8F",
    "9A",
    "10A",
    "11A",
    "12A",
    "13A",
    "14A",
    "15A",
    "16A",
    "17A",
    "18B",
    "18C",
    "19A",
    "19B",
    "19C",
    "20",
    "22A",
    "23A",
    "24A",
)
CLOSURE_CIN = {"RC7": 80, "RC3": 5, "RC4": 3, "RC5": 7, "RC6": 1, "RC2": 0.3}
REC_AT_18 = {"E17": 15, "E5": 35, "E6": 20, "E8": 30}
REC_YOUNG = {"E4A": 45, "E13": 20, "E41": 5, "E45": 10, "E46": 5, "E8": 10, "E3": 5}
REC_OLDER = {"E4A": 40, "E4B": 10, "E13": 20, "E8": 15, "E9": 3, "E3": 5, "E48": 7}
PLACE_YOUNG = {"U1": 8, "U3": 10, "U4": 35, "U6": 35, "P1": 5, "R1": 2, "A3": 0, "K2": 5}
PLACE_TEEN = {"U3": 10, "U4": 25, "U6": 20, "K2": 25, "H5": 10, "R1": 3, "P2": 2, "S1": 2, "P1": 3}
PLACE_UASC = {"H5": 65, "U6": 15, "U4": 10, "P2": 10}
# Placements with foster carers (SSDA903 PLACE U1-U6)
FOSTER = ("U1", "U2", "U3", "U4", "U5", "U6")
PLACE_CHANGE = {
    "CARPL": 25,
    "CHILD": 15,
    "LAREQ": 20,
    "PLACE": 15,
    "CREQB": 5,
    "ALLEG": 2,
    "STAND": 8,
    "OTHER": 10,
}
IN_TOUCH = {"YES": 90, "NO": 4, "REFU": 2, "NREQ": 2, "RHOM": 2}
ACTIVITY_EET = {"F1": 30, "P1": 10, "F2": 25, "P2": 15, "F4": 8, "P4": 4, "F5": 5, "P5": 3}
ACTIVITY_NEET = {"G4": 30, "G5": 55, "G6": 15}
# OC3 ACCOM letters; S (no fixed abode) is never suitable (DfE rule 133 allows S2 only).
ACCOM = {"B": 22, "C": 25, "D": 10, "E": 10, "G": 5, "H": 5, "K": 5, "R": 5, "S": 3, "T": 5, "U": 5}
EH_ORGANISATIONS = {
    "Early Help Team": 50,
    "School": 25,
    "Health visiting": 10,
    "Children's centre": 10,
    "Voluntary sector": 5,
}
EH_CLOSURE = {"outcomes_met": 60, "stepped_up": 10, "disengaged": 15, "moved": 5, "other": 10}
DISABILITY = {"LD": 25, "AUT": 30, "COMM": 15, "BEH": 10, "MOB": 8, "CON": 7, "HEAR": 3, "VIS": 2}
# Real, full postcodes (SSDA903 HOME_POST and PL_POST: the DfE's validator looks each up in
# the ONS postcode directory, rule 392c, and derives the placement's local authority and
# distance from them). The first POSTCODES_IN_LA are in Southwark (E09000028, the borough
# profile's LA 210), the homes' being the first HOME_POSTCODES; the rest are elsewhere.
POSTCODES = (
    "SE15 1QU",
    "SE15 5DE",
    "SE1 6ZU",
    "SE17 1EN",
    "SE16 5EG",
    "SE22 8XN",
    "SE5 9XJ",
    "SE1 3HW",
    "SE15 5ZQ",
    "SE15 6UZ",
    "SE1 1YB",
    "SE16 6AB",
    "SE15 6AX",
    "SE16 2TN",
    "SW12 0DS",
    "SE6 3UU",
    "E8 4PL",
    "SE25 6ZS",
    "E14 1TQ",
    "B26 1QT",
    "BS9 3BU",
    "M9 6EQ",
    "ME17 1JD",
    "N16 0AZ",
    "SE14 5EP",
)
POSTCODES_IN_LA = 14
HOME_POSTCODES = 6
FIRST_NAMES = (
    "Alex",
    "Sam",
    "Jo",
    "Priya",
    "Tom",
    "Amara",
    "Chris",
    "Fatima",
    "Dan",
    "Grace",
    "Kemi",
    "Liam",
    "Maya",
    "Noah",
    "Olu",
    "Rosa",
    "Sean",
    "Tara",
    "Yusuf",
    "Zoe",
)
LAST_NAMES = (
    "Adams",
    "Begum",
    "Clarke",
    "Davies",
    "Evans",
    "Francis",
    "Green",
    "Hussain",
    "Ibrahim",
    "Jones",
    "Khan",
    "Lewis",
    "Morris",
    "Nwosu",
    "Okafor",
    "Patel",
    "Quinn",
    "Roberts",
    "Smith",
    "Taylor",
    "Walker",
    "Young",
)
