import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from governance.interests import interest_end, interest_register
from governance.models import BoardMembership, Interest
from meetings.models import Meeting, Report
from partnership.models import Area, Nation, Organisation, Person
from tests.factories import (
    AgendaItemFactory,
    BoardMembershipFactory,
    MeetingFactory,
    OrganisationFactory,
    PersonFactory,
    UserFactory,
)
from tests.pages import text_of

pytestmark = pytest.mark.django_db

REGISTERED = datetime.date(2011, 1, 10)


@pytest.fixture
def meeting() -> Meeting:
    return MeetingFactory(
        starts_at=timezone.now() + datetime.timedelta(days=7),
        agenda_published_at=timezone.now(),
        board__name="Cabinet",
    )


@pytest.fixture
def futures() -> Organisation:
    return OrganisationFactory(name="Hereford Futures", short_name="HFL")


@pytest.fixture
def hospitals() -> Organisation:
    return OrganisationFactory(
        name="Hereford Hospitals NHS Trust", kind=Organisation.Kind.NHS_TRUST
    )


@pytest.fixture
def ward() -> Area:
    return Area.objects.create(name="Leominster North", kind=Area.Kind.WARD, nation=Nation.ENGLAND)


def member(meeting: Meeting, name: str, role=BoardMembership.Role.MEMBER) -> Person:
    person = PersonFactory(
        name=name, capacity=Person.Capacity.ELECTED_MEMBER, user=UserFactory(username=name)
    )
    BoardMembershipFactory(board=meeting.board, person=person, role=role)
    return person


def register(person: Person, description: str, kind=Interest.Kind.EMPLOYMENT, **fields) -> Interest:
    return interest_register(
        person=person,
        kind=kind,
        description=description,
        registered_on=REGISTERED,
        **fields,
    )


def report_item(meeting: Meeting, position: int, title: str, **report_fields):
    report = Report.objects.create(board=meeting.board, title=title, **report_fields)
    return AgendaItemFactory(meeting=meeting, position=position, title=title, report=report)


@pytest.fixture
def agenda(meeting, hospitals):
    """Items that name an organisation, affect wards, and have a contact from an NHS trust."""
    AgendaItemFactory(meeting=meeting, position=1, title="Apologies for absence")
    report_item(
        meeting,
        4,
        "Herefordshire Partnership Engagement Framework",
        body="<p>The framework was drafted with <strong>HFL</strong> and the parishes.</p>",
    )
    report_item(
        meeting,
        5,
        "Locality Strategy for Herefordshire",
        wards_affected="Leominster North; Leominster South",
    )
    report_item(
        meeting,
        6,
        "Information and ICT Strategy",
        contact_officer=PersonFactory(
            name="Tony Ford", capacity=Person.Capacity.OFFICER, organisation=hospitals
        ),
    )


def prompts_on(page: str) -> list[str]:
    return [line for line in page.split(" Your register of interests") if "You may have" in line]


def test_a_member_is_prompted_by_an_organisation_named_in_the_report(
    client, meeting, agenda, futures
):
    councillor = member(meeting, "PJ Edwards")
    register(councillor, "Director of Hereford Futures Ltd", organisation=futures)
    client.force_login(councillor.user)

    page = text_of(client.get(meeting.get_absolute_url()))

    assert (
        "You may have an interest to declare in item 4: your registered interest “Director of "
        "Hereford Futures Ltd” (employment, office or trade), as the item names Hereford "
        "Futures." in page
    )
    assert len(prompts_on(page)) == 1
    response = client.get(meeting.get_absolute_url())
    assert f'href="/partnerships/people/{councillor.pk}/interests/"' in response.content.decode()


def test_a_member_is_prompted_by_a_ward_the_report_affects(client, meeting, agenda, ward):
    councillor = member(meeting, "JP French")
    register(councillor, "Owner of 3 Bridge Street, Leominster", area=ward, kind=Interest.Kind.LAND)

    client.force_login(councillor.user)
    page = text_of(client.get(meeting.get_absolute_url()))

    assert (
        "You may have an interest to declare in item 5: your registered interest “Owner of 3 "
        "Bridge Street, Leominster” (land or property), as its report affects Leominster "
        "North." in page
    )
    assert len(prompts_on(page)) == 1


def test_a_member_is_prompted_by_the_organisation_of_the_reports_contact(
    client, meeting, agenda, hospitals
):
    councillor = member(meeting, "LO Barnett")
    register(councillor, "Non-executive director", organisation=hospitals)

    client.force_login(councillor.user)
    page = text_of(client.get(meeting.get_absolute_url()))

    assert (
        "You may have an interest to declare in item 6: your registered interest "
        "“Non-executive director” (employment, office or trade), as its report's contact "
        "officer, Tony Ford, is from Hereford Hospitals NHS Trust." in page
    )
    assert len(prompts_on(page)) == 1


def test_an_ended_interest_prompts_no_one(client, meeting, agenda, futures):
    councillor = member(meeting, "PJ Edwards")
    interest = register(councillor, "Director of Hereford Futures Ltd", organisation=futures)
    interest_end(interest=interest, ended_on=datetime.date(2011, 3, 31))

    client.force_login(councillor.user)

    assert "You may have" not in text_of(client.get(meeting.get_absolute_url()))


def test_only_the_member_sees_their_own_prompts(client, meeting, agenda, futures):
    councillor = member(meeting, "PJ Edwards")
    register(councillor, "Director of Hereford Futures Ltd", organisation=futures)
    other_member = member(meeting, "JG Jarvis")
    not_a_member = PersonFactory(capacity=Person.Capacity.ELECTED_MEMBER, user=UserFactory())
    register(not_a_member, "Director of Hereford Futures Ltd", organisation=futures)

    assert "You may have" not in text_of(client.get(meeting.get_absolute_url()))
    for person in (other_member, not_a_member):
        client.force_login(person.user)
        assert "You may have" not in text_of(client.get(meeting.get_absolute_url()))


def test_the_chair_is_prompted_in_the_agenda_builder(client, meeting, agenda, futures):
    chair = member(meeting, "RJ Phillips", role=BoardMembership.Role.CHAIR)
    register(chair, "Director of Hereford Futures Ltd", organisation=futures)
    client.force_login(chair.user)

    page = text_of(client.get(f"/meetings/{meeting.pk}/agenda/"))

    assert "Items in order" in page
    assert "You may have an interest to declare in item 4" in page
    assert len(prompts_on(page)) == 1


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_prompts_take_the_same_queries_however_many_items_and_interests(
    client, meeting, agenda, futures, hospitals, ward
):
    councillor = member(meeting, "PJ Edwards")
    register(councillor, "Director of Hereford Futures Ltd", organisation=futures)
    client.force_login(councillor.user)
    few = _queries(client, meeting.get_absolute_url())

    for position in range(7, 17):
        report_item(meeting, position, f"Report {position} from Hereford Futures")
    register(councillor, "Owner of land", area=ward)
    register(councillor, "Governor", organisation=hospitals)
    page = text_of(client.get(meeting.get_absolute_url()))

    assert len(prompts_on(page)) == 13  # items 4 to 16
    assert _queries(client, meeting.get_absolute_url()) == few
