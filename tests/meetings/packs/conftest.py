"""Fixtures for agenda packs: files in a temporary storage and the demo March meeting."""

import datetime
import functools
from collections.abc import Callable
from dataclasses import dataclass
from unittest import mock

import pytest
from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.utils import timezone

from core import pdf as core_pdf
from governance.models import BoardMembership
from meetings import tasks
from meetings.models import AgendaItem, AgendaPack, Appendix, Meeting, Report
from meetings.packs import build, sections
from tests.factories import (
    AgendaItemFactory,
    BoardFactory,
    BoardMembershipFactory,
    MeetingFactory,
    PersonFactory,
    UserFactory,
)


@pytest.fixture
def sent(monkeypatch) -> mock.Mock:
    """The render task's `delay`, replaced: what the services queue, without a worker."""
    delay = mock.Mock()
    monkeypatch.setattr(tasks.render_agenda_pack, "delay", delay)
    return delay


@pytest.fixture(autouse=True)
def storage(settings, tmp_path):
    """Uploads and rendered packs go to a folder of this test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


# Typesetting the same HTML gives the same PDF: kept across tests to keep the suite quick.
_typeset = functools.cache(core_pdf.html_to_pdf)


@pytest.fixture(autouse=True)
def quick_typesetting(monkeypatch):
    monkeypatch.setattr(sections, "html_to_pdf", _typeset)


@pytest.fixture
def march(demo) -> Meeting:
    return Meeting.objects.get(board__slug="cabinet", starts_at__month=3)


@pytest.fixture
def february(demo) -> Meeting:
    return Meeting.objects.get(board__slug="cabinet", starts_at__month=2)


@dataclass
class SmallMeeting:
    """A published agenda of one report, with its board's chair, clerk and a member."""

    meeting: Meeting
    item: AgendaItem
    report: Report
    chair: User
    clerk: User
    member: User

    def add_appendix(self, label: str, title: str, name: str, content: bytes) -> Appendix:
        return Appendix.objects.create(
            report=self.report, label=label, title=title, file=ContentFile(content, name=name)
        )


@pytest.fixture
def small_meeting(db) -> SmallMeeting:
    board = BoardFactory(name="Highways Board")
    users = {}
    for role in (
        BoardMembership.Role.CHAIR,
        BoardMembership.Role.CLERK,
        BoardMembership.Role.MEMBER,
    ):
        users[role] = UserFactory()
        person = PersonFactory(user=users[role])
        BoardMembershipFactory(
            board=board, person=person, role=role, started_on=datetime.date(2020, 1, 1)
        )
    meeting = MeetingFactory(
        board=board,
        starts_at=datetime.datetime(2024, 6, 4, 10, 0, tzinfo=datetime.UTC),
        agenda_published_at=timezone.now(),
    )
    report = Report.objects.create(
        board=board,
        title="Highways maintenance costs",
        purpose="<p>To note the costs of maintaining the county's roads.</p>",
    )
    item = AgendaItemFactory(
        meeting=meeting, position=1, title=report.title, kind="report", report=report
    )
    return SmallMeeting(
        meeting=meeting,
        item=item,
        report=report,
        chair=users[BoardMembership.Role.CHAIR],
        clerk=users[BoardMembership.Role.CLERK],
        member=users[BoardMembership.Role.MEMBER],
    )


@pytest.fixture
def rendered_pack(db) -> Callable[[Meeting, str], AgendaPack]:
    """Renders a new pack of a meeting for an audience, as the worker would."""

    def render(meeting: Meeting, variant: str) -> AgendaPack:
        pack = AgendaPack.objects.create(
            meeting=meeting, variant=variant, requested_by=PersonFactory()
        )
        build.render_pack(pack.pk)
        pack.refresh_from_db()
        return pack

    return render
