"""Which reminder point an action has reached, under each setting of a partnership's policy."""

import pytest

from outcomes.models import ReminderPolicy
from outcomes.reminders import escalation_point, lead_point

DEFAULT = ReminderPolicy()


@pytest.mark.parametrize(
    ("days_overdue", "point"),
    [
        (-20, None),
        (-15, None),
        (-14, -14),
        (-10, -14),
        (-3, -3),
        (-1, -3),
        (0, 0),
        (6, 0),
        (7, 7),
        (13, 7),
        (14, 14),
        (30, 28),
    ],
)
def test_the_default_policy_reminds_14_and_3_days_before_on_the_day_then_weekly(
    days_overdue, point
):
    assert lead_point(DEFAULT, days_overdue) == point


def test_a_sweep_that_missed_weeks_reaches_only_the_latest_point():
    assert lead_point(DEFAULT, 23) == 21


def test_without_the_day_itself_an_action_due_today_has_reached_3_days_before():
    policy = ReminderPolicy(days_before="14, 3", on_the_day=False)

    assert lead_point(policy, 0) == -3


def test_days_before_are_read_in_any_order_and_spacing():
    policy = ReminderPolicy(days_before="3,28 , 7")

    assert [lead_point(policy, days) for days in (-29, -28, -7, -3)] == [None, -28, -7, -3]


def test_with_no_overdue_interval_the_last_point_is_the_day_itself():
    policy = ReminderPolicy(overdue_every_days=0)

    assert lead_point(policy, 100) == 0


@pytest.mark.parametrize(
    ("days_overdue", "point"), [(0, None), (27, None), (28, 28), (34, 28), (35, 35), (50, 49)]
)
def test_escalation_starts_28_days_overdue_then_follows_the_overdue_interval(days_overdue, point):
    assert escalation_point(DEFAULT, days_overdue) == point


def test_escalation_keeps_its_own_step_from_the_day_it_starts():
    policy = ReminderPolicy(overdue_every_days=10, escalate_after_days=15)

    assert [escalation_point(policy, days) for days in (14, 15, 24, 25)] == [None, 15, 15, 25]


def test_escalation_with_no_overdue_interval_happens_once():
    policy = ReminderPolicy(overdue_every_days=0, escalate_after_days=28)

    assert escalation_point(policy, 400) == 28


def test_no_escalation_when_the_policy_says_never():
    assert escalation_point(ReminderPolicy(escalate_after_days=0), 400) is None
