"""A large made-up estate of partnerships, for load tests and benchmarks: the one generator.

`python manage.py scale_data` builds it whole; the benchmarks build the parts they need with the
same builders (`Estate`, `Estate.add_actions`, `framework_build`, the text of `sentence` and
`paragraphs`). Every row is written with bulk_create in batches, without audit history (the
estate is generated, not edited), with the times of creation it would have had.

What it makes is plausible rather than real: places, bodies and people with made-up names;
boards in a tree under each partnership board, with remits and seats (some ended, a few
vacant); frameworks whose indicators have monthly, quarterly or annual readings over years, with
annual targets; development actions with deadlines either side of today (so some overdue, some
coming), statuses and progress updates; and meetings of every board over years by its cadence,
each with an agenda, reports, attendance and, once held, minutes with resolutions, published
after approval at the next meeting, a few meetings cancelled, and the next ones to come.
"""

from __future__ import annotations

import datetime
import random
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import models
from django.utils import timezone
from django.utils.text import slugify

from core.portability import timestamps_kept
from governance.models import Board, BoardMembership, RemitClause
from meetings.models import AgendaItem, Attendance, Declaration, Meeting, Minute, Report, Resolution
from outcomes.models import (
    ActionUpdate,
    AreaForImprovement,
    DevelopmentAction,
    Indicator,
    Outcome,
    OutcomeFramework,
    Reading,
    ReminderPolicy,
    Target,
)
from partnership.models import (
    Area,
    Merger,
    Nation,
    Organisation,
    PartnerMembership,
    Partnership,
    Person,
    Theme,
)

BATCH = 5000

# Words for the text of reports, minutes and actions (and the agenda pack benchmark's reports).
VOCABULARY = (
    "council partnership board service delivery budget resident community outcome "
    "indicator health social care housing highways transport school pupil attainment "
    "safeguarding contract procurement provider capital revenue forecast variance reserve "
    "saving risk mitigation consultation stakeholder officer member cabinet scrutiny ward "
    "district county strategy framework priority target performance quarter annual review "
    "report recommend approve note agree delegate authority statutory duty guidance policy "
    "assessment equality impact environment climate carbon energy waste recycling library "
    "leisure park planning development growth employment skills business economy "
    "investment grant funding"
)
WORDS = VOCABULARY.split()


def _names(text: str) -> list[str]:
    return text.split()


_PREFIXES = _names(
    "Ash Bram Cal Elm Fern Hart Kings Lang Mill Nor Oak Queens Ros Stan Thorn Up Wil Yar "
    "Brack Cold Fal Hol Mor Red Sal Whit Wood Church Brad Chester"
)
_SUFFIXES = _names("ford ton bury field ley wick stow by mouth dale minster hope")
_SCOTTISH = _names("Dun Glen Kil Inver Strath Auch")
_WELSH = _names("Llan Pen Aber Caer")
FIRST_NAMES = _names(
    "Aisha Alan Alice Amir Angela Ben Bethan Carol Catrin Chris Claire Colin Daniel David "
    "Deborah Eilidh Emma Fiona Gareth Grace Hamish Helen Ian Imran Isla James Jane Janet John "
    "Karen Kevin Laura Lewis Liam Linda Mairi Mark Mary Michael Mohammed Naomi Neil Nia Owen "
    "Patricia Paul Priya Rachel Rhys Robert Ruth Sarah Sean Simon Sophie Stephen Susan Tom "
    "Wendy Yusuf Zara"
)
SURNAMES = _names(
    "Ahmed Anderson Baker Bell Brown Campbell Clarke Davies Edwards Evans Fraser Green Griffiths "
    "Hall Harris Hughes Hussain Jackson James Johnson Jones Khan King Lewis MacDonald Martin "
    "Mitchell Morgan Morris Murray Patel Phillips Price Reid Roberts Robertson Robinson Scott "
    "Shah Smith Stewart Taylor Thomas Thompson Walker Watson White Williams Wilson Wood Wright "
    "Young"
)
REPORT_TOPICS = [
    "Quarterly performance report",
    "Budget monitoring",
    "Joint strategic needs assessment",
    "Community safety plan",
    "Health and wellbeing strategy refresh",
    "Children's services improvement plan",
    "Housing and homelessness update",
    "Economic recovery plan",
    "Climate emergency action plan",
    "Adult social care winter plan",
    "Locality plans progress",
    "Risk register review",
    "Consultation findings: community engagement",
    "Capital programme",
    "Workforce development",
    "Digital inclusion programme",
]
ACTIVITIES = [
    "Agree a shared data set for {topic} and report it quarterly",
    "Align partners' {topic} plans with the outcome framework",
    "Commission a review of {topic} across the localities",
    "Publish a joint {topic} strategy after consultation",
    "Set up a task group to improve {topic}",
    "Report progress on {topic} to the board each quarter",
    "Pool budgets for {topic} where partners agree",
]
THEMES = [
    ("Economy and skills", False),
    ("Health and wellbeing", False),
    ("Safer communities", False),
    ("Children and young people", False),
    ("Older people", False),
    ("Environment and climate", False),
    ("Obesity", True),
    ("Safeguarding", True),
]
PARTNERSHIP_TITLES = {
    Partnership.Kind.COMMUNITY_PLANNING: "Community Planning Partnership",
    Partnership.Kind.PUBLIC_SERVICES_BOARD: "Public Services Board",
    Partnership.Kind.LOCAL_STRATEGIC: "Local Strategic Partnership",
    Partnership.Kind.OTHER: "Partnership",
}
CADENCE_DAYS = {
    Board.Cadence.MONTHLY: 30,
    Board.Cadence.SIX_WEEKLY: 42,
    Board.Cadence.BIMONTHLY: 61,
    Board.Cadence.QUARTERLY: 91,
    Board.Cadence.TWICE_YEARLY: 182,
}
ACTION_STATUSES = [
    (DevelopmentAction.Status.NOT_STARTED, 20),
    (DevelopmentAction.Status.IN_PROGRESS, 35),
    (DevelopmentAction.Status.ONGOING, 10),
    (DevelopmentAction.Status.DONE, 30),
    (DevelopmentAction.Status.DROPPED, 5),
]
# How often an indicator is measured, and how often each frequency is chosen.
FREQUENCIES = [
    (Indicator.Frequency.MONTHLY, 3),
    (Indicator.Frequency.QUARTERLY, 5),
    (Indicator.Frequency.ANNUAL, 2),
]
READINGS_FROM = datetime.date(2010, 4, 1)


def sentence(rng: random.Random, low: int = 12, high: int = 28) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high))).capitalize() + "."


def paragraphs(rng: random.Random, count: int) -> str:
    """HTML paragraphs of made-up council prose, a list now and then."""
    parts = []
    for number in range(count):
        parts.append("<p>" + " ".join(sentence(rng) for _ in range(rng.randint(3, 6))) + "</p>")
        if number % 7 == 3:
            items = "".join(f"<li>{sentence(rng)}</li>" for _ in range(rng.randint(3, 6)))
            parts.append(f"<ul>{items}</ul>")
    return "".join(parts)


def spread(total: int, parts: int) -> list[int]:
    """`total` shared out over `parts` as evenly as whole numbers allow."""
    if parts <= 0:
        return []
    share, rest = divmod(total, parts)
    return [share + (index < rest) for index in range(parts)]


def _aware(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _bulk(model: type[models.Model], rows: Iterable[models.Model]) -> list[models.Model]:
    return model.objects.bulk_create(list(rows), batch_size=BATCH)


def _month_after(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    return datetime.date(day.year + month // 12, month % 12 + 1, 1)


def _periods(frequency: str, start: datetime.date, until: datetime.date) -> list[tuple]:
    """The reporting periods of an indicator from `start` that have ended by `until`."""
    months = {"monthly": 1, "quarterly": 3, "annual": 12}[frequency]
    periods, begin = [], start
    while True:
        after = _month_after(begin, months)
        end = after - datetime.timedelta(days=1)
        if end > until:
            return periods
        periods.append((begin, end))
        begin = after


@dataclass
class Sizes:
    """How large an estate to build; the defaults are a national deployment's."""

    partnerships: int = 50
    boards: int = 1000
    meetings: int = 100_000
    actions: int = 200_000
    readings: int = 1_000_000

    def problems(self) -> list[str]:
        found = [f"--{name} cannot be negative" for name, v in vars(self).items() if v < 0]
        if self.partnerships < 1:
            found.append("--partnerships must be at least 1")
        if self.boards < self.partnerships:
            found.append("--boards must be at least one per partnership")
        return found


@dataclass
class _Place:
    """One partnership's records that the later steps draw on."""

    partnership: Partnership
    area: Area
    wards: list[Area] = field(default_factory=list)
    organisations: list[Organisation] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    themes: list[Theme] = field(default_factory=list)
    boards: list[Board] = field(default_factory=list)
    members: dict[int, list[int]] = field(default_factory=dict)
    clauses: list[int] = field(default_factory=list)
    framework: OutcomeFramework | None = None
    improvements: list[int] = field(default_factory=list)
    actions: list[int] = field(default_factory=list)


class Estate:
    """Builds the estate step by step; `progress` is told of each step and how long it took."""

    def __init__(
        self,
        sizes: Sizes,
        *,
        seed: int = 2014,
        people_per_board: int = 6,
        progress: Callable[[str], None] = lambda line: None,
    ) -> None:
        self.sizes = sizes
        self.rng = random.Random(seed)
        self.today = timezone.localdate()
        self.people_per_board = people_per_board
        self.progress = progress
        self.places: list[_Place] = []
        self.actions_made = 0
        self.started = time.perf_counter()

    def _told(self, text: str) -> None:
        self.progress(f"[{time.perf_counter() - self.started:7.1f} s] {text}")

    def build(self) -> None:
        """Every step, in the order the records name each other."""
        self.build_partnerships()
        self.build_boards()
        self.build_frameworks()
        self.add_actions(self.sizes.actions)
        self.build_meetings()

    # Partnerships, places, partners, people and themes -------------------------------------

    def build_partnerships(self) -> None:
        rng, count = self.rng, self.sizes.partnerships
        names = self._place_names(count)
        areas = _bulk(
            Area,
            (
                Area(name=name, kind=Area.Kind.COUNCIL_AREA, nation=nation, code=f"E0{n:07d}")
                for n, (name, nation) in enumerate(names)
            ),
        )
        localities = _bulk(
            Area,
            (
                Area(
                    name=f"{area.name} {side}",
                    kind=Area.Kind.LOCALITY,
                    nation=area.nation,
                    parent=area,
                )
                for area in areas
                for side in ("North", "South", "East", "West")
            ),
        )
        wards = _bulk(
            Area,
            (
                Area(
                    name=f"{locality.name} {ward}",
                    kind=Area.Kind.WARD,
                    nation=locality.nation,
                    parent=locality,
                )
                for locality in localities
                for ward in ("Central", "Park", "Riverside")
            ),
        )
        kinds = {
            Nation.SCOTLAND: Partnership.Kind.COMMUNITY_PLANNING,
            Nation.WALES: Partnership.Kind.PUBLIC_SERVICES_BOARD,
            Nation.NORTHERN_IRELAND: Partnership.Kind.OTHER,
        }
        kind_of = {
            area.pk: kinds.get(area.nation, Partnership.Kind.LOCAL_STRATEGIC) for area in areas
        }
        partnerships = _bulk(
            Partnership,
            (
                Partnership(
                    name=f"{area.name} {PARTNERSHIP_TITLES[kind_of[area.pk]]}",
                    slug=slugify(area.name),
                    kind=kind_of[area.pk],
                    nation=area.nation,
                    area=area,
                    description=f"The partners who plan and deliver services in {area.name}.",
                    established_on=datetime.date(rng.randint(2000, 2012), rng.randint(1, 12), 1),
                    municipal_year_start_month=4 if area.nation == Nation.SCOTLAND else 5,
                )
                for area in areas
            ),
        )
        self.places = [
            _Place(partnership=p, area=a) for p, a in zip(partnerships, areas, strict=True)
        ]
        for index, place in enumerate(self.places):
            place.wards = wards[index * 12 : (index + 1) * 12]
        self._organisations()
        self._people()
        for place in self.places:
            place.themes = [
                Theme(
                    partnership=place.partnership,
                    name=name,
                    slug=slugify(name),
                    is_cross_cutting=cross,
                )
                for name, cross in THEMES
            ]
        _bulk(Theme, (theme for place in self.places for theme in place.themes))
        _bulk(ReminderPolicy, (ReminderPolicy(partnership=p.partnership) for p in self.places))
        people = sum(len(place.people) for place in self.places)
        self._told(f"{count:,} partnerships, their places, partners and {people:,} people")

    def _place_names(self, count: int) -> list[tuple[str, str]]:
        """Made-up place names, most English, some Scottish and Welsh, numbered once used up."""
        pools = {
            Nation.ENGLAND: [p + s for p in _PREFIXES for s in _SUFFIXES],
            Nation.SCOTLAND: [p + s for p in _SCOTTISH for s in ("more", "burn", "kirk", "hill")],
            Nation.WALES: [p + s for p in _WELSH for s in ("gwyn", "dare", "maen", "fach")],
        }
        for pool in pools.values():
            self.rng.shuffle(pool)
        used: dict[str, int] = defaultdict(int)
        names = []
        for n in range(count):
            nation = (
                Nation.SCOTLAND if n % 8 == 3 else Nation.WALES if n % 10 == 7 else Nation.ENGLAND
            )
            pool, index = pools[nation], used[nation]
            used[nation] += 1
            round_ = index // len(pool)
            base = pool[index % len(pool)]
            names.append((base if not round_ else f"{base} {round_ + 1}", nation))
        return names

    def _organisations(self) -> None:
        regions = {}
        rows = []
        for index, place in enumerate(self.places):
            name = place.area.name
            region = f"Region {index // 5 + 1}"
            if region not in regions:
                regions[region] = [
                    Organisation(
                        name=f"{name} and District Police",
                        short_name="Police",
                        kind=Organisation.Kind.POLICE,
                    ),
                    Organisation(
                        name=f"{name} and District Fire and Rescue Service",
                        short_name="Fire",
                        kind=Organisation.Kind.FIRE,
                    ),
                ]
                rows += regions[region]
            local = [
                Organisation(
                    name=f"{name} Council",
                    short_name="Council",
                    kind=Organisation.Kind.COUNCIL,
                    area=place.area,
                    website=f"https://www.{slugify(name)}.gov.uk",
                ),
                Organisation(
                    name=f"NHS {name}",
                    short_name="NHS",
                    kind=Organisation.Kind.NHS_BOARD
                    if place.area.nation == Nation.SCOTLAND
                    else Organisation.Kind.NHS_TRUST,
                    area=place.area,
                ),
                Organisation(
                    name=f"{name} Voluntary Action",
                    short_name="CVS",
                    kind=Organisation.Kind.THIRD_SECTOR,
                    area=place.area,
                ),
                Organisation(
                    name=f"{name} Chamber of Commerce",
                    short_name="Chamber",
                    kind=Organisation.Kind.BUSINESS,
                    area=place.area,
                ),
                Organisation(
                    name=f"{name} College",
                    short_name="College",
                    kind=Organisation.Kind.EDUCATION,
                    area=place.area,
                ),
            ]
            if index % 10 == 0:  # bodies since merged into the NHS one
                local += [
                    Organisation(
                        name=f"{name} {side} Primary Care Trust",
                        kind=Organisation.Kind.PRIMARY_CARE_TRUST,
                        area=place.area,
                        dissolved_on=datetime.date(2013, 3, 31),
                    )
                    for side in ("North", "South")
                ]
            rows += local
            place.organisations = local[:5] + regions[region]
        _bulk(Organisation, rows)
        memberships, mergers = [], []
        for place in self.places:
            joined = place.partnership.established_on
            memberships += [
                PartnerMembership(partnership=place.partnership, organisation=o, joined_on=joined)
                for o in place.organisations
            ]
        _bulk(PartnerMembership, memberships)
        merged = [o for o in rows if o.kind == Organisation.Kind.PRIMARY_CARE_TRUST]
        for north, south in zip(merged[::2], merged[1::2], strict=True):
            successor = next(o for o in rows if o.name == "NHS " + north.name.split(" North")[0])
            mergers.append(
                (
                    Merger(
                        successor=successor,
                        effective_on=datetime.date(2013, 4, 1),
                        description="Primary care trusts merged.",
                    ),
                    [north, south],
                )
            )
        for merger, _ in mergers:
            merger.save()
        Merger.predecessors.through.objects.bulk_create(
            Merger.predecessors.through(merger_id=merger.pk, organisation_id=o.pk)
            for merger, predecessors in mergers
            for o in predecessors
        )

    def _people(self) -> None:
        rng = self.rng
        boards = spread(self.sizes.boards, len(self.places))
        rows = []
        for place, board_count in zip(self.places, boards, strict=True):
            domain = slugify(place.area.name)
            for n in range(max(20, board_count * self.people_per_board)):
                first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
                roll = rng.random()
                organisation = rng.choice(place.organisations)
                if roll < 0.25:
                    capacity, prefix = Person.Capacity.ELECTED_MEMBER, "Councillor"
                    organisation = place.organisations[0]
                elif roll < 0.35:
                    capacity, prefix = Person.Capacity.NON_EXECUTIVE, ""
                else:
                    capacity, prefix = Person.Capacity.OFFICER, ""
                person = Person(
                    honorific_prefix=prefix,
                    name=f"{first} {last}",
                    job_title=""
                    if prefix
                    else rng.choice(
                        [
                            "Director of Public Health",
                            "Head of Policy",
                            "Chief Executive",
                            "Partnership Manager",
                            "Service Manager",
                            "Chief Inspector",
                            "Head of Community Safety",
                            "Performance Officer",
                        ]
                    ),
                    organisation=organisation,
                    capacity=capacity,
                    email=f"{first}.{last}{n}@{domain}.example.org".lower(),
                )
                place.people.append(person)
                rows.append(person)
        _bulk(Person, rows)

    # Boards, remits and seats -------------------------------------------------------------

    def build_boards(self) -> None:
        rng = self.rng
        counts = spread(self.sizes.boards, len(self.places))
        levels: dict[int, int] = {}
        for place, count in zip(self.places, counts, strict=True):
            place.boards = self._board_plan(place, count, levels)
        # Each level of the tree is written before the boards that report to it.
        for level in range(max(levels.values(), default=0) + 1):
            _bulk(
                Board,
                (b for place in self.places for b in place.boards if levels[id(b)] == level),
            )
        through = Board.scrutinises.through
        through.objects.bulk_create(
            through(from_board_id=place.boards[2].pk, to_board_id=other.pk)
            for place in self.places
            if len(place.boards) > 2
            for other in place.boards[:2]
        )
        clauses = []
        for place in self.places:
            for board in place.boards:
                for number in range(1, rng.randint(3, 6) + 1):
                    clauses.append(
                        RemitClause(
                            board=board,
                            number=number,
                            heading=sentence(rng, 3, 6)[:-1],
                            text=sentence(rng),
                        )
                    )
        _bulk(RemitClause, clauses)
        by_partnership = defaultdict(list)
        for clause in clauses:
            by_partnership[clause.board.partnership_id].append(clause.pk)
        for place in self.places:
            place.clauses = by_partnership[place.partnership.pk]
        self._seats()
        self._told(f"{self.sizes.boards:,} boards with remits and seats")

    def _board_plan(self, place: _Place, count: int, levels: dict[int, int]) -> list[Board]:
        """The partnership board, its chief officers' group and scrutiny committee, a group per
        theme under the officers, and delivery boards and task groups under the groups."""
        rng, name = self.rng, place.area.name
        themes = [t for t in place.themes if not t.is_cross_cutting]
        plans: list[tuple[str, str, int | None, Theme | None]] = [
            (f"{name} Partnership Board", Board.Kind.PARTNERSHIP_BOARD, None, None),
            ("Chief Officers' Group", Board.Kind.CHIEF_OFFICERS_GROUP, 0, None),
            ("Overview and Scrutiny Committee", Board.Kind.SCRUTINY_COMMITTEE, None, None),
        ]
        plans += [(f"{t.name} Group", Board.Kind.THEMATIC_GROUP, 1, t) for t in themes]
        number = 0
        while len(plans) < count:
            number += 1
            theme = themes[number % len(themes)]
            label = "Delivery Board" if number % 3 else "Task Group"
            kind = Board.Kind.DELIVERY_BOARD if number % 3 else Board.Kind.TASK_GROUP
            plans.append((f"{theme.name} {label} {number}", kind, 3 + number % len(themes), theme))
        boards: list[Board] = []
        for title, kind, parent, theme in plans[:count]:
            established = place.partnership.established_on + datetime.timedelta(rng.randint(0, 900))
            roll = rng.random()
            status, dissolved = Board.Status.ACTIVE, None
            if len(boards) > 2 and roll < 0.05:
                status = Board.Status.DISSOLVED
                dissolved = max(
                    self.today - datetime.timedelta(rng.randint(30, 1500)),
                    established + datetime.timedelta(days=1),
                )
            elif len(boards) > 2 and roll < 0.10:
                status = Board.Status.SHADOW
            board = Board(
                partnership=place.partnership,
                name=title,
                slug=slugify(title)[:80],
                kind=kind,
                status=status,
                reports_to=boards[parent] if parent is not None else None,
                cadence=rng.choice(list(CADENCE_DAYS)) if theme else Board.Cadence.QUARTERLY,
                quorum=rng.randint(3, 6),
                terms_of_reference=paragraphs(rng, 1),
                established_on=established,
                dissolved_on=dissolved,
                theme=theme,
            )
            levels[id(board)] = 0 if parent is None else levels[id(boards[parent])] + 1
            boards.append(board)
        return boards

    def _seats(self) -> None:
        rng = self.rng
        seats = []
        roles = ["chair", "vice_chair", "clerk", "lead_officer"] + ["member"] * 8
        for place in self.places:
            for board in place.boards:
                size = rng.randint(7, 12)
                chosen = rng.sample(place.people, min(size * 2, len(place.people)))
                holders, before = chosen[:size], chosen[size:]
                place.members[board.pk] = [p.pk for p in holders]
                start = board.established_on
                for role, person in zip(roles, holders, strict=False):
                    if before and rng.random() < 0.2:  # someone else held the seat before
                        seats.append(
                            BoardMembership(
                                board=board,
                                person=before.pop(),
                                organisation=person.organisation,
                                role=role,
                                started_on=start,
                                ended_on=start + datetime.timedelta(730),
                            )
                        )
                        began = start + datetime.timedelta(731)
                    else:
                        began = start
                    vacant = role == "member" and rng.random() < 0.05
                    seats.append(
                        BoardMembership(
                            board=board,
                            person=None if vacant else person,
                            organisation=person.organisation,
                            role=role,
                            started_on=began,
                            office="Elected member" if vacant else "",
                        )
                    )
        _bulk(BoardMembership, seats)

    # Frameworks, indicators, readings -----------------------------------------------------

    def build_frameworks(self) -> None:
        budgets = spread(self.sizes.readings, len(self.places))
        for place, budget in zip(self.places, budgets, strict=True):
            place.framework = framework_build(
                place.partnership,
                number=1,
                readings=budget,
                themes=place.themes,
                boards=place.boards,
                organisations=place.organisations,
                rng=self.rng,
                today=self.today,
            )
            place.improvements = list(
                AreaForImprovement.objects.bulk_create(
                    AreaForImprovement(framework=place.framework, number=n, text=sentence(self.rng))
                    for n in range(1, 6)
                )
            )
        self._told(f"{self.sizes.readings:,} indicator readings in {len(self.places)} frameworks")

    # Development actions ------------------------------------------------------------------

    def add_actions(self, count: int) -> None:
        """`count` more development actions spread over the partnerships, with updates."""
        with timestamps_kept([DevelopmentAction, ActionUpdate]):
            self._add_actions(count)

    def _add_actions(self, count: int) -> None:
        rng, today = self.rng, self.today
        statuses, weights = zip(*ACTION_STATUSES, strict=True)
        shares = spread(count, len(self.places))
        actions: list[DevelopmentAction] = []
        written = 0

        def flush() -> None:
            nonlocal written
            made = _bulk(DevelopmentAction, actions)
            updates = []
            for action in made:
                for n in range(rng.choice((0, 0, 1, 1, 1, 2, 3))):
                    day = min(today, action.created_at.date() + datetime.timedelta(60 * (n + 1)))
                    updates.append(
                        ActionUpdate(
                            action=action,
                            written_on=day,
                            author_id=action.lead_person_id or action._author,
                            text=sentence(rng),
                            status=action.status,
                            created_at=_aware(day),
                            modified_at=_aware(day),
                        )
                    )
            _bulk(ActionUpdate, updates)
            written += len(made)
            actions.clear()

        for place, share in zip(self.places, shares, strict=True):
            people = [p.pk for p in place.people]
            for _ in range(share):
                self.actions_made += 1
                deadline = today + datetime.timedelta(rng.randint(-1100, 540))
                recorded = min(deadline, today) - datetime.timedelta(rng.randint(30, 700))
                status = rng.choices(statuses, weights)[0]
                if deadline > today and status == DevelopmentAction.Status.DONE:
                    status = DevelopmentAction.Status.IN_PROGRESS
                lead = rng.random()
                topic = rng.choice(THEMES)[0].lower()
                action = DevelopmentAction(
                    partnership=place.partnership,
                    framework=place.framework,
                    area_for_improvement=rng.choice(place.improvements)
                    if place.improvements
                    else None,
                    remit_clause_id=rng.choice(place.clauses)
                    if place.clauses and lead < 0.5
                    else None,
                    reference=f"{self.actions_made // 1000 + 1}.{self.actions_made % 1000}",
                    activity=rng.choice(ACTIVITIES).format(topic=topic),
                    lead_person_id=rng.choice(people) if lead < 0.6 else None,
                    lead_organisation=rng.choice(place.organisations)
                    if 0.6 <= lead < 0.8
                    else None,
                    lead_board=rng.choice(place.boards) if lead >= 0.8 else None,
                    deadline=None if status == DevelopmentAction.Status.ONGOING else deadline,
                    deadline_wording="On-going"
                    if status == DevelopmentAction.Status.ONGOING
                    else f"Before {deadline:%B %Y}",
                    status=status,
                    created_at=_aware(recorded),
                    modified_at=_aware(recorded),
                )
                action._author = rng.choice(people)
                actions.append(action)
                place.actions.append(action)
                if len(actions) >= BATCH:
                    flush()
        flush()
        for place in self.places:
            place.actions = [a.pk if isinstance(a, DevelopmentAction) else a for a in place.actions]
        self._told(f"{written:,} development actions with their updates")

    # Meetings -----------------------------------------------------------------------------

    def build_meetings(self) -> None:
        with timestamps_kept(
            [Meeting, Report, AgendaItem, Attendance, Declaration, Minute, Resolution]
        ):
            self._build_meetings()

    def _build_meetings(self) -> None:
        boards = [(place, board) for place in self.places for board in place.boards]
        counts = spread(self.sizes.meetings, len(boards))
        schedules = [
            self._schedule(board, count) for (_, board), count in zip(boards, counts, strict=True)
        ]
        numbers: dict[tuple[int, int], int] = defaultdict(int)
        linked = {id(place): set() for place in self.places}
        made = 0
        # From the newest meeting back, so that each meeting's minutes can name the next
        # meeting held, which approved them, as it is written.
        waves = max(counts, default=0)
        newer: dict[int, Meeting] = {}
        for wave in range(waves):
            batch = []
            for (place, board), schedule in zip(boards, schedules, strict=True):
                if wave < len(schedule):
                    when, status = schedule[-1 - wave]
                    batch.append(self._meeting(place, board, when, status, newer.get(board.pk)))
            _bulk(Meeting, (meeting for meeting, _ in batch))
            for meeting, _ in batch:
                if meeting.status == Meeting.Status.HELD:
                    newer[meeting.board_id] = meeting
            self._contents(batch, numbers, linked)
            made += len(batch)
            if wave % 10 == 9 or wave == waves - 1:
                self._told(f"meetings: {made:,} of {self.sizes.meetings:,}")

    def _schedule(self, board: Board, count: int) -> list[tuple[datetime.date, str]]:
        """When the board's meetings are, oldest first, and what became of each."""
        rng = self.rng
        interval = CADENCE_DAYS.get(board.cadence, 61)
        # Long runs of meetings are squeezed into twelve years or so.
        interval = max(14, min(interval, 4400 // max(count, 1)))
        end = board.dissolved_on or self.today + datetime.timedelta(interval * 2)
        schedule = []
        for n in range(count):
            day = end - datetime.timedelta(interval * (count - 1 - n) + rng.randint(0, 6))
            if day >= self.today:
                status = Meeting.Status.SCHEDULED
            else:
                roll = rng.random()
                status = (
                    Meeting.Status.CANCELLED
                    if roll < 0.03
                    else Meeting.Status.POSTPONED
                    if roll < 0.05
                    else Meeting.Status.HELD
                )
            schedule.append((day, status))
        return schedule

    def _meeting(
        self, place: _Place, board: Board, day: datetime.date, status: str, newer: Meeting | None
    ) -> tuple[Meeting, _Place]:
        rng = self.rng
        starts = _aware(day, rng.choice((10, 14, 18)))
        held = status == Meeting.Status.HELD
        approved_at = newer if held else None
        if approved_at and (self.today - day).days > 60:
            minutes = Meeting.MinutesStatus.PUBLISHED
        elif approved_at:
            minutes = Meeting.MinutesStatus.APPROVED
        elif held:
            minutes = Meeting.MinutesStatus.DRAFT
        else:
            minutes = Meeting.MinutesStatus.NONE
        published = min(starts + datetime.timedelta(days=rng.randint(8, 20)), timezone.now())
        agenda = starts - datetime.timedelta(days=8)
        meeting = Meeting(
            board=board,
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=2),
            venue=rng.choice(["Council Chamber", "Committee Room 1", "Town Hall", "Online"]),
            status=status,
            contact_id=place.members[board.pk][0] if place.members.get(board.pk) else None,
            agenda_published_at=agenda if agenda <= timezone.now() else None,
            minutes_status=minutes,
            minutes_approved_at_meeting=approved_at
            if minutes in (Meeting.MinutesStatus.APPROVED, Meeting.MinutesStatus.PUBLISHED)
            else None,
            minutes_published_at=published if minutes == Meeting.MinutesStatus.PUBLISHED else None,
            created_at=min(agenda - datetime.timedelta(days=30), timezone.now()),
            modified_at=min(published, timezone.now()),
        )
        return meeting, place

    def _contents(self, batch, numbers, linked) -> None:
        """Each meeting's agenda, reports, attendance, declarations, minutes, resolutions."""
        rng = self.rng
        reports, items, attendances, declarations = [], [], [], []
        minute_plans = []
        for meeting, place in batch:
            board = meeting.board
            stamp = {"created_at": meeting.created_at, "modified_at": meeting.modified_at}
            standard = [
                (AgendaItem.Kind.APOLOGIES, "Apologies for absence"),
                (AgendaItem.Kind.DECLARATIONS, "Declarations of interest"),
                (AgendaItem.Kind.MINUTES, "Minutes of the last meeting"),
            ]
            position = 0
            meeting_items = []
            for kind, title in standard:
                position += 1
                meeting_items.append(
                    AgendaItem(meeting=meeting, position=position, kind=kind, title=title, **stamp)
                )
            for _ in range(rng.choice((1, 2, 2, 3))):
                position += 1
                exempt = rng.random() < 0.03
                topic = rng.choice(REPORT_TOPICS)
                report = Report(
                    board=board,
                    title=f"{topic} {meeting.starts_at:%B %Y}",
                    report_by=rng.choice(
                        [
                            "Chief Executive",
                            "Director of Public Health",
                            "Head of Policy",
                            "Partnership Manager",
                        ]
                    ),
                    classification=Report.Classification.EXEMPT
                    if exempt
                    else Report.Classification.OPEN,
                    purpose=f"<p>{sentence(rng)}</p>",
                    recommendations=f"<ol><li>{sentence(rng)}</li><li>{sentence(rng)}</li></ol>",
                    key_points_summary=f"<p>{sentence(rng)} {sentence(rng)}</p>",
                    is_key_decision=rng.random() < 0.1,
                    **stamp,
                )
                reports.append(report)
                meeting_items.append(
                    AgendaItem(
                        meeting=meeting,
                        position=position,
                        kind=AgendaItem.Kind.REPORT,
                        title=report.title,
                        purpose=sentence(rng, 8, 14),
                        report=report,
                        is_exempt=exempt,
                        exempt_paragraph="3" if exempt else "",
                        **stamp,
                    )
                )
            items += meeting_items
            if meeting.status != Meeting.Status.HELD:
                continue
            members = place.members.get(board.pk, [])
            present = rng.sample(members, min(len(members), rng.randint(4, 8)))
            for person in present:
                attendances.append(
                    Attendance(
                        meeting=meeting,
                        person_id=person,
                        status=Attendance.Status.APOLOGIES
                        if rng.random() < 0.12
                        else Attendance.Status.PRESENT,
                        **stamp,
                    )
                )
            if present and rng.random() < 0.03:
                declarations.append(
                    Declaration(
                        meeting=meeting,
                        agenda_item=meeting_items[-1],
                        person_id=present[0],
                        kind=Declaration.Kind.PERSONAL,
                        description="Employed by a body named in the report.",
                        **stamp,
                    )
                )
            if meeting.minutes_status != Meeting.MinutesStatus.NONE:
                minute_plans.append((meeting, place, meeting_items))
        _bulk(Report, reports)
        for item in items:
            if item.report is not None:
                item.report_id = item.report.pk
        _bulk(AgendaItem, items)
        _bulk(Attendance, attendances)
        _bulk(Declaration, declarations)
        self._minutes(minute_plans, numbers, linked)

    def _minutes(self, plans, numbers, linked) -> None:
        rng = self.rng
        minutes, resolutions = [], []
        for meeting, place, items in plans:
            partnership = place.partnership
            year = partnership.municipal_year_of(timezone.localdate(meeting.starts_at))
            stamp = {"created_at": meeting.created_at, "modified_at": meeting.modified_at}
            for item in items:
                numbers[meeting.board_id, year] += 1
                minute = Minute(
                    meeting=meeting,
                    board_id=meeting.board_id,
                    municipal_year=year,
                    number=numbers[meeting.board_id, year],
                    agenda_item=item,
                    title=item.title,
                    body=f"<p>{sentence(rng)} {sentence(rng)}</p>"
                    if item.kind == AgendaItem.Kind.REPORT
                    else "",
                    resolution_preamble="That the board:"
                    if item.kind == AgendaItem.Kind.REPORT
                    else "",
                    **stamp,
                )
                minutes.append(minute)
                if item.kind == AgendaItem.Kind.MINUTES:
                    texts = [
                        "That the minutes of the last meeting be approved as a correct record."
                    ]
                elif item.kind == AgendaItem.Kind.REPORT:
                    texts = ["notes the report."] + [
                        f"agrees that {sentence(rng, 6, 12)[0].lower()}{sentence(rng, 6, 12)[1:]}"
                        for _ in range(rng.randint(0, 2))
                    ]
                else:
                    texts = []
                for position, text in enumerate(texts, start=1):
                    resolution = Resolution(
                        minute=minute,
                        position=position,
                        label=f"{'abc'[position - 1]})",
                        text=text,
                        **stamp,
                    )
                    if position > 1 and place.actions and rng.random() < 0.05:
                        action = rng.choice(place.actions)
                        if action not in linked[id(place)]:
                            linked[id(place)].add(action)
                            resolution.development_action_id = action
                    resolutions.append(resolution)
        _bulk(Minute, minutes)
        _bulk(Resolution, resolutions)


def framework_build(
    partnership: Partnership,
    *,
    number: int,
    readings: int,
    rng: random.Random,
    today: datetime.date | None = None,
    indicators: int | None = None,
    frequencies: list[tuple[str, int]] = FREQUENCIES,
    themes: list[Theme] = (),
    boards: list[Board] = (),
    organisations: list[Organisation] = (),
    targets: bool = True,
) -> OutcomeFramework:
    """A framework of the partnership with outcomes and indicators holding `readings` readings
    from 2010 on (indicators added until they do; or `indicators` of them, each with as many
    readings as its periods up to today), with annual targets and a baseline."""
    today = today or timezone.localdate()
    framework = OutcomeFramework.objects.create(
        partnership=partnership,
        name=f"{partnership.name} outcome framework {number}"[:200],
        slug=f"outcomes-{number}",
        kind=OutcomeFramework.Kind.LOCAL_AREA_AGREEMENT,
        status=OutcomeFramework.Status.AGREED,
        starts_on=READINGS_FROM,
        ends_on=datetime.date(2031, 3, 31),
        summary=sentence(rng),
    )
    open_themes = [t for t in themes if not t.is_cross_cutting]
    outcomes = Outcome.objects.bulk_create(
        Outcome(
            framework=framework,
            number=n,
            title=sentence(rng, 5, 9)[:-1],
            theme=open_themes[n % len(open_themes)] if open_themes else None,
        )
        for n in range(1, 9)
    )
    kinds, weights = zip(*frequencies, strict=True)
    planned: list[tuple[Indicator, list[tuple]]] = []
    remaining = readings
    while remaining > 0 if indicators is None else len(planned) < indicators:
        frequency = rng.choices(kinds, weights)[0]
        periods = _periods(frequency, READINGS_FROM, today)
        if indicators is None:
            periods = periods[-remaining:]
            remaining -= len(periods)
        code = f"{number}.{len(planned) + 1}"
        higher = rng.random() < 0.6
        base = Decimal(rng.randint(20, 80))
        planned.append(
            (
                Indicator(
                    outcome=outcomes[len(planned) % len(outcomes)],
                    code=code,
                    name=f"{rng.choice(THEMES)[0]}: {sentence(rng, 4, 8)[:-1]}",
                    unit=rng.choice(["%", "per 1,000 population", "people", "days"]),
                    polarity=Indicator.Polarity.HIGHER_IS_BETTER
                    if higher
                    else Indicator.Polarity.LOWER_IS_BETTER,
                    frequency=frequency,
                    source=rng.choice(
                        ["Local data", "ONS", "NHS Digital", "Police recorded crime"]
                    ),
                    lead_organisation=rng.choice(organisations) if organisations else None,
                    lead_board=rng.choice(boards) if boards and rng.random() < 0.5 else None,
                    baseline_value=base,
                    baseline_date=READINGS_FROM,
                ),
                periods,
            )
        )
    made = Indicator.objects.bulk_create([indicator for indicator, _ in planned], batch_size=BATCH)
    rows: list[models.Model] = []

    def flush(model: type[models.Model]) -> None:
        model.objects.bulk_create(rows, batch_size=BATCH)
        rows.clear()

    for indicator, (_, periods) in zip(made, planned, strict=True):
        value = indicator.baseline_value
        step = Decimal(rng.choice((1, -1))) / 10
        for start, end in periods:
            value = max(Decimal(0), value + step + Decimal(rng.randint(-20, 20)) / 10)
            rows.append(
                Reading(indicator=indicator, period_start=start, period_end=end, value=value)
            )
            if len(rows) >= BATCH:
                flush(Reading)
    flush(Reading)
    if targets:
        for indicator in made:
            better = 1 if indicator.polarity == Indicator.Polarity.HIGHER_IS_BETTER else -1
            for year in range(READINGS_FROM.year, 2031):
                rows.append(
                    Target(
                        indicator=indicator,
                        period_start=datetime.date(year, 4, 1),
                        period_end=datetime.date(year + 1, 3, 31),
                        value=max(
                            Decimal(0),
                            indicator.baseline_value
                            + better * Decimal(year - READINGS_FROM.year) / 2,
                        ),
                    )
                )
                if len(rows) >= BATCH:
                    flush(Target)
        flush(Target)
    return framework
