"""Highland Community Planning Partnership, from Chief Officers' Group report COG/1/13 (2013).

The report and its appended SOA development plan give the Chief Officers' Group's remit,
membership and first meeting, and the development actions. The seven SOA themes are not
listed in the report: their names come from the published Highland Single Outcome Agreement
2013/14-2018/19, not from the seed.
"""

import datetime
from zoneinfo import ZoneInfo

from django.utils.text import slugify

from demo import highland_indicators
from demo.markup import h3, html, ol, p, paragraphs
from demo.upsert import set_related, upsert, upsert_board, upsert_partners
from governance.models import Board, BoardMembership, RemitClause
from meetings.models import AgendaItem, Meeting, Report
from outcomes.deadlines import deadline_from_wording
from outcomes.models import AreaForImprovement, DevelopmentAction, OutcomeFramework
from partnership.models import (
    Area,
    Nation,
    Organisation,
    Partnership,
    Person,
    Theme,
)

LONDON = ZoneInfo("Europe/London")

# Name, short name, kind, and whether the body serves the Highland council area alone.
ORGANISATIONS = [
    ("The Highland Council", "Highland Council", Organisation.Kind.COUNCIL, True),
    ("NHS Highland", "", Organisation.Kind.NHS_BOARD, True),
    ("Police Scotland", "", Organisation.Kind.POLICE, False),
    ("Scottish Fire and Rescue Service", "SFRS", Organisation.Kind.FIRE, False),
    ("Highlands and Islands Enterprise", "HIE", Organisation.Kind.GOVERNMENT, False),
    ("Highland Third Sector Interface", "HTSI", Organisation.Kind.THIRD_SECTOR, True),
    ("University of the Highlands and Islands", "UHI", Organisation.Kind.EDUCATION, False),
]

SOA_THEMES = [
    "Economic growth and regeneration",
    "Employability",
    "Early years / children",
    "Safer and stronger communities",
    "Health inequalities and physical activity",
    "Outcomes for older people",
    "Environmental outcomes",
]

# Report 2.1 and 2.3; the clauses that follow "by:" in 2.1 are the group's remit clauses.
COG_PURPOSE = (
    "The purpose of the Chief Officer Group (COG) would be to drive public service reform, "
    "including the delivery of the SOA and continuous improvement of partnership working to "
    "achieve better and fairer outcomes by the seven parts of its remit.\n\n"
    "It was agreed that the group would be comprised of the Chief Officers of the partnership "
    "(represented by the local senior officers for national bodies). The lead officer from the "
    "thematic groups would attend Chief Officer Group meetings for scrutiny and challenge and "
    "to make any requests for partnership support. The Chief Officer Group would attend the "
    "Partnership Board and would meet more frequently than quarterly Board meetings."
)

# Report 2.1: the remit, with the report's own headings from 2.4 for clauses 1 to 4.
COG_REMIT = [
    (
        "Delivery against the SOA outcome targets",
        "Ensuring and challenging the partnership's delivery and performance against the SOA's "
        "outcomes targets - through the thematic groups individually and together across the "
        "SOA (and any supporting plans if relevant);",
    ),
    (
        "Are we reducing inequalities at the pace required?",
        "Ensuring and challenging whether the partnership's work across all groups is reducing "
        "inequalities at the pace required;",
    ),
    (
        "Are we making a decisive shift to prevention?",
        "Ensuring and challenging whether the partnership's work across all the groups is "
        "making the decisive shift to prevention required;",
    ),
    (
        "Community engagement",
        "Ensuring and challenging whether the partnership can demonstrate best practice in "
        "community engagement through the thematic groups and across the SOA;",
    ),
    (
        "Removing barriers to reform",
        "Supporting the thematic groups by removing any barriers to reform that arise from "
        "current partnership arrangements, resources and behaviours.",
    ),
    (
        "Developing the SOA",
        "Promoting the on-going development of the SOA as a means of achieving public service "
        "reform.",
    ),
    (
        "Constructive challenge and self-evaluation",
        "Supporting constructive challenge of the partnership through honest reflection, "
        "structured self-evaluation, peer review, audits of community planning and any "
        "consequential improvement activity.",
    ),
]

# Report 2.3: "the Chief Officers of the partnership (represented by the local senior officers
# for national bodies)". The report names no one, so each seat is held by office and is vacant.
COG_CHIEF_OFFICERS = [
    ("Chief Executive", "The Highland Council"),
    ("Chief Executive", "NHS Highland"),
    ("Local senior officer", "Police Scotland"),
    ("Local senior officer", "Scottish Fire and Rescue Service"),
    ("Local senior officer", "Highlands and Islands Enterprise"),
]

HEALTH_INEQUALITIES_GROUP = "Health inequalities partnership theme group"
CLD_GROUP = "Community learning and development partnership group"

AREAS_FOR_IMPROVEMENT = [
    "SOA to capture sufficient details about delivery, measures and the performance framework "
    "against which progress can be evaluated.",
    "Develop a strategic partnership approach to tackling inequalities and prevention",
    "Develop a clear line of sight between SOA priorities and local needs and intervention",
    "Ensure local communities' needs drive the partnership action in areas of deprivation and "
    "rural fragility",
    "Culture of partnership working supported at operational as well as strategic levels",
    "Identifying joint resources",
]

COG, COUNCIL = "COG", "council"

# The development plan table, area by area: each improvement activity verbatim with its
# Timescale entry, the COG remit clause report section 2.4 lists it under (None where the
# report gives none) and its lead. Where the table gives an area one timescale for several
# activities ("Identifying joint resources"), the timescale applies to each.
DEVELOPMENT_PLAN = [
    [
        (
            "Delivery plans for the seven themes within the SOA to be finalised.",
            "Before March 2014",
            1,
            COUNCIL,
        ),
        (
            "Systems to be in place for performance data to be gathered, base-lines set, data "
            "analysed and reported and as part of the new governance arrangements for the CPP.",
            "March 2014",
            1,
            COUNCIL,
        ),
        (
            "An interim performance report drawing on available indicators and a narrative "
            "update on progress with the SOA for 2013/14 to be produced.",
            "September/October 2014",
            None,
            COUNCIL,
        ),
        (
            "First performance report covering all themes and indicators will be for the "
            "2014/15 period.",
            "September/ October 2015",
            None,
            COUNCIL,
        ),
    ],
    [
        (
            "Establish the remit and working arrangements for the partnership theme group at "
            "Director level on deprivation and health inequalities, as part of the CP structure "
            "review.",
            "October 2013",
            2,
            HEALTH_INEQUALITIES_GROUP,
        ),
        # Section 2.4 lists this under remit 2 (inequalities) and again under remit 3
        # (prevention); an action links to one clause, so it takes the first.
        (
            "Establish the new Chief Officers Group with its role to ensure and challenge whether "
            "the CPP's work is reducing inequalities at the pace required and whether it is "
            "making the shift to prevention required (part of the CP structure review).",
            "September 2013",
            2,
            COG,
        ),
        (
            "Continue to develop the Partnership Prevention Plan. Contribute to any further work "
            "done nationally.",
            "On-going",
            3,
            COUNCIL,
        ),
        (
            "Annual review of progress with the Partnership Prevention Plan to be reported.",
            "First annual review June 2014",
            None,
            COUNCIL,
        ),
    ],
    [
        (
            "Complete the review of community planning arrangements, including mapping out the "
            "links across operational, local and strategic arrangements",
            "By March 2014",
            1,
            COUNCIL,
        ),
        (
            "Key role for the thematic groups to ensure appropriate community and stakeholder "
            "engagement in planning and performance processes",
            "From October 2013",
            None,
            COUNCIL,
        ),
        (
            "Each thematic group identifies how to reflect local variation in delivery plans",
            "March 2014",
            1,
            COUNCIL,
        ),
    ],
    # Both are "Through the partnership group on community learning and development".
    [
        (
            "Develop an asset-based approach and the employment of local health co-ordinators "
            "in the four most multiply deprived communities.",
            "Co-ordinators recruited September 2013",
            4,
            CLD_GROUP,
        ),
        (
            "Develop further the asset-based approach in four fragile rural communities to be "
            "identified",
            "Approach developed 2013",
            4,
            CLD_GROUP,
        ),
    ],
    [
        (
            "Partnership self-evaluation supported across groups. Develop a programme of "
            "self-evaluation.",
            "Programme agreed by March 2014",
            None,
            COUNCIL,
        ),
        (
            "The thematic groups (at Director level) have a role to inspire innovative ways for "
            "partners to work together to achieve the results required.",
            "From October 2013",
            None,
            COUNCIL,
        ),
        (
            "The Chief Officers Group has a role to support the thematic groups by removing any "
            "barriers to reform that arise from current partnership arrangements, resources and "
            "behaviours.",
            "From September 2013",
            5,
            COG,
        ),
        (
            "The Chief Officers Group learns from approaches elsewhere on partnership management "
            "and leadership development to agree the process for the Highland CPP",
            "By March 2014",
            None,
            COG,
        ),
    ],
    [
        (
            "Partnership resources for shared outcomes to be identified by each theme group and "
            "then aligned and integrated where appropriate.",
            "During 2013-18",
            None,
            COUNCIL,
        ),
        (
            "Through the development of the Partnership Prevention Plan, partner resources will "
            "be identified. This will be reported in the annual report as noted above.",
            "During 2013-18",
            None,
            COUNCIL,
        ),
    ],
]

# The report's list of remit actions marks this one "(done)".
DONE_ACTIONS = {"2.1"}

COG_1_13_KEY_CONSIDERATIONS = html(
    h3("Background"),
    p(
        "The CPP Performance Board agreed and confirmed the remit and membership of the Chief "
        "Officers Group. This is set out below. It is derived from the Statement of Ambition and "
        "was viewed as good practice in reviewing community planning structures and governance "
        "by the SOA Quality Assurance Panel."
    ),
    h3("Chief Officers Group remit"),
    p(
        "The purpose of the Chief Officer Group (COG) would be to drive public service reform, "
        "including the delivery of the SOA and continuous improvement of partnership working to "
        "achieve better and fairer outcomes by:"
    ),
    ol(*(text for _, text in COG_REMIT)),
    p(
        "It was noted that this remit would help support the values adopted previously by the "
        "Partnership that"
    ),
    p(
        "'We are here to serve the Highland people and we will do this with honesty, openness "
        "and commitment. We will challenge each other constructively when necessary to ensure we "
        "deliver beyond expectations for the Highlands.'"
    ),
    h3("The membership of the Chief Officers Group"),
    p(
        "It was agreed that the group would be comprised of the Chief Officers of the "
        "partnership (represented by the local senior officers for national bodies). The lead "
        "officer from the thematic groups would attend "
        "Chief Officer Group meetings for scrutiny and challenge and to make any requests for "
        "partnership support. The Chief Officer Group would attend the Partnership Board and "
        "would meet more frequently than quarterly Board meetings. There is an opportunity to "
        "consider whether membership should be extended on an ad hoc or permanent basis."
    ),
    p(
        "The Single Outcome Agreement was agreed along with a development plan. This is "
        "appended. Some actions require speedy progress and the Chief Officers Group should be "
        "satisfied these are being progressed. The actions to be completed by the end March 2014 "
        "are listed below alongside the remit reference."
    ),
    h3("Remit 1 – Delivery against the SOA outcome targets"),
    ol(
        "The delivery plans for the seven themes within the SOA to be finalised.",
        "Systems to be in place for performance data to be gathered, base-lines set, data "
        "analysed and reported as part of the new governance arrangements for the CPP.",
        "Complete the review of community planning including links with operational, local and "
        "strategic arrangements.",
        "Each thematic group identified how to reflect local variation in delivery plans.",
    ),
    h3("Remit 2 – Are we reducing inequalities at the pace required?"),
    ol(
        "Establish health inequalities partnership theme group (done)",
        "Establish the COG with role to ensure and challenge the pace on reducing inequalities",
        start=5,
    ),
    h3("Remit 3 – Are we making a decisive shift to prevention?"),
    ol(
        "Establish the COG with role to ensure and challenge the pace on prevention",
        "Continue to develop the Partnership Prevention Plan and contribute to any work being "
        "done nationally",
        start=7,
    ),
    h3("Remit 4 – community engagement"),
    ol(
        "Develop asset based approach and employment of local health co-ordinators in four most "
        "multiply deprived communities (Sept 2013)",
        "Develop asset-based approach in for fragile areas to be identified.",
        start=9,
    ),
    p(
        "The Government, on behalf of the national community planning group, has requested an "
        "up-date on progress towards joint resourcing in each CPP by the end of November 2013. "
        "This is considered as a separate report for this meeting, but it relates to the 5th "
        "part of the remit on barriers to reform."
    ),
    h3("Delivering against the remit"),
    paragraphs(
        "From individual discussions with the responsible officers of thematic groups there is "
        "a desire to consider how the Chief Officers Group should operate. Having reflected on "
        "these individual meetings and being aware of the requirements above, group members "
        "will be asked to take part in facilitated discussion in the meeting on the systems and "
        "behaviours required for best operation as well as the progress being made to date.",
        "This will include contributions from the Council's Corporate Manager on local community "
        "planning and from the Director of Public Health on working together to reduce health "
        "inequalities.",
    ),
)

COG_1_13_RECOMMENDATIONS = paragraphs(
    "Group members are asked to note the remit and SOA development plan. They are asked to take "
    "part in facilitated discussion on the systems and behaviours required to deliver against "
    "the remit for the group."
)

SOA_STRENGTHS = [
    "The CPP is mature, results oriented and relationships are well developed amongst partners.",
    "The CPP is taking steps to develop its SOA and has good self-awareness of what needs to be "
    "done to sharpen the SOA and deliver further improvement.",
    "There is a strong ethos and growing momentum for partnership delivery with the integration "
    "of health and social care and the £3m prevention fund and plan highlighted.",
    "The SOA provides a sense of industry and energy and shows successful partnership approaches.",
    "Key partners have had a significant role in producing the SOA and with commitment.",
    "The SOA shows a clear sense of place and makes national priorities meaningful for the "
    "Highlands.",
    "The SOA covers all 6 national policy priorities and feels like a genuine plan that can be "
    "translated into delivery.",
    "The CPP is making good progress to develop effective governance around community planning "
    "– the current review is seen as a positive step.",
    "The CPP is self-aware with the work on community engagement to help shape priorities "
    "noted, including the role of the third sector interface in supporting this work.",
]
SOA_SUMMARY = (
    "The Quality Assurance process for the Highland SOA 2013-18 highlighted the following "
    "strengths:\n\n" + "\n".join(SOA_STRENGTHS)
)


def load() -> dict:
    """Loads the CPP, its boards, the SOA and its development plan; returns records users need."""
    area = upsert(
        Area,
        {"name": "Highland", "kind": Area.Kind.COUNCIL_AREA, "parent": None},
        nation=Nation.SCOTLAND,
    )
    partnership = upsert(
        Partnership,
        {"slug": "highland-cpp"},
        name="Highland Community Planning Partnership",
        short_name="Highland CPP",
        kind=Partnership.Kind.COMMUNITY_PLANNING,
        nation=Nation.SCOTLAND,
        area=area,
    )
    organisations = upsert_partners(partnership, area, ORGANISATIONS)
    council = organisations["The Highland Council"]

    themes = [
        upsert(Theme, {"partnership": partnership, "slug": slugify(name)}, name=name)
        for name in SOA_THEMES
    ]
    carron = upsert(
        Person,
        {"name": "Carron McDiarmid", "organisation": council},
        job_title="Head of Policy and Performance",
        capacity=Person.Capacity.OFFICER,
    )

    boards = _load_boards(partnership, themes)
    cog = boards["Chief Officers' Group"]
    _load_cog_membership(cog, boards, organisations, carron)
    remit = {
        number: upsert(RemitClause, {"board": cog, "number": number}, heading=heading, text=text)
        for number, (heading, text) in enumerate(COG_REMIT, start=1)
    }
    soa = _load_soa(partnership, themes, remit, boards, council)
    theme_groups = {board.theme: board for board in boards.values() if board.theme in themes}
    highland_indicators.load(soa, themes, organisations, theme_groups)
    _load_first_cog_meeting(cog, carron)
    _tag_inequalities(boards, soa)
    return {
        "partnership": partnership,
        "officer": carron,
        "nhs_highland": organisations["NHS Highland"],
    }


def _load_boards(partnership: Partnership, themes: list[Theme]) -> dict[str, Board]:
    board = upsert_board(
        partnership,
        "Highland CPP Partnership Board",
        kind=Board.Kind.PARTNERSHIP_BOARD,
        cadence=Board.Cadence.QUARTERLY,
    )
    boards = {
        board.name: board,
        # Report 1.1: it "agreed and confirmed the remit and membership" of the COG, so it
        # decides as a board. The report does not place it in the structure.
        "CPP Performance Board": upsert_board(
            partnership, "CPP Performance Board", kind=Board.Kind.PARTNERSHIP_BOARD
        ),
        # "Would meet more frequently than quarterly Board meetings": every two months.
        "Chief Officers' Group": upsert_board(
            partnership,
            "Chief Officers' Group",
            kind=Board.Kind.CHIEF_OFFICERS_GROUP,
            reports_to=board,
            cadence=Board.Cadence.BIMONTHLY,
            terms_of_reference=COG_PURPOSE,
        ),
    }
    for theme in themes:
        group = upsert_board(
            partnership,
            f"{theme.name} thematic group",
            kind=Board.Kind.THEMATIC_GROUP,
            reports_to=board,
            theme=theme,
        )
        boards[group.name] = group
    inequalities = upsert(
        Theme,
        {"partnership": partnership, "slug": "deprivation-and-health-inequalities"},
        name="Deprivation and health inequalities",
        is_cross_cutting=True,
    )
    # The report places neither group in the structure; like the theme groups, they are put
    # under the Partnership Board.
    boards[HEALTH_INEQUALITIES_GROUP] = upsert_board(
        partnership,
        HEALTH_INEQUALITIES_GROUP,
        kind=Board.Kind.THEMATIC_GROUP,
        reports_to=board,
        theme=inequalities,
        terms_of_reference="The partnership theme group at Director level on deprivation and "
        "health inequalities.",
    )
    boards[CLD_GROUP] = upsert_board(
        partnership, CLD_GROUP, kind=Board.Kind.THEMATIC_GROUP, reports_to=board
    )
    return boards


def _load_cog_membership(
    cog: Board,
    boards: dict[str, Board],
    organisations: dict[str, Organisation],
    carron: Person,
) -> None:
    for office, organisation in COG_CHIEF_OFFICERS:
        upsert(
            BoardMembership,
            {
                "board": cog,
                "person": None,
                "office": office,
                "organisation": organisations[organisation],
                "role": BoardMembership.Role.MEMBER,
            },
        )
    theme_groups = [
        board
        for board in boards.values()
        if board.kind == Board.Kind.THEMATIC_GROUP and board.name != CLD_GROUP
    ]
    for group in theme_groups:
        upsert(
            BoardMembership,
            {
                "board": cog,
                "person": None,
                "office": f"Lead officer, {group.name}",
                "organisation": None,
                "role": BoardMembership.Role.IN_ATTENDANCE,
            },
        )
    # The author of the group's first report; seated as the officer who supports the group
    # from its first meeting (26 November 2013) so that the demo officer finds the board.
    upsert(
        BoardMembership,
        {"board": cog, "person": carron, "role": BoardMembership.Role.LEAD_OFFICER},
        office="Head of Policy and Performance",
        organisation=carron.organisation,
        started_on=datetime.date(2013, 11, 26),
    )


def _load_soa(
    partnership: Partnership,
    themes: list[Theme],
    remit: dict[int, RemitClause],
    boards: dict[str, Board],
    council: Organisation,
) -> OutcomeFramework:
    soa = upsert(
        OutcomeFramework,
        {"partnership": partnership, "slug": "highland-soa-2013-2019"},
        name="Highland Single Outcome Agreement 2013/14–2018/19",
        kind=OutcomeFramework.Kind.SINGLE_OUTCOME_AGREEMENT,
        status=OutcomeFramework.Status.AGREED,
        starts_on=datetime.date(2013, 4, 1),
        ends_on=datetime.date(2019, 3, 31),
        summary=SOA_SUMMARY,
    )
    set_related(soa, "themes", themes)
    leads = {COG: boards["Chief Officers' Group"], COUNCIL: council} | {
        name: boards[name] for name in (HEALTH_INEQUALITIES_GROUP, CLD_GROUP)
    }
    for area_number, (text, activities) in enumerate(
        zip(AREAS_FOR_IMPROVEMENT, DEVELOPMENT_PLAN, strict=True), start=1
    ):
        area = upsert(AreaForImprovement, {"framework": soa, "number": area_number}, text=text)
        for activity_number, (activity, wording, clause, lead) in enumerate(activities, start=1):
            reference = f"{area_number}.{activity_number}"
            lead_record = leads[lead]
            upsert(
                DevelopmentAction,
                {"partnership": partnership, "framework": soa, "reference": reference},
                area_for_improvement=area,
                remit_clause=remit[clause] if clause else None,
                activity=activity,
                lead_board=lead_record if isinstance(lead_record, Board) else None,
                lead_organisation=lead_record if isinstance(lead_record, Organisation) else None,
                deadline=deadline_from_wording(wording),
                deadline_wording=wording,
                status=_status(reference, wording),
            )
    return soa


def _status(reference: str, wording: str) -> str:
    if reference in DONE_ACTIONS:
        return DevelopmentAction.Status.DONE
    if wording.startswith(("On-going", "From ")):
        return DevelopmentAction.Status.ONGOING
    return DevelopmentAction.Status.NOT_STARTED


def _tag_inequalities(boards: dict[str, Board], soa: OutcomeFramework) -> None:
    """Tags what the report ties to its cross-cutting concern, deprivation and health
    inequalities: the theme group for it, the COG (whose remit asks whether the partnership
    is "reducing inequalities at the pace required"), the SOA theme group and outcome on health
    inequalities, and the COG's first report, on that remit."""
    inequalities = boards[HEALTH_INEQUALITIES_GROUP].theme
    for name in (
        HEALTH_INEQUALITIES_GROUP,
        "Chief Officers' Group",
        "Health inequalities and physical activity thematic group",
    ):
        set_related(boards[name], "cross_cutting_themes", [inequalities])
    set_related(soa.outcomes.get(number=5), "cross_cutting_themes", [inequalities])
    first_report = AgendaItem.objects.get(
        meeting__board=boards["Chief Officers' Group"], report__reference="COG/1/13"
    )
    set_related(first_report, "themes", [inequalities])


def _load_first_cog_meeting(cog: Board, carron: Person) -> None:
    meeting = upsert(
        Meeting,
        # The report gives the date (26.11.13) but not the time: 10.00 am is assumed.
        {"board": cog, "starts_at": datetime.datetime(2013, 11, 26, 10, 0, tzinfo=LONDON)},
        # The venue is not in the seed either: the Council's headquarters in Inverness is used.
        venue="Highland Council Headquarters, Glenurquhart Road, Inverness",
        status=Meeting.Status.HELD,
        contact=carron,
        # The report is signed 21.11.13, so the papers went out no earlier than that day.
        agenda_published_at=datetime.datetime(2013, 11, 21, 17, 0, tzinfo=LONDON),
    )
    report = upsert(
        Report,
        {"board": cog, "reference": "COG/1/13"},
        title="The purpose and membership of the Chief Officers Group and how it will operate",
        report_by="Head of Policy and Performance, Highland Council",
        # The report has no purpose section of its own; its recommendation (section 4) says
        # what it is for.
        purpose=paragraphs(
            "To ask the Group to note its remit and the SOA development plan, and to take part "
            "in facilitated discussion on the systems and behaviours required to deliver "
            "against the remit."
        ),
        recommendations=COG_1_13_RECOMMENDATIONS,
        key_considerations=COG_1_13_KEY_CONSIDERATIONS,
        contact_officer=carron,
    )
    upsert(
        AgendaItem,
        # Printed as agenda item 2; the other items of that agenda are not in the seed.
        {"meeting": meeting, "position": 2},
        kind=AgendaItem.Kind.REPORT,
        title=report.title,
        report=report,
    )
