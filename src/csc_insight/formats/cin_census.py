"""Reader for the DfE Children in Need census XML (one file per collection year).

The file is streamed (`xml_safety.SafeXML`: no DTDs, entities or network, nesting capped),
one `Child` at a time (lxml picks out `Child` and `Header` in C and frees each once read), so
an England-sized file never becomes a tree in memory. Each `Child` is walked in C
(`_census_walk`, compiled from Cython when the package is installed: no Python object per
element), into column buffers that become Arrow batches staged in DuckDB (`STAGE_BATCH` rows
at a time); typing and validation are then set-based (`formats.tabular`). Element names are
matched without their namespace; where an element appears twice, the first is read.

Mapping (every row: source = 'cin_census', source_ref = '<file>:<line of the element>'):

- Header/CollectionDetails: Collection must be 'CIN'; Year (4 digits) and ReferenceDate are
  validated but not stored.
- Child/ChildIdentifiers and ChildCharacteristics -> `children`: LAchildID -> child_id
  (trimmed, upper-cased), UPN -> upn, UPNunknown (why there is none, UN1-UN10) ->
  upn_unknown, PersonBirthDate -> dob, ExpectedPersonBirthDate ->
  expected_dob, GenderCurrent or (from 2025-26) Sex -> sex via `codes.parse_sex`,
  PersonDeathDate -> death_date, Ethnicity -> ethnicity, Disabilities/Disability* ->
  disability (true when any code other than NONE; NULL when none is given).
  FormerUPN is read, not used (see below).
- Child/CINdetails -> `referrals`: CINreferralDate -> referral_date, ReferralSource ->
  source_code, PrimaryNeedCode -> primary_need, CINclosureDate -> closure_date,
  ReasonForClosure -> closure_reason, ReferralNFA -> nfa; referral_id =
  '<child>/REF/<referral date>'. CINdetails/DateOfInitialCPC (the episode's ICPC, in the
  spec from 2013-14) is counted once per event: when a Section47 of the episode has the same
  date it is that one; else it goes to the latest S47 of the episode started on or before it
  that has no ICPC date and no ICPCnotRequired = true; else it becomes an `s47_enquiries`
  row of its own with no start date ('<child>/ICPC/<date>').
- CINdetails/Assessments -> `assessments`: AssessmentActualStartDate -> start_date,
  AssessmentAuthorisationDate -> authorised_date, FactorsIdentifiedAtAssessment/
  AssessmentFactors* -> factors (comma-joined in file order), assessment_id =
  '<child>/ASMT/<start>'. AssessmentInternalReviewDate is read, not used.
- CINdetails/CINPlanDates -> `cin_plans` (CINPlanStartDate, CINPlanEndDate; '<child>/CINP/..').
- CINdetails/Section47 -> `s47_enquiries`: S47ActualStartDate -> start_date,
  InitialCPCtarget -> icpc_target_date, DateOfInitialCPC -> icpc_date, ICPCnotRequired ->
  icpc_not_required ('<child>/S47/<start>').
- CINdetails/ChildProtectionPlans -> `cp_plans`: CPPstartDate, CPPendDate,
  InitialCategoryOfAbuse, LatestCategoryOfAbuse, NumberOfPreviousCPP ('<child>/CPP/<start>');
  its Reviews/CPPreviewDate* -> `cp_reviews` (source_ref: the CPPreviewDate line).
- CINdetails/PreProceedingsandFGDM (2025-26 onwards) -> `pre_proceedings`: PPStartDate ->
  start_date, LBPSentDate -> letter_sent_date, FGDMMeetingOffer -> fgdm_offered,
  FGDMMeetingFac -> fgdm_facilitated, InitialPPMeetingDate -> initial_meeting_date,
  ReviewMeetingsCount -> review_meetings, StepDecisionDate -> step_decision_date, PPOutcome ->
  outcome (the code as given), CourtAppDate -> court_application_date, LetterInitCPDate ->
  letter_init_cp_date ('<child>/PP/<start>').
- Every element the file holds that is not read is named in one warning per file:
  `read_not_used` for the elements of the specifications no indicator needs (`NOT_USED`:
  FormerUPN, AssessmentInternalReviewDate),
  `unknown_element` for anything else (a misspelt element is never silently lost).
  Header/Source (who made the file) is not child data and is passed over.

Every row under a CINdetails carries that episode's referral_id. Two ids of one kind for the
same child and date in one file get '#2', '#3' in file order.

Validation (each finding names file, line, element and value): required elements
(LAchildID, PersonBirthDate or ExpectedPersonBirthDate, CINreferralDate and each block's start
date), dates (ISO; dd/mm/yyyy also accepted), code lists (`formats.codes`), booleans
('true', 'false', '1', '0'), a child twice in one file, end dates before start dates
(closure, CIN plan end, CPPendDate, authorisation), and a child without CINdetails (warning).
The same referral appearing in consecutive years' files is normal and merged by the loader.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import re
from collections.abc import Iterator
from pathlib import Path

import duckdb
from lxml import etree

from csc_insight.common import values
from csc_insight.common.report import Report
from csc_insight.common.xml_safety import SafeXML, line_of
from csc_insight.formats import codes
from csc_insight.formats._census_walk import Walker
from csc_insight.formats.tabular import (
    Column,
    RowStager,
    Staged,
    check,
    check_duplicates,
    check_order,
    drop_staged,
)

NAME = "cin_census"
# Read element by element in Python, so the loader reads a large census in a second
# process while it reads the other (DuckDB-parsed) files in this one.
READ_APART = True
STAGE_BATCH = 50_000  # rows of one block buffered before they go to DuckDB

_files = itertools.count(1)
_BOOLEANS = {"TRUE": True, "1": True, "FALSE": False, "0": False}


def _boolean(raw: str) -> bool | None:
    return _BOOLEANS.get(raw.strip().upper())


def _disability(raw: str) -> bool | None:
    found = raw.split(",")
    if not all(code in codes.DISABILITY for code in found):
        return None
    return any(code != "NONE" for code in found)


def _factors(raw: str) -> str | None:
    return raw if all(f in codes.ASSESSMENT_FACTORS for f in raw.split(",")) else None


def _date(heading: str, field: str, *, not_null: bool = False) -> Column:
    return Column(heading, field, "date", not_null=not_null)


def _code(heading: str, field: str, allowed: object) -> Column:
    return Column(heading, field, "code", codes=allowed)  # type: ignore[arg-type]


_FLAG = "true, false, 1 or 0"
_CHILD = Column("LAchildID", "child_id")
# Elements are joined to their parents by their order in the document, not their line:
# a file written on one line has every element on line 1. Staged as numbers: joined,
# numbered and sorted on as text, they took 0.8 s more CPU on an England-sized census.
_PARENT = Column("parent element", "parent", "key")
_KEY = Column("element", "key", "key")

# Each block: (canonical table, columns in the order its rows are built).
BLOCKS: dict[str, list[Column]] = {
    "children": [
        Column("LAchildID", "child_id", not_null=True),
        Column("UPN", "upn"),
        _code("UPNunknown", "upn_unknown", codes.UPN_UNKNOWN),
        _date("PersonBirthDate", "dob"),
        _date("ExpectedPersonBirthDate", "expected_dob"),
        Column(
            "GenderCurrent",
            "gender",
            "code",
            parse=codes.parse_sex,
            describe="1 (male), 2 (female), 0 or 9 (not known)",
        ),
        Column("Sex", "sex", "code", parse=codes.parse_sex, describe="M, F or U (or 1, 2, 0, 9)"),
        _date("PersonDeathDate", "death_date"),
        _code("Ethnicity", "ethnicity", codes.ETHNICITY),
        Column(
            "Disability",
            "disability",
            "flag",
            parse=_disability,
            describe=f"disability codes ({', '.join(sorted(codes.DISABILITY))})",
        ),
    ],
    "referrals": [
        _CHILD,
        _date("CINreferralDate", "referral_date", not_null=True),
        _code("ReferralSource", "source_code", codes.REFERRAL_SOURCE),
        _code("PrimaryNeedCode", "primary_need", codes.PRIMARY_NEED),
        _date("CINclosureDate", "closure_date"),
        _code("ReasonForClosure", "closure_reason", codes.CLOSURE_REASON),
        Column("ReferralNFA", "nfa", "flag", parse=_boolean, describe=_FLAG),
        _date("DateOfInitialCPC", "icpc_date"),  # the episode's ICPC: attach_episode_icpcs
    ],
    "assessments": [
        _CHILD,
        _PARENT,
        _date("AssessmentActualStartDate", "start_date", not_null=True),
        _date("AssessmentAuthorisationDate", "authorised_date"),
        Column(
            "AssessmentFactors",
            "factors",
            "code",
            parse=_factors,
            describe="assessment factor codes such as 1A, 2B, 21",
        ),
    ],
    "cin_plans": [
        _CHILD,
        _PARENT,
        _date("CINPlanStartDate", "start_date", not_null=True),
        _date("CINPlanEndDate", "end_date"),
    ],
    "s47_enquiries": [
        _CHILD,
        _PARENT,
        _date("S47ActualStartDate", "start_date", not_null=True),
        _date("InitialCPCtarget", "icpc_target_date"),
        _date("DateOfInitialCPC", "icpc_date"),
        Column("ICPCnotRequired", "icpc_not_required", "flag", parse=_boolean, describe=_FLAG),
    ],
    "cp_plans": [
        _CHILD,
        _PARENT,
        _date("CPPstartDate", "start_date", not_null=True),
        _date("CPPendDate", "end_date"),
        _code("InitialCategoryOfAbuse", "initial_category", codes.ABUSE_CATEGORY),
        _code("LatestCategoryOfAbuse", "latest_category", codes.ABUSE_CATEGORY),
        Column("NumberOfPreviousCPP", "previous_plans", "int"),
    ],
    "cp_reviews": [_CHILD, _PARENT, _date("CPPreviewDate", "review_date", not_null=True)],
    "pre_proceedings": [
        _CHILD,
        _PARENT,
        _date("PPStartDate", "start_date", not_null=True),
        _date("LBPSentDate", "letter_sent_date"),
        Column("FGDMMeetingOffer", "fgdm_offered", "flag", parse=_boolean, describe=_FLAG),
        Column("FGDMMeetingFac", "fgdm_facilitated", "flag", parse=_boolean, describe=_FLAG),
        _date("InitialPPMeetingDate", "initial_meeting_date"),
        Column("ReviewMeetingsCount", "review_meetings", "int"),
        _date("StepDecisionDate", "step_decision_date"),
        Column("PPOutcome", "outcome"),
        _date("CourtAppDate", "court_application_date"),
        _date("LetterInitCPDate", "letter_init_cp_date"),
    ],
}
# The canonical tables this reader writes (the loader merges the others while it reads).
WRITES = frozenset(BLOCKS)

# Id kind per table, and the date each id is built from.
_IDS = {
    "referrals": ("referral_id", "REF", "referral_date"),
    "assessments": ("assessment_id", "ASMT", "start_date"),
    "cin_plans": ("cin_plan_id", "CINP", "start_date"),
    "s47_enquiries": ("s47_id", "S47", "start_date"),
    "cp_plans": ("cp_plan_id", "CPP", "start_date"),
    "pre_proceedings": ("pre_proceedings_id", "PP", "start_date"),
}


def detect(path: Path) -> bool:
    """Any .xml file, or a file whose first bytes look like a CIN census message."""
    if path.suffix.lower() == ".xml":
        return True
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
    except OSError:
        return False
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<") and b"<Message" in head


class _Names(dict[str, int | None]):
    """Element local name -> its position in `_pick`'s answer (None: not wanted), for the
    header (`_census_walk` has its own for the children).

    A namespaced spelling ('{uri}Name') is looked up by its local name the first time it is
    met and remembered.
    """

    def __init__(self, *names: str) -> None:
        super().__init__((name, at) for at, name in enumerate(names))
        self.count = len(names)
        _ALL_NAMES.append(self)

    def __missing__(self, tag: str) -> int | None:
        at = self.get(tag.rpartition("}")[2])
        if len(self) < _REMEMBER:
            self[tag] = at
        return at


_REMEMBER = 1000  # spellings remembered per _Names (a hostile file may invent millions)
_ALL_NAMES: list[_Names] = []

# Elements of the specifications (2013-14 to 2025-26) that carry data no indicator uses yet:
# read and named in the report as deliberately not used.
NOT_USED = {
    "FormerUPN": "a former unique pupil number",
    "AssessmentInternalReviewDate": "the assessment's internal review date",
}


def _forget_unwanted() -> None:
    """Forget the unwanted spellings met so far, so `_unwanted` answers for one file."""
    for names in _ALL_NAMES:
        for tag in [tag for tag, at in names.items() if at is None]:
            del names[tag]


def _unwanted() -> set[str]:
    """The local names of the header's elements met (since `_forget_unwanted`) that are not
    read."""
    return {
        tag.rpartition("}")[2] for names in _ALL_NAMES for tag, at in names.items() if at is None
    }


# What each element of the header is read for, in the order `_pick` returns them.
_COLLECTION = _Names("Collection", "Year", "ReferenceDate")
_HEADER = _Names("CollectionDetails", "Source")  # Source: who made the file, not child data

Found = list[list[etree._Element] | tuple[()]]
_NONE: tuple[()] = ()


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _pick(element: etree._Element | None, names: _Names) -> Found:
    """The children of `element` named (locally) each of `names`, in document order."""
    found: Found = [_NONE] * names.count
    if element is not None:
        for item in element:
            at = names[item.tag]
            if at is not None:
                if found[at]:
                    found[at].append(item)  # type: ignore[union-attr]
                else:
                    found[at] = [item]
    return found


def _first(found: list[etree._Element] | tuple[()]) -> etree._Element | None:
    return found[0] if found else None


def _text(element: etree._Element | None) -> str | None:
    if element is None or element.text is None:
        return None
    return element.text.strip() or None


class _Reader:
    """One pass over one file: stages each block's rows as the children stream past."""

    def __init__(self, path: Path, con: duckdb.DuckDBPyConnection, report: Report) -> None:
        self.path, self.con, self.report, self.file = path, con, report, path.name
        prefix = f"{NAME}_{next(_files)}"
        self.tables = {block: f"{prefix}_{block}" for block in BLOCKS}
        self.stagers = {
            block: RowStager(
                con,
                [_KEY.heading, *(c.heading for c in cols)],
                [_KEY, *cols],
                report,
                table=self.tables[block],
                file=self.file,
                lettered=False,
                expect_rows=block == "children",
                target=block,
            )
            for block, cols in BLOCKS.items()
        }
        self.walker = Walker(self.without_details, STAGE_BATCH)
        self.header_seen = False

    def flush(self, block: str) -> None:
        """Hand the block's rows the walker holds to its stager as one Arrow batch (the
        stager types them in `RowStager.finish`)."""
        import pyarrow as pa

        arrays = self.walker.blocks[block].take()
        if not len(arrays[0]):
            return
        names = ["key", *(c.field for c in BLOCKS[block]), "_row"]
        self.stagers[block].add_batch(pa.table(arrays, names=names))

    def header(self, header: etree._Element) -> None:
        self.header_seen = True
        details, _source = _pick(header, _HEADER)
        collection, year, reference = (
            _text(_first(found)) for found in _pick(_first(details), _COLLECTION)
        )
        line = line_of(details[0] if details else header) or None
        if (collection or "").upper() != "CIN":
            self.report.error(
                "not_cin_census",
                self.file,
                "Header/CollectionDetails/Collection "
                "should be 'CIN': this is not a CIN census file.",
                row=line,
                column="Collection",
                value=collection,
            )
        if not re.fullmatch(r"\d{4}", year or ""):
            self.report.error(
                "bad_value",
                self.file,
                "'Year' should be the collection year, four digits.",
                row=line,
                column="Year",
                value=year,
            )
        if reference is None or values.parse_date(reference) is None:
            self.report.error(
                "bad_date",
                self.file,
                "'ReferenceDate' should be a date (yyyy-mm-dd).",
                row=line,
                column="ReferenceDate",
                value=reference,
            )

    def child(self, child: etree._Element) -> None:
        if self.walker.child(child):
            for block in self.walker.full():
                self.flush(block)

    def without_details(self, line: int, child_id: str | None) -> None:
        self.report.warning(
            "no_cin_details",
            self.file,
            "This child has no CINdetails: expected at least one episode of need.",
            row=line,
            column="CINdetails",
            value=child_id,
        )

    def stream(self) -> bool:
        """Read the file; False when it was refused (unsafe, not XML, not a CIN census)."""
        _forget_unwanted()
        safe = SafeXML(self.path, self.report, tags=("Child", "Header"))
        for event, element in safe:
            tag = _local(element.tag)
            if event == "start":
                if tag != "Message":
                    self.report.error(
                        "not_cin_census",
                        self.file,
                        "The root element should be 'Message': this is not a CIN census file.",
                        row=line_of(element),
                        column=tag,
                    )
                    return False
            elif tag == "Child":
                self.child(element)
            else:
                self.header(element)
        if safe.ok and not self.header_seen:
            self.report.error(
                "not_cin_census",
                self.file,
                "The file has no Header/CollectionDetails: expected a CIN census message.",
            )
        if safe.ok:
            self.name_unwanted(_unwanted() | self.walker.unwanted)
        return safe.ok

    def name_unwanted(self, unwanted: set[str]) -> None:
        """Say which elements of the file were left out, and why."""
        known = sorted(unwanted & NOT_USED.keys())
        if known:
            self.report.warning(
                "read_not_used",
                self.file,
                "Read, not used (no indicator "
                "needs them yet): "
                + "; ".join(f"{name} ({NOT_USED[name]})" for name in known)
                + ".",
            )
        unknown = sorted(unwanted - NOT_USED.keys())
        if unknown:
            self.report.warning(
                "unknown_element",
                self.file,
                "These elements are not among "
                "the CIN census elements CSC Insight knows (specifications "
                "2013-14 to 2025-26; check the spelling) and were ignored: "
                + ", ".join(unknown)
                + ".",
            )

    def finish(self) -> dict[str, int]:
        for block in BLOCKS:
            self.flush(block)
        staged = {block: stager.finish() for block, stager in self.stagers.items()}
        if any(s is None for s in staged.values()):
            return {}
        return self.validate_and_insert(staged)  # type: ignore[arg-type]

    def validate_and_insert(self, staged: dict[str, Staged]) -> dict[str, int]:
        con, report = self.con, self.report
        kids = staged["children"]
        check(
            con,
            kids,
            f"SELECT _row, child_id AS value FROM raw_{kids.table} "
            "WHERE dob IS NULL AND expected_dob IS NULL",
            report,
            code="missing_value",
            column="dob",
            message="A child needs PersonBirthDate or ExpectedPersonBirthDate.",
            scope="cell",
        )
        check_duplicates(con, kids, ["child_id"], report, what="child (LAchildID)")
        check_order(con, staged["referrals"], "referral_date", "closure_date", report)
        check_order(con, staged["assessments"], "start_date", "authorised_date", report)
        check_order(con, staged["cin_plans"], "start_date", "end_date", report)
        check_order(con, staged["cp_plans"], "start_date", "end_date", report)

        ref = f"? || ':' || _row AS source_ref, '{NAME}' AS source"
        written = {
            "children": _insert(
                con,
                "children",
                (
                    "SELECT child_id, upn, upn_unknown, dob, expected_dob, "
                    "COALESCE(sex, gender) AS sex, "
                    f"death_date, ethnicity, disability, {ref} FROM {kids.table} "
                    "WHERE child_id IS NOT NULL"
                ),
                self.file,
            )
        }
        for block, (id_field, kind, day) in _IDS.items():
            table = staged[block].table
            con.execute(
                f"CREATE OR REPLACE TEMP TABLE {table}_ids AS SELECT key, child_id || '/{kind}/' "
                f"|| strftime({day}, '%Y-%m-%d') || CASE WHEN n > 1 THEN '#' || n ELSE '' END "
                f"AS {id_field} FROM (SELECT key, child_id, {day}, row_number() OVER (PARTITION "
                f"BY child_id, {day} ORDER BY key) AS n FROM {table} "
                f"WHERE child_id IS NOT NULL "
                f"AND {day} IS NOT NULL)"
            )
        self.attach_episode_icpcs(staged)
        refs = f"{staged['referrals'].table}_ids"
        for block, (id_field, _, _) in _IDS.items():
            table = staged[block].table
            link = (
                ""
                if block == "referrals"
                else (
                    f", p.referral_id FROM {table} t JOIN {table}_ids i USING (key) "
                    f"LEFT JOIN {refs} p ON p.key = t.parent"
                )
            )
            # In document order (the element counter): the loader writes a day's events in
            # the order they were staged, which the joins would otherwise leave to chance.
            source = (link or f" FROM {table} t JOIN {table}_ids i USING (key)") + (
                " ORDER BY t.key"
            )
            fields = [
                c.field
                for c in BLOCKS[block]
                if c.field not in ("child_id", "parent")
                and not (block == "referrals" and c.field == "icpc_date")
            ]
            written[block] = _insert(
                con,
                block,
                (
                    f"SELECT t.child_id, i.{id_field}, {', '.join('t.' + f for f in fields)}, "
                    f"? || ':' || t._row AS source_ref, '{NAME}' AS source{source}"
                ),
                self.file,
            )
        cpp = staged["cp_plans"].table
        written["cp_reviews"] = _insert(
            con,
            "cp_reviews",
            (
                "SELECT r.child_id, i.cp_plan_id, r.review_date, "
                f"? || ':' || r._row AS source_ref, '{NAME}' AS source "
                f"FROM {staged['cp_reviews'].table} r JOIN {cpp}_ids i "
                f"ON i.key = r.parent WHERE r.review_date IS NOT NULL "
                "ORDER BY r.key"
            ),
            self.file,
        )
        written["s47_enquiries"] += self.insert_episode_icpcs(staged)
        return written

    def attach_episode_icpcs(self, staged: dict[str, Staged]) -> None:
        """Give a CINdetails ICPC date to the enquiry it followed, when the Section47 blocks
        leave it out: the latest S47 of the episode that started on or before it, has no
        ICPC date and was not marked ICPCnotRequired. An ICPC dated in both places is one
        event and is left as it is."""
        refs, s47 = staged["referrals"].table, staged["s47_enquiries"].table
        self.con.execute(
            f"UPDATE {s47} t SET icpc_date = m.icpc_date FROM ("
            f"SELECT s.key, r.icpc_date FROM {refs} r JOIN {s47} s ON s.parent = r.key "
            f"WHERE r.icpc_date IS NOT NULL AND s.icpc_date IS NULL "
            f"AND s.start_date <= r.icpc_date AND NOT COALESCE(s.icpc_not_required, FALSE) "
            f"AND NOT EXISTS (SELECT 1 FROM {s47} o WHERE o.parent = r.key "
            f"AND o.icpc_date = r.icpc_date) "
            f"QUALIFY row_number() OVER (PARTITION BY r.key ORDER BY s.start_date DESC, "
            f"s.key DESC) = 1) m WHERE t.key = m.key"
        )

    def insert_episode_icpcs(self, staged: dict[str, Staged]) -> int:
        """An ICPC in CINdetails that no Section47 of its episode accounts for (even after
        `attach_episode_icpcs`) is an ICPC of its own: an s47_enquiries row without a start
        date, id '<child>/ICPC/<date>'. Returns the rows written."""
        refs, s47 = staged["referrals"].table, staged["s47_enquiries"].table
        n = "row_number() OVER (PARTITION BY r.child_id, r.icpc_date ORDER BY r.key)"
        return _insert(
            self.con,
            "s47_enquiries",
            (
                f"SELECT r.child_id, i.referral_id, r.child_id || '/ICPC/' || "
                f"strftime(r.icpc_date, '%Y-%m-%d') || CASE WHEN {n} > 1 THEN '#' || {n} "
                f"ELSE '' END AS s47_id, r.icpc_date, ? || ':' || r._row AS source_ref, "
                f"'{NAME}' AS source FROM {refs} r JOIN {refs}_ids i USING (key) "
                f"WHERE r.icpc_date IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {s47} s "
                f"WHERE s.parent = r.key AND s.icpc_date = r.icpc_date) "
                "ORDER BY r.key"
            ),
            self.file,
        )

    def drop(self) -> None:
        for table in self.tables.values():
            drop_staged(self.con, table)
            self.con.execute(f"DROP TABLE IF EXISTS {table}_ids")


def _insert(con: duckdb.DuckDBPyConnection, table: str, select: str, file: str) -> int:
    return con.execute(f"INSERT INTO {table} BY NAME {select}", [file]).fetchall()[0][0]


def read(path: Path, con: duckdb.DuckDBPyConnection, report: Report) -> dict[str, int]:
    """Validate one CIN census XML file and insert its canonical rows; see the module."""
    reader = _Reader(path, con, report)
    try:
        with _no_cyclic_gc():
            streamed = reader.stream()
        return reader.finish() if streamed else {}
    finally:
        reader.drop()


@contextlib.contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while streaming: it allocates an element proxy per
    `Child` and the Arrow batches, and no cycles, so the collector's passes find nothing."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
