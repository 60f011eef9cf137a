from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from governance.models import BoardMembership, JointAppointment, JointAppointmentShare
from governance.services import (
    JOINT_APPOINTMENT_NEEDS_TWO_EMPLOYERS,
    ONE_SHARE_PER_EMPLOYER,
    SHARES_MUST_TOTAL_100,
    joint_appointment_save,
    membership_save,
)
from tests.factories import (
    BoardFactory,
    JointAppointmentFactory,
    OrganisationFactory,
    PartnershipFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


def shares_of(*percents: str) -> list[dict]:
    return [
        {
            "organisation": OrganisationFactory(),
            "cost_share_percent": Decimal(percent),
            "accountable_to": "Chief Executive",
        }
        for percent in percents
    ]


def test_new_appointment_is_saved_with_equal_shares():
    appointment = JointAppointment(
        partnership=PartnershipFactory(), post_title="Director of Public Health"
    )

    joint_appointment_save(appointment=appointment, shares=shares_of("50", "50"))

    assert JointAppointment.objects.get().post_title == "Director of Public Health"
    assert sorted(appointment.shares.values_list("cost_share_percent", flat=True)) == [
        Decimal("50.00"),
        Decimal("50.00"),
    ]


def test_three_shares_in_hundredths_may_add_up_to_100():
    appointment = JointAppointmentFactory()

    joint_appointment_save(appointment=appointment, shares=shares_of("33.33", "33.33", "33.34"))

    assert appointment.shares.count() == 3


def test_shares_adding_up_to_90_are_refused_and_nothing_changes():
    appointment = JointAppointmentFactory(post_title="Director of Public Health")
    joint_appointment_save(appointment=appointment, shares=shares_of("50", "50"))
    previous_shares = set(appointment.shares.values_list("pk", "cost_share_percent"))
    appointment.post_title = "Director of Public Health and Wellbeing"

    with pytest.raises(ValidationError) as refusal:
        joint_appointment_save(appointment=appointment, shares=shares_of("60", "30"))

    assert refusal.value.messages == [SHARES_MUST_TOTAL_100.format(total="90")]
    assert refusal.value.messages == [
        "The employers' shares of cost must add up to 100%; they add up to 90%."
    ]
    assert JointAppointment.objects.get().post_title == "Director of Public Health"
    assert set(JointAppointmentShare.objects.values_list("pk", "cost_share_percent")) == (
        previous_shares
    )


def test_refused_new_appointment_is_not_saved():
    appointment = JointAppointment(partnership=PartnershipFactory(), post_title="Shared post")

    with pytest.raises(ValidationError):
        joint_appointment_save(appointment=appointment, shares=shares_of("60", "30"))

    assert appointment.pk is None
    assert JointAppointment.objects.count() == 0
    assert JointAppointmentShare.objects.count() == 0


def test_a_single_employer_is_refused():
    appointment = JointAppointmentFactory()

    with pytest.raises(ValidationError) as refusal:
        joint_appointment_save(appointment=appointment, shares=shares_of("100"))

    assert refusal.value.messages == [JOINT_APPOINTMENT_NEEDS_TWO_EMPLOYERS]
    assert JointAppointmentShare.objects.count() == 0


def test_one_employer_cannot_hold_two_shares():
    appointment = JointAppointmentFactory()
    shares = shares_of("50", "50")
    shares[1]["organisation"] = shares[0]["organisation"]

    with pytest.raises(ValidationError) as refusal:
        joint_appointment_save(appointment=appointment, shares=shares)

    assert refusal.value.messages == [ONE_SHARE_PER_EMPLOYER]


def test_saving_replaces_the_previous_shares():
    appointment = JointAppointmentFactory()
    joint_appointment_save(appointment=appointment, shares=shares_of("50", "50"))
    new_shares = shares_of("70", "30")

    joint_appointment_save(appointment=appointment, shares=new_shares)

    assert {
        (s.organisation, s.cost_share_percent) for s in JointAppointmentShare.objects.all()
    } == {
        (new_shares[0]["organisation"], Decimal("70.00")),
        (new_shares[1]["organisation"], Decimal("30.00")),
    }


def test_membership_save_keeps_a_valid_seat():
    membership = BoardMembership(board=BoardFactory(), person=PersonFactory())

    membership_save(membership=membership)

    assert BoardMembership.objects.get() == membership


def test_membership_save_refuses_a_second_chair():
    board = BoardFactory(name="Cabinet")
    membership_save(membership=BoardMembership(board=board, person=PersonFactory(), role="chair"))

    with pytest.raises(ValidationError) as refusal:
        membership_save(
            membership=BoardMembership(board=board, person=PersonFactory(), role="chair")
        )

    assert "Cabinet already has a chair then." in refusal.value.messages
    assert BoardMembership.objects.count() == 1
