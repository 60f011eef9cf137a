import datetime

import pytest
from django.core.exceptions import ValidationError

from partnership.models import Merger, Organisation, PartnerMembership, Person
from partnership.services import (
    MERGED_INTO_ITSELF,
    MERGED_INTO_OWN_PREDECESSOR,
    MERGER_BEFORE_FOUNDED,
    MERGER_NEEDS_PREDECESSORS,
    merger_record,
)
from tests.factories import (
    BoardMembershipFactory,
    OrganisationFactory,
    PartnershipFactory,
    PersonFactory,
    UserFactory,
)
from tests.pages import error_summary
from tests.pages import text_of as page_text

pytestmark = pytest.mark.django_db

ON = datetime.date(2006, 10, 1)


@pytest.fixture
def admin():
    return UserFactory(is_superuser=True)


@pytest.fixture
def chain(admin):
    """Two PCTs merge into a third, which later merges with another PCT into a trust."""
    first = OrganisationFactory(name="North PCT")
    second = OrganisationFactory(name="South PCT")
    merged = OrganisationFactory(name="County PCT")
    other = OrganisationFactory(name="City PCT")
    trust = OrganisationFactory(name="County Health Trust")
    merger_record(successor=merged, predecessors=[first, second], effective_on=ON, by=admin)
    merger_record(
        successor=trust,
        predecessors=[merged, other],
        effective_on=datetime.date(2011, 4, 1),
        by=admin,
    )
    return first, second, merged, other, trust


def text_of(response) -> str:
    """The page's text, with no space left before a stop or comma where a tag closed."""
    return page_text(response).replace(" .", ".").replace(" ,", ",")


def officer_of(organisation: Organisation):
    partnership = PartnershipFactory()
    PartnerMembership.objects.create(partnership=partnership, organisation=organisation)
    user = UserFactory()
    PersonFactory(user=user, organisation=organisation, capacity=Person.Capacity.OFFICER)
    return user


def test_merger_records_predecessors_and_dissolves_them_on_its_date(admin):
    successor = OrganisationFactory(name="New PCT")
    kept = OrganisationFactory(name="Old PCT", dissolved_on=datetime.date(2006, 9, 30))
    other = OrganisationFactory(name="Other PCT")
    seat = BoardMembershipFactory(organisation=other)

    merger = merger_record(
        successor=successor, predecessors=[kept, other], effective_on=ON, by=admin
    )

    assert set(merger.predecessors.all()) == {kept, other}
    kept.refresh_from_db()
    other.refresh_from_db()
    assert kept.dissolved_on == datetime.date(2006, 9, 30)
    assert other.dissolved_on == ON
    seat.refresh_from_db()
    assert seat.organisation == other
    assert merger.history.get().history_user == admin


def test_an_organisation_cannot_merge_into_itself(admin):
    successor = OrganisationFactory(name="New PCT")

    with pytest.raises(ValidationError) as refusal:
        merger_record(successor=successor, predecessors=[successor], effective_on=ON, by=admin)

    assert refusal.value.messages == [MERGED_INTO_ITSELF.format(organisation=successor)]
    assert refusal.value.messages == ["New PCT cannot be merged into itself."]
    assert not Merger.objects.exists()
    successor.refresh_from_db()
    assert successor.dissolved_on is None


def test_an_organisation_cannot_merge_into_its_direct_predecessor(admin, chain):
    first, _, merged, _, _ = chain

    with pytest.raises(ValidationError) as refusal:
        merger_record(successor=first, predecessors=[merged], effective_on=ON, by=admin)

    assert refusal.value.messages == [
        "County PCT cannot be merged into North PCT: North PCT is one of the organisations "
        "County PCT was formed from."
    ]
    assert Merger.objects.count() == 2


def test_an_organisation_cannot_merge_into_a_predecessor_further_back(admin, chain):
    first, _, _, _, trust = chain
    bystander = OrganisationFactory(name="Bystander")

    with pytest.raises(ValidationError) as refusal:
        merger_record(successor=first, predecessors=[bystander, trust], effective_on=ON, by=admin)

    assert refusal.value.messages == [
        MERGED_INTO_OWN_PREDECESSOR.format(predecessor=trust, successor=first)
    ]
    assert Merger.objects.count() == 2
    bystander.refresh_from_db()
    assert bystander.dissolved_on is None


def test_a_merger_needs_predecessors(admin):
    with pytest.raises(ValidationError) as refusal:
        merger_record(successor=OrganisationFactory(), predecessors=[], effective_on=ON, by=admin)

    assert refusal.value.messages == [MERGER_NEEDS_PREDECESSORS]
    assert not Merger.objects.exists()


def test_a_merger_cannot_predate_a_predecessor(admin):
    young = OrganisationFactory(name="Young PCT", founded_on=datetime.date(2007, 1, 1))

    with pytest.raises(ValidationError) as refusal:
        merger_record(
            successor=OrganisationFactory(), predecessors=[young], effective_on=ON, by=admin
        )

    assert refusal.value.messages == [
        MERGER_BEFORE_FOUNDED.format(organisation=young, founded_on="1 January 2007")
    ]
    assert not Merger.objects.exists()


def test_succession_is_followed_back_and_forward(client, chain, django_assert_max_num_queries):
    first, _, merged, _, trust = chain

    with django_assert_max_num_queries(12):
        first_page = text_of(client.get(first.get_absolute_url()))
    merged_page = text_of(client.get(merged.get_absolute_url()))
    trust_page = text_of(client.get(trust.get_absolute_url()))

    assert "This organisation ceased on 1 October 2006." in first_page
    assert "Merged into County PCT on 1 October 2006." in first_page
    assert "County PCT merged into County Health Trust on 1 April 2011." in first_page
    assert "Formed on 1 October 2006 by the merger of North PCT and South PCT." in merged_page
    assert "Merged into County Health Trust on 1 April 2011." in merged_page
    assert "Formed on 1 April 2011 by the merger of City PCT and County PCT." in trust_page
    assert (
        "County PCT was formed on 1 October 2006 by the merger of North PCT and South PCT."
        in trust_page
    )


def test_organisation_page_keeps_past_seats(client, admin):
    pct = OrganisationFactory(name="Old PCT")
    BoardMembershipFactory(
        organisation=pct,
        person=PersonFactory(name="Ann Lee"),
        board__name="Health Board",
        started_on=datetime.date(2004, 1, 1),
        ended_on=datetime.date(2006, 9, 30),
    )
    merger_record(
        successor=OrganisationFactory(name="New PCT"), predecessors=[pct], effective_on=ON, by=admin
    )

    page = text_of(client.get(pct.get_absolute_url()))

    assert "Past seats Board Held by Role From To Health Board" in page
    assert "Ann Lee Member 1 January 2004 30 September 2006" in page


def test_demo_cannock_chase_merger_shows_on_both_sides(client, demo):
    successor = Organisation.objects.get(name="South Staffordshire Primary Care Trust")
    predecessor = Organisation.objects.get(name="Cannock Chase Primary Care Trust")

    successor_page = text_of(client.get(successor.get_absolute_url()))
    predecessor_page = text_of(client.get(predecessor.get_absolute_url()))

    assert (
        "Formed on 1 October 2006 by the merger of Burntwood, Lichfield and Tamworth Primary "
        "Care Trust, Cannock Chase Primary Care Trust, East Staffordshire Primary Care Trust and "
        "South Western Staffordshire Primary Care Trust." in successor_page
    )
    assert (
        "Merged into South Staffordshire Primary Care Trust on 1 October 2006." in predecessor_page
    )


def test_officer_of_a_partner_records_a_merger(client):
    successor = OrganisationFactory(name="New PCT")
    predecessor = OrganisationFactory(name="Old PCT")
    client.force_login(officer_of(successor))

    page = client.get(f"/partnerships/organisations/{successor.pk}/")
    response = client.post(
        f"/partnerships/organisations/{successor.pk}/merger/",
        {
            "predecessors": [predecessor.pk],
            "effective_on_0": "1",
            "effective_on_1": "10",
            "effective_on_2": "2006",
        },
        follow=True,
    )

    assert "Record a merger forming New PCT" in text_of(page)
    assert "The merger forming New PCT has been recorded." in text_of(response)
    assert "Formed on 1 October 2006 by the merger of Old PCT." in text_of(response)


def test_a_refused_merger_shows_its_message_and_saves_nothing(client, admin, chain):
    first, _, merged, _, _ = chain
    client.force_login(admin)

    response = client.post(
        f"/partnerships/organisations/{first.pk}/merger/",
        {
            "predecessors": [merged.pk],
            "effective_on_0": "1",
            "effective_on_1": "4",
            "effective_on_2": "2012",
        },
    )

    assert error_summary(response) == [
        "County PCT cannot be merged into North PCT: North PCT is one of the organisations "
        "County PCT was formed from."
    ]
    assert Merger.objects.count() == 2


def test_a_merger_form_without_predecessors_or_date_is_refused(client, admin):
    successor = OrganisationFactory(name="New PCT")
    client.force_login(admin)

    response = client.post(f"/partnerships/organisations/{successor.pk}/merger/", {})

    assert error_summary(response) == ["Enter the date the merger took effect."]
    assert not Merger.objects.exists()


def test_only_officers_of_its_partnerships_record_a_merger(client):
    successor = OrganisationFactory()
    client.force_login(officer_of(OrganisationFactory()))

    page = client.get(successor.get_absolute_url())
    response = client.get(f"/partnerships/organisations/{successor.pk}/merger/")

    assert "Record a merger" not in text_of(page)
    assert response.status_code == 403
