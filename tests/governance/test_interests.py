import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from governance.forms.interests import REGISTERED_ON_REQUIRED
from governance.interests import (
    ALREADY_ENDED,
    DESCRIPTION_REQUIRED,
    ENDS_BEFORE_REGISTERED,
    REGISTERED_IN_FUTURE,
    interest_end,
    interest_register,
)
from governance.models import Interest
from meetings.models import Declaration, Meeting
from partnership.models import Organisation, PartnerMembership, Person
from tests.factories import (
    AgendaItemFactory,
    BoardFactory,
    BoardMembershipFactory,
    MeetingFactory,
    OrganisationFactory,
    PersonFactory,
    UserFactory,
)
from tests.pages import error_summary, text_of

pytestmark = pytest.mark.django_db

REGISTERED = datetime.date(2011, 1, 10)


@pytest.fixture
def board():
    return BoardFactory(name="Cabinet")


@pytest.fixture
def council(board) -> Organisation:
    council = OrganisationFactory(name="Herefordshire Council")
    PartnerMembership.objects.create(partnership=board.partnership, organisation=council)
    return council


@pytest.fixture
def councillor(board, council) -> Person:
    person = PersonFactory(
        name="RJ Phillips",
        honorific_prefix="Councillor",
        capacity=Person.Capacity.ELECTED_MEMBER,
        organisation=council,
        user=UserFactory(),
    )
    BoardMembershipFactory(board=board, person=person)
    return person


@pytest.fixture
def officer(council) -> Person:
    """An officer of a partner of the board's partnership, with no seat of their own."""
    return PersonFactory(
        name="Sally Cole",
        capacity=Person.Capacity.OFFICER,
        organisation=council,
        user=UserFactory(),
    )


@pytest.fixture
def seated_officer(board, council) -> Person:
    person = PersonFactory(
        name="Chris Bull",
        capacity=Person.Capacity.OFFICER,
        organisation=council,
        user=UserFactory(),
    )
    BoardMembershipFactory(board=board, person=person)
    return person


def register(person: Person, description: str, **fields) -> Interest:
    return interest_register(
        person=person,
        kind=fields.pop("kind", Interest.Kind.EMPLOYMENT),
        description=description,
        registered_on=fields.pop("registered_on", REGISTERED),
        **fields,
    )


def declare(interest_or_person, meeting: Meeting, description: str, **fields) -> Declaration:
    if isinstance(interest_or_person, Interest):
        fields["interest"] = interest_or_person
        person = interest_or_person.person
    else:
        person = interest_or_person
    return Declaration.objects.create(
        meeting=meeting,
        person=person,
        kind=Declaration.Kind.PERSONAL,
        description=description,
        **fields,
    )


def published_meeting(board, day: int) -> Meeting:
    return MeetingFactory(
        board=board,
        starts_at=datetime.datetime(2011, 2, day, 14, tzinfo=datetime.UTC),
        minutes_status=Meeting.MinutesStatus.PUBLISHED,
        minutes_published_at=timezone.now(),
    )


def url(person: Person, suffix: str = "") -> str:
    return f"/partnerships/people/{person.pk}/interests/{suffix}"


# Services


def test_registering_an_interest_keeps_what_it_names(councillor, council):
    interest = register(councillor, "  Director of Hereford Futures Ltd  ", organisation=council)

    interest.refresh_from_db()
    assert interest.description == "Director of Hereford Futures Ltd"
    assert interest.organisation == council
    assert interest.registered_on == REGISTERED
    assert interest.ended_on is None


def test_a_blank_description_is_refused_and_nothing_saved(councillor):
    with pytest.raises(ValidationError) as refusal:
        register(councillor, "   ")

    assert refusal.value.message_dict == {"description": [DESCRIPTION_REQUIRED]}
    assert not Interest.objects.exists()


def test_an_interest_cannot_be_registered_from_a_future_day(councillor):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    with pytest.raises(ValidationError) as refusal:
        register(councillor, "Governor, Whitecross High School", registered_on=tomorrow)

    assert refusal.value.message_dict == {"registered_on": [REGISTERED_IN_FUTURE]}
    assert not Interest.objects.exists()


def test_ending_an_interest_keeps_it_as_a_past_interest(councillor):
    interest = register(councillor, "Member, Hereford Civic Society")

    interest_end(interest=interest, ended_on=datetime.date(2011, 5, 5))

    interest.refresh_from_db()
    assert interest.ended_on == datetime.date(2011, 5, 5)


def test_an_interest_cannot_end_before_it_was_registered(councillor):
    interest = register(councillor, "Member, Hereford Civic Society")

    with pytest.raises(ValidationError) as refusal:
        interest_end(interest=interest, ended_on=datetime.date(2011, 1, 9))

    assert refusal.value.message_dict == {
        "ended_on": [ENDS_BEFORE_REGISTERED.format(date="10 January 2011")]
    }
    interest.refresh_from_db()
    assert interest.ended_on is None


def test_an_interest_ends_once(councillor):
    interest = register(councillor, "Member, Hereford Civic Society")
    interest_end(interest=interest, ended_on=datetime.date(2011, 5, 5))

    with pytest.raises(ValidationError) as refusal:
        interest_end(interest=interest, ended_on=datetime.date(2011, 6, 1))

    assert refusal.value.messages == [ALREADY_ENDED.format(date="5 May 2011")]
    interest.refresh_from_db()
    assert interest.ended_on == datetime.date(2011, 5, 5)


# A person's register


def test_a_councillors_register_shows_declarations_beside_the_interest_they_cite(
    client, board, councillor, council, django_assert_max_num_queries
):
    interest = register(councillor, "Director of Hereford Futures Ltd", organisation=council)
    register(councillor, "Member, Hereford Civic Society", kind=Interest.Kind.MEMBERSHIP)
    february = published_meeting(board, 17)
    item = AgendaItemFactory(meeting=february, position=5, title="Locality Strategy")
    declare(interest, february, "Director of a company bidding for the work", agenda_item=item)
    declare(councillor, published_meeting(board, 3), "A neighbour's planning application")

    with django_assert_max_num_queries(6):
        response = client.get(url(councillor))

    page = text_of(response)
    assert response.status_code == 200
    assert "Register of interests" in page
    assert (
        "Employment, office or trade Current Description Director of Hereford Futures Ltd "
        "Organisation Herefordshire Council Registered 10 January 2011 , still current "
        "Declared at meetings Cabinet, 17 February 2011 , item 5: Locality Strategy. "
        "Personal interest: Director of a company bidding for the work" in page
    )
    assert (
        "Membership of a body Current Description Member, Hereford Civic Society "
        "Registered 10 January 2011 , still current Declared at meetings None." in page
    )
    assert (
        "Declarations not tied to a registered interest Cabinet, 3 February 2011 . "
        "Personal interest: A neighbour's planning application" in page
    )
    # The public may read the register but not change it.
    assert "Register an interest" not in page


def test_declarations_in_draft_minutes_are_shown_only_to_the_member_themselves(
    client, board, councillor
):
    interest = register(councillor, "Director of Hereford Futures Ltd")
    draft = MeetingFactory(
        board=board,
        starts_at=datetime.datetime(2011, 3, 17, 14, tzinfo=datetime.UTC),
        minutes_status=Meeting.MinutesStatus.DRAFT,
    )
    declare(interest, draft, "Director of a company bidding for the work")

    assert "bidding for the work" not in text_of(client.get(url(councillor)))
    client.force_login(councillor.user)
    assert "Cabinet, 17 March 2011" in text_of(client.get(url(councillor)))


def test_an_officers_register_is_kept_to_the_partnerships_officers(client, seated_officer, officer):
    register(seated_officer, "Trustee, Herefordshire Carers Support")

    assert client.get(url(seated_officer)).status_code == 302  # to sign in
    client.force_login(UserFactory())
    assert client.get(url(seated_officer)).status_code == 403
    client.force_login(officer.user)
    assert "Trustee, Herefordshire Carers Support" in text_of(client.get(url(seated_officer)))


# Registering and ending an interest through the pages


@pytest.mark.parametrize("who", ["councillor", "officer"])
def test_the_member_or_an_officer_of_their_partnership_registers_an_interest(
    client, councillor, officer, council, who
):
    client.force_login({"councillor": councillor, "officer": officer}[who].user)

    response = client.post(
        url(councillor, "new/"),
        {
            "kind": Interest.Kind.SPONSORSHIP,
            "description": "Election expenses met by the Herefordshire Liberal Democrats",
            "organisation": council.pk,
            "registered_on_0": "6",
            "registered_on_1": "5",
            "registered_on_2": "2010",
        },
    )

    assert response.status_code == 302
    assert response.url == url(councillor)
    interest = Interest.objects.get()
    assert interest.person == councillor
    assert interest.kind == Interest.Kind.SPONSORSHIP
    assert interest.organisation == council
    assert interest.registered_on == datetime.date(2010, 5, 6)
    page = text_of(client.get(response.url))
    assert "The interest has been registered." in page
    assert "Register an interest" in page


def test_no_one_else_may_register_an_interest_for_a_member(client, councillor):
    other_partnerships_officer = PersonFactory(
        capacity=Person.Capacity.OFFICER, organisation=OrganisationFactory(), user=UserFactory()
    )
    client.force_login(other_partnerships_officer.user)

    assert client.get(url(councillor, "new/")).status_code == 403
    response = client.post(url(councillor, "new/"), {"kind": "gift", "description": "Tickets"})
    assert response.status_code == 403
    assert not Interest.objects.exists()


def test_a_blank_description_and_date_are_refused_on_the_page_and_nothing_saved(client, councillor):
    client.force_login(councillor.user)

    response = client.post(
        url(councillor, "new/"), {"kind": Interest.Kind.GIFT, "description": " "}
    )

    assert response.status_code == 200
    assert error_summary(response) == [REGISTERED_ON_REQUIRED]
    response = client.post(
        url(councillor, "new/"),
        {
            "kind": Interest.Kind.GIFT,
            "description": " ",
            "registered_on_0": "6",
            "registered_on_1": "5",
            "registered_on_2": "2010",
        },
    )
    assert error_summary(response) == [DESCRIPTION_REQUIRED]
    assert not Interest.objects.exists()


def test_ending_before_registration_is_refused_on_the_page(client, councillor):
    interest = register(councillor, "Member, Hereford Civic Society", kind=Interest.Kind.MEMBERSHIP)
    client.force_login(councillor.user)
    end_url = url(councillor, f"{interest.pk}/end/")

    response = client.post(end_url, {"ended_on_0": "1", "ended_on_1": "1", "ended_on_2": "2011"})

    assert error_summary(response) == [ENDS_BEFORE_REGISTERED.format(date="10 January 2011")]
    interest.refresh_from_db()
    assert interest.ended_on is None
    response = client.post(end_url, {"ended_on_0": "5", "ended_on_1": "5", "ended_on_2": "2011"})
    assert response.status_code == 302
    page = text_of(client.get(url(councillor)))
    assert "The interest has been ended. It stays on the register as a past interest." in page
    assert "Membership of a body Ended Description Member, Hereford Civic Society" in page
    assert "Registered 10 January 2011 to 5 May 2011" in page


# A partnership's register of members' interests


def test_the_partnership_register_lists_members_current_interests(
    client, board, councillor, seated_officer, django_assert_max_num_queries
):
    register(councillor, "Director of Hereford Futures Ltd")
    ended = register(councillor, "Member, Hereford Civic Society")
    interest_end(interest=ended, ended_on=datetime.date(2011, 5, 5))
    register(seated_officer, "Trustee, Herefordshire Carers Support")
    for number in range(3):
        member = PersonFactory(name=f"Member {number}", capacity=Person.Capacity.ELECTED_MEMBER)
        BoardMembershipFactory(board=board, person=member)
        register(member, f"Interest of member {number}")
    register_url = f"/partnerships/{board.partnership.slug}/interests/"

    with django_assert_max_num_queries(5):
        response = client.get(register_url)

    page = text_of(response)
    assert "Register of members' interests" in page
    assert (
        "Councillor RJ Phillips Cabinet (member) Employment, office or trade: "
        "Director of Hereford Futures Ltd, since 10 January 2011" in page
    )
    assert "Member 2 Cabinet (member) Employment, office or trade: Interest of member 2" in page
    assert "Hereford Civic Society" not in page
    assert "Chris Bull" not in page
    assert "Officers' interests are shown to the partnership's officers." in page

    client.force_login(seated_officer.user)
    page = text_of(client.get(register_url))
    assert "Chris Bull Cabinet (member) Employment, office or trade: Trustee" in page
