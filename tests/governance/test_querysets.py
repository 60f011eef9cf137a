import datetime

import pytest

from governance.models import BoardMembership, JointAppointment
from tests.factories import BoardMembershipFactory, JointAppointmentFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2013, 6, 12)
YESTERDAY = TODAY - datetime.timedelta(days=1)
TOMORROW = TODAY + datetime.timedelta(days=1)


def test_current_memberships_are_those_held_on_the_day():
    open_seat = BoardMembershipFactory(started_on=datetime.date(2011, 5, 6))
    undated_seat = BoardMembershipFactory()
    ending_today = BoardMembershipFactory(ended_on=TODAY)
    starting_today = BoardMembershipFactory(started_on=TODAY)
    BoardMembershipFactory(ended_on=YESTERDAY)
    BoardMembershipFactory(started_on=TOMORROW)

    assert set(BoardMembership.objects.current(TODAY)) == {
        open_seat,
        undated_seat,
        ending_today,
        starting_today,
    }


def test_review_due_by_finds_open_appointments_due_on_or_before_the_day():
    due_today = JointAppointmentFactory(review_due_on=TODAY)
    overdue = JointAppointmentFactory(review_due_on=YESTERDAY)
    JointAppointmentFactory(review_due_on=TOMORROW)
    JointAppointmentFactory(review_due_on=None)
    JointAppointmentFactory(review_due_on=YESTERDAY, ended_on=YESTERDAY)

    assert set(JointAppointment.objects.review_due_by(TODAY)) == {due_today, overdue}
