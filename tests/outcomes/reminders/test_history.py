"""The reminder history on an action's page: what went, to whom, and what did not and why."""

import datetime
import re

import pytest
from django.template.loader import render_to_string

from outcomes.models import DevelopmentAction, Reminder
from tests.factories import BoardFactory, PersonFactory
from tests.outcomes.reminders.conftest import days_from_today

pytestmark = pytest.mark.django_db


def history_text(action) -> str:
    html = render_to_string("outcomes/includes/reminder_history.html", {"action": action})
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def remind(action, days: int, *, deadline=None, **fields) -> Reminder:
    return Reminder.objects.create(
        action=action,
        deadline=deadline or action.deadline,
        days_from_deadline=days,
        recipient=fields.pop("recipient", action.lead_person),
        **fields,
    )


def test_the_history_lists_reminders_newest_first_with_what_became_of_each(
    make_action, lead, django_assert_max_num_queries
):
    action = make_action(-8, lead_person=lead)
    remind(action, -14, sent_at=datetime.datetime(2014, 2, 24, 7, 0, tzinfo=datetime.UTC))
    remind(action, 0, failed_attempts=2, last_error="Mailbox unavailable")
    remind(action, 7)
    chair = PersonFactory(name="Carol Chair")
    remind(action, 28, deadline=days_from_today(-40), kind="escalation", recipient=chair)
    action = DevelopmentAction.objects.select_related("lead_person").get(pk=action.pk)

    with django_assert_max_num_queries(1):
        text = history_text(action)

    assert text == (
        "Reminders Reminders of this deadline go to Alison Lead. "
        "Reminders of this action, newest first Reminder To Deadline Sent "
        "28 days overdue, escalation to the chair Carol Chair 5 February 2014 "
        "Not sent: the deadline moved "
        "7 days overdue, reminder to the lead Alison Lead 9 March 2014 Not sent yet "
        "On the day, reminder to the lead Alison Lead 9 March 2014 "
        "Not sent yet (2 failed attempts: Mailbox unavailable) "
        "14 days before, reminder to the lead Alison Lead 9 March 2014 "
        "Sent 24 February 2014 at 07:00"
    )


def test_a_closed_action_says_its_unsent_reminders_will_not_go(make_action, lead):
    action = make_action(3, lead_person=lead, status=DevelopmentAction.Status.DONE)
    remind(action, -3)

    text = history_text(action)

    assert "3 days before, reminder to the lead Alison Lead" in text
    assert text.endswith("Not sent: the action was closed")
    assert "go to" not in text


def test_the_history_says_when_there_is_nobody_to_remind(make_action):
    action = make_action(3, lead_board=BoardFactory())

    assert history_text(action) == (
        "Reminders Nobody is reminded of this deadline: the action has no lead person, "
        "and no lead board with a chair. No reminders have fallen due yet."
    )


def test_the_history_names_the_lead_boards_chair(make_action, make_chair):
    board = BoardFactory()
    make_chair(board, "Carol Chair")
    action = make_action(3, lead_board=board)

    assert "Reminders of this deadline go to Carol Chair." in history_text(action)


def test_an_action_without_a_deadline_has_no_one_to_remind_and_says_nothing_of_it(make_action):
    action = make_action(3)
    action.deadline = None

    assert history_text(action) == "Reminders No reminders have fallen due yet."
