from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils.html import escape

from governance.models import Board, BoardMembership, JointAppointment, JointAppointmentShare
from governance.services import (
    JOINT_APPOINTMENT_NEEDS_TWO_EMPLOYERS,
    SHARES_MUST_TOTAL_100,
    joint_appointment_save,
)
from tests.factories import (
    JointAppointmentFactory,
    OrganisationFactory,
    PartnershipFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


def inline_data(prefix: str, rows: list[dict], initial: int = 0) -> dict:
    """The POST data of an admin inline: its management form and one set of fields per row."""
    data = {f"{prefix}-TOTAL_FORMS": len(rows), f"{prefix}-INITIAL_FORMS": initial}
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{name}": value for name, value in row.items()})
    return data


def share_rows(*percents: str) -> list[dict]:
    return [
        {
            "organisation": OrganisationFactory().pk,
            "cost_share_percent": percent,
            "accountable_to": "Chief Executive",
        }
        for percent in percents
    ]


def add_appointment(client, rows: list[dict]):
    return client.post(
        reverse("admin:governance_jointappointment_add"),
        {
            "partnership": PartnershipFactory().pk,
            "post_title": "Director of Public Health",
            **inline_data("shares", rows),
        },
    )


def test_adding_an_appointment_with_shares_adding_up_to_90_is_refused(admin_client):
    response = add_appointment(admin_client, share_rows("60", "30"))

    assert response.status_code == 200
    assert escape(SHARES_MUST_TOTAL_100.format(total="90")) in response.content.decode()
    assert JointAppointment.objects.count() == 0
    assert JointAppointmentShare.objects.count() == 0


def test_adding_an_appointment_with_one_employer_is_refused(admin_client):
    response = add_appointment(admin_client, share_rows("100"))

    assert escape(JOINT_APPOINTMENT_NEEDS_TWO_EMPLOYERS) in response.content.decode()
    assert JointAppointment.objects.count() == 0


def test_adding_an_appointment_with_shares_adding_up_to_100_saves_it(admin_client):
    response = add_appointment(admin_client, share_rows("60", "40"))

    assert response.status_code == 302
    appointment = JointAppointment.objects.get()
    assert appointment.post_title == "Director of Public Health"
    assert sorted(appointment.shares.values_list("cost_share_percent", flat=True)) == [
        Decimal("40.00"),
        Decimal("60.00"),
    ]


def change_shares(client, appointment: JointAppointment, *percents: str):
    shares = list(appointment.shares.order_by("pk"))
    rows = [
        {
            "id": share.pk,
            "appointment": appointment.pk,
            "organisation": share.organisation_id,
            "cost_share_percent": percent,
            "accountable_to": share.accountable_to,
        }
        for share, percent in zip(shares, percents, strict=True)
    ]
    return client.post(
        reverse("admin:governance_jointappointment_change", args=[appointment.pk]),
        {
            "partnership": appointment.partnership_id,
            "post_title": appointment.post_title,
            **inline_data("shares", rows, initial=len(rows)),
        },
    )


@pytest.fixture
def appointment():
    shares = [
        {
            "organisation": OrganisationFactory(),
            "cost_share_percent": Decimal(50),
            "accountable_to": "Chief Executive",
        }
        for _ in range(2)
    ]
    return joint_appointment_save(appointment=JointAppointmentFactory(), shares=shares)


def test_changing_shares_to_add_up_to_90_is_refused(admin_client, appointment):
    response = change_shares(admin_client, appointment, "60", "30")

    assert response.status_code == 200
    assert escape(SHARES_MUST_TOTAL_100.format(total="90")) in response.content.decode()
    assert list(appointment.shares.values_list("cost_share_percent", flat=True)) == [
        Decimal("50.00"),
        Decimal("50.00"),
    ]


def test_changing_shares_to_add_up_to_100_saves_them(admin_client, appointment):
    response = change_shares(admin_client, appointment, "70", "30")

    assert response.status_code == 302
    assert list(appointment.shares.values_list("cost_share_percent", flat=True)) == [
        Decimal("70.00"),
        Decimal("30.00"),
    ]


def add_board(client, seats: list[dict]):
    return client.post(
        reverse("admin:governance_board_add"),
        {
            "partnership": PartnershipFactory().pk,
            "name": "Cabinet",
            "slug": "cabinet",
            "kind": Board.Kind.CABINET,
            "status": Board.Status.ACTIVE,
            **inline_data("remit_clauses", []),
            **inline_data("memberships", seats),
        },
    )


def test_adding_a_board_with_two_overlapping_seats_for_one_person_is_refused(admin_client):
    councillor = PersonFactory(honorific_prefix="Councillor", name="RJ Phillips")
    seats = [
        {"person": councillor.pk, "role": "chair", "started_on": "2011-05-06"},
        {"person": councillor.pk, "role": "member", "ended_on": "2011-05-06"},
    ]

    response = add_board(admin_client, seats)

    assert escape("Councillor RJ Phillips already holds a seat on Cabinet then.") in (
        response.content.decode()
    )
    assert Board.objects.count() == 0


def test_adding_a_board_with_two_chairs_at_once_is_refused(admin_client):
    seats = [
        {"person": PersonFactory().pk, "role": "chair"},
        {"person": PersonFactory().pk, "role": "chair", "started_on": "2011-05-06"},
    ]

    response = add_board(admin_client, seats)

    assert "Cabinet already has a chair then." in response.content.decode()
    assert Board.objects.count() == 0


def test_adding_a_board_with_consecutive_chairs_saves_it(admin_client):
    seats = [
        {"person": PersonFactory().pk, "role": "chair", "ended_on": "2011-05-05"},
        {"person": PersonFactory().pk, "role": "chair", "started_on": "2011-05-06"},
    ]

    response = add_board(admin_client, seats)

    assert response.status_code == 302
    assert BoardMembership.objects.filter(board__name="Cabinet", role="chair").count() == 2
