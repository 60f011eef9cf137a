"""Cannock Chase's local strategic partnership, from two interviews published 17 October 2007.

The interviews describe the October 2006 merger of Staffordshire's primary care trusts, two
joint appointments between the district council and the PCT, and delivery boards that work
at district level and report to a county-wide board which approves their projects.
"""

import datetime
from decimal import Decimal

from demo import cannock_chase_projects
from demo.upsert import set_related, upsert, upsert_board
from governance.models import Board, JointAppointment, JointAppointmentShare
from partnership.models import (
    Area,
    Merger,
    Nation,
    Organisation,
    PartnerMembership,
    Partnership,
    Person,
)

DISTRICT_COUNCIL = "Cannock Chase District Council"
COUNTY_COUNCIL = "Staffordshire County Council"
SOUTH_STAFFORDSHIRE_PCT = "South Staffordshire Primary Care Trust"
CANNOCK_CHASE_PCT = "Cannock Chase Primary Care Trust"
FORESTRY_COMMISSION = "Forestry Commission"

# The article of 17 October 2007 dates the merger "October last year".
MERGED_ON = datetime.date(2006, 10, 1)

# Geraint Griffiths names four PCTs merged into one: "Burntwood, Lichfield and Tamworth (being
# one PCT), Cannock Chase, East Staffordshire and South Western Staffordshire". Stephen Brown
# says Cannock Chase PCT "was merged with four others", which would make five; only the four
# named ones are recorded.
MERGED_PCTS = [
    "Burntwood, Lichfield and Tamworth Primary Care Trust",
    CANNOCK_CHASE_PCT,
    "East Staffordshire Primary Care Trust",
    "South Western Staffordshire Primary Care Trust",
]

JOINT_APPOINTMENT_NOTES = (
    "One of the two joint appointments between Cannock Chase District Council and the PCT that "
    "Stephen Brown describes after the October 2006 merger. The interview names no holder, "
    "gives no start date other than the merger and no split of cost: the equal shares are a "
    "placeholder until the agreed split is known. As the IDeA describes jointly appointed "
    "directors, the post has dual accountability to both chief executives and works under a "
    "memorandum of understanding setting out key policy intentions, mutual commitments in "
    "terms of annual objectives, and fair-share contributions."
)

JOINT_APPOINTMENTS = [
    ("Director of Partnerships", ""),
    (
        "Director of Public Health",
        # The remit from the interview; the other objectives are the IDeA's account of a
        # jointly appointed director of public health's role.
        "In charge of waste management and environmental health for the district council, as "
        "well as the traditional role of director of public health.\n"
        "Effective delivery of the public health function through an integrated work programme "
        "with the directors of adult and children's services.\n"
        "Strong working relationships with the cabinet and particularly the lead member for "
        "public health.",
    ),
]

# Reviewed yearly, with the annual objectives the memorandum of understanding sets: the first
# review falls on the first anniversary of the appointment.
FIRST_REVIEW_ON = datetime.date(2007, 10, 1)


def load() -> dict:
    """Loads the LSP, the PCT merger, its boards and joint appointments; returns its records."""
    county = upsert(
        Area,
        {"name": "Staffordshire", "kind": Area.Kind.COUNTY, "parent": None},
        nation=Nation.ENGLAND,
    )
    district = upsert(
        Area,
        {"name": "Cannock Chase", "kind": Area.Kind.DISTRICT, "parent": county},
        nation=Nation.ENGLAND,
    )
    partnership = upsert(
        Partnership,
        {"slug": "cannock-chase-lsp"},
        name="Cannock Chase Local Strategic Partnership",
        short_name="Cannock Chase LSP",
        kind=Partnership.Kind.LOCAL_STRATEGIC,
        nation=Nation.ENGLAND,
        area=district,
        description="Grew out of the Single Regeneration Budget partnership: every SRB partner "
        "contributes to it, and it has its own team of administrators.",
    )
    organisations = _load_organisations(county, district)
    memberships = [
        (DISTRICT_COUNCIL, None, None),
        (COUNTY_COUNCIL, None, None),
        (CANNOCK_CHASE_PCT, None, MERGED_ON - datetime.timedelta(days=1)),
        (SOUTH_STAFFORDSHIRE_PCT, MERGED_ON, None),
        # With the council and the health authority, it set up the health and arts trail.
        (FORESTRY_COMMISSION, None, None),
    ]
    for name, joined_on, left_on in memberships:
        upsert(
            PartnerMembership,
            {"partnership": partnership, "organisation": organisations[name]},
            joined_on=joined_on,
            left_on=left_on,
        )

    chief_executive = upsert(
        Person,
        {"name": "Stephen Brown", "organisation": organisations[DISTRICT_COUNCIL]},
        job_title="Chief Executive",
        capacity=Person.Capacity.OFFICER,
    )
    upsert(
        Person,
        {"name": "Geraint Griffiths", "organisation": organisations[SOUTH_STAFFORDSHIRE_PCT]},
        job_title="Cannock Chase Locality Director",
        capacity=Person.Capacity.OFFICER,
    )
    county_board, delivery_board = _load_boards(partnership)
    _load_joint_appointments(partnership, organisations)
    project = cannock_chase_projects.load(
        partnership,
        district=district,
        delivery_board=delivery_board,
        county_board=county_board,
        council=organisations[DISTRICT_COUNCIL],
        pct=organisations[SOUTH_STAFFORDSHIRE_PCT],
        lead_officer=chief_executive,
    )
    return {"partnership": partnership, "project": project}


def _load_organisations(county: Area, district: Area) -> dict[str, Organisation]:
    organisations = {
        DISTRICT_COUNCIL: upsert(
            Organisation, {"name": DISTRICT_COUNCIL}, kind=Organisation.Kind.COUNCIL, area=district
        ),
        COUNTY_COUNCIL: upsert(
            Organisation, {"name": COUNTY_COUNCIL}, kind=Organisation.Kind.COUNCIL, area=county
        ),
        FORESTRY_COMMISSION: upsert(
            Organisation, {"name": FORESTRY_COMMISSION}, kind=Organisation.Kind.GOVERNMENT
        ),
        SOUTH_STAFFORDSHIRE_PCT: upsert(
            Organisation,
            {"name": SOUTH_STAFFORDSHIRE_PCT},
            short_name="South Staffordshire PCT",
            kind=Organisation.Kind.PRIMARY_CARE_TRUST,
            area=county,
            founded_on=MERGED_ON,
        ),
    }
    predecessors = [
        upsert(
            Organisation,
            {"name": name},
            kind=Organisation.Kind.PRIMARY_CARE_TRUST,
            dissolved_on=MERGED_ON - datetime.timedelta(days=1),
        )
        for name in MERGED_PCTS
    ]
    organisations |= {predecessor.name: predecessor for predecessor in predecessors}
    merger = upsert(
        Merger,
        {"successor": organisations[SOUTH_STAFFORDSHIRE_PCT], "effective_on": MERGED_ON},
        description="Four primary care trusts merged into one PCT, which is then split into two "
        "localities.",
    )
    set_related(merger, "predecessors", predecessors)
    return organisations


def _load_boards(partnership: Partnership) -> tuple[Board, Board]:
    """The boards; returns the county board and the district delivery board that reports to it."""
    upsert_board(
        partnership,
        "Cannock Chase Local Strategic Partnership Board",
        kind=Board.Kind.PARTNERSHIP_BOARD,
    )
    # The county-wide board serves all eight district delivery boards; a board reports only to
    # a board of its own partnership, so it is held here, with Cannock Chase's delivery board.
    county_board = upsert_board(
        partnership,
        "Staffordshire county partnership board",
        kind=Board.Kind.PARTNERSHIP_BOARD,
        terms_of_reference="Approves the projects negotiated within each district, with their "
        "funding and delivery plans, and monitors and signs off each project's performance "
        "framework.",
    )
    delivery_board = upsert_board(
        partnership,
        "Cannock Chase delivery board",
        kind=Board.Kind.DELIVERY_BOARD,
        reports_to=county_board,
        terms_of_reference="Works at the local level between the district and its parishes: "
        "projects are negotiated within the district, where funding and delivery plans are "
        "outlined between the partners before they are passed to the county-wide board for "
        "approval.",
    )
    return county_board, delivery_board


def _load_joint_appointments(
    partnership: Partnership, organisations: dict[str, Organisation]
) -> None:
    employers = [
        (DISTRICT_COUNCIL, "Chief Executive, Cannock Chase District Council"),
        (SOUTH_STAFFORDSHIRE_PCT, "Chief Executive, South Staffordshire PCT"),
    ]
    for post_title, objectives in JOINT_APPOINTMENTS:
        appointment = upsert(
            JointAppointment,
            {"partnership": partnership, "post_title": post_title},
            started_on=MERGED_ON,
            review_due_on=FIRST_REVIEW_ON,
            annual_objectives=objectives,
            notes=JOINT_APPOINTMENT_NOTES,
        )
        for name, accountable_to in employers:
            upsert(
                JointAppointmentShare,
                {"appointment": appointment, "organisation": organisations[name]},
                cost_share_percent=Decimal("50"),
                accountable_to=accountable_to,
            )
