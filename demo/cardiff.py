"""Cardiff Council's Internal Policy Officers Group, from a health improvement case study.

The group's members are the officers who lead Cardiff's strategies and partnerships; the case
study names none of them, so every seat is held by office and is vacant.
"""

import datetime
from zoneinfo import ZoneInfo

from demo.upsert import upsert, upsert_board
from governance.models import Board, BoardMembership
from meetings.models import AgendaItem, Meeting, Minute, Resolution
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

LONDON = ZoneInfo("Europe/London")
VENUE = "County Hall, Atlantic Wharf, Cardiff"

# An illustrative meeting (the case study records none), in English and Welsh as a Welsh
# council publishes: the agenda's items as (English, Welsh) title and purpose, then the
# minutes as (title, body, resolutions), each in both languages.
AGENDA = [
    (("Apologies for absence", "Ymddiheuriadau am absenoldeb"), ("", "")),
    (("Declarations of interest", "Datganiadau o fuddiant"), ("", "")),
    (
        ("The Integrated Assessment Tool", "Yr Offeryn Asesu Integredig"),
        (
            "To agree how policies will be checked for their effect on health.",
            "Cytuno sut y caiff polisïau eu gwirio am eu heffaith ar iechyd.",
        ),
    ),
    (
        ("Cross-cutting issues", "Materion trawsbynciol"),
        (
            "To share information on policy proposals across services.",
            "Rhannu gwybodaeth am gynigion polisi ar draws gwasanaethau.",
        ),
    ),
]
MINUTES = [
    (
        ("Apologies for absence", "Ymddiheuriadau am absenoldeb"),
        (
            "<p>Apologies were received from the lead officers for Leisure and for Schools.</p>",
            "<p>Cafwyd ymddiheuriadau gan y swyddogion arweiniol dros Hamdden ac Ysgolion.</p>",
        ),
        [],
    ),
    (
        ("Declarations of interest", "Datganiadau o fuddiant"),
        (
            "<p>There were no declarations of interest.</p>",
            "<p>Ni chafwyd datganiadau o fuddiant.</p>",
        ),
        [],
    ),
    (
        ("The Integrated Assessment Tool", "Yr Offeryn Asesu Integredig"),
        (
            "<p>The task group presented its draft of the Integrated Assessment Tool.</p>",
            "<p>Cyflwynodd y grŵp gorchwyl ei ddrafft o'r Offeryn Asesu Integredig.</p>",
        ),
        [
            (
                "That the draft tool be tested on two policies before the next meeting.",
                "Bod y drafft o'r offeryn yn cael ei brofi ar ddau bolisi cyn y cyfarfod nesaf.",
            ),
            (
                "That lead officers send their policy proposals to the group by email.",
                "Bod swyddogion arweiniol yn anfon eu cynigion polisi at y grŵp drwy e-bost.",
            ),
        ],
    ),
]


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
        name_cy="Partneriaeth Caerdydd",
        description="The Council's officers who lead its strategies and partnerships, working "
        "together so that every policy helps to improve health.",
        description_cy="Swyddogion y Cyngor sy'n arwain ei strategaethau a'i bartneriaethau, yn "
        "cydweithio fel bod pob polisi yn helpu i wella iechyd.",
        kind=Partnership.Kind.OTHER,
        nation=Nation.WALES,
        area=area,
    )
    council = upsert(
        Organisation, {"name": "Cardiff Council"}, kind=Organisation.Kind.COUNCIL, area=area
    )
    upsert(PartnerMembership, {"partnership": partnership, "organisation": council})
    manager = upsert(
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
        name_cy="Grŵp Swyddogion Polisi Mewnol",
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
    _load_bilingual_meeting(ipoc, manager)
    return {"partnership": partnership}


def _load_bilingual_meeting(ipoc: Board, contact: Person) -> None:
    """A held meeting whose agenda and minutes are in both languages, decisions published in
    five working days (inside Wales's seven), and the next meeting to come."""
    meeting = upsert(
        Meeting,
        {"board": ipoc, "starts_at": datetime.datetime(2026, 9, 10, 10, 0, tzinfo=LONDON)},
        ends_at=datetime.datetime(2026, 9, 10, 11, 30, tzinfo=LONDON),
        venue=VENUE,
        status=Meeting.Status.HELD,
        contact=contact,
        agenda_published_at=datetime.datetime(2026, 9, 2, 9, 0, tzinfo=LONDON),
        minutes_status=Meeting.MinutesStatus.PUBLISHED,
        minutes_published_at=datetime.datetime(2026, 9, 17, 16, 0, tzinfo=LONDON),
    )
    items = {}
    for position, ((title, title_cy), (purpose, purpose_cy)) in enumerate(AGENDA, start=1):
        items[title] = upsert(
            AgendaItem,
            {"meeting": meeting, "position": position},
            kind=AgendaItem.Kind.OTHER,
            title=title,
            title_cy=title_cy,
            purpose=purpose,
            purpose_cy=purpose_cy,
        )
    for number, ((title, title_cy), (body, body_cy), resolutions) in enumerate(MINUTES, 1):
        minute = upsert(
            Minute,
            {"meeting": meeting, "number": number},
            agenda_item=items[title],
            title=title,
            title_cy=title_cy,
            body=body,
            body_cy=body_cy,
            resolution_preamble="That:" if resolutions else "",
        )
        for position, (text, text_cy) in enumerate(resolutions, start=1):
            upsert(
                Resolution,
                {"minute": minute, "position": position},
                label=f"({chr(ord('a') + position - 1)})",
                text=text,
                text_cy=text_cy,
            )
    upsert(
        Meeting,
        {"board": ipoc, "starts_at": datetime.datetime(2026, 12, 10, 10, 0, tzinfo=LONDON)},
        ends_at=datetime.datetime(2026, 12, 10, 11, 30, tzinfo=LONDON),
        venue=VENUE,
        contact=contact,
    )
