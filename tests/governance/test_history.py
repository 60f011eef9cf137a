"""History pages of governance records: who changed what and when, for those who may see it."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from governance.models import Board, Circulation, RemitClause
from partnership.models import PartnerMembership, Person
from tests.factories import (
    BoardFactory,
    JointAppointmentFactory,
    OrganisationFactory,
    PartnershipFactory,
    PersonFactory,
    UserFactory,
)
from tests.pages import text_of

pytestmark = pytest.mark.django_db

CLAUSE_URL = "/partnerships/highland/boards/cog/remit/1/"


@pytest.fixture
def board() -> Board:
    partnership = PartnershipFactory(name="Highland CPP", slug="highland")
    return BoardFactory(partnership=partnership, name="Chief Officers' Group", slug="cog")


def officer_of(partnership, name: str, username: str):
    council = OrganisationFactory(name=f"{name}'s council")
    PartnerMembership.objects.create(partnership=partnership, organisation=council)
    user = UserFactory(username=username)
    PersonFactory(name=name, user=user, organisation=council, capacity=Person.Capacity.OFFICER)
    return user


@pytest.fixture
def clause(board) -> RemitClause:
    return RemitClause.objects.create(
        board=board,
        number=1,
        heading="Are we reducing inequalities?",
        text="<p>Oversee the <strong>Single Outcome Agreement</strong>.</p>",
    )


def test_an_officers_change_shows_with_their_name_and_the_old_and_new_values(client, board, clause):
    client.force_login(officer_of(board.partnership, "Carron Officer", "carron"))

    client.post(
        f"{CLAUSE_URL}edit/",
        {
            "heading": "Are we closing the gap?",
            "text": "Oversee the Single Outcome Agreement and the community plan.",
        },
    )
    response = client.get(f"{CLAUSE_URL}history/")

    text = text_of(response)
    changed = text[text.index("Changed") : text.index("Added")]
    assert response.status_code == 200
    assert "By Carron Officer" in changed
    assert "Heading Are we reducing inequalities? → changed to Are we closing the gap?" in changed
    assert (
        "The text before and after Before Oversee the Single Outcome Agreement. "
        "After Oversee the Single Outcome Agreement and the community plan."
    ) in changed
    # Rich text reads as text, the words added marked, never as markup.
    page = response.content.decode()
    assert "&lt;strong&gt;" not in page
    assert "<del>Agreement.</del>" in page
    assert "<ins>Agreement and the community plan.</ins>" in page


def test_the_clause_page_links_to_its_history(client, clause):
    page = client.get(CLAUSE_URL).content.decode()

    assert f'href="{CLAUSE_URL}history/"' in page


def test_a_joint_appointments_history_is_refused_to_an_officer_of_another_partnership(
    client, board
):
    appointment = JointAppointmentFactory(partnership=board.partnership)
    url = f"/partnerships/highland/joint-appointments/{appointment.pk}/history/"
    elsewhere = PartnershipFactory(slug="elsewhere")
    client.force_login(officer_of(elsewhere, "Other Officer", "other"))

    refused = client.get(url)
    client.force_login(officer_of(board.partnership, "Carron Officer", "carron"))
    allowed = client.get(url)
    client.logout()
    anonymous = client.get(url)

    assert refused.status_code == 403
    assert allowed.status_code == 200
    assert anonymous.status_code == 302
    assert anonymous.url.startswith("/sign-in/")


def test_a_circulations_history_is_for_those_who_may_read_the_circulation(client, board):
    circulation = Circulation.objects.create(
        board=board,
        kind=Circulation.Kind.LINK,
        title="Draft community plan",
        link="https://example.org/plan",
        circulated_by=PersonFactory(),
    )
    url = f"/partnerships/highland/boards/cog/circulations/{circulation.pk}/history/"
    client.force_login(UserFactory())
    refused = client.get(url)
    client.force_login(officer_of(board.partnership, "Carron Officer", "carron"))
    allowed = client.get(url)
    detail = client.get(f"/partnerships/highland/boards/cog/circulations/{circulation.pk}/")

    assert refused.status_code == 403
    assert allowed.status_code == 200
    assert f'href="{url}"' in detail.content.decode()


def test_a_seats_history_is_for_those_who_keep_the_seats(client, board):
    seat = board.memberships.create(office="Chief Executive")
    url = f"/partnerships/highland/boards/cog/seats/{seat.pk}/history/"
    client.force_login(UserFactory())

    assert client.get(url).status_code == 403


def test_a_record_with_many_versions_costs_no_more_queries(client, board):
    others = [BoardFactory(partnership=board.partnership) for _ in range(2)]

    def saved(times: int) -> None:
        for number in range(times):
            board.name = f"Chief Officers' Group {number}"
            board.reports_to = others[number % 2]
            board.terms_of_reference = f"<p>Version {number} of the terms.</p>"
            board.save()

    def queries_for_history() -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/partnerships/highland/boards/cog/history/")
        assert response.status_code == 200
        return len(captured)

    saved(2)
    few = queries_for_history()
    saved(40)
    many = queries_for_history()

    assert many == few


def test_the_history_page_is_bounded_in_queries(client, board, django_assert_max_num_queries):
    other = BoardFactory(partnership=board.partnership, name="Partnership Board")
    for number in range(50):
        board.reports_to = other if number % 2 else None
        board.quorum = number
        board.established_on = datetime.date(2013, 1, 1) + datetime.timedelta(days=number)
        board.save()
    client.force_login(officer_of(board.partnership, "Carron Officer", "carron"))

    with django_assert_max_num_queries(8):
        response = client.get("/partnerships/highland/boards/cog/history/")

    text = text_of(response)
    assert text.count("Reports to") == 49
    assert "Reports to Partnership Board → changed to (blank)" in text
    assert "Quorum 48 → changed to 49" in text
