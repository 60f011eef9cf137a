"""A small world of two partnerships with people in every role, for the access rules."""

import datetime
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.utils import timezone

from governance.models import Board, BoardMembership
from meetings.models import AgendaItem, Meeting
from partnership.models import Organisation, PartnerMembership, Partnership, PartnerSystem, Person


@dataclass
class World:
    partnership: Partnership
    other_partnership: Partnership
    board: Board
    scrutiny_committee: Board
    meeting: Meeting
    open_item: AgendaItem
    exempt_item: AgendaItem
    users: dict
    reader_system: PartnerSystem
    writer_system: PartnerSystem
    other_system: PartnerSystem


def _user_for(name: str, **person_fields) -> User:
    user = User.objects.create_user(username=name, password="not-used-here")
    Person.objects.create(name=name.title(), user=user, **person_fields)
    return user


@pytest.fixture
def world(db) -> World:
    last_year = timezone.localdate() - datetime.timedelta(days=365)
    partnership = Partnership.objects.create(
        name="Highland CPP", slug="highland", kind="cpp", nation="scotland"
    )
    other = Partnership.objects.create(
        name="Cardiff Partnership", slug="cardiff", kind="psb", nation="wales"
    )
    council = Organisation.objects.create(name="The Highland Council", kind="council")
    cardiff = Organisation.objects.create(name="Cardiff Council", kind="council")
    former = Organisation.objects.create(name="Former Partner Trust", kind="nhs_trust")
    PartnerMembership.objects.create(partnership=partnership, organisation=council)
    PartnerMembership.objects.create(partnership=other, organisation=cardiff)
    PartnerMembership.objects.create(
        partnership=partnership, organisation=former, joined_on=last_year, left_on=last_year
    )
    board = Board.objects.create(
        partnership=partnership, name="COG", slug="cog", kind="chief_officers_group"
    )
    scrutiny = Board.objects.create(
        partnership=partnership, name="Scrutiny", slug="scrutiny", kind="scrutiny_committee"
    )
    scrutiny.scrutinises.add(board)

    users = {
        "officer": _user_for("officer", capacity="officer", organisation=council),
        "former_partner_officer": _user_for("former", capacity="officer", organisation=former),
        "other_officer": _user_for("other", capacity="officer", organisation=cardiff),
        "councillor": _user_for("councillor", capacity="elected_member", organisation=council),
        "chair": _user_for("chair", capacity="elected_member", organisation=council),
        "past_chair": _user_for("pastchair", capacity="elected_member", organisation=council),
        "clerk": _user_for("clerk", capacity="officer", organisation=cardiff),
        "member": _user_for("member", capacity="representative"),
        "scrutiny": _user_for("scrutiny", capacity="elected_member", organisation=council),
        "no_person": User.objects.create_user(username="no_person", password="not-used-here"),
        "anonymous": AnonymousUser(),
    }
    earlier = last_year - datetime.timedelta(days=30)
    # The past chair handed over to the current chair a year ago.
    seats = [
        ("past_chair", board, "chair", earlier, last_year),
        ("chair", board, "chair", last_year + datetime.timedelta(days=1), None),
        ("clerk", board, "clerk", earlier, None),
        ("member", board, "member", earlier, None),
        ("scrutiny", scrutiny, "member", earlier, None),
    ]
    for key, seat_board, role, started_on, ended_on in seats:
        BoardMembership.objects.create(
            board=seat_board,
            person=users[key].person,
            role=role,
            started_on=started_on,
            ended_on=ended_on,
        )
    meeting = Meeting.objects.create(
        board=board, starts_at=timezone.now() + datetime.timedelta(days=10), venue="Inverness"
    )
    open_item = AgendaItem.objects.create(meeting=meeting, position=1, title="Remit")
    exempt_item = AgendaItem.objects.create(
        meeting=meeting, position=2, title="Contract award", is_exempt=True, exempt_paragraph="8"
    )
    nhs = Organisation.objects.create(name="NHS Highland", kind="nhs_board")
    return World(
        partnership=partnership,
        other_partnership=other,
        board=board,
        scrutiny_committee=scrutiny,
        meeting=meeting,
        open_item=open_item,
        exempt_item=exempt_item,
        users=users,
        reader_system=PartnerSystem.objects.create(
            name="Reader", partnership=partnership, organisation=nhs, can_read=True
        ),
        writer_system=PartnerSystem.objects.create(
            name="Writer", partnership=partnership, organisation=nhs, can_read=True, can_write=True
        ),
        other_system=PartnerSystem.objects.create(
            name="Elsewhere", partnership=other, organisation=nhs, can_read=True, can_write=True
        ),
    )
