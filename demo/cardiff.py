"""Cardiff Council's Internal Policy Officers Group, from a health improvement case study.

The group's members are the officers who lead Cardiff's strategies and partnerships; the case
study names none of them, so every seat is held by office and is vacant.
"""

import datetime

from demo.upsert import upsert, upsert_board
from governance.models import Board, BoardMembership
from partnership.models import Area, Nation, Organisation, PartnerMembership, Partnership, Person

# The strategies and partnerships whose lead officers were invited, in the case study's order,
# with its abbreviations written out ("L.D.P.", "Y.O.T.") and "Community First" given its
# programme name, Communities First.
STRATEGIES = [
    "Community Strategy",
    "Transport Plan",
    "Local Development Plan",
    "Sustainability Strategy",
    "Community Safety Partnership",
    "Youth Offending Team",
    "Children and Young People's Partnership",
    "Health Alliance",
    "Neighbourhood Renewal",
    "Communities First",
    "Leisure",
    "Schools",
    "Housing",
    "Economic Development",
]

OBJECTIVE = (
    "The objective of establishing the group was to promote the HSC&WB Strategy and through "
    "sharing and learning from each other, ensure that all policies contribute to improving "
    "health as per the Ottawa Charter. In addition, the group would facilitate the sharing of "
    "information on a whole range of policy agendas, sharing of data, correlation of "
    "consultation approaches, and awareness raising of the policy proposals/issues etc."
)

MEASURES_OF_SUCCESS = "\n".join(
    [
        "Numbers attending the meetings",
        "Number of emails circulated to share information",
        "Number and range of topics discussed",
        "Use of the forum for cascading key information",
        "Development of cross-cutting issues",
        "Development of cross –service working.",
    ]
)

# The case study gives no dates. The lead passed from the Health, Social Care and Well-being
# Strategy Manager to the Community Strategy Co-ordinator once the first strategy (2005-08)
# was in place; the hand-over is put at the start of 2007/08 so that the founding lead's seat
# reads as ended.
LEAD_HANDED_OVER_ON = datetime.date(2007, 4, 1)


def load() -> dict:
    """Loads the IPOC, its seats and its task group; returns the partnership's records."""
    area = upsert(
        Area,
        {"name": "Cardiff", "kind": Area.Kind.COUNCIL_AREA, "parent": None},
        nation=Nation.WALES,
    )
    # Kind "other": the IPOC is the Council's own officers' group, from before Wales had
    # public services boards (they date from the Well-being of Future Generations Act 2015).
    partnership = upsert(
        Partnership,
        {"slug": "cardiff"},
        name="Cardiff Partnership",
        kind=Partnership.Kind.OTHER,
        nation=Nation.WALES,
        area=area,
    )
    council = upsert(
        Organisation, {"name": "Cardiff Council"}, kind=Organisation.Kind.COUNCIL, area=area
    )
    upsert(PartnerMembership, {"partnership": partnership, "organisation": council})
    upsert(
        Person,
        {"name": "Christine Jenkins", "organisation": council},
        # Printed "Health Partnership Manger" in the case study.
        job_title="Health Partnership Manager",
        capacity=Person.Capacity.OFFICER,
        email="CJenkins@cardiff.gov.uk",
        phone="02920873830",
    )

    # Slugged by the acronym the case study uses for it.
    ipoc = upsert(
        Board,
        {"partnership": partnership, "slug": "ipoc"},
        name="Internal Policy Officers Group",
        kind=Board.Kind.OFFICERS_GROUP,
        cadence=Board.Cadence.QUARTERLY,
        terms_of_reference=OBJECTIVE,
        measures_of_success=MEASURES_OF_SUCCESS,
    )
    seats = [
        (
            BoardMembership.Role.CHAIR,
            "Health, Social Care and Well-being Strategy Manager",
            None,
            LEAD_HANDED_OVER_ON - datetime.timedelta(days=1),
        ),
        (BoardMembership.Role.CHAIR, "Community Strategy Co-ordinator", LEAD_HANDED_OVER_ON, None),
    ] + [
        (BoardMembership.Role.MEMBER, f"Lead officer, {strategy}", None, None)
        for strategy in STRATEGIES
    ]
    for role, office, started_on, ended_on in seats:
        upsert(
            BoardMembership,
            {
                "board": ipoc,
                "person": None,
                "office": office,
                "organisation": council,
                "role": role,
            },
            started_on=started_on,
            ended_on=ended_on,
        )
    upsert_board(
        partnership,
        "Integrated Assessment Tool task group",
        kind=Board.Kind.TASK_GROUP,
        reports_to=ipoc,
        terms_of_reference="Responsible for developing an Integrated Assessment Tool for Cardiff "
        "Council.",
    )
    return {"partnership": partnership}
