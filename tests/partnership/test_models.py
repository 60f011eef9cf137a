import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from partnership.models import Area, Merger, Nation, PartnerMembership, Person
from tests.factories import OrganisationFactory, PartnershipFactory

pytestmark = pytest.mark.django_db


def test_municipal_year_starts_in_may_by_default():
    partnership = PartnershipFactory()

    assert partnership.municipal_year_of(datetime.date(2011, 2, 17)) == 2010
    assert partnership.municipal_year_of(datetime.date(2011, 5, 1)) == 2011


def test_municipal_year_follows_the_partnerships_start_month():
    partnership = PartnershipFactory(municipal_year_start_month=4)

    assert partnership.municipal_year_of(datetime.date(2011, 3, 31)) == 2010
    assert partnership.municipal_year_of(datetime.date(2011, 4, 1)) == 2011


def test_database_refuses_a_thirteenth_month():
    with pytest.raises(IntegrityError), transaction.atomic():
        PartnershipFactory(municipal_year_start_month=13)


def test_organisation_may_belong_to_a_partnership_again_after_leaving():
    partnership, council = PartnershipFactory(), OrganisationFactory()
    PartnerMembership.objects.create(
        partnership=partnership, organisation=council, left_on=datetime.date(2010, 3, 31)
    )

    PartnerMembership.objects.create(partnership=partnership, organisation=council)

    assert partnership.organisations.count() == 2


def test_database_refuses_two_current_memberships_of_one_organisation():
    partnership, council = PartnershipFactory(), OrganisationFactory()
    PartnerMembership.objects.create(partnership=partnership, organisation=council)

    with pytest.raises(IntegrityError), transaction.atomic():
        PartnerMembership.objects.create(partnership=partnership, organisation=council)


def test_officer_must_belong_to_an_organisation():
    officer = Person(name="Ann Smith", capacity=Person.Capacity.OFFICER)

    with pytest.raises(ValidationError) as refusal:
        officer.clean()

    assert refusal.value.message_dict == {
        "organisation": ["An officer must belong to an organisation."]
    }
    officer.organisation = OrganisationFactory()
    officer.clean()


def test_records_read_naturally():
    council = OrganisationFactory(name="Herefordshire Council")
    partnership = PartnershipFactory(name="Herefordshire Partnership")
    merger = Merger.objects.create(successor=council, effective_on=datetime.date(2009, 4, 1))

    assert str(merger) == "Merger forming Herefordshire Council on 1 April 2009"
    assert str(Area(name="Leominster", kind=Area.Kind.WARD, nation=Nation.ENGLAND)) == (
        "Leominster (ward)"
    )
    assert str(Person(honorific_prefix="Councillor", name="RJ Phillips")) == (
        "Councillor RJ Phillips"
    )
    assert str(Person(name="Ann Smith")) == "Ann Smith"
    assert str(PartnerMembership(partnership=partnership, organisation=council)) == (
        "Herefordshire Council in Herefordshire Partnership"
    )
