import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from outcomes.models import DevelopmentAction, Outcome, Reading, Reminder, Target
from tests.factories import (
    DevelopmentActionFactory,
    IndicatorFactory,
    OutcomeFrameworkFactory,
    PartnershipFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db

APRIL_2013 = datetime.date(2013, 4, 1)
MARCH_2014 = datetime.date(2014, 3, 31)
APRIL_2014 = datetime.date(2014, 4, 1)
MARCH_2015 = datetime.date(2015, 3, 31)


def remind(action, deadline, days_from_deadline):
    return Reminder.objects.create(
        action=action,
        deadline=deadline,
        days_from_deadline=days_from_deadline,
        recipient=PersonFactory(),
    )


def test_one_reminder_per_action_point_and_deadline():
    action = DevelopmentActionFactory(deadline=MARCH_2014)
    remind(action, MARCH_2014, -14)
    remind(action, MARCH_2014, -3)

    with pytest.raises(IntegrityError), transaction.atomic():
        remind(action, MARCH_2014, -14)


def test_moved_deadline_starts_a_new_series_of_reminders():
    action = DevelopmentActionFactory(deadline=MARCH_2015)
    remind(action, MARCH_2014, -14)

    remind(action, MARCH_2015, -14)

    assert action.reminders.count() == 2


def test_reminder_reads_as_its_point_and_deadline():
    action = DevelopmentActionFactory(reference="2.3")

    assert str(Reminder(action=action, deadline=MARCH_2014, days_from_deadline=-14)) == (
        "Reminder 14 days before the 31 March 2014 deadline of 2.3"
    )
    assert str(Reminder(action=action, deadline=MARCH_2014, days_from_deadline=0)) == (
        "Reminder on the 31 March 2014 deadline of 2.3"
    )
    assert str(Reminder(action=action, deadline=MARCH_2014, days_from_deadline=7)) == (
        "Reminder 7 days after the 31 March 2014 deadline of 2.3"
    )


@pytest.mark.parametrize("model", [Target, Reading])
def test_one_value_per_indicator_and_period(model):
    indicator = IndicatorFactory()
    model.objects.create(
        indicator=indicator, period_start=APRIL_2013, period_end=MARCH_2014, value=10
    )
    model.objects.create(
        indicator=indicator, period_start=APRIL_2014, period_end=MARCH_2015, value=12
    )

    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.create(
            indicator=indicator, period_start=APRIL_2013, period_end=MARCH_2014, value=11
        )


@pytest.mark.parametrize("model", [Target, Reading])
def test_period_cannot_end_before_it_starts(model):
    value = model(
        indicator=IndicatorFactory(), period_start=APRIL_2014, period_end=MARCH_2014, value=1
    )

    with pytest.raises(ValidationError) as refusal:
        value.clean()

    assert refusal.value.message_dict == {"period_end": ["A period cannot end before it starts."]}
    with pytest.raises(IntegrityError), transaction.atomic():
        value.save()


def test_framework_ends_after_it_starts():
    OutcomeFrameworkFactory(starts_on=APRIL_2013, ends_on=MARCH_2014)

    with pytest.raises(IntegrityError), transaction.atomic():
        OutcomeFrameworkFactory(starts_on=APRIL_2013, ends_on=APRIL_2013)


def test_action_cannot_take_another_partnerships_framework():
    action = DevelopmentAction(
        partnership=PartnershipFactory(),
        framework=OutcomeFrameworkFactory(),
        reference="1.1",
        activity="Agree a performance framework",
    )

    with pytest.raises(ValidationError) as refusal:
        action.clean()

    assert refusal.value.message_dict == {
        "framework": ["The framework belongs to another partnership."]
    }
    action.partnership = action.framework.partnership
    action.clean()


def test_overdue_actions_are_open_and_past_their_deadline():
    today = datetime.date(2014, 4, 1)
    overdue = DevelopmentActionFactory(deadline=MARCH_2014)
    overdue_in_progress = DevelopmentActionFactory(
        deadline=MARCH_2014, status=DevelopmentAction.Status.IN_PROGRESS
    )
    DevelopmentActionFactory(deadline=MARCH_2014, status=DevelopmentAction.Status.DONE)
    DevelopmentActionFactory(deadline=MARCH_2014, status=DevelopmentAction.Status.DROPPED)
    DevelopmentActionFactory(deadline=today)
    DevelopmentActionFactory(deadline=None, deadline_wording="On-going")

    assert set(DevelopmentAction.objects.overdue(today)) == {overdue, overdue_in_progress}


def test_outcome_target_and_reading_read_naturally():
    indicator = IndicatorFactory(code="H2.1", name="Adults who smoke")
    period = {"indicator": indicator, "period_start": APRIL_2013, "period_end": MARCH_2014}

    assert str(Outcome(number=2, title="People live healthier lives")) == (
        "Outcome 2: People live healthier lives"
    )
    assert str(Target(value=Decimal("18.5"), **period)) == (
        "Target for H2.1 Adults who smoke, Apr 2013–Mar 2014"
    )
    assert str(Reading(value=Decimal("19.2"), **period)) == (
        "H2.1 Adults who smoke, Apr 2013–Mar 2014: 19.2"
    )
