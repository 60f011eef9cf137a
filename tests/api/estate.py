"""Two partnerships whose every API-visible record carries a marker of who may see it.

A record's marker is PUBLIC-<x> (published and open), EXEMPT-<x> (published, but exempt:
for insiders and scrutineers) or PRIVATE-<x> (unpublished, draft, or officers only), where
<x> names the partnership. Reading what an API answer holds is then finding its markers.
"""

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone
from oauth2_provider.models import AccessToken, Application

from governance.models import (
    Board,
    BoardMembership,
    EngagementActivity,
    JointAppointment,
    JointAppointmentShare,
    RemitClause,
)
from meetings.models import AgendaItem, Meeting, Minute, Report, Resolution
from outcomes.models import (
    ActionUpdate,
    Contribution,
    DevelopmentAction,
    Indicator,
    Outcome,
    OutcomeFramework,
    Project,
    Reading,
    Target,
)
from partnership.models import (
    Organisation,
    PartnerMembership,
    Partnership,
    PartnerSystem,
    Person,
)

PUBLIC, EXEMPT, PRIVATE = "PUBLIC", "EXEMPT", "PRIVATE"
MARKER = re.compile(r"\b(PUBLIC|EXEMPT|PRIVATE)-([AB])\b")


def markers_in(text: str) -> set[str]:
    return {f"{level}-{side}" for level, side in MARKER.findall(text)}


@dataclass
class Side:
    """One partnership's records, for the tests to point at."""

    partnership: Partnership
    organisation: Organisation
    board: Board
    indicator: Indicator
    action: DevelopmentAction
    author: Person
    extras: dict = field(default_factory=dict)


def build_side(x: str, *, number: int = 0) -> Side:
    """A partnership `x` with a record of every kind at every level of access it has."""
    tag = f"{x}{number or ''}"
    now = timezone.now()
    partnership = Partnership.objects.create(
        name=f"Partnership {tag}",
        slug=f"partnership-{tag.lower()}",
        kind="lsp",
        nation="england",
        description=f"PUBLIC-{x}",
    )
    council = Organisation.objects.create(name=f"Council PUBLIC-{x} {tag}", kind="council")
    PartnerMembership.objects.create(partnership=partnership, organisation=council)
    author = Person.objects.create(
        name=f"Officer PUBLIC-{x} {tag}", capacity="officer", organisation=council
    )
    board = Board.objects.create(
        partnership=partnership,
        name=f"Board {tag}",
        slug="board",
        kind="partnership_board",
        terms_of_reference=f"PUBLIC-{x}",
    )
    BoardMembership.objects.create(board=board, person=author, office=f"PUBLIC-{x}")
    clause = RemitClause.objects.create(board=board, number=1, text=f"PUBLIC-{x}")
    appointment = JointAppointment.objects.create(
        partnership=partnership, post_title=f"PRIVATE-{x}", holder=author
    )
    JointAppointmentShare.objects.create(
        appointment=appointment,
        organisation=council,
        cost_share_percent=Decimal("100"),
        accountable_to="Chief Executive",
    )
    EngagementActivity.objects.create(
        partnership=partnership,
        organisation=council,
        topic=f"PUBLIC-{x}",
        audience="Carers",
        starts_on=datetime.date(2014, 1, 6),
        ends_on=datetime.date(2014, 1, 31),
        method="survey",
    )

    framework = OutcomeFramework.objects.create(
        partnership=partnership,
        name=f"Framework {tag}",
        slug="framework",
        kind="laa",
        starts_on=datetime.date(2013, 4, 1),
        ends_on=datetime.date(2016, 3, 31),
        summary=f"PUBLIC-{x}",
    )
    outcome = Outcome.objects.create(framework=framework, number=1, title=f"PUBLIC-{x}")
    indicator = Indicator.objects.create(
        outcome=outcome,
        code="1.1",
        name=f"PUBLIC-{x}",
        unit="%",
        polarity="higher",
        frequency="annual",
    )
    Target.objects.create(
        indicator=indicator,
        period_start=datetime.date(2014, 4, 1),
        period_end=datetime.date(2015, 3, 31),
        value=60,
    )
    Reading.objects.create(
        indicator=indicator,
        period_start=datetime.date(2013, 4, 1),
        period_end=datetime.date(2014, 3, 31),
        value=55,
        note=f"PUBLIC-{x}",
    )
    action = DevelopmentAction.objects.create(
        partnership=partnership,
        framework=framework,
        remit_clause=clause,
        reference="1.1",
        activity=f"PUBLIC-{x}",
        lead_person=author,
    )
    ActionUpdate.objects.create(
        action=action,
        written_on=timezone.localdate(),
        author=author,
        text=f"PUBLIC-{x}",
        status="in_progress",
    )
    project = Project.objects.create(
        partnership=partnership,
        proposing_board=board,
        name=f"Project {tag}",
        slug="project",
        summary=f"PUBLIC-{x}",
        lead_organisation=council,
    )
    Contribution.objects.create(
        partnership=partnership,
        organisation=council,
        project=project,
        financial_year="2014/15",
        kind="cash",
        amount=Decimal("1000.00"),
        description=f"PUBLIC-{x}",
    )

    _meetings(x, board, now)
    return Side(partnership, council, board, indicator, action, author)


def _meetings(x: str, board: Board, now) -> None:
    published = Meeting.objects.create(
        board=board,
        starts_at=now - datetime.timedelta(days=30),
        venue=f"PUBLIC-{x}",
        agenda_published_at=now - datetime.timedelta(days=40),
        status="held",
        minutes_status="published",
        minutes_published_at=now - datetime.timedelta(days=2),
    )
    open_report = Report.objects.create(board=board, title="Open report", purpose=f"PUBLIC-{x}")
    exempt_report = Report.objects.create(
        board=board, title="Tender evaluation", purpose=f"EXEMPT-{x}", classification="exempt"
    )
    open_item = AgendaItem.objects.create(
        meeting=published,
        position=1,
        title="Open item",
        purpose=f"PUBLIC-{x}",
        report=open_report,
    )
    exempt_item = AgendaItem.objects.create(
        meeting=published,
        position=2,
        title="Contract award",
        purpose=f"EXEMPT-{x}",
        report=exempt_report,
        is_exempt=True,
        exempt_paragraph="3",
    )
    open_minute = _minute(published, 1, open_item, f"PUBLIC-{x}")
    Resolution.objects.create(minute=open_minute, position=1, text=f"PUBLIC-{x}")
    exempt_minute = _minute(published, 2, exempt_item, f"EXEMPT-{x}")
    Resolution.objects.create(minute=exempt_minute, position=1, text=f"EXEMPT-{x}")

    # Held, its agenda published, its minutes still a draft.
    drafted = Meeting.objects.create(
        board=board,
        starts_at=now - datetime.timedelta(days=3),
        venue=f"PUBLIC-{x}",
        agenda_published_at=now - datetime.timedelta(days=10),
        status="held",
        minutes_status="draft",
    )
    _minute(drafted, 3, None, f"PRIVATE-{x}")

    # To come, its agenda not yet published: nothing of it is public.
    upcoming = Meeting.objects.create(
        board=board, starts_at=now + datetime.timedelta(days=20), venue=f"PRIVATE-{x}"
    )
    draft_report = Report.objects.create(board=board, title="Draft", purpose=f"PRIVATE-{x}")
    AgendaItem.objects.create(
        meeting=upcoming,
        position=1,
        title=f"PRIVATE-{x}",
        purpose=f"PRIVATE-{x}",
        report=draft_report,
    )
    # Written, not yet on any agenda.
    Report.objects.create(board=board, title="Unlisted", purpose=f"PRIVATE-{x}")


def _minute(meeting: Meeting, number: int, item: AgendaItem | None, body: str) -> Minute:
    minute = Minute(meeting=meeting, number=number, agenda_item=item, title="Minute", body=body)
    minute.full_clean()
    minute.save()
    return minute


def partner_system_token(
    partnership: Partnership, organisation: Organisation, *, scopes: str, name: str
) -> str:
    """A partner system of the partnership, granted the scopes, and a live token for them."""
    application = Application.objects.create(
        name=name,
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_CLIENT_CREDENTIALS,
    )
    PartnerSystem.objects.create(
        name=name,
        partnership=partnership,
        organisation=organisation,
        application=application,
        can_read="read" in scopes,
        can_write="write" in scopes,
    )
    token = AccessToken.objects.create(
        application=application,
        token=f"token-{name}",
        scope=scopes,
        expires=timezone.now() + datetime.timedelta(hours=1),
    )
    return token.token
