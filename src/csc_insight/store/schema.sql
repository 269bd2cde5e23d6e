-- The canonical child-level model: the only shape downstream code (indicators, web,
-- reports) ever sees. Every format reader maps its rows into these tables; nothing after
-- the loader knows which return a row came from, except through the lineage columns.
--
-- Conventions
--   child_id     the LA's child identifier, trimmed and upper-cased on the way in.
--   dates        DATE, never text. NULL means "not recorded" (or "still open" for end dates).
--   flags        BOOLEAN; NULL means "not recorded".
--   codes        DfE code-list values (e.g. referral source '1A', need 'N1', closure 'RC1').
--   source       which return the row came from: 'annex_a', 'cin_census', 'ssda903', 'local'.
--   source_ref   where in that return: 'file.xlsx!List 3:17' (Excel row number, header = 1),
--                'cin_census_2020.xml:child 123', 'episodes.csv:42'. Compressed with zstd:
--                every row's is different, and DuckDB's default compression of it took over
--                a third of the CPU of writing a table (every row is written staged, then
--                merged); zstd takes a third of that, and reads as fast.
-- One snapshot = one DuckDB file, so no table carries a snapshot id; see snapshot_meta.

CREATE TABLE children (
    child_id      VARCHAR NOT NULL,
    upn           VARCHAR,   -- unique pupil number; never a 'UPN unknown' code (upn_unknown)
    upn_unknown   VARCHAR,   -- why there is no UPN: a DfE code UN1-UN10 (codes.UPN_UNKNOWN),
                             -- from CIN census UPNunknown or an SSDA903 Header UPN of 'UN..'
    dob           DATE,
    expected_dob  DATE,
    sex           VARCHAR,   -- 'M', 'F', 'U' (unknown / not stated / indeterminate)
    ethnicity     VARCHAR,   -- DfE ethnicity code: WBRI, WIRI, ..., REFU, NOBT
    disability    BOOLEAN,   -- any recorded disability
    uasc          BOOLEAN,   -- unaccompanied asylum-seeking child (now or formerly)
    uasc_ceased   DATE,      -- SSDA903 UASC.DUC: date UASC status ceased
    death_date    DATE,
    source        VARCHAR NOT NULL,
    source_ref    VARCHAR USING COMPRESSION zstd
);

CREATE TABLE contacts (
    contact_id    VARCHAR NOT NULL,  -- local id, or child_id + date when the return has none
    child_id      VARCHAR NOT NULL,
    contact_date  DATE NOT NULL,
    source_code   VARCHAR,           -- referral source code list 1A-10
    decision_date DATE,              -- local extras only: when the front door decided
    outcome       VARCHAR,           -- 'referral', 'early_help', 'nfa', 'advice' (local extras)
    source        VARCHAR NOT NULL,
    source_ref    VARCHAR USING COMPRESSION zstd
);

CREATE TABLE early_help (
    eh_id             VARCHAR NOT NULL,
    child_id          VARCHAR NOT NULL,
    referral_date     DATE,          -- referral (request) to early help
    referral_source   VARCHAR,       -- who asked: referral source code list 1A-10
    referral_outcome  VARCHAR,       -- 'early_help' (taken on), 'referral' (passed to
                                     -- children's social care as a referral), 'advice', 'nfa'
    start_date        DATE,          -- early help assessment start
    completion_date   DATE,          -- early help assessment completion
    organisation      VARCHAR,       -- organisation completing the assessment
    closure_date      DATE,
    closure_reason    VARCHAR,
    goal_score_start  DOUBLE,        -- 0-10 goal score at assessment (mean of goals)
    goal_score_review DOUBLE,        -- latest review score
    goal_score_end    DOUBLE,        -- score at closure
    short_break       BOOLEAN,       -- disabled child receiving a short break
    source            VARCHAR NOT NULL,
    source_ref        VARCHAR USING COMPRESSION zstd
);

-- Short breaks for disabled children provided under section 17 of the Children Act 1989
-- without the child being looked after (local extras). Children looked after under an
-- agreed series of short-term breaks are in cla_episodes with legal status V3 or V4.
CREATE TABLE short_breaks (
    child_id         VARCHAR NOT NULL,
    disability       VARCHAR,        -- CIN census disability code: MOB, HAND, ..., AUT, DDA
    service          VARCHAR NOT NULL, -- 'overnight', 'day', 'home', 'activity', 'direct_payment'
    start_date       DATE NOT NULL,
    end_date         DATE,           -- NULL: still provided
    hours_per_week   DOUBLE,         -- agreed hours a week (day, home, activity services)
    nights_per_year  DOUBLE,         -- agreed nights a year (overnight services)
    source           VARCHAR NOT NULL,
    source_ref       VARCHAR USING COMPRESSION zstd
);

-- A referral opens an episode of need (CIN census CINdetails); it closes at closure_date.
CREATE TABLE referrals (
    referral_id     VARCHAR NOT NULL,
    child_id        VARCHAR NOT NULL,
    referral_date   DATE NOT NULL,
    source_code     VARCHAR,         -- 1A-10
    nfa             BOOLEAN,         -- referral led to no further action
    primary_need    VARCHAR,         -- N0-N9
    closure_date    DATE,
    closure_reason  VARCHAR,         -- RC1-RC9
    referrals_12m   INTEGER,         -- Annex A: number of referrals in last 12 months
    team            VARCHAR,
    worker          VARCHAR,
    source          VARCHAR NOT NULL,
    source_ref      VARCHAR USING COMPRESSION zstd
);

CREATE TABLE assessments (
    assessment_id   VARCHAR NOT NULL,
    child_id        VARCHAR NOT NULL,
    referral_id     VARCHAR,         -- the episode it belongs to, where known
    start_date      DATE NOT NULL,
    authorised_date DATE,
    child_seen      BOOLEAN,         -- child seen during the assessment (Annex A)
    child_seen_date DATE,            -- local extras: first date seen
    needs_support   BOOLEAN,         -- assessed as requiring LA children's social care support
    factors         VARCHAR,         -- comma-separated factor codes, e.g. '1A,3B'
    team            VARCHAR,
    worker          VARCHAR,
    source          VARCHAR NOT NULL,
    source_ref      VARCHAR USING COMPRESSION zstd
);

CREATE TABLE s47_enquiries (
    s47_id            VARCHAR NOT NULL,
    child_id          VARCHAR NOT NULL,
    referral_id       VARCHAR,
    start_date        DATE,            -- strategy discussion initiating the enquiry; NULL for an
                                       -- ICPC known only from a CIN census CINdetails
    icpc_target_date  DATE,
    icpc_date         DATE,
    icpc_not_required BOOLEAN,
    cp_plan_resulted  BOOLEAN,
    team              VARCHAR,
    worker            VARCHAR,
    s47_12m           INTEGER,         -- Annex A List 5: S47 enquiries in the last 12 months
    icpc_12m          INTEGER,         -- Annex A List 5: ICPCs in the last 12 months
    source            VARCHAR NOT NULL,
    source_ref        VARCHAR USING COMPRESSION zstd
);

CREATE TABLE cin_plans (
    cin_plan_id  VARCHAR NOT NULL,
    child_id     VARCHAR NOT NULL,
    referral_id  VARCHAR,
    start_date   DATE NOT NULL,
    end_date     DATE,
    source       VARCHAR NOT NULL,
    source_ref   VARCHAR USING COMPRESSION zstd
);

CREATE TABLE cp_plans (
    cp_plan_id        VARCHAR NOT NULL,
    child_id          VARCHAR NOT NULL,
    referral_id       VARCHAR,
    start_date        DATE NOT NULL,
    end_date          DATE,
    initial_category  VARCHAR,        -- NEG, PHY, SAB, EMO, MUL
    latest_category   VARCHAR,
    previous_plans    INTEGER,        -- number of previous CP plans (ever)
    team              VARCHAR,
    worker            VARCHAR,
    source            VARCHAR NOT NULL,
    source_ref        VARCHAR USING COMPRESSION zstd
);

CREATE TABLE cp_reviews (
    cp_plan_id   VARCHAR NOT NULL,
    child_id     VARCHAR NOT NULL,
    review_date  DATE NOT NULL,
    source       VARCHAR NOT NULL,
    source_ref   VARCHAR USING COMPRESSION zstd
);

-- CIN census CINdetails/PreProceedingsandFGDM (2025-26 onwards): the pre-proceedings
-- stage of the Public Law Outline and family group decision making.
CREATE TABLE pre_proceedings (
    pre_proceedings_id      VARCHAR NOT NULL,
    child_id                VARCHAR NOT NULL,
    referral_id             VARCHAR,
    start_date              DATE NOT NULL,    -- PPStartDate
    letter_sent_date        DATE,             -- LBPSentDate: letter before proceedings
    fgdm_offered            BOOLEAN,          -- FGDMMeetingOffer
    fgdm_facilitated        BOOLEAN,          -- FGDMMeetingFac
    initial_meeting_date    DATE,             -- InitialPPMeetingDate
    review_meetings         INTEGER,          -- ReviewMeetingsCount
    step_decision_date      DATE,             -- StepDecisionDate: decision to step up or down
    outcome                 VARCHAR,          -- PPOutcome (the specification's code)
    court_application_date  DATE,             -- CourtAppDate
    letter_init_cp_date     DATE,             -- LetterInitCPDate
    source                  VARCHAR NOT NULL,
    source_ref              VARCHAR USING COMPRESSION zstd
);

CREATE TABLE visits (
    child_id     VARCHAR NOT NULL,
    visit_date   DATE NOT NULL,
    visit_type   VARCHAR NOT NULL,    -- 'CP', 'CIN', 'CLA', 'IRO' (Annex A: last IRO visit)
    seen_alone   BOOLEAN,
    worker       VARCHAR,
    source       VARCHAR NOT NULL,
    source_ref   VARCHAR USING COMPRESSION zstd
);

-- SSDA903 episodes: one row per change of placement or legal status.
CREATE TABLE cla_episodes (
    child_id             VARCHAR NOT NULL,
    decom                DATE NOT NULL,  -- episode start
    rne                  VARCHAR,        -- reason new episode: S, P, L, T, U, B, X
    ls                   VARCHAR,        -- legal status: C1, C2, D1, E1, J1-J3, L1-L3, V2-V4
    cin                  VARCHAR,        -- category of need N1-N8
    place                VARCHAR,        -- placement type: U1-U6, A3-A6, K1, K2, H5, P1-P3, R1-R5, S1, T0-T4, Z1
    place_provider       VARCHAR,        -- PR0-PR5
    dec                  DATE,           -- episode end (NULL: still open)
    rec                  VARCHAR,        -- reason episode ceased: X1 (continues) or E.. (ceased care)
    reason_place_change  VARCHAR,
    home_post            VARCHAR,
    pl_post              VARCHAR,
    urn                  VARCHAR,
    source               VARCHAR NOT NULL,
    source_ref           VARCHAR USING COMPRESSION zstd
);

CREATE TABLE cla_reviews (
    child_id     VARCHAR NOT NULL,
    review_date  DATE NOT NULL,
    review_code  VARCHAR,            -- PN0-PN7 (participation)
    source       VARCHAR NOT NULL,
    source_ref   VARCHAR USING COMPRESSION zstd
);

-- SSDA903 OC2: children looked after 12 months at 31 March, one row per collection year.
CREATE TABLE cla_health (
    child_id               VARCHAR NOT NULL,
    year_ending            DATE,      -- 31 March of the collection year (OC2); NULL from Annex A
    health_check           BOOLEAN,   -- OC2 HEALTH_CHECK: annual health assessment up to date
    immunisations          BOOLEAN,
    teeth_check            BOOLEAN,
    sdq_score              INTEGER,
    convicted              BOOLEAN,
    substance_misuse       BOOLEAN,
    source                 VARCHAR NOT NULL,
    source_ref             VARCHAR USING COMPRESSION zstd
);

-- What Annex A List 8 says of a looked-after child's last 12 months, as at the return.
CREATE TABLE cla_summary (
    child_id            VARCHAR NOT NULL,
    second_period       BOOLEAN,   -- second or subsequent period of care in the last 12 months
    placements_12m      INTEGER,
    missing_12m         INTEGER,   -- episodes missing from placement in the last 12 months
    absent_12m          INTEGER,   -- episodes absent from placement in the last 12 months
    rhi_offered         BOOLEAN,   -- return interview offered after the last missing episode
    rhi_accepted        BOOLEAN,
    permanence_plan     VARCHAR,
    placement_location  VARCHAR,   -- in or out of the LA's area
    placement_la        VARCHAR,
    source              VARCHAR NOT NULL,
    source_ref          VARCHAR USING COMPRESSION zstd
);

-- Health and dental assessments of looked-after children (local extras; Annex A List 8
-- gives the latest of each).
CREATE TABLE health_assessments (
    child_id         VARCHAR NOT NULL,
    assessment_date  DATE NOT NULL,
    kind             VARCHAR NOT NULL,  -- 'health' or 'dental'
    source           VARCHAR NOT NULL,
    source_ref       VARCHAR USING COMPRESSION zstd
);

-- Missing from home or care: SSDA903 Missing (looked-after children) and the local
-- missing register (every child, with return home interviews).
CREATE TABLE missing_episodes (
    child_id      VARCHAR NOT NULL,
    missing_type  VARCHAR NOT NULL,   -- 'M' missing, 'A' away without authorisation
    start_date    DATE NOT NULL,
    end_date      DATE,
    rhi_offered   BOOLEAN,            -- return home interview offered (local extras)
    rhi_accepted  BOOLEAN,
    rhi_date      DATE,               -- date the RHI was held
    source        VARCHAR NOT NULL,
    source_ref    VARCHAR USING COMPRESSION zstd
);

-- Care leavers' status around each birthday (SSDA903 OC3) or at the Annex A date (List 9).
CREATE TABLE care_leavers (
    child_id              VARCHAR NOT NULL,
    year_ending           DATE,       -- 31 March of the OC3 collection year; Annex A: NULL
    in_touch              VARCHAR,    -- YES, NO, DIED, REFU, NREQ, RHOM
    activity              VARCHAR,    -- F1, P1, F2, P2, F4, P4, F5, P5, G4, G5, G6
    accommodation         VARCHAR,    -- SSDA903 ACCOM letter code, e.g. 'B', 'C', 'Z'
    suitable              BOOLEAN,    -- ACCOM suffix 1 = suitable, 2 = not suitable
    eligibility           VARCHAR,    -- relevant / former relevant / qualifying ...
    latest_contact        DATE,
    personal_advisor      VARCHAR,
    source                VARCHAR NOT NULL,
    source_ref            VARCHAR USING COMPRESSION zstd
);

-- Pathway plan reviews for care leavers (local extras; Annex A List 9 gives the latest).
CREATE TABLE pathway_plan_reviews (
    child_id     VARCHAR NOT NULL,
    review_date  DATE NOT NULL,
    source       VARCHAR NOT NULL,
    source_ref   VARCHAR USING COMPRESSION zstd
);

CREATE TABLE adoption (
    child_id                  VARCHAR NOT NULL,
    entered_care              DATE,
    decision_date             DATE,   -- should be placed for adoption
    placement_order_date      DATE,
    matched_date              DATE,
    placed_date               DATE,
    adoption_order_date       DATE,
    no_longer_placed_date     DATE,
    no_longer_placed_reason   VARCHAR,
    ffa_date                  DATE,   -- placed for fostering in FFA / concurrent planning
    source                    VARCHAR NOT NULL,
    source_ref                VARCHAR USING COMPRESSION zstd
);

-- Who holds each child's case, over time (local extras; Annex A gives the current one).
CREATE TABLE allocations (
    child_id     VARCHAR NOT NULL,
    worker       VARCHAR NOT NULL,
    team         VARCHAR,
    start_date   DATE NOT NULL,
    end_date     DATE,
    source       VARCHAR NOT NULL,
    source_ref   VARCHAR USING COMPRESSION zstd
);

CREATE TABLE workers (
    worker       VARCHAR NOT NULL,    -- worker identifier as it appears in allocations
    name         VARCHAR,
    team         VARCHAR,
    role         VARCHAR,             -- 'social worker', 'personal adviser', ...
    fte          DOUBLE,
    source       VARCHAR NOT NULL,
    source_ref   VARCHAR USING COMPRESSION zstd
);

-- Child population (ONS mid-year estimate, 0-17) for rates per 10,000.
CREATE TABLE population (
    year         INTEGER NOT NULL,    -- mid-year estimate year (e.g. 2019 for 2019-20)
    age_from     INTEGER NOT NULL,
    age_to       INTEGER NOT NULL,
    population   INTEGER NOT NULL,
    source       VARCHAR NOT NULL,
    source_ref   VARCHAR USING COMPRESSION zstd
);

-- England and Wales bank holidays and weekends, one row per day; built by store.calendar.
CREATE TABLE calendar (
    day             DATE NOT NULL PRIMARY KEY,
    is_working_day  BOOLEAN NOT NULL,
    holiday_name    VARCHAR,
    working_day_no  INTEGER NOT NULL  -- running count of working days up to and including day
);

-- Key/value facts about the snapshot (id, created_at, created_by, formats, period covered).
CREATE TABLE snapshot_meta (
    key    VARCHAR NOT NULL PRIMARY KEY,
    value  VARCHAR
);
