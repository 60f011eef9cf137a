"""A demonstration Cannock Chase district project, its approval by the county board, the
partners' contributions to it, and two pieces of engagement that reach the same people.

The interviews describe the route ("negotiated within each district, where funding and
delivery plans are outlined between the partners before they are passed to the county-wide
board for approval") but no particular project or figures: the project, its meeting and its
money are a demonstration of that route, and are labelled so.
"""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from demo.upsert import upsert
from governance.models import Board, EngagementActivity
from meetings.models import Meeting, Minute, ProjectDecision, Resolution
from outcomes.models import Contribution, Project
from partnership.models import Area, Organisation, Partnership, Person

LONDON = ZoneInfo("Europe/London")

PROJECT_NAME = "Health walks on the Cannock Chase health and arts trail"
PROJECT_SLUG = "health-walks"
PROJECT_SUMMARY = (
    "A demonstration project: the interviews name no district project, so this one, its "
    "figures and its approval are illustrative. Led walks for people who take little exercise, "
    "on the health and arts trail the council set up with the health authority and the "
    "Forestry Commission, referred by GPs and promoted through the citizens' panel."
)
PROPOSED_ON = datetime.date(2008, 5, 20)
APPROVAL_MEETING_AT = datetime.datetime(2008, 6, 12, 10, 0, tzinfo=LONDON)
APPROVAL_RESOLUTION = "RESOLVED – that the project be approved"
FINANCIAL_YEAR = "2008/09"

# Illustrative figures: no source gives the partners' contributions to a district project.
CONTRIBUTIONS = [
    ("council", Contribution.Kind.CASH, Decimal("25000.00"), "Walk leaders and trail signs"),
    ("pct", Contribution.Kind.STAFF_TIME, Decimal("12500.50"), "Health trainers' time"),
]

# The council's citizens' panel of 1,000 people, which the PCT may use: two surveys of the same
# panel in the same weeks are the duplication the register exists to show.
ENGAGEMENT = [
    (
        "council",
        "Citizens' panel survey: leisure and the outdoors",
        datetime.date(2008, 3, 3),
        datetime.date(2008, 3, 14),
    ),
    (
        "pct",
        "Citizens' panel survey: local health services",
        datetime.date(2008, 3, 10),
        datetime.date(2008, 3, 28),
    ),
]
PANEL_AUDIENCE = "Citizens' panel members"


def load(
    partnership: Partnership,
    *,
    district: Area,
    delivery_board: Board,
    county_board: Board,
    council: Organisation,
    pct: Organisation,
    lead_officer: Person,
) -> Project:
    """Loads the project, its trail through the boards, its contributions and the engagement."""
    partners = {"council": council, "pct": pct}
    project = upsert(
        Project,
        {"partnership": partnership, "slug": PROJECT_SLUG},
        name=PROJECT_NAME,
        proposing_board=delivery_board,
        summary=PROJECT_SUMMARY,
        lead_organisation=council,
        lead_officer=lead_officer,
        status=Project.Status.APPROVED,
        is_demonstration=True,
    )
    meeting = upsert(
        Meeting,
        {"board": county_board, "starts_at": APPROVAL_MEETING_AT},
        venue="Demonstration meeting: no record of it is in the sources",
        status=Meeting.Status.HELD,
        # Published like any held meeting's, so the public can follow the approval trail.
        agenda_published_at=APPROVAL_MEETING_AT - datetime.timedelta(days=7),
        minutes_status=Meeting.MinutesStatus.PUBLISHED,
        minutes_published_at=APPROVAL_MEETING_AT + datetime.timedelta(days=14),
    )
    minute = upsert(
        Minute,
        {"meeting": meeting, "number": 1},
        title=f"District projects for approval: {PROJECT_NAME}",
        body="The Cannock Chase delivery board proposed the project with its funding and "
        "delivery plan, negotiated between the partners in the district.",
    )
    resolution = upsert(Resolution, {"minute": minute, "position": 1}, text=APPROVAL_RESOLUTION)
    upsert(
        ProjectDecision,
        {"project": project, "step": ProjectDecision.Step.PROPOSED},
        board=delivery_board,
        decided_on=PROPOSED_ON,
        note="Proposed to the county partnership board with its funding and delivery plan.",
    )
    upsert(
        ProjectDecision,
        {"project": project, "step": ProjectDecision.Step.APPROVED},
        board=county_board,
        meeting=meeting,
        resolution=resolution,
        decided_on=APPROVAL_MEETING_AT.date(),
    )
    for partner, kind, amount, description in CONTRIBUTIONS:
        upsert(
            Contribution,
            {
                "partnership": partnership,
                "organisation": partners[partner],
                "project": project,
                "financial_year": FINANCIAL_YEAR,
                "kind": kind,
            },
            amount=amount,
            description=description,
        )
    for partner, topic, starts_on, ends_on in ENGAGEMENT:
        upsert(
            EngagementActivity,
            {"partnership": partnership, "topic": topic},
            organisation=partners[partner],
            audience=PANEL_AUDIENCE,
            area=district,
            starts_on=starts_on,
            ends_on=ends_on,
            method=EngagementActivity.Method.CITIZENS_PANEL,
        )
    return project
