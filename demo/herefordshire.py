"""Herefordshire Council's Cabinet, from its agenda pack for 17 March 2011.

The pack holds the agenda of 17 March, the minutes of 17 February 2011 (minutes 86 to 93)
and three reports with their appendices. Minute 93 recommends the Shadow Health and
Wellbeing Board, whose terms and membership are taken from its resolutions (b) and (c).
"""

import datetime
from typing import NamedTuple
from zoneinfo import ZoneInfo

from demo.markup import h3, html, ol, p, paragraphs, ul
from demo.upsert import set_related, upsert, upsert_board, upsert_partners
from governance.models import Board, BoardMembership
from meetings.models import AgendaItem, Appendix, Attendance, Meeting, Minute, Report, Resolution
from outcomes.models import ActionUpdate, DevelopmentAction
from partnership.models import (
    Area,
    Nation,
    Organisation,
    Partnership,
    Person,
)

COUNCIL = "Herefordshire Council"
PCT = "NHS Herefordshire"
HOSPITALS = "Hereford Hospitals NHS Trust"
GP_CONSORTIUM = "Herefordshire GP Consortium"
LINK = "Herefordshire Local Involvement Network (LINk)"
VOLUNTARY_SECTOR = "Voluntary and community sector in Herefordshire"
BUSINESS = "Business community in Herefordshire"

LONDON = ZoneInfo("Europe/London")

# Name, short name, kind, and whether the body serves Herefordshire alone.
ORGANISATIONS = [
    (COUNCIL, "", Organisation.Kind.COUNCIL, True),
    # "NHS Herefordshire" in the reports, "the Herefordshire Primary Care Trust" in minute 93.
    (PCT, "Herefordshire PCT", Organisation.Kind.PRIMARY_CARE_TRUST, True),
    (HOSPITALS, "", Organisation.Kind.NHS_TRUST, True),
    ("2gether NHS Foundation Trust", "2gether", Organisation.Kind.NHS_TRUST, False),
    (GP_CONSORTIUM, "", Organisation.Kind.GP_CONSORTIUM, True),
    (LINK, "LINk", Organisation.Kind.OTHER, True),
    (VOLUNTARY_SECTOR, "", Organisation.Kind.THIRD_SECTOR, True),
    (BUSINESS, "", Organisation.Kind.BUSINESS, True),
]

VENUE = "The Council Chamber, Brockington, 35 Hafod Road, Hereford"

# The Cabinet as printed on the agenda: name, role and, where the pack gives it, portfolio.
CABINET = [
    ("RJ Phillips", BoardMembership.Role.CHAIR, ""),
    ("LO Barnett", BoardMembership.Role.MEMBER, ""),
    ("AJM Blackshaw", BoardMembership.Role.MEMBER, ""),
    ("H Bramer", BoardMembership.Role.MEMBER, ""),
    ("JP French", BoardMembership.Role.MEMBER, ""),
    ("JA Hyde", BoardMembership.Role.MEMBER, "Cabinet Member Children's Services"),
    ("JG Jarvis", BoardMembership.Role.MEMBER, ""),
    ("PD Price", BoardMembership.Role.MEMBER, ""),
    ("DB Wilcox", BoardMembership.Role.MEMBER, ""),
]
# The pack gives no dates of appointment; the seats are taken to run from the start of the
# 2010/11 municipal year (May, when minute numbering restarts), the year of the minutes.
CABINET_FROM = datetime.date(2010, 5, 1)

# "In attendance" at 17 February 2011. The minutes list WU Attfield twice; one row is kept.
IN_ATTENDANCE_17_FEBRUARY = [
    "WU Attfield",
    "WLS Bowen",
    "PJ Edwards",
    "TM James",
    "RI Matthews",
    "PM Morgan",
    "MAF Hubbard",
]

# Officers named in the pack: name, job title, telephone and e-mail as printed.
OFFICERS = [
    ("Sally Cole", "Committee Manager Executive", "(01432) 260249", "scole@herefordshire.gov.uk"),
    ("Julie Gethin", "Head of Partnership Support", "01432 260610", ""),
    ("Geoff Hughes", "Sustainable Communities Director", "(01432) 260695", ""),
    ("Zack Pandor", "Joint Director ICT", "(01432) 347611", ""),
]

SHADOW_BOARD_POWERS = [
    "(i) for the purpose of advancing the health and wellbeing of the people in Herefordshire, "
    "to encourage persons who arrange for the provision of any health or social care services "
    "in that area to work in an integrated manner; and",
    "(ii) to provide such advice, assistance or other support as it thinks appropriate for the "
    "purpose of encouraging the making of arrangements under section 75 of the National Health "
    "Service Act 2006 in connection with the provision of such services; and",
    "(iii) to encourage persons who arrange for the provision of health-related services in "
    "Herefordshire to work closely with the Health and Wellbeing Board; and",
    "(iv) to encourage persons who arrange for the provision of any health or social care "
    "services in Herefordshire and persons who arrange for the provision of any health-related "
    "services in Herefordshire to work closely together; and",
    "(v) to advise on how the functions of the Council and its partner commissioning consortia "
    "under sections 116 and 116A of the Local Government and Public Involvement in Health Act "
    "2007 (“the 2007 Act”) are to be exercised; and",
    "(vi) to give to the Council its opinion on whether the Council is discharging its duty "
    "under section 116B of the 2007 Act;",
]

SHADOW_BOARD_MEMBERSHIP = [
    "those executive members of the Cabinet whose current areas of responsibility are "
    "encompassed by the powers and duties of the Shadow Board",
    "the Chief Executive",
    "those officers whose jobs include the roles of Director of Adult Social Services, Director "
    "of Children's Services and Director of Public Health (as defined in clause 26 of the "
    "Health and Social Care Bill of 2011).",
    "a representative of LINK (Local Improvement Network)",
    "a representative of the Herefordshire Primary Care Trust",
    "a representative of Hereford Hospitals Trust or (from 1st April 2011) the new Integrated "
    "Care Organisation for Herefordshire",
    "a representative of the Herefordshire GP Consortium",
    "a representative of the voluntary and community sector in Herefordshire",
    "a representative of the business community in Herefordshire",
]

# Minute 93 (a) and (c) as seats held by office; the resolution names no one, so all are
# vacant. The Director of Public Health is named by role only, without an employing body.
SHADOW_BOARD_SEATS = [
    (BoardMembership.Role.CHAIR, "Cabinet Member", COUNCIL),
    (
        BoardMembership.Role.MEMBER,
        "Cabinet Members whose current areas of responsibility are encompassed by the powers "
        "and duties of the Shadow Board",
        COUNCIL,
    ),
    (BoardMembership.Role.MEMBER, "Chief Executive", COUNCIL),
    (BoardMembership.Role.MEMBER, "Director of Adult Social Services", COUNCIL),
    (BoardMembership.Role.MEMBER, "Director of Children's Services", COUNCIL),
    (BoardMembership.Role.MEMBER, "Director of Public Health", None),
    (BoardMembership.Role.MEMBER, "Representative", LINK),
    (BoardMembership.Role.MEMBER, "Representative", PCT),
    (
        BoardMembership.Role.MEMBER,
        "Representative (from 1 April 2011, of the new Integrated Care Organisation)",
        HOSPITALS,
    ),
    (BoardMembership.Role.MEMBER, "Representative", GP_CONSORTIUM),
    (BoardMembership.Role.MEMBER, "Representative", VOLUNTARY_SECTOR),
    (BoardMembership.Role.MEMBER, "Representative", BUSINESS),
]


class MinuteText(NamedTuple):
    number: int
    title: str
    body: str
    resolutions: list[tuple[str, str]]
    resolution_preamble: str = ""


MINUTES_17_FEBRUARY_2011 = [
    MinuteText(
        86,
        "Apologies for absence",
        paragraphs(
            "Apologies for absence were received from Councillor JA Hyde, Cabinet Member "
            "Children's Services."
        ),
        [],
    ),
    MinuteText(
        87,
        "Declarations of interest",
        paragraphs("There were no declarations of interest made."),
        [],
    ),
    MinuteText(
        88,
        "Minutes",
        "",
        [
            (
                "",
                "That the Minutes of the meeting held on 20 January 2011 be approved as a "
                "correct record and signed by the Chairman.",
            )
        ],
    ),
    MinuteText(
        89,
        "Section 75 agreements",
        html(
            paragraphs(
                "The Cabinet Member, Adult Social Care, Health and Wellbeing presented the report "
                "to Cabinet and advised Cabinet that the monitoring of the Section 75 agreements "
                "would be carried out by the director of resources.",
                "The Acting Director of Adult Social Care informed Cabinet:",
            ),
            ul(
                "That learning disability and community health staff would be transferred to the "
                "new mental health provider 2gether NHS Foundation Trust.",
                "The Section 75 Integrated Care Organisation document was being finalised for "
                "sign off by the Chief Executive and Director of Resources.",
                "There would be a clear written understanding of how the service would operate "
                "with effective partnership working and monitoring to ensure effective delivery.",
                "The new service would be a joined up service supporting staff delivering "
                "services in community hospitals and out in the community.",
                "Members were reminded that previously the service had not been fully integrated "
                "for health and social care, this had now been addressed and there would be a "
                "commission delivery board meeting quarterly monitoring the service.",
                "Organisational change would continue and it was important to ensure "
                "arrangements were in place to support staff delivery the service.",
                "Preparations are underway for when the GP Consortium comes into being.",
                "In response to a question on accountability, Cabinet was reminded that this was "
                "a new vision for adult social care and the new framework was currently being "
                "consulted on. It was added that within the new framework there was a clear set "
                "of outcomes for monitoring, which included the number of readmissions to "
                "hospital. It was important to note that the accountability would be to the "
                "Health and Wellbeing Board, however there would continue to be external "
                "monitoring by the Care Quality Commission and other external regulators.",
            ),
        ),
        [
            (
                "a)",
                "a Section 75 agreement be established between the Herefordshire Integrated Care "
                "Organisation and Herefordshire Council in respect of hospital, community health "
                "and adult social care services;",
            ),
            (
                "b)",
                "a Section 75 agreement be established between 2gether NHS Foundation Trust and "
                "Herefordshire Council in respect of community Mental Health Services;",
            ),
            (
                "c)",
                "the remaining Section 75 agreement between Herefordshire Council and NHS "
                "Herefordshire be revised to reflect the changes in provider arrangements arising "
                "from recommendations a) and b) above; and",
            ),
            (
                "d)",
                "delegated authority be given to the Director of Resources, in consultation with "
                "the Chief Executive, to complete the agreements.",
            ),
        ],
        resolution_preamble="That:",
    ),
    MinuteText(
        90,
        "Local Development Framework and Local Transport Plan",
        html(
            paragraphs(
                "The Cabinet Member Highways and Transportation presented the report along with "
                "the Cabinet Member Environment and Strategic Housing. Cabinet was advised of the "
                "following points:"
            ),
            ul(
                "The Local Transport Plan (LTP) is aligned to the Local Development Framework "
                "(LDF), both of which are budget and policy framework items requiring approval by "
                "Council.",
                "The Council is required to adopt the LTP by 1 April 2011. Due to additional "
                "research, the impact of the Localism Bill and the issue that the LTP is aligned "
                "to the LDF, it is proposed that the current LTP 2 is adopted as the interim LTP3 "
                "until planning issues are addressed and the LDF is finalised.",
                "That the Economic Development Strategy is considered by Council at the same time.",
                "Parish Councils to be consulted in July with a deadline date of October 2011 for "
                "comments.",
                "Noted that delegated authority has been given to the Leader of the Council and "
                "relevant Cabinet Member in order to take into consideration the views of the "
                "Overview and Scrutiny Committee without the calling of an additional Cabinet "
                "meeting.",
                "Significant consultative work on the proposals has already been carried out with "
                "local businesses and the Chamber of Commerce.",
                "Whilst the authority must, currently, comply with the Regional Strategy, it is "
                "due to be revoked by Act of Parliament later in 2011. This will allow "
                "flexibility, especially with regards to housing targets and distribution, in the "
                "LDF.",
                "In response to a question on house building, Cabinet was advised that the "
                "current rate of house building was currently low and that the level of growth "
                "in the county needed to be taken into account.",
                "There was concern by some Members that the report did not fully reflect the "
                "views of the public. It was noted however, that there had been a move towards "
                "consensus across a large part of the county.",
            ),
        ),
        [
            (
                "1.",
                "Additional research and advice on the impact of the Localism Bill along with "
                "further consultation, including an advisory community poll, be undertaken to "
                "inform the development of the Local Development Framework Core Strategy, and a "
                "further report on the detail of this consultation be brought to Cabinet in June;",
            ),
            (
                "2.",
                # The pack prints the "3" of "Local Transport Plan 3" as a superscript.
                "It be recommended to Council that:\n"
                "(a) the Local Development Framework timetable be revised as set out in the "
                "table at paragraph 11 below;\n"
                "(b) the linkage between the Local Development Framework and Local Transport "
                "Plan, and the consequent impact on the Local Transport Plan timetable be noted;\n"
                "(c) the existing Local Transport Plan 2 be adopted as the Council's interim "
                "Local Transport Plan 3 pending finalisation of the Local Development Framework "
                "submission; and",
            ),
            (
                "3.",
                "Delegated authority be given to the Leader of the Council, in consultation with "
                "the relevant Cabinet Members, to take account of any views the Overview & "
                "Scrutiny Committee may express on the proposals above in drawing up Cabinet's "
                "final recommendations for consideration by Council.",
            ),
        ],
        resolution_preamble="That:",
    ),
    MinuteText(
        91,
        "Integrated Corporate Performance Report - Quarter 3 2010-11",
        html(
            paragraphs(
                "The Cabinet Member Corporate and Customer Services and Human Resources presented "
                "the report and advised Cabinet that improvements with the targets set were "
                "being made, but directorates needed to ensure that policy objectives were being "
                "met.",
                "The following points were noted in discussion:",
            ),
            ul(
                "Of the targets sets two thirds were on or ahead of target. These included "
                "processing planning applications and reducing road traffic accidents.",
                "There were relatively few key projects behind schedule. The most common causes "
                "were continued uncertainty over funding or government policy.",
                "Greater emphasis was needed on assisting children to gain qualifications, both "
                "in the early years foundation stage and at key stage 1 and 2.",
                "Looked after children achieving level 4 in English and Maths had exceeded target "
                "showing improvement from previous years. However, greater emphasis was needed to "
                "increase those achieving 5 or more A*-C GCSE's Members were concerned at the "
                "number of areas repeatedly not reaching targets. It was noted however, these "
                "were areas that the Overview and Scrutiny Committee could investigate..",
                "In relation to the growing number of 16-18 year olds not in education, "
                "employment or training; Cabinet was reminded that under the Edgar Street Grid "
                "proposals there were proposals for a Skills Academy for young people to gain "
                "qualifications in practical skills to enable them to work in the construction "
                "industry.",
                "In addition, the emphasis now was towards attracting technically based "
                "industries to the county, which could provide attractive employment "
                "opportunities for young people.",
            ),
        ),
        [
            (
                "",
                "That Cabinet accepts the performance report to the end of December 2010 and the "
                "measures being taken to address areas of under performance.",
            )
        ],
    ),
    MinuteText(
        92,
        "Budget Monitoring Report 2010/11",
        html(
            paragraphs(
                "The Cabinet Member Resources presented the Budget Monitoring Report 2010/11, "
                "which was the financial forecast position for both revenue and capital to the "
                "end of 31 March 2011. The Cabinet Member updated Cabinet on the following "
                "points:"
            ),
            ul(
                "The figures were based on the position as at the end of December 2010.",
                "The report confirmed that the requirement for directors to deliver recovery "
                "plans was now proving effective, with the reduction in discretionary spend in "
                "order to find additional savings to support the Council's revenue position.",
                "There was a projected overspend of £2.2m on a revenue budget of £143m, however, "
                "plans that had been put in place were now taking effect.",
                "Services for Integrated Commissioning were still under pressure. Through "
                "government health bodies there is £800k of available funding in 2010/11, which "
                "was being actively pursued by the partnership to ensure maximum use of the "
                "funding.",
                "The capital programme at the end of December totalled £69.7m and is fully "
                "funded from a variety of places, including government grants of £39m.",
                "Treasury management activity showed that the budget for interest receivable "
                "would be exceeded by £100k.",
                "Due to the winter weather there had been additional pressure on the Sustainable "
                "Communities budget and the £500k winter weather reserve is required to ease the "
                "pressure.",
                "Cabinet noted that two directorates had not reduced their discretionary "
                "overspend significantly and it was requested that this was investigated "
                "further.",
                "Cabinet discussed the proposed waste disposal unit to be built in Worcester, "
                "which was a joint project between Worcestershire and Herefordshire Councils, and "
                "the amount of funding held in reserves for this project. Cabinet was reminded "
                "that this fund had been built into the reserves over a number of years and was "
                "part of the Council's financial plans. It was confirmed that this was a reserve "
                "against risk, if the planning application was successful when it went before "
                "Worcestershire Council's Planning Committee, then this funding would be built "
                "into the financial strategy.",
            ),
        ),
        [
            ("a)", "Noted the report and the forecast deficit position of £2.2m; and"),
            (
                "b)",
                "Noted the Chief Executive's requirement that directors deliver recovery plans "
                "to ensure a balanced revenue budget.",
            ),
        ],
        resolution_preamble="That Cabinet:",
    ),
    MinuteText(
        93,
        "Shadow Health and Wellbeing Board",
        html(
            paragraphs(
                "The Deputy Chief Executive presented the report to Cabinet and advised Cabinet "
                "on the following points:"
            ),
            ul(
                "There was a requirement to establish the Health and Wellbeing Board and in so "
                "doing would progress the Council's status as an early implementer for the "
                "Department of Health.",
                "This would then put the responsibility for improving the health and wellbeing "
                "of residents in the county in the hands of the local authority, which would "
                "bring together all the partner organisations, with the local authority taking "
                "on the leadership role.",
                "The new Board would be able to look more broadly at the health and wellbeing of "
                "all residents and not just with regard to health and social care.",
                "It was noted that Herefordshire had already established a pathfinder GP "
                "Consortium.",
                "All of the GP practices in Herefordshire are to be represented on the GP "
                "Consortium.",
                "The terms of reference would be based upon those in the Health and Social Care "
                "Bill.",
                "Amendments to the Constitution would be put before Council in March in order to "
                "include the Health and Wellbeing Board.",
                "It was expected that there would be continuing updates for Members as issues "
                "arose and changed nationally.",
            ),
        ),
        [
            (
                "(a)",
                "a Shadow Health and Wellbeing Board be created and chaired by a Cabinet Member;",
            ),
            (
                "(b)",
                "the powers and duties of the Shadow Board shall be:\n"
                + "\n".join(SHADOW_BOARD_POWERS),
            ),
            (
                "(c)",
                "the membership of the Shadow Board shall include:\n"
                + "\n".join(f"- {member}" for member in SHADOW_BOARD_MEMBERSHIP)
                + "\nPROVIDED THAT the Shadow Board may at its discretion include such further "
                "representatives as it shall determine;",
            ),
            (
                "(d)",
                "the Shadow Board shall comply with the Standing Orders of Herefordshire Council "
                "in so far as executive members may make decisions at its meetings; and",
            ),
            (
                "(e)",
                "the Monitoring Officer report further on appropriate delegations and other "
                "constitutional requirements for a formal Health and Wellbeing Board once the "
                "Health and Social Care Bill has been enacted and the relevant implementation "
                "date is known.",
            ),
        ],
        resolution_preamble="That it be recommended to Council that:",
    ),
]

ENGAGEMENT_FRAMEWORK = {
    "title": "Herefordshire Partnership Engagement Framework",
    "portfolio_area": "Corporate & Customer Services and Human Resources",
    "purpose": paragraphs(
        "To present a draft engagement framework for Herefordshire for comment, consideration "
        "and approval, following its development through Herefordshire Partnership"
    ),
    "key_decision_note": "This is not a key decision",
    "recommendations": paragraphs("THAT Cabinet approves the draft engagement framework."),
    "introduction_and_background": ul(
        "Herefordshire Partnership agreed to develop an engagement framework in 2010 as part of "
        "its wider development plan.",
        "The framework proposed will deliver local outcomes for Herefordshire and achieve "
        "efficiency savings across the partnership.",
        "A joint approach to working with communities will support the delivery of the emerging "
        "locality strategy as well as implementing the streamlined Herefordshire Partnership "
        "structures.",
        "Organisational and management arrangements for implementing and monitoring the new "
        "framework will need to be developed as part of the work on organisational development, "
        "and transformational change programmes",
        "The framework will facilitate and enable a major shift towards community action and "
        "control and a move away from public sector dependency.",
    ),
    "key_considerations": html(
        paragraphs(
            "There are a number of key strategic developments and reviews currently underway "
            "through Herefordshire Public Services and Herefordshire Partnership in relation to "
            "improving the methods of community engagement and making better use of resources.",
            "Herefordshire Partnership commissioned a Local Improvement Adviser via the West "
            "Midlands Improvement and Efficiency Partnership in April 2010 to develop a "
            "partnership wide engagement framework that would offer platforms for sharing and "
            "aligning resources in localities.",
            "The Interim Third Sector Strategic Board has recently completed a review of support "
            "services for the third sector in partnership with Herefordshire Public Services. "
            "This will lead to improved coverage of this support through greater collaboration "
            "between existing organisations and cutting out duplication.",
            "Herefordshire Council is currently working with Parish and Town councils on the "
            "process for developing and implementing a charter setting out how the Councils in "
            "Herefordshire will work together to improve the system of local democracy, increase "
            "public participation and deliver improved services. This will include the "
            "devolution of functions reflecting the Budget Principle of Local Delivery.",
            "The Communities First workstream of Herefordshire Public Services transformation "
            "programme “Rising to the Challenge” is developing a Locality Strategy to bring "
            "together it’s objectives of:",
        ),
        ul("Better engagement", "Localised services", "Empowered communities"),
        paragraphs(
            "The recently published Localism Bill seeks to decentralise power to local "
            "communities. It aims to create a Big Society by giving new rights and powers to "
            "communities and introducing reforms to enable decisions to be taken locally. Work "
            "is taking place to develop Herefordshire’s “localism” plan through the new Locality "
            "Strategy. Community engagement is one of the key objectives within this.",
            "The local vision for Herefordshire through the implementation of this framework is "
            "to work closely with Herefordshire people as partners to build empowered "
            "communities across the County who are able to take responsibility for their own "
            "well being and develop sustainable communities.",
            "The draft framework details the organisational and policy implications in relation "
            "to current and future workforce, devolution of decisions, services and budgets, the "
            "role of elected Members and the shape of future partnership arrangements.",
            "It is proposed to develop Reaching the Hearts of Herefordshire across the County "
            "and introduce 9 locality based partnerships. This will support the streamlined "
            "Herefordshire Partnership structures and also the emerging locality strategy. For "
            "this to work there will need to be:",
        ),
        ul(
            "An identified senior manager for each locality to act as a strategic lead and build "
            "relationships with key partners.",
            "Virtual teams to work in partnership with communities, develop local capacity (in "
            "individuals and groups) and support the delivery of local action (part of the "
            "developing locality teams).",
            "A review of the Member development programme to ensure it is able to support the "
            "strengthened role of elected Members.",
            "A consolidation of existing consultation and engagement resources through the newly "
            "integrated customer and communications service.",
        ),
        paragraphs(
            "An approach tailored to each locality will be implemented, reflecting the different "
            "needs of each locality, building on what currently works in that area and "
            "connecting to existing mechanisms that reach the more vulnerable or hard to reach "
            "members of the community.",
            "Commitment to the use of and support for community led planning as a key means to "
            "engaging and working with communities is a fundamental part of the engagement "
            "framework. Devolved budgets and/or extending participatory budgeting may be "
            "considered as a future development to empower local communities.",
            "The proposed partnership approach assumes that current separate consultation and "
            "engagement processes will align to this framework to ensure consistency of approach "
            "and reduced duplication. The introduction of a shared intelligence and information "
            "function will assist in ensuring this happens. Consequently, delivery of the new "
            "framework will need to be one of the outcomes of the Organisational Design project.",
        ),
    ),
    "community_impact": paragraphs(
        "A collaborative approach to engagement will have a significant and positive impact on "
        "Herefordshire's communities – offering a range of local solutions relevant to the "
        "different identified communities for local people to have their say about what happens "
        "in their area."
    ),
    "financial_implications": paragraphs(
        "There are efficiency savings that can be identified through the collaboration and "
        "joining up of approaches and resources both within HPS and with other partners. These "
        "will be identified and agreed utilising the processes available through the Rising to "
        "the Challenge transformation programmes.",
        "The proposed identified senior managers and virtual teams will need to be drawn from "
        "existing resources in HPS and the wider partnership.",
    ),
    "risk_management": paragraphs(
        "Knowing and understanding our communities is a key to delivering services that our "
        "communities need in a timely and efficient way and relies on effective, reliable and "
        "continuous dialogue."
    ),
    "legal_implications": paragraphs(
        "None at this stage. The development of a policy framework for devolution will require "
        "appropriate legal input and advice."
    ),
    "alternative_options": paragraphs(
        "To continue with the present arrangements of unco-ordinated and unconnected approaches "
        "would not realise the efficiency savings needed, and also not achieve the aspirations "
        "and aims of the emerging locality strategy."
    ),
    "consultees": ul(
        "Herefordshire Partnership engagement task group",
        "HPS Joint Management Team",
        "Herefordshire Partnership Board",
    ),
    "background_papers": paragraphs("None identified"),
    "contact_officer": "Julie Gethin",
    "appendices": [
        (
            "(a)",
            "Draft engagement framework",
            html(
                h3("Engagement framework: implementing a partnership approach in Herefordshire"),
                h3("Introduction"),
                paragraphs(
                    "A number of mechanisms currently exist in Herefordshire for local people to "
                    "be involved in, or contribute to, decision making processes that influence "
                    "the way the public sector delivers its services. These mechanisms have been "
                    "considered in the development of a partnership engagement framework. They "
                    "include, amongst others, community led planning, Reaching the Hearts of "
                    "Herefordshire, PACTS, ward councillors, the Local Involvement Network "
                    "(LINK), Parish Councils, children and young people's forums, scrutiny "
                    "committees/councillor call for action and local regeneration partnerships.",
                    "This document sets out a proposed way forward for both Herefordshire Public "
                    "Services (HPS) and the wider Herefordshire Partnership in pursuit of the "
                    "County's long term aim of putting its communities first and at the heart of "
                    "improving local service delivery. This forms part of the delivery plan for "
                    "the new Locality Strategy.",
                ),
                h3("Background"),
                paragraphs(
                    "It's important to have stronger, more resilient communities and a "
                    "representative community engagement process, which can take community "
                    "views to the different levels of the Partnership and feedback on progress "
                    "and outcomes. The Partnership is striving for a vibrant and dynamic "
                    "dialogue with communities (of interest and of place), where residents "
                    "contribute to the decisions that are made about their neighbourhoods and "
                    "involved in evaluating the success of local initiatives.",
                    "In April 2010 Herefordshire Partnership embarked on the development of an "
                    "engagement framework with the intention of creating a real platform for "
                    "collaboration and sharing resources in defined localities. The aim is to "
                    "ensure local people receive information on what is happening that may "
                    "affect them, what is available for them and how they can be involved in and "
                    "have influence on future activities.",
                ),
                h3("Herefordshire's vision"),
                paragraphs(
                    "To work closely with Herefordshire people as partners to build empowered "
                    "communities across the County able to take responsibility for their own "
                    "well being"
                ),
            ),
        )
    ],
}

LOCALITY_STRATEGY = {
    "title": "Locality Strategy for Herefordshire",
    "portfolio_area": "Economic Development and Community Services",
    "purpose": paragraphs("To approve the Locality Strategy for Herefordshire."),
    # Verbatim, including the pack's "a not a".
    "key_decision_note": "This is a not a Key Decision.",
    "recommendations": paragraphs("THAT: Cabinet approves the Locality Strategy."),
    "key_points_summary": ul(
        "Early in 2010, the following nine localities were identified within the county by "
        "Herefordshire Public Services: Hereford City, the five market towns and three rural "
        "areas (Weobley, Golden Valley and Mortimer). This tiered approach has been endorsed by "
        "the Herefordshire Partnership and a number of partners are actively working to shape "
        "how services can be delivered and communities engaged, on the basis of these nine "
        "areas.",
        "The Locality Strategy sets out our vision and objectives for locality working within "
        "the county. It is about developing local solutions and empowering and working in "
        "partnership with our communities.",
    ),
    "alternative_options": paragraphs(
        "Not implementing the Locality Strategy could result in a lack of a joined-up approach "
        "to service delivery and a lack of co-ordinated engagement at a locality level. If a "
        "uniform approach is taken to service delivery across the county, this may not "
        "necessarily reflect the needs of local communities."
    ),
    "reasons_for_recommendations": paragraphs(
        "The Locality Strategy and the identified nine areas give structure to a joint approach "
        "to service delivery and seek to ensure that we are able to support as many valued local "
        "services as we can. Better engagement with communities will help to create "
        "opportunities that are relevant to them and their area."
    ),
    "introduction_and_background": paragraphs(
        "The Locality Strategy builds on the range of approaches that have already been tested "
        "in relation to improving delivery of services to communities and the role that local "
        "people play in this.",
        "In line with national policy developments and the 'Big Society', the Locality Strategy "
        "promotes a tiered approach to devolving services or budgets. The Strategy will help us "
        "to understand how devolution (of decisions, budgets or services) could work and what "
        "this means in relation to local people and communities having a say about services "
        "that matter to them.",
        "A similar report is being presented to the NHS Herefordshire Board on 30 March.",
    ),
    "key_considerations": html(
        paragraphs(
            "Localities form part of the Communities First work stream of the Rising to the "
            "Challenge Transformation Programme. This work stream provides and brings together "
            "key strands to deliver joined up working with communities and service providers at "
            "a local level. The outcomes intended to be delivered as part of the Communities "
            "First work stream include Localised Services, Better Engagement and Empowered "
            "Communities.",
            "The Locality Strategy forms part of the Localised Services work and is based on the "
            "nine localities which are deemed to be key in meeting the aims set out in the HPS "
            "joint Customer Strategy. Locality Profiles for each of these areas are currently "
            "being developed to help inform the implementation of this Strategy. Such an "
            "approach is intended to help us to develop local solutions and enable us to empower "
            "and work in partnership with our communities.",
            "The objectives of the Locality Strategy are.",
        ),
        ul(
            "Strengthened community leadership;",
            "Services meeting the needs of communities;",
            "Joined up local services; and",
            "Working in partnership with empowered communities.",
        ),
        paragraphs(
            "A review of the Herefordshire Partnership is currently underway and aims to not "
            "only streamline partnership structures and processes, but also integrate and share "
            "services in relation to intelligence, commissioning and engagement. It will also "
            "seek to establish Locality partnership arrangements. This tiered approach to "
            "devolving services or budgets through a corporate and partnership policy framework "
            "will be a key part of the Locality Strategy and to achieving its aims and "
            "objectives. A partnership approach to decisions being made at the closest possible "
            "point to communities will be instrumental in gaining an understanding of how "
            "devolution (of decisions, budgets or services) could work and what this means in "
            "relation to local people and communities having a say about services that matter "
            "most to them. This is captured in the draft engagement framework also being "
            "considered at Cabinet today.",
            "The important role that Elected Members play in the localities agenda is "
            "recognised, not least as one of the key learning points from the Reaching the "
            "Hearts of Herefordshire pilots was the positive difference made through Elected "
            "Members working with their Parish and Town Councils. A further seminar is planned "
            "for Elected Members (Localities and Localism Bill) as part of the programme of "
            "training and support planned for May-December 2011. Further work will also be "
            "undertaken in conjunction with Parish and Town Councils to ensure that they are "
            "also aware of and engaged in this work. Regular updates on the Localities work will "
            "be given to Senior Managers as part of the Leadership Forum.",
        ),
    ),
    "community_impact": paragraphs(
        "A collaborative approach to engagement will have a significant and positive impact on "
        "Herefordshire's communities – offering a range of local solutions relevant to the "
        "different identified communities for local people to have their say about what happens "
        "in their area. An approach for Herefordshire is articulated in the draft engagement "
        "framework.",
        "The implementation of a Locality Strategy will help us to achieve greater connection "
        "with communities, as well as strengthening the role of citizens, enhancing local "
        "democracy and encouraging service providers to work better together, so that we "
        "achieve better outcomes for people and places together.",
    ),
    "financial_implications": paragraphs(
        "The adoption of the Locality Strategy will have no direct financial implications."
    ),
    "legal_implications": paragraphs("None identified."),
    "risk_management": paragraphs(
        "The risk is that we do not get sufficient commitment from key stakeholders and "
        "partners. The mitigation for this is that this work on localities has been built into "
        "the Communities First work stream and we have engaged with key stakeholders and "
        "partners."
    ),
    "consultees": paragraphs(
        "Work on Localities has been developed through the Communities First work stream, as "
        "well as the Stronger Communities Policy & Delivery Group of the Herefordshire "
        "Partnership. A draft of the Locality Strategy was presented to the HPS Joint Management "
        "Team and the Herefordshire Partnership Board in February and following this, wider "
        "consultation was held with other key stakeholders. Where appropriate, comments received "
        "have been incorporated into this draft."
    ),
    "background_papers": paragraphs("None identified."),
    "contact_officer": "Geoff Hughes",
    # The report lists its one appendix without a label; it is labelled 1 here.
    "appendices": [
        (
            "1",
            "Locality Strategy for Herefordshire",
            html(
                h3("Preface"),
                paragraphs(
                    "This document sets out our vision and objectives for locality working "
                    "within Herefordshire. It is about developing local solutions and empowering "
                    "and working in partnership with our communities."
                ),
                h3("Local context"),
                paragraphs(
                    "There are a number of key strategic developments and major change "
                    "programmes currently underway through the public sector and the "
                    "Herefordshire Partnership in relation to improving delivery of services to "
                    "communities and the role local people play in this.",
                    "Early in 2010, nine localities were identified within the county to aid in "
                    "the design and delivery of services to different parts of Herefordshire and "
                    "to assist in the co-location of providers as we move towards achieving the "
                    "most efficient uses of resources through maximum integration.",
                    "The following tiered approach was endorsed by the Herefordshire Partnership:",
                ),
                ul(
                    "Tier one – Rural areas (Weobley, Golden Valley and Mortimer - serving the "
                    "needs of their immediate customers);",
                    "Tier two – Market towns (serving the needs of their customers, as well as "
                    "those of the rural areas surrounding them); and",
                    "Tier three – Hereford City (providing a broad range of facilities and "
                    "serving both the needs of its customers as well as those of the county).",
                ),
                h3("Our Vision"),
                paragraphs(
                    "To strengthen communities by increasing choice and control over service "
                    "delivery in their area, and enabling them to take responsibility for local "
                    "issues."
                ),
                h3("Our Objectives"),
                ul(
                    "Strengthened community leadership;",
                    "Local service delivery meeting the needs of communities;",
                    "Joined up local services; and",
                    "Working in partnership with empowered communities.",
                ),
            ),
        )
    ],
}

ICT_STRATEGY_VISION = (
    "To use information and technology to improve outcomes for our communities, drive "
    "excellence and efficiency in service delivery, and improve the experience of our service "
    "users, working in partnership with others."
)

INFORMATION_AND_ICT_STRATEGY = {
    "title": "Information and ICT Strategy",
    "portfolio_area": "ICT, Education & Achievement",
    "purpose": paragraphs("To approve the Information & ICT Strategy."),
    "key_decision_note": "This is not a key decision.",
    "recommendations": html(
        p("THAT:"),
        ol(
            "the importance of information and ICT as being critical to delivering the "
            "Council's objectives is acknowledged; and",
            "the strategy be approved",
            numbering="a",
        ),
    ),
    "key_points_summary": ul(
        "Information is a critically important organisational asset and, like other key assets "
        "(e.g. staff, finance, and property) needs proactive management to maximise its value "
        "for our customers and our organisations. Information is also unique in that the more it "
        "is used, shared and managed, the greater the benefits that can be leveraged from it. "
        "There are also increasing customer expectations and legislative drivers that we "
        "preserve and safeguard our information.",
        "This Information and ICT strategy seeks to set out objectives and principles, aligned "
        "with other key strategies (e.g. Localities, Engagement, Customer Services) and "
        "transformational programmes (e.g. Rising to the Challenge) to provide a corporate "
        "framework for using Information and ICT to support organisational objectives and drive "
        "benefits to our communities and customers.",
        "This strategy sets out a vision, objectives and principles for Information and ICT to "
        "be at the heart of driving and supporting transformational change across Herefordshire "
        "Public Services, working with our partners to enable achievement of the our objectives. "
        "It will be used to direct focus and effort to agreed priority areas of work.",
        "The strategy vision, high-level objectives and principles are summarised at the end of "
        "this paper, the full strategy document is an appendix.",
    ),
    "alternative_options": paragraphs(
        "The absence of a strategy would leave Herefordshire Public Services without a corporate "
        "framework within which the use of information and ICT can be directed to better support "
        "achievement of organisational objectives."
    ),
    "reasons_for_recommendations": paragraphs(
        "The Herefordshire Council and NHS Herefordshire do not have a current Information and "
        "ICT Strategy, that reflects the nature of partnership working across the public sector "
        "to serve the needs of our communities and customers."
    ),
    "introduction_and_background": paragraphs(
        "The partnership between Herefordshire Council and NHS Herefordshire, jointly "
        "commissioning and providing a range of public services has enabled the development of "
        "a shared vision, values and priorities.",
        "A number of joint strategies now provide a cohesive and consistent view of how, in "
        "partnership between ourselves and with others, we will implement our priorities in "
        "serving the needs of our communities and customers. This strategy seeks to provide "
        "additional clarity and detail on how we will use Information and ICT to do this.",
        "Whilst the focus of our efforts remain on serving our communities and customers, "
        "significant organisational changes as a result of our unique local circumstance and "
        "national policy direction needs to be accounted for. The move towards a primarily "
        "commissioning based organisation, working with a range of partners necessitates we take "
        "an outward facing approach to our strategies and seek to influence and be influenced by "
        "our partners' strategies.",
        "This Information and ICT strategy seeks to set out objectives and principles, aligned "
        "with other key strategies (e.g. Localities, Engagement, Customer Services) and "
        "transformational programmes (e.g. Rising to the Challenge) to provide a corporate "
        "framework for using Information and ICT to support organisational objectives and drive "
        "benefits to our communities and customers.",
    ),
    "key_considerations": html(
        paragraphs(
            f"The vision for the strategy is “{ICT_STRATEGY_VISION}”",
            "There are five high-level objectives:",
        ),
        ul(
            "Enabling a Digital County: Investing in a digital Herefordshire to service, engage "
            "with and support our communities and businesses and learning opportunities.",
            "Better Information & Knowledge Management: Extracting value out of the information "
            "assets of the organisation, creating knowledge, keeping the information valuable.",
            "Equipping the digital workforce: Developing an appropriately skilled workforce, "
            "where information is used intelligently and technology is used naturally",
            "Driving efficient processes: Adopting lean ways of working, continuously improving "
            "our processes, and exploiting technology to automate tasks.",
            "Information and Technology for service delivery: Using information and technology "
            "to deliver efficient services, maximising the investment already made in "
            "technology, developing connected solutions across our partnerships and adopting new "
            "technology when the business case is sound.",
        ),
    ),
    "community_impact": paragraphs(
        "This strategy supports the delivery of organisational objectives and other key "
        "strategies, including the customer services, engagement framework and localities "
        "strategies."
    ),
    "financial_implications": paragraphs(
        "There are no specific implications arising from this report.",
        "Revenue budgets are provisioned for delivery of the ICT Strategy, business cases will "
        "need to be developed and agreed to access these.",
        "Organisational strategies with ICT requirements have budgets to implement these "
        "requirements.",
    ),
    "legal_implications": paragraphs(
        "There is legislation concerning the management and disclosure of information, and the "
        "strategy has regard to ensuring any such requirements may be fulfilled."
    ),
    "risk_management": html(
        p("The major risks of not having an approved Information and ICT Strategy are:"),
        ol(
            "not using an appropriate evidence base for decision taking whilst commissioning "
            "and delivering services",
            "not aligning investment in ICT with organisational priorities",
            "poor information safeguarding practices leading to legal challenge, reputational "
            "damage and financial liabilities.",
            numbering="a",
        ),
    ),
    "consultees": html(
        p(
            "The following have contributed to and have been consulted in the development of the "
            "strategy"
        ),
        ul(
            "Joint Management Team and senior managers",
            "Cabinet Member for ICT, Education & Achievement",
            "ICT staff",
        ),
    ),
    "background_papers": paragraphs("None"),
    "contact_officer": "Zack Pandor",
    "appendices": [
        (
            "1",
            "Strategy Summary",
            html(
                h3("Vision"),
                paragraphs(
                    "To use information and technology to improve outcomes for our communities, "
                    "drive excellence and efficiency in service delivery improve the experience "
                    "of our service users, working in partnership with others"
                ),
                h3("Principles – Information"),
                ul(
                    "Better information use results in better decisions and better services",
                    "Information is a valuable shared organisational asset – capture once, use "
                    "many times",
                    "Information requires consistent and proactive management from creators and "
                    "users to extract maximum value from it",
                    "Information needs to be kept valuable (Confidentiality, Integrity, "
                    "Availability)",
                    "Information literacy is an essential requirement for all staff",
                    "Information expectations are explicitly built into provider agreements' "
                    "from whom we commission services",
                ),
                h3("Principles – Technology"),
                ul(
                    "Use of existing technology assets will be maximised",
                    "Have a defined (and limited) range of technology standards will be adopted "
                    "to maximise efficiency, enable interoperability and consistency of user "
                    "experience",
                    "Development of new technologies/applications will be balanced alongside "
                    "sustainability of existing",
                    "IT literacy is an essential requirement for our staff",
                    "Technology expectations are explicitly built into provider agreements' from "
                    "whom we commission services",
                ),
            ),
        ),
        (
            "2",
            "Herefordshire Public Services Information and ICT Strategy 2011-2015",
            html(
                h3("1.0 Introduction"),
                paragraphs(
                    "Information is a critically important organisational asset and, like other "
                    "key assets (e.g. staff, finance, and property) needs proactive management "
                    "to maximise its value for our customers and our organisations. Information "
                    "is also unique in that the more it is used, shared and managed, the greater "
                    "the benefits that can be leveraged from it. There are also increasing "
                    "customer expectations and legislative drivers that we preserve and "
                    "safeguard our information.",
                    "Information, Communications and Technology (ICT) is now becoming "
                    "increasingly ubiquitous and used in almost every aspect of our lives. "
                    "Examples abound across commercial and public sector organisations; of how "
                    "IT has transformed the efficiency of operations, increased availability, "
                    "speed, convenience, choice and satisfaction of providing services and how "
                    "communities and individuals have used IT to engage, communicate and enhance "
                    "the quality of their lives.",
                ),
                h3("2.0 Scope of Strategy"),
                paragraphs(
                    "The strategy has a sphere of delivery covering Herefordshire Council and "
                    "NHS Herefordshire, and a sphere of influence covering customers, partners, "
                    "providers, regulators, suppliers.",
                    "This strategy covers the five year period from 2011-2015.",
                    "This strategy should be reviewed annually or as a result of major policy "
                    "developments or shift in organisational priorities.",
                ),
            ),
        ),
    ],
}

REPORTS = [ENGAGEMENT_FRAMEWORK, LOCALITY_STRATEGY, INFORMATION_AND_ICT_STRATEGY]

# The agenda of 17 March 2011: kind, title and purpose, and the report an item carries.
AGENDA_17_MARCH_2011 = [
    (
        AgendaItem.Kind.APOLOGIES,
        "Apologies for absence",
        "To receive any apologies for absence.",
        None,
    ),
    (
        AgendaItem.Kind.DECLARATIONS,
        "Declarations of interest",
        "To receive any declarations of interest by Members in respect of items on the Agenda.",
        None,
    ),
    (
        AgendaItem.Kind.MINUTES,
        "Minutes",
        "To approve and sign the minutes of the meeting held on 17 February 2011.",
        None,
    ),
    (
        AgendaItem.Kind.REPORT,
        ENGAGEMENT_FRAMEWORK["title"],
        "To present a draft engagement framework for Herefordshire for comment, consideration "
        "and approval, following its development through Herefordshire Partnership.",
        ENGAGEMENT_FRAMEWORK,
    ),
    (
        AgendaItem.Kind.REPORT,
        LOCALITY_STRATEGY["title"],
        "To approve the Locality Strategy for Herefordshire.",
        LOCALITY_STRATEGY,
    ),
    (
        AgendaItem.Kind.REPORT,
        INFORMATION_AND_ICT_STRATEGY["title"],
        "To approve the Information & ICT Strategy.",
        INFORMATION_AND_ICT_STRATEGY,
    ),
]

# Not in the seed: an exempt item added to the March agenda so that what the public and
# members may see can be told apart and tested. Its marker phrase appears in no other record:
# wherever the marker shows, exempt text has been shown.
EXEMPT_MARKER = "AUBERGINE-ZEPHYR-7731"
DEMONSTRATION_EXEMPT_PARAGRAPH = "3"  # Information relating to financial or business affairs.
DEMONSTRATION_EXEMPT_REPORT = {
    "title": "Demonstration exempt item: contract award for highways maintenance (not a real item)",
    "portfolio_area": "Highways and Transportation",
    "purpose": paragraphs(
        "To decide the award of the highways maintenance contract. This is a demonstration "
        "item and records no real decision."
    ),
    "key_decision_note": "This would be a key decision.",
    "recommendations": paragraphs(
        "THAT the highways maintenance contract be awarded to the tenderer ranked first."
    ),
    "body": paragraphs(
        f"Demonstration marker: {EXEMPT_MARKER}.",
        "Three invented tenders were scored on price and quality. The tenderer ranked first "
        "offered the lowest whole-life cost, an invented £4.2m over five years, and scored 78 "
        "out of 100 for quality.",
        "The tenderers' prices are commercially sensitive until the contract is signed, which "
        "is why this demonstration item is exempt.",
    ),
    "contact_officer": "Geoff Hughes",
    "appendices": [],
}
DEMONSTRATION_EXEMPT_PURPOSE = (
    "To decide the award of the highways maintenance contract (a demonstration of an exempt item)."
)


def load() -> dict:
    """Loads the Partnership, its Cabinet and Cabinet's meetings; returns the records users need."""
    area = upsert(
        Area,
        {"name": "Herefordshire", "kind": Area.Kind.COUNTY, "parent": None},
        nation=Nation.ENGLAND,
    )
    partnership = upsert(
        Partnership,
        {"slug": "herefordshire"},
        name="Herefordshire Partnership",
        kind=Partnership.Kind.LOCAL_STRATEGIC,
        nation=Nation.ENGLAND,
        area=area,
        # Cabinet's minutes are numbered from May: 86 to 93 in February 2011.
        municipal_year_start_month=5,
    )
    organisations = upsert_partners(partnership, area, ORGANISATIONS)
    council = organisations[COUNCIL]

    boards = _load_boards(partnership, organisations)
    cabinet = boards["cabinet"]
    councillors = {
        name: _councillor(name, council)
        for name in [name for name, _, _ in CABINET] + IN_ATTENDANCE_17_FEBRUARY
    }
    officers = {
        name: upsert(
            Person,
            {"name": name, "organisation": council},
            job_title=job_title,
            capacity=Person.Capacity.OFFICER,
            phone=phone,
            email=email,
        )
        for name, job_title, phone, email in OFFICERS
    }
    for name, role, office in CABINET:
        upsert(
            BoardMembership,
            {"board": cabinet, "person": councillors[name], "role": role},
            office=office,
            organisation=council,
            started_on=CABINET_FROM,
        )
    clerk = officers["Sally Cole"]
    upsert(
        BoardMembership,
        {"board": cabinet, "person": clerk, "role": BoardMembership.Role.CLERK},
        office="Committee Manager Executive",
        organisation=council,
        started_on=CABINET_FROM,
    )

    march = _load_17_march_2011(cabinet, clerk, officers)
    _load_17_february_2011(cabinet, clerk, councillors, march)
    _load_action_from_minute_93(partnership, cabinet, officers["Julie Gethin"])
    return {
        "partnership": partnership,
        "council": council,
        "chair": councillors["RJ Phillips"],
        "clerk": clerk,
        "scrutiny_committee": boards["overview-and-scrutiny-committee"],
    }


def _councillor(name: str, council: Organisation) -> Person:
    return upsert(
        Person,
        {"name": name, "organisation": council},
        honorific_prefix="Councillor",
        capacity=Person.Capacity.ELECTED_MEMBER,
    )


def _load_boards(partnership: Partnership, organisations: dict[str, Organisation]) -> dict:
    # The pack shows Cabinet meeting on 20 January, 17 February and 17 March 2011.
    cabinet = upsert_board(
        partnership, "Cabinet", kind=Board.Kind.CABINET, cadence=Board.Cadence.MONTHLY
    )
    # Minutes 90 and 91 have it taking views on Cabinet's proposals and investigating targets.
    scrutiny = upsert_board(
        partnership, "Overview and Scrutiny Committee", kind=Board.Kind.SCRUTINY_COMMITTEE
    )
    set_related(scrutiny, "scrutinises", [cabinet])
    shadow = upsert_board(
        partnership,
        "Shadow Health and Wellbeing Board",
        kind=Board.Kind.HEALTH_AND_WELLBEING_BOARD,
        status=Board.Status.SHADOW,
        terms_of_reference="The powers and duties of the Shadow Board shall be:\n\n"
        + "\n".join(SHADOW_BOARD_POWERS),
    )
    for role, office, organisation in SHADOW_BOARD_SEATS:
        upsert(
            BoardMembership,
            {
                "board": shadow,
                "person": None,
                "office": office,
                "organisation": organisations[organisation] if organisation else None,
                "role": role,
            },
        )
    # Consulted on the engagement framework and the locality strategy.
    upsert_board(partnership, "Herefordshire Partnership Board", kind=Board.Kind.PARTNERSHIP_BOARD)
    return {record.slug: record for record in (cabinet, scrutiny, shadow)}


def _load_17_march_2011(cabinet: Board, clerk: Person, officers: dict[str, Person]) -> Meeting:
    meeting = upsert(
        Meeting,
        {"board": cabinet, "starts_at": datetime.datetime(2011, 3, 17, 14, 0, tzinfo=LONDON)},
        venue=VENUE,
        status=Meeting.Status.HELD,
        contact=clerk,
        # Five clear working days before the meeting, as the public's rights page requires.
        agenda_published_at=datetime.datetime(2011, 3, 9, 10, 0, tzinfo=LONDON),
    )
    for position, (kind, title, purpose, report_text) in enumerate(AGENDA_17_MARCH_2011, start=1):
        report = _report(cabinet, report_text, officers) if report_text else None
        upsert(
            AgendaItem,
            {"meeting": meeting, "position": position},
            kind=kind,
            title=title,
            purpose=purpose,
            report=report,
        )
    exempt_report = _report(
        cabinet, DEMONSTRATION_EXEMPT_REPORT, officers, Report.Classification.EXEMPT
    )
    upsert(
        AgendaItem,
        {"meeting": meeting, "position": len(AGENDA_17_MARCH_2011) + 1},
        kind=AgendaItem.Kind.REPORT,
        title=DEMONSTRATION_EXEMPT_REPORT["title"],
        purpose=DEMONSTRATION_EXEMPT_PURPOSE,
        report=exempt_report,
        is_exempt=True,
        exempt_paragraph=DEMONSTRATION_EXEMPT_PARAGRAPH,
    )
    return meeting


def _report(
    cabinet: Board,
    text: dict,
    officers: dict[str, Person],
    classification: str = Report.Classification.OPEN,
) -> Report:
    fields = {
        name: value
        for name, value in text.items()
        if name not in {"title", "contact_officer", "appendices"}
    }
    report = upsert(
        Report,
        {"board": cabinet, "title": text["title"]},
        classification=classification,
        wards_affected="County-wide",
        is_key_decision=False,
        contact_officer=officers[text["contact_officer"]],
        **fields,
    )
    for label, title, body in text["appendices"]:
        upsert(Appendix, {"report": report, "label": label}, title=title, body=body)
    return report


def _load_action_from_minute_93(partnership: Partnership, cabinet: Board, lead: Person) -> None:
    """Resolution 93(e) as a development action, so that its trail can be followed to progress.

    The seed records no action or progress; both are illustrative, and say so.
    """
    resolution = Resolution.objects.get(
        minute__meeting__board=cabinet, minute__number=93, label="(e)"
    )
    action = upsert(
        DevelopmentAction,
        {"partnership": partnership, "framework": None, "reference": "CAB 93(e)"},
        activity="Report further on delegations and other constitutional requirements for a "
        "formal Health and Wellbeing Board once the Health and Social Care Bill is enacted.",
        lead_person=lead,
        deadline_wording="Once the Bill is enacted",
        status=DevelopmentAction.Status.IN_PROGRESS,
    )
    if resolution.development_action_id != action.pk:
        resolution.development_action = action
        resolution.save()
    upsert(
        ActionUpdate,
        {"action": action, "written_on": datetime.date(2011, 6, 1)},
        author=lead,
        text="Illustrative update (the seed records no progress): draft delegations prepared "
        "for the Shadow Board's first meeting; the formal report waits for the Bill's "
        "implementation date.",
        status=DevelopmentAction.Status.IN_PROGRESS,
    )


def _load_17_february_2011(
    cabinet: Board, clerk: Person, councillors: dict[str, Person], march: Meeting
) -> None:
    meeting = upsert(
        Meeting,
        {"board": cabinet, "starts_at": datetime.datetime(2011, 2, 17, 14, 0, tzinfo=LONDON)},
        ends_at=datetime.datetime(2011, 2, 17, 15, 30, tzinfo=LONDON),
        venue=VENUE,
        status=Meeting.Status.HELD,
        contact=clerk,
        # The February agenda is not in the seed; it is taken to have gone out five clear
        # working days before, as the March one did.
        agenda_published_at=datetime.datetime(2011, 2, 9, 10, 0, tzinfo=LONDON),
        minutes_status=Meeting.MinutesStatus.PUBLISHED,
        minutes_approved_at_meeting=march,
        # Approved and signed at the meeting of 17 March 2011 and published that afternoon.
        minutes_published_at=datetime.datetime(2011, 3, 17, 17, 0, tzinfo=LONDON),
    )
    attendance = [(councillors["RJ Phillips"], Attendance.Status.PRESENT, "Chairman")]
    attendance += [
        (councillors[name], Attendance.Status.PRESENT, "")
        for name, _, _ in CABINET
        if name not in {"RJ Phillips", "JA Hyde"}
    ]
    attendance.append(
        (councillors["JA Hyde"], Attendance.Status.APOLOGIES, "Cabinet Member Children's Services")
    )
    attendance += [
        (councillors[name], Attendance.Status.IN_ATTENDANCE, "")
        for name in IN_ATTENDANCE_17_FEBRUARY
    ]
    for person, status, capacity in attendance:
        upsert(Attendance, {"meeting": meeting, "person": person}, status=status, capacity=capacity)
    for text in MINUTES_17_FEBRUARY_2011:
        minute = upsert(
            Minute,
            {"meeting": meeting, "number": text.number},
            title=text.title,
            body=text.body,
            resolution_preamble=text.resolution_preamble,
        )
        for position, (label, resolution) in enumerate(text.resolutions, start=1):
            upsert(
                Resolution,
                {"minute": minute, "position": position},
                label=label,
                text=resolution,
            )
