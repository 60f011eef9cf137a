import datetime

import pytest
from django.core.exceptions import ValidationError

from governance import seats as seat_services
from governance.models import CHAIR_OVERLAPS, SEAT_OVERLAPS, Board, BoardMembership
from governance.seats import (
    SEAT_DUPLICATE,
    SEAT_ENDS_BEFORE_START,
    SEAT_NOT_VACANT,
    seat_add,
    seat_end,
    seat_fill,
    seat_update,
)
from partnership.models import Organisation, PartnerMembership, Person
from tests.factories import (
    BoardFactory,
    BoardMembershipFactory,
    OrganisationFactory,
    PartnershipFactory,
    PersonFactory,
    UserFactory,
)
from tests.outcomes.helpers import officer_of
from tests.pages import error_summary, text_of

pytestmark = pytest.mark.django_db

DAY = datetime.date(2013, 11, 26)
SEATS_URL = "/partnerships/highland/boards/cog/seats/"


@pytest.fixture
def board() -> Board:
    partnership = PartnershipFactory(name="Highland CPP", slug="highland")
    return BoardFactory(partnership=partnership, name="Chief Officers' Group", slug="cog")


@pytest.fixture
def nhs(board) -> Organisation:
    organisation = OrganisationFactory(name="NHS Highland")
    PartnerMembership.objects.create(partnership=board.partnership, organisation=organisation)
    return organisation


@pytest.fixture
def alan(nhs) -> Person:
    return PersonFactory(name="Alan Gray", organisation=nhs)


@pytest.fixture
def officer(client, board):
    user = officer_of(board.partnership, "carron")
    client.force_login(user)
    return user


def seat(board, **fields) -> BoardMembership:
    defaults = {
        "person": None,
        "organisation": None,
        "office": "",
        "role": BoardMembership.Role.MEMBER,
        "started_on": DAY,
    }
    return seat_add(board=board, **{**defaults, **fields})


# Services


def test_a_held_seat_and_a_vacancy_are_added(board, nhs, alan):
    held = seat(board, person=alan, organisation=nhs, role="chair")
    vacant = seat(board, office="Chief Executive", organisation=nhs)

    assert str(held) == "Alan Gray, chair of Chief Officers' Group (NHS Highland)"
    assert vacant.is_vacant
    assert str(vacant) == "Vacant, member of Chief Officers' Group (Chief Executive)"


def test_a_seat_that_ends_before_it_starts_is_refused_and_nothing_saved(board, alan):
    with pytest.raises(ValidationError) as refusal:
        seat(board, person=alan, ended_on=DAY - datetime.timedelta(days=1))

    assert refusal.value.message_dict == {"ended_on": [SEAT_ENDS_BEFORE_START]}
    assert not BoardMembership.objects.exists()


def test_ending_a_seat_before_it_started_is_refused(board, alan):
    held = seat(board, person=alan)

    with pytest.raises(ValidationError) as refusal:
        seat_end(seat=held, ended_on=datetime.date(2013, 1, 1))

    assert refusal.value.messages == [SEAT_ENDS_BEFORE_START]
    assert BoardMembership.objects.get().ended_on is None


def test_an_overlapping_seat_for_the_same_person_is_refused(board, alan):
    seat(board, person=alan, ended_on=datetime.date(2014, 3, 31))

    with pytest.raises(ValidationError) as refusal:
        seat(board, person=alan, role="vice_chair", started_on=datetime.date(2014, 3, 1))
    later = seat(board, person=alan, role="vice_chair", started_on=datetime.date(2014, 4, 1))

    assert refusal.value.messages == [
        SEAT_OVERLAPS.format(person="Alan Gray", board="Chief Officers' Group")
    ]
    assert later.started_on == datetime.date(2014, 4, 1)
    assert BoardMembership.objects.count() == 2


def test_a_second_chair_at_the_same_time_is_refused(board, alan):
    seat(board, person=alan, role="chair")

    with pytest.raises(ValidationError) as refusal:
        seat(board, person=PersonFactory(name="Bea"), role="chair")

    assert refusal.value.messages == [CHAIR_OVERLAPS.format(board="Chief Officers' Group")]
    assert BoardMembership.objects.count() == 1


def test_a_duplicate_seat_in_the_same_role_and_period_is_refused(board, nhs, alan):
    seat(board, office="Chief Executive", organisation=nhs)

    with pytest.raises(ValidationError) as vacant_twice:
        seat(board, office="Chief Executive", organisation=nhs, started_on=DAY.replace(2014))
    with pytest.raises(ValidationError) as held_beside_vacancy:
        seat(board, person=alan, office="Chief Executive", organisation=nhs)
    as_vice_chair = seat(board, office="Chief Executive", organisation=nhs, role="vice_chair")

    message = SEAT_DUPLICATE.format(
        board="Chief Officers' Group", role="member", capacity="Chief Executive, NHS Highland"
    )
    assert vacant_twice.value.messages == [message]
    assert held_beside_vacancy.value.messages == [message]
    assert message == (
        "Chief Officers' Group already has a member seat for Chief Executive, NHS Highland then: "
        "fill or change that seat instead."
    )
    assert as_vice_chair.role == "vice_chair"
    assert BoardMembership.objects.count() == 2


def test_two_people_may_sit_for_one_organisation(board, nhs, alan):
    seat(board, person=alan, organisation=nhs)
    seat(board, person=PersonFactory(name="Bea"), organisation=nhs)

    assert board.memberships.count() == 2


def test_filling_a_vacancy_names_its_holder(board, nhs, alan):
    vacant = seat(board, office="Chief Executive", organisation=nhs)

    seat_fill(seat=vacant, person=alan, started_on=datetime.date(2014, 4, 1))

    vacant.refresh_from_db()
    assert (vacant.person, vacant.started_on) == (alan, datetime.date(2014, 4, 1))
    assert vacant.history.count() == 2


def test_a_held_seat_is_not_filled(board, alan):
    held = seat(board, person=alan)

    with pytest.raises(ValidationError) as refusal:
        seat_fill(seat=held, person=PersonFactory(name="Bea"), started_on=None)

    assert refusal.value.messages == [SEAT_NOT_VACANT.format(person="Alan Gray")]
    assert BoardMembership.objects.get().person == alan


def test_correcting_a_seat_into_a_clash_changes_nothing(board, alan):
    seat(board, person=alan, role="chair")
    other = seat(board, person=PersonFactory(name="Bea"))

    with pytest.raises(ValidationError) as refusal:
        seat_update(
            seat=other,
            person=other.person,
            organisation=None,
            office="",
            role="chair",
            started_on=DAY,
            ended_on=None,
        )

    assert refusal.value.messages == [CHAIR_OVERLAPS.format(board="Chief Officers' Group")]
    assert BoardMembership.objects.get(pk=other.pk).role == "member"


@pytest.fixture
def race(monkeypatch):
    """Two editors save at once: each passes the checks before the other's seat is written."""
    monkeypatch.setattr(seat_services, "_seat_check", lambda seat: None)
    monkeypatch.setattr(BoardMembership, "full_clean", lambda self, *args, **kwargs: None)


def test_the_database_refuses_a_second_open_seat_with_the_same_message(board, alan, race):
    BoardMembershipFactory(board=board, person=alan)

    with pytest.raises(ValidationError) as refusal:
        seat(board, person=alan, started_on=None)

    assert refusal.value.messages == [
        SEAT_OVERLAPS.format(person="Alan Gray", board="Chief Officers' Group")
    ]
    assert BoardMembership.objects.count() == 1


def test_the_database_refuses_a_second_open_chair_with_the_same_message(board, alan, race):
    BoardMembershipFactory(board=board, person=alan, role="chair")

    with pytest.raises(ValidationError) as refusal:
        seat(board, person=PersonFactory(name="Bea"), role="chair", started_on=None)

    assert refusal.value.messages == [CHAIR_OVERLAPS.format(board="Chief Officers' Group")]
    assert BoardMembership.objects.count() == 1


@pytest.mark.postgres
def test_postgresql_refuses_overlapping_dated_seats_with_the_same_message(board, alan, race):
    BoardMembershipFactory(
        board=board, person=alan, started_on=DAY, ended_on=datetime.date(2014, 3, 31)
    )

    with pytest.raises(ValidationError) as seat_refusal:
        seat(board, person=alan, started_on=DAY, ended_on=datetime.date(2014, 1, 1))
    BoardMembershipFactory(
        board=board, person=alan, role="chair", started_on=DAY.replace(2015), ended_on=None
    )
    with pytest.raises(ValidationError) as chair_refusal:
        seat(
            board,
            person=PersonFactory(name="Bea"),
            role="chair",
            started_on=DAY.replace(2016),
            ended_on=DAY.replace(2017),
        )

    assert seat_refusal.value.messages == [
        SEAT_OVERLAPS.format(person="Alan Gray", board="Chief Officers' Group")
    ]
    assert chair_refusal.value.messages == [CHAIR_OVERLAPS.format(board="Chief Officers' Group")]
    assert BoardMembership.objects.count() == 2


# Pages


def test_the_seats_page_lists_current_seats_vacancies_and_past_seats(
    client, board, nhs, alan, django_assert_max_num_queries
):
    seat(board, person=alan, organisation=nhs, role="chair")
    seat(board, office="Chief Executive", organisation=nhs)
    seat(board, person=PersonFactory(name="Bea Old"), ended_on=datetime.date(2014, 1, 31))

    with django_assert_max_num_queries(6):
        response = client.get(SEATS_URL)

    text = text_of(response)
    current = text[text.index("Current seats") : text.index("Vacancies")]
    vacancies = text[text.index("Vacancies") : text.index("Past seats")]
    past = text[text.index("Past seats") :]
    assert "Alan Gray Chair NHS Highland 26 November 2013 Current" in current
    assert "Vacant Member Chief Executive, NHS Highland 26 November 2013 Current" in vacancies
    assert "Bea Old Member 26 November 2013 31 January 2014" in past
    assert "Add a seat" not in text


def test_an_officer_adds_a_seat(client, board, nhs, alan, officer):
    response = client.post(
        f"{SEATS_URL}add/",
        {
            "person": alan.pk,
            "office": "",
            "organisation": nhs.pk,
            "role": "vice_chair",
            "started_on_0": "1",
            "started_on_1": "4",
            "started_on_2": "2014",
        },
        follow=True,
    )

    assert "The seat has been added: Alan Gray, vice-chair of Chief Officers' Group" in (
        text_of(response)
    )
    added = board.memberships.get()
    assert (added.person, added.role, added.started_on) == (
        alan,
        "vice_chair",
        datetime.date(2014, 4, 1),
    )


def test_an_officer_is_told_a_seat_ends_before_it_starts_and_nothing_saved(
    client, board, alan, officer
):
    response = client.post(
        f"{SEATS_URL}add/",
        {
            "person": alan.pk,
            "role": "member",
            "started_on_0": "1",
            "started_on_1": "4",
            "started_on_2": "2014",
            "ended_on_0": "31",
            "ended_on_1": "3",
            "ended_on_2": "2014",
        },
    )

    assert error_summary(response) == [SEAT_ENDS_BEFORE_START]
    assert not board.memberships.exists()


def test_an_officer_is_told_of_a_duplicate_seat(client, board, nhs, officer):
    seat(board, office="Chief Executive", organisation=nhs)

    response = client.post(
        f"{SEATS_URL}add/",
        {"office": "Chief Executive", "organisation": nhs.pk, "role": "member"},
    )

    assert error_summary(response) == [
        SEAT_DUPLICATE.format(
            board="Chief Officers' Group", role="member", capacity="Chief Executive, NHS Highland"
        )
    ]
    assert board.memberships.count() == 1


def test_an_officer_fills_a_vacancy_then_ends_the_seat_and_reads_its_history(
    client, board, nhs, alan, officer
):
    vacant = seat(board, office="Chief Executive", organisation=nhs)

    client.post(
        f"{SEATS_URL}{vacant.pk}/fill/",
        {"person": alan.pk, "started_on_0": "1", "started_on_1": "4", "started_on_2": "2014"},
    )
    ended = client.post(
        f"{SEATS_URL}{vacant.pk}/end/",
        {"ended_on_0": "31", "ended_on_1": "3", "ended_on_2": "2015"},
        follow=True,
    )
    history = text_of(client.get(f"{SEATS_URL}{vacant.pk}/history/"))

    assert "The seat has ended: Alan Gray, member of Chief Officers' Group" in text_of(ended)
    vacant.refresh_from_db()
    assert (vacant.person, vacant.ended_on) == (alan, datetime.date(2015, 3, 31))
    rows = history[history.index("History of changes") :]
    newest, filled, added = (
        f"Changed By {officer.person.name} Ended on (blank) → changed to 31 March 2015",
        f"Changed By {officer.person.name} Person (blank) → changed to Alan Gray "
        "Started on 26 November 2013 → changed to 1 April 2014",
        "Added By Not recorded",
    )
    assert rows.index(newest) < rows.index(filled) < rows.index(added)


def test_the_person_page_lists_current_and_past_seats(client, board, nhs, alan):
    seat(board, person=alan, organisation=nhs, role="chair", started_on=DAY.replace(2015))
    other = BoardFactory(partnership=board.partnership, name="Partnership Board")
    seat(other, person=alan, office="Director", ended_on=DAY.replace(2014))

    response = client.get(f"/partnerships/people/{alan.pk}/")

    text = text_of(response)
    current = text[text.index("Current seats") : text.index("Past seats")]
    past = text[text.index("Past seats") :]
    assert "Chief Officers' Group Highland CPP Chair NHS Highland 26 November 2015 Current" in (
        current
    )
    assert "Partnership Board Highland CPP Member Director 26 November 2013 26 November 2014" in (
        past
    )


@pytest.mark.parametrize(
    "suffix", ["add/", "{pk}/change/", "{pk}/end/", "{pk}/fill/", "{pk}/history/"]
)
def test_others_may_not_change_seats_or_read_their_history(client, board, nhs, suffix):
    vacant = seat(board, office="Chief Executive", organisation=nhs)
    client.force_login(UserFactory(username="someone"))

    response = client.get(SEATS_URL + suffix.format(pk=vacant.pk))
    posted = client.post(SEATS_URL + suffix.format(pk=vacant.pk), {"role": "chair"})

    assert (response.status_code, posted.status_code) == (403, 403)
    assert BoardMembership.objects.get().role == "member"
