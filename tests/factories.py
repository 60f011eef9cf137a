"""Factories for the domain models; each sets only the fields the model requires."""

import datetime

import factory
from django.conf import settings
from django.utils import timezone
from factory.django import DjangoModelFactory

from governance.models import Board, BoardMembership, JointAppointment
from meetings.models import AgendaItem, Meeting, Minute
from outcomes.models import (
    ActionUpdate,
    DevelopmentAction,
    Indicator,
    Outcome,
    OutcomeFramework,
    Reading,
    Target,
)
from partnership.models import Nation, Organisation, Partnership, Person


class UserFactory(DjangoModelFactory):
    class Meta:
        model = settings.AUTH_USER_MODEL

    username = factory.Sequence(lambda n: f"user{n}")


class PartnershipFactory(DjangoModelFactory):
    class Meta:
        model = Partnership

    name = factory.Sequence(lambda n: f"Partnership {n}")
    slug = factory.Sequence(lambda n: f"partnership-{n}")
    kind = Partnership.Kind.LOCAL_STRATEGIC
    nation = Nation.ENGLAND


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = Organisation.Kind.COUNCIL


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Person {n}")
    capacity = Person.Capacity.REPRESENTATIVE


class BoardFactory(DjangoModelFactory):
    class Meta:
        model = Board

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Board {n}")
    slug = factory.Sequence(lambda n: f"board-{n}")
    kind = Board.Kind.PARTNERSHIP_BOARD


class BoardMembershipFactory(DjangoModelFactory):
    class Meta:
        model = BoardMembership

    board = factory.SubFactory(BoardFactory)
    person = factory.SubFactory(PersonFactory)


class JointAppointmentFactory(DjangoModelFactory):
    class Meta:
        model = JointAppointment

    partnership = factory.SubFactory(PartnershipFactory)
    post_title = factory.Sequence(lambda n: f"Joint post {n}")


class MeetingFactory(DjangoModelFactory):
    class Meta:
        model = Meeting

    board = factory.SubFactory(BoardFactory)
    starts_at = factory.LazyFunction(timezone.now)
    venue = "Council Chamber"


class AgendaItemFactory(DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    position = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Item {n}")


class MinuteFactory(DjangoModelFactory):
    """Validated on creation, so that the board and municipal year follow the meeting."""

    class Meta:
        model = Minute

    meeting = factory.SubFactory(MeetingFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Minute {n}")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        minute = model_class(*args, **kwargs)
        minute.full_clean()
        minute.save()
        return minute


class OutcomeFrameworkFactory(DjangoModelFactory):
    class Meta:
        model = OutcomeFramework

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Outcome framework {n}")
    slug = factory.Sequence(lambda n: f"framework-{n}")
    kind = OutcomeFramework.Kind.LOCAL_AREA_AGREEMENT
    starts_on = datetime.date(2013, 4, 1)
    ends_on = datetime.date(2016, 3, 31)


class OutcomeFactory(DjangoModelFactory):
    class Meta:
        model = Outcome

    framework = factory.SubFactory(OutcomeFrameworkFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Outcome {n}")


class IndicatorFactory(DjangoModelFactory):
    class Meta:
        model = Indicator

    outcome = factory.SubFactory(OutcomeFactory)
    code = factory.Sequence(lambda n: f"I{n}")
    name = factory.Sequence(lambda n: f"Indicator {n}")
    unit = "%"
    polarity = Indicator.Polarity.HIGHER_IS_BETTER
    frequency = Indicator.Frequency.ANNUAL


class DevelopmentActionFactory(DjangoModelFactory):
    class Meta:
        model = DevelopmentAction

    partnership = factory.SubFactory(PartnershipFactory)
    reference = factory.Sequence(lambda n: f"{n}.1")
    activity = factory.Sequence(lambda n: f"Improvement activity {n}")


class TargetFactory(DjangoModelFactory):
    class Meta:
        model = Target

    indicator = factory.SubFactory(IndicatorFactory)
    period_start = datetime.date(2014, 4, 1)
    period_end = datetime.date(2015, 3, 31)
    value = 50


class ReadingFactory(DjangoModelFactory):
    class Meta:
        model = Reading

    indicator = factory.SubFactory(IndicatorFactory)
    period_start = datetime.date(2014, 4, 1)
    period_end = datetime.date(2015, 3, 31)
    value = 50


class ActionUpdateFactory(DjangoModelFactory):
    class Meta:
        model = ActionUpdate

    action = factory.SubFactory(DevelopmentActionFactory)
    written_on = datetime.date(2014, 1, 15)
    author = factory.SubFactory(PersonFactory)
    text = "Progress is being made."
    status = DevelopmentAction.Status.IN_PROGRESS
