"""Two example plans for the demo, written for it (not copied from any council's plan):
a Service Development Plan under the five Children and Young People's Plan priorities and
an Exploitation and Missing Children action plan, with varied RAG, history and overdue items.

Dates are relative to the data's last day (the end of the current snapshot's last quarter),
so that the plans sit inside the data's years, with overdue and due-soon actions as at
that day; serve the demo with CSC_INSIGHT_TODAY set to that day to see it so. The demo
manager (`demo-manager`) is the Team Manager (TM) and Deputy Team Manager (DTM) who lead
actions, so that login can update them.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction

from csc_insight.access.roles import Role
from csc_insight.indicators.coverage import data_extent
from csc_insight.indicators.engine import as_backend
from csc_insight.indicators.periods import fy_label, quarter, quarter_of
from csc_insight.plans import services
from csc_insight.plans.models import Lead, Plan
from csc_insight.plans.rag import Rag
from csc_insight.store import snapshots

R, A, G, B = Rag.RED, Rag.AMBER, Rag.GREEN, Rag.BLUE

# (section, ref, specific aim, source type, source reference / indicator id, action, measure,
#  due in days from today, leads, RAG history as (days ago, rating, comment))
SDP = [
    (
        "Safe",
        "1",
        "Families know why children's social care is involved",
        "other",
        "Family feedback survey",
        "Deputy team manager chairs every first CIN meeting",
        "Families' feedback after the first meeting",
        -40,
        "TM",
        [
            (300, A, "Chair recruited"),
            (120, G, "First meetings chaired since the summer"),
            (45, B, "Every first meeting chaired; feedback collected"),
        ],
    ),
    (
        "Safe",
        "2",
        "Assessments are completed on time",
        "indicator",
        "assessments_45wd_pct",
        "Weekly tracker of assessments nearing 45 working days",
        "95% within 45 working days",
        20,
        "TM/DTM",
        [(300, R, "Below target"), (90, A, "Tracker in use"), (20, G, "On target")],
    ),
    (
        "Safe",
        "3",
        "Strategy discussions are recorded consistently",
        "ofsted",
        "Ofsted 2018 recommendation 2",
        "Strategy discussion template rolled out",
        "Audit shows the template in use",
        -10,
        "DTM",
        [(250, A, "Template drafted"), (60, R, "Not yet in use in the out-of-hours service")],
    ),
    (
        "Potential",
        "4",
        "Children in care achieve their educational potential",
        "committee",
        "Safeguarding Sub-Committee, January",
        "Personal education plans reviewed each term",
        "All PEPs reviewed in time",
        45,
        "VSH",
        [(200, A, "Two PEPs late"), (30, G, "All in time")],
    ),
    (
        "Potential",
        "5",
        "Care leavers are in education, employment or training",
        "indicator",
        "care_leavers_eet_pct",
        "Apprenticeship offer agreed with two employers",
        "EET above the London average",
        85,
        "PA",
        [(150, A, "One employer signed")],
    ),
    (
        "Independence, involvement and choice",
        "6",
        "Young people shape the service",
        "other",
        "Children in Care Council",
        "Children in Care Council reviews the pledge",
        "Pledge updated and published",
        -90,
        "PA",
        [(280, A, "Meeting booked"), (100, B, "Pledge published")],
    ),
    (
        "Independence, involvement and choice",
        "7",
        "Care leavers have a local offer they know",
        "audit",
        "Care leavers audit, finding 3",
        "Local offer leaflet co-produced",
        "Leaflet in every pathway plan",
        10,
        "PA",
        [(120, A, "Draft with young people")],
    ),
    (
        "Health and wellbeing",
        "8",
        "Initial health assessments happen on time",
        "indicator",
        "cla_health_assessment_pct",
        "Escalation route agreed with the health provider",
        "90% of assessments in 20 working days",
        -5,
        "TM",
        [(260, R, "Provider capacity issue"), (40, A, "Escalation agreed; still late")],
    ),
    (
        "Health and wellbeing",
        "9",
        "Emotional wellbeing is assessed",
        "other",
        "QA Annual Report",
        "Strengths and difficulties questionnaires completed for all",
        "SDQ completion rate",
        60,
        "VSH",
        [(180, G, "On track")],
    ),
    (
        "Community",
        "10",
        "Partners know how to make a good referral",
        "audit",
        "Multi-agency audit, finding 1",
        "Referral workshop for schools",
        "Audit shows better referrals",
        -150,
        "TM",
        [(330, A, "Workshop booked"), (200, B, "Workshop held; materials shared")],
    ),
    (
        "Community",
        "11",
        "The voice of the child is heard in every plan",
        "ofsted",
        "Ofsted 2016 recommendation 1",
        "Practice standard on recording the child's views",
        "Audits rate voice of the child Good",
        25,
        "SM/TM",
        [(240, A, "Standard drafted"), (70, A, "Audits show improvement")],
    ),
    (
        "Community",
        "12",
        "Staff have contextual safeguarding training",
        "committee",
        "Safeguarding Sub-Committee, October",
        "All frontline staff attend refresher training",
        "Attendance list",
        -60,
        "SM",
        [(210, A, "Half trained"), (75, B, "All trained")],
    ),
]
EXPLOITATION = [
    (
        "Referral pathways",
        "1",
        "Staff know how to refer a child at risk of exploitation",
        "other",
        "Partnership review",
        "Publish a one-page referral pathway",
        "Pathway on the intranet and in induction",
        -120,
        "SM",
        [(300, A, "Draft pathway"), (160, B, "Published")],
    ),
    (
        "Referral pathways",
        "2",
        "Every missing episode gets a return home interview",
        "indicator",
        "rhi_72h_pct",
        "Daily missing report to the duty manager",
        "RHIs within 72 hours above 80%",
        15,
        "DTM",
        [(200, R, "Below 50%"), (60, A, "Improving")],
    ),
    (
        "Referral pathways",
        "3",
        "Children are referred to the National Referral Mechanism",
        "other",
        "Modern-day slavery statement",
        "NRM first-responder training for managers",
        "All managers trained",
        -20,
        "SM/Police",
        [(150, A, "Course booked")],
    ),
    (
        "Training and awareness",
        "4",
        "Partners recognise signs of exploitation",
        "committee",
        "Safeguarding Sub-Committee, April",
        "Awareness sessions for housing and leisure staff",
        "Number of staff attending",
        40,
        "EHL",
        [(100, G, "Two sessions held")],
    ),
    (
        "Training and awareness",
        "5",
        "Businesses know how to report concerns",
        "other",
        "Community safety plan",
        "Briefing for night-time economy venues",
        "Reports from venues",
        90,
        "Police",
        [(80, A, "Briefing written")],
    ),
    (
        "Intelligence and disruption",
        "6",
        "Hotspots are mapped and disrupted",
        "audit",
        "Thematic audit: exploitation, finding 2",
        "Monthly exploitation panel maps locations",
        "Panel minutes show actions",
        -35,
        "SM/Police",
        [(220, A, "Panel set up"), (50, R, "Data sharing not agreed")],
    ),
    (
        "Intelligence and disruption",
        "7",
        "Children missing from care are found quickly",
        "indicator",
        "missing_episodes",
        "Joint protocol with the police refreshed",
        "Protocol signed",
        5,
        "DTM",
        [(140, A, "Protocol drafted"), (10, G, "Awaiting sign-off")],
    ),
    (
        "Intelligence and disruption",
        "8",
        "Return home interviews inform safety plans",
        "ofsted",
        "Ofsted 2018 recommendation 4",
        "RHI findings recorded in the child's plan",
        "Audit shows RHI findings used",
        70,
        "TM",
        [(90, A, "Form changed")],
    ),
]


DEMO_MANAGER = "demo-manager"
MANAGER_LEADS = ("TM", "DTM")


def data_as_of() -> date:
    """The last day of the quarter the current snapshot's data run to (the data's 'today',
    `indicators.coverage.data_extent`, as the dashboards read it); the real date when nothing
    is loaded."""
    try:
        with snapshots.connect() as con:
            extent = data_extent(as_backend(con))
    except snapshots.SnapshotError:
        extent = None
    return quarter(*quarter_of(extent.last)).end if extent else services.today()


def demo_user(username: str, role: Role) -> object:
    """The demo login for `role`, created without a password when `demo-user` has not run
    yet (it sets one later, keeping the same user)."""
    user, made = get_user_model().objects.get_or_create(username=username, defaults={"role": role})
    if made:
        user.set_unusable_password()
        user.save()
    return user


def plan_names(today: date) -> list[str]:
    year = today.year if today.month >= 4 else today.year - 1
    return [
        f"Service Development Plan {fy_label(year)}",
        "Exploitation and Missing Children Action Plan",
    ]


def _build(name: str, header: dict[str, str], rows: list, today: date) -> Plan:
    plan = Plan.objects.create(
        name=name,
        **header,
        implementation_date=today - timedelta(days=330),
        review_date=today + timedelta(days=35),
    )
    sections: dict[str, int] = {}
    for section, ref, aim, kind, source, action, measure, due, leads, history in rows:
        if section not in sections:
            sections[section] = services.add_section(plan, section).pk
        indicator = source if kind == "indicator" else ""
        fields = {
            "section_id": sections[section],
            "ref": ref,
            "specific_aim": aim,
            "source_type": kind,
            "source_reference": "" if indicator else source,
            "indicator_id": indicator,
            "action": action,
            "measure": measure,
            "start": today - timedelta(days=330),
            "due": today + timedelta(days=due),
        }
        (first_days, first_rag, first_comment), *later = history
        item = services.add_action(
            plan,
            fields,
            services.leads_from_text(leads),
            first_rag,
            first_comment,
            on=today - timedelta(days=first_days),
        )
        for version, (days, rag, comment) in enumerate(later, start=1):
            services.record_update(item, version, rag, comment, today - timedelta(days=days), None)
            item.refresh_from_db()
    plan.reviews.create(held_on=today - timedelta(days=95), note="Quarterly review")
    return plan


@transaction.atomic
def create_demo_plans(today: date | None = None) -> list[Plan]:
    """Create the two demo plans as at `today` (default: the data's last day), replacing
    earlier demo plans, with the demo manager leading the TM and DTM actions."""
    today = today or data_as_of()
    names = plan_names(today)
    Plan.objects.filter(name__in=names).delete()
    year = today.year if today.month >= 4 else today.year - 1
    duration = f"April {year} to September {year + 1}"
    manager = demo_user(DEMO_MANAGER, Role.MANAGER)
    for name in MANAGER_LEADS:
        lead, _ = Lead.objects.get_or_create(name=name)
        lead.user = manager
        lead.save(update_fields=["user"])
    return [
        _build(
            names[0],
            {
                "duration": duration,
                "relevant_strategies": "Children and Young People's Plan; Corporate Parenting "
                "Strategy; Early Help Strategy",
                "monitoring_board": "Safeguarding Sub-Committee",
                "owner": "Service Manager, Children's Social Care and Early Help",
                "monitoring_frequency": "Quarterly",
                "aims": "Improve services for children, young people and their families.",
                "people_involved": "SM Service Manager; TM Team Manager; DTM Deputy Team Manager; "
                "VSH Virtual School Head; PA Personal Adviser lead",
            },
            SDP,
            today,
        ),
        _build(
            names[1],
            {
                "duration": duration,
                "relevant_strategies": "Modern-Day Slavery Statement; Missing Children Protocol",
                "monitoring_board": "Children's Partnership Board; Safeguarding Sub-Committee",
                "owner": "Exploitation operational group",
                "monitoring_frequency": "Every two months",
                "aims": "Find, protect and support children at risk of exploitation or missing.",
                "people_involved": "SM; DTM; TM; EHL Early Help Lead; Police partner",
            },
            EXPLOITATION,
            today,
        ),
    ]
