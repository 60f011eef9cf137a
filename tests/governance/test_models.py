import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from governance.models import BoardMembership, JointAppointment, JointAppointmentShare, RemitClause
from tests.factories import (
    BoardFactory,
    BoardMembershipFactory,
    JointAppointmentFactory,
    OrganisationFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def cabinet():
    return BoardFactory(name="Cabinet")


@pytest.fixture
def councillor():
    return PersonFactory(honorific_prefix="Councillor", name="RJ Phillips")


def test_person_cannot_hold_overlapping_seats_on_a_board(cabinet, councillor):
    BoardMembershipFactory(
        board=cabinet,
        person=councillor,
        started_on=datetime.date(2007, 5, 10),
        ended_on=datetime.date(2011, 5, 5),
    )
    second_seat = BoardMembership(
        board=cabinet, person=councillor, started_on=datetime.date(2011, 5, 5)
    )

    with pytest.raises(ValidationError) as refusal:
        second_seat.clean()

    assert refusal.value.messages == [
        "Councillor RJ Phillips already holds a seat on Cabinet then."
    ]


def test_person_may_hold_consecutive_seats_on_a_board(cabinet, councillor):
    BoardMembershipFactory(
        board=cabinet,
        person=councillor,
        started_on=datetime.date(2007, 5, 10),
        ended_on=datetime.date(2011, 5, 5),
    )
    next_seat = BoardMembership(
        board=cabinet, person=councillor, started_on=datetime.date(2011, 5, 6)
    )

    next_seat.full_clean()


def test_database_refuses_two_open_seats_for_one_person_on_a_board(cabinet, councillor):
    BoardMembershipFactory(board=cabinet, person=councillor)

    with pytest.raises(IntegrityError), transaction.atomic():
        BoardMembershipFactory(board=cabinet, person=councillor)


def test_person_may_hold_open_seats_on_two_boards(cabinet, councillor):
    BoardMembershipFactory(board=cabinet, person=councillor)
    BoardMembershipFactory(board=BoardFactory(partnership=cabinet.partnership), person=councillor)

    assert councillor.board_memberships.count() == 2


def test_board_cannot_have_two_chairs_at_once(cabinet):
    BoardMembershipFactory(board=cabinet, role=BoardMembership.Role.CHAIR)
    second_chair = BoardMembership(
        board=cabinet, person=PersonFactory(), role=BoardMembership.Role.CHAIR
    )

    with pytest.raises(ValidationError) as refusal:
        second_chair.clean()

    assert refusal.value.messages == ["Cabinet already has a chair then."]


def test_board_may_have_a_vice_chair_beside_its_chair_and_a_chair_after_the_last(cabinet):
    BoardMembershipFactory(
        board=cabinet, role=BoardMembership.Role.CHAIR, ended_on=datetime.date(2011, 5, 5)
    )
    BoardMembershipFactory(board=cabinet, role=BoardMembership.Role.VICE_CHAIR)
    next_chair = BoardMembership(
        board=cabinet,
        person=PersonFactory(),
        role=BoardMembership.Role.CHAIR,
        started_on=datetime.date(2011, 5, 6),
    )

    next_chair.full_clean()


def test_database_refuses_two_open_chairs(cabinet):
    BoardMembershipFactory(board=cabinet, role=BoardMembership.Role.CHAIR)

    with pytest.raises(IntegrityError), transaction.atomic():
        BoardMembershipFactory(board=cabinet, role=BoardMembership.Role.CHAIR)


def test_database_refuses_a_seat_with_no_holder_office_or_organisation(cabinet):
    with pytest.raises(IntegrityError), transaction.atomic():
        BoardMembershipFactory(board=cabinet, person=None)


def test_board_may_report_to_a_board_of_its_partnership(cabinet):
    executive = BoardFactory(partnership=cabinet.partnership, reports_to=cabinet)

    executive.full_clean()


def test_board_cannot_report_to_itself(cabinet):
    cabinet.reports_to = cabinet

    with pytest.raises(ValidationError) as refusal:
        cabinet.clean()

    assert refusal.value.message_dict == {
        "reports_to": ["Boards cannot report to each other in a loop."]
    }


def test_boards_cannot_report_to_each_other_in_a_loop(cabinet):
    group = BoardFactory(partnership=cabinet.partnership, reports_to=cabinet)
    task_group = BoardFactory(partnership=cabinet.partnership, reports_to=group)
    cabinet.reports_to = task_group

    with pytest.raises(ValidationError) as refusal:
        cabinet.clean()

    assert refusal.value.message_dict == {
        "reports_to": ["Boards cannot report to each other in a loop."]
    }


def test_board_cannot_report_to_another_partnerships_board(cabinet):
    cabinet.reports_to = BoardFactory()

    with pytest.raises(ValidationError) as refusal:
        cabinet.clean()

    assert refusal.value.message_dict == {
        "reports_to": ["A board reports to a board of its partnership."]
    }


def test_membership_reads_as_holder_role_board_and_organisation(cabinet, councillor):
    membership = BoardMembershipFactory(
        board=cabinet,
        person=councillor,
        role=BoardMembership.Role.CHAIR,
        organisation=OrganisationFactory(name="Herefordshire Council"),
    )

    assert str(membership) == "Councillor RJ Phillips, chair of Cabinet (Herefordshire Council)"


def test_vacant_seat_reads_as_vacant_with_its_office(cabinet):
    seat = BoardMembershipFactory(
        board=cabinet, person=None, office="Cabinet Member for Adult Social Care"
    )

    assert str(seat) == "Vacant, member of Cabinet (Cabinet Member for Adult Social Care)"


def test_joint_appointment_and_share_read_naturally():
    appointment = JointAppointmentFactory(
        post_title="Director of Public Health",
        holder=PersonFactory(honorific_prefix="Dr", name="Akeem Ali"),
    )
    share = JointAppointmentShare(
        appointment=appointment,
        organisation=OrganisationFactory(name="Herefordshire Council"),
        cost_share_percent=Decimal("50.00"),
    )

    assert str(appointment) == "Director of Public Health, Dr Akeem Ali"
    assert str(JointAppointment(post_title="Director of Public Health")) == (
        "Director of Public Health (vacant)"
    )
    assert str(share) == ("Herefordshire Council: 50% of Director of Public Health, Dr Akeem Ali")


def test_remit_clause_reads_as_its_number_and_heading(cabinet):
    clause = RemitClause(
        board=cabinet, number=3, heading="Are we reducing inequalities?", text="To ..."
    )

    assert str(clause) == "Remit 3: Are we reducing inequalities?"


@pytest.mark.postgres
def test_database_refuses_overlapping_dated_seats_of_a_person():
    board = BoardFactory()
    person = PersonFactory()
    BoardMembership.objects.create(
        board=board,
        person=person,
        started_on=datetime.date(2010, 5, 1),
        ended_on=datetime.date(2011, 4, 30),
    )

    with pytest.raises(IntegrityError), transaction.atomic():
        BoardMembership.objects.create(
            board=board,
            person=person,
            started_on=datetime.date(2011, 1, 1),
            ended_on=datetime.date(2011, 12, 31),
        )
    BoardMembership.objects.create(
        board=board, person=person, started_on=datetime.date(2011, 5, 1), ended_on=None
    )
    assert BoardMembership.objects.filter(board=board, person=person).count() == 2


@pytest.mark.postgres
def test_database_refuses_two_chairs_in_the_same_period():
    board = BoardFactory()
    BoardMembership.objects.create(
        board=board,
        person=PersonFactory(),
        role="chair",
        started_on=datetime.date(2010, 5, 1),
        ended_on=datetime.date(2011, 4, 30),
    )

    with pytest.raises(IntegrityError), transaction.atomic():
        BoardMembership.objects.create(
            board=board,
            person=PersonFactory(),
            role="chair",
            started_on=datetime.date(2011, 4, 1),
            ended_on=datetime.date(2012, 4, 30),
        )
