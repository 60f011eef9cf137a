"""The page where an officer sets when the partnership's action leads are reminded."""

import pytest
from django.urls import reverse

from outcomes.models import ReminderPolicy
from outcomes.services.reminders import (
    DAYS_BEFORE_INVALID,
    DAYS_BEFORE_NOT_POSITIVE,
    DAYS_BEFORE_TOO_FAR,
    DAYS_NEGATIVE,
)
from partnership.models import Organisation, PartnerMembership, Person
from tests.factories import OrganisationFactory, PartnershipFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def partnership():
    return PartnershipFactory(name="Highland Community Planning Partnership", slug="highland")


@pytest.fixture
def officer(partnership):
    council = OrganisationFactory(name="The Highland Council", kind=Organisation.Kind.COUNCIL)
    PartnerMembership.objects.create(partnership=partnership, organisation=council)
    user = UserFactory()
    PersonFactory(capacity=Person.Capacity.OFFICER, organisation=council, user=user)
    return user


@pytest.fixture
def page(client, officer, partnership):
    client.force_login(officer)
    return reverse("outcomes:reminder_policy", args=[partnership.slug])


VALID = {
    "days_before": "3,14, 28",
    "on_the_day": "on",
    "overdue_every_days": "14",
    "escalate_after_days": "56",
}


def test_the_page_shows_the_default_policy_until_one_is_set(client, page):
    response = client.get(page)

    assert response.status_code == 200
    text = response.content.decode()
    assert "Reminders of action deadlines" in text
    assert 'name="days_before" value="14,3"' in text
    assert 'name="overdue_every_days" value="7"' in text
    assert 'name="escalate_after_days" value="28"' in text


def test_an_officer_sets_the_policy(client, page, partnership):
    response = client.post(page, VALID, follow=True)

    assert "The reminder policy has been saved." in response.content.decode()
    policy = ReminderPolicy.objects.get(partnership=partnership)
    assert (
        policy.days_before,
        policy.on_the_day,
        policy.overdue_every_days,
        policy.escalate_after_days,
    ) == ("28,14,3", True, 14, 56)

    client.post(page, {**VALID, "on_the_day": "", "days_before": "7"})

    policy.refresh_from_db()
    assert (policy.days_before, policy.on_the_day) == ("7", False)
    assert ReminderPolicy.objects.count() == 1


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("days_before", "14, x", DAYS_BEFORE_INVALID),
        ("days_before", " , ", DAYS_BEFORE_INVALID),
        ("days_before", "14, -3", DAYS_BEFORE_NOT_POSITIVE),
        ("days_before", "0", DAYS_BEFORE_NOT_POSITIVE),
        ("days_before", "400", DAYS_BEFORE_TOO_FAR.format(limit=366)),
        ("overdue_every_days", "-7", DAYS_NEGATIVE),
        ("escalate_after_days", "-1", DAYS_NEGATIVE),
        ("escalate_after_days", "four", "Enter a whole number of days."),
    ],
)
def test_bad_input_gets_a_clear_message_and_saves_nothing(client, page, field, value, message):
    response = client.post(page, {**VALID, field: value})

    assert response.status_code == 200
    assert message.replace("'", "&#x27;") in response.content.decode()
    assert ReminderPolicy.objects.count() == 0


def test_someone_who_is_not_an_officer_of_the_partnership_may_not_set_it(client, partnership):
    client.force_login(UserFactory())

    response = client.post(reverse("outcomes:reminder_policy", args=[partnership.slug]), VALID)

    assert response.status_code == 403
    assert ReminderPolicy.objects.count() == 0


def test_the_partnership_page_links_officers_alone_to_the_policy(client, officer, partnership):
    policy_url = reverse("outcomes:reminder_policy", args=[partnership.slug])
    public = client.get(partnership.get_absolute_url()).content.decode()
    client.force_login(officer)
    signed_in = client.get(partnership.get_absolute_url()).content.decode()

    assert policy_url not in public
    assert f'href="{policy_url}">when leads are reminded</a>' in signed_in
