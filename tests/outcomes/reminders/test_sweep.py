"""The daily sweep: which reminders fall due, to whom, and the one digest each recipient gets."""

import datetime

import pytest
from django.core import mail

from outcomes.models import DevelopmentAction, Reminder, ReminderPolicy
from outcomes.reminders import NO_EMAIL_ADDRESS, SendResult, reminders_fall_due, reminders_run
from tests.factories import (
    BoardFactory,
    DevelopmentActionFactory,
    PartnershipFactory,
    PersonFactory,
)
from tests.outcomes.reminders.conftest import TODAY, days_from_today
from tests.outcomes.reminders.mail import REFUSE

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("recording_backend"),
]


@pytest.fixture
def recording_backend(settings):
    settings.EMAIL_BACKEND = "tests.outcomes.reminders.mail.RecordingBackend"
    settings.SITE_URL = "https://governance.example.org"


def reminder_rows():
    return list(
        Reminder.objects.order_by("pk").values_list(
            "action__reference", "days_from_deadline", "kind", "recipient__name", "deadline"
        )
    )


def test_a_lead_is_reminded_14_days_before_the_deadline(make_action, lead):
    make_action(14, reference="2.3", lead_person=lead)

    run = reminders_run(today=TODAY)

    assert reminder_rows() == [("2.3", -14, "lead", "Alison Lead", days_from_today(14))]
    assert run.sent == SendResult(sent_digests=1, sent_reminders=1, failed_digests=0)
    assert [message.to for message in mail.outbox] == [["alison.lead@example.org"]]
    assert Reminder.objects.get().sent_at is not None


def test_nothing_falls_due_before_the_first_reminder_point(make_action, lead):
    make_action(15, lead_person=lead)

    assert reminders_run(today=TODAY).fell_due == 0
    assert mail.outbox == []


def test_the_chair_of_the_lead_board_is_reminded_when_no_person_leads(make_action, make_chair):
    board = BoardFactory()
    make_action(3, reference="1.1", lead_board=board)
    make_chair(board, "Carol Chair")

    reminders_run(today=TODAY)

    assert reminder_rows() == [("1.1", -3, "lead", "Carol Chair", days_from_today(3))]


def test_nobody_is_reminded_when_the_lead_board_has_no_chair(make_action):
    make_action(3, lead_board=BoardFactory())
    make_action(0)

    assert reminders_run(today=TODAY).fell_due == 0
    assert Reminder.objects.count() == 0


def test_a_chair_whose_seat_has_ended_is_not_reminded(make_action, make_chair):
    board = BoardFactory()
    make_action(3, lead_board=board)
    make_chair(board).board_memberships.update(ended_on=TODAY - datetime.timedelta(1))

    assert reminders_run(today=TODAY).fell_due == 0


def test_an_action_28_days_overdue_escalates_to_the_lead_boards_chair(
    make_action, make_chair, lead
):
    board = BoardFactory()
    make_chair(board, "Carol Chair")
    make_action(-28, reference="4.2", lead_person=lead, lead_board=board)
    make_action(-27, reference="4.3", lead_person=lead, lead_board=board)

    reminders_run(today=TODAY)

    assert reminder_rows() == [
        ("4.2", 28, "lead", "Alison Lead", days_from_today(-28)),
        ("4.2", 28, "escalation", "Carol Chair", days_from_today(-28)),
        ("4.3", 21, "lead", "Alison Lead", days_from_today(-27)),
    ]


def test_without_a_lead_board_escalation_goes_to_the_chair_of_the_remit_board(
    make_action, make_chair, lead
):
    board = BoardFactory()
    make_chair(board, "Rita Remit")
    clause = board.remit_clauses.create(number=1, text="Reduce inequalities.")
    make_action(-30, reference="5.1", lead_person=lead, remit_clause=clause)

    reminders_run(today=TODAY)

    assert ("5.1", 28, "escalation", "Rita Remit", days_from_today(-30)) in reminder_rows()


def test_a_chair_leading_the_action_is_not_escalated_to(make_action, make_chair):
    board = BoardFactory()
    chair = make_chair(board, "Carol Chair")
    make_action(-40, reference="6.1", lead_person=chair, lead_board=board)

    reminders_run(today=TODAY)

    assert reminder_rows() == [("6.1", 35, "lead", "Carol Chair", days_from_today(-40))]


def test_a_partnership_with_its_own_policy_is_reminded_by_it(make_action, lead):
    partnership = PartnershipFactory()
    ReminderPolicy.objects.create(partnership=partnership, days_before="30", on_the_day=False)
    make_action(30, reference="7.1", partnership=partnership, lead_person=lead)
    make_action(14, reference="7.2", partnership=partnership, lead_person=lead)
    make_action(14, reference="7.3", lead_person=lead)

    reminders_run(today=TODAY)

    assert [row[:2] for row in reminder_rows()] == [("7.1", -30), ("7.2", -30), ("7.3", -14)]


def test_each_lead_gets_one_digest_listing_all_their_actions_with_links(
    make_action, make_chair, lead
):
    board = BoardFactory(partnership__slug="highland")
    partnership = board.partnership
    other_lead = PersonFactory(name="Owen Other", email="owen@example.org")
    first = make_action(
        14,
        partnership=partnership,
        reference="1.2",
        activity="Publish the performance framework",
        deadline_wording="Before April 2014",
        lead_person=lead,
    )
    second = make_action(
        -7,
        partnership=partnership,
        reference="3.1",
        activity="Agree the locality plans",
        status=DevelopmentAction.Status.IN_PROGRESS,
        lead_person=lead,
    )
    make_action(0, partnership=partnership, reference="9.9", lead_person=other_lead)
    make_chair(board, "Carol Chair")
    overdue = make_action(
        -28, partnership=partnership, reference="8.1", activity="Train the board", lead_board=board
    )
    overdue.lead_person = other_lead
    overdue.save()

    run = reminders_run(today=TODAY)

    assert run.sent == SendResult(sent_digests=3, sent_reminders=5, failed_digests=0)
    digests = {message.to[0]: message for message in mail.outbox}
    assert sorted(digests) == [
        "alison.lead@example.org",
        "carol.chair@example.org",
        "owen@example.org",
    ]
    digest = digests["alison.lead@example.org"]
    assert digest.subject == "Development actions due: 2 reminders"
    url = f"https://governance.example.org/partnerships/highland/actions/{first.pk}/"
    assert digest.body == (
        "Dear Alison Lead,\n\n"
        "These development actions you lead are due or overdue.\n\n"
        "3.1 Agree the locality plans\n"
        "Deadline: 10 March 2014, 7 days overdue\n"
        "Status: In progress\n"
        f"https://governance.example.org/partnerships/highland/actions/{second.pk}/\n\n"
        "1.2 Publish the performance framework\n"
        "Deadline: 31 March 2014 (Before April 2014), due in 14 days\n"
        "Status: Not started\n"
        f"{url}\n\n"
        "Record progress, or a new deadline, on each action's page.\n"
    )
    html, mimetype = digest.alternatives[0]
    assert mimetype == "text/html"
    assert f'<a href="{url}">1.2</a> Publish the performance framework' in html
    assert "<strong>7 days overdue</strong>" in html
    assert "Overdue actions of boards you chair" not in html
    escalation = digests["carol.chair@example.org"]
    assert escalation.subject == "Development action due: 1 reminder"
    assert "Overdue actions of boards you chair\n\n8.1 Train the board\nLead: Owen Other\n" in (
        escalation.body
    )
    assert "Overdue actions of boards you chair</h2>" in escalation.alternatives[0][0]


def test_a_second_run_sends_nothing(make_action, lead):
    make_action(3, lead_person=lead)
    reminders_run(today=TODAY)

    again = reminders_run(today=TODAY)

    assert (again.fell_due, again.sent) == (0, SendResult(0, 0, 0))
    assert len(mail.outbox) == 1
    assert Reminder.objects.count() == 1


def test_the_next_point_is_sent_on_its_day(make_action, lead):
    make_action(14, reference="2.1", lead_person=lead)
    reminders_run(today=TODAY)

    for day in range(1, 15):
        reminders_run(today=TODAY + datetime.timedelta(day))

    assert [row[1] for row in reminder_rows()] == [-14, -3, 0]
    assert len(mail.outbox) == 3


def test_a_moved_deadline_starts_a_new_series(make_action, lead):
    action = make_action(3, reference="2.2", lead_person=lead)
    reminders_run(today=TODAY)
    action.deadline = days_from_today(14)
    action.save()

    reminders_run(today=TODAY)

    assert reminder_rows() == [
        ("2.2", -3, "lead", "Alison Lead", days_from_today(3)),
        ("2.2", -14, "lead", "Alison Lead", days_from_today(14)),
    ]
    assert len(mail.outbox) == 2


@pytest.mark.parametrize(
    "status", [DevelopmentAction.Status.DONE, DevelopmentAction.Status.DROPPED]
)
def test_a_closed_action_gets_no_reminder(make_action, lead, status):
    make_action(0, lead_person=lead, status=status)

    assert reminders_run(today=TODAY).fell_due == 0
    assert mail.outbox == []


def test_a_reminder_of_an_action_closed_or_moved_before_it_was_sent_is_not_sent(make_action, lead):
    closed = make_action(3, lead_person=lead)
    moved = make_action(0, lead_person=lead)
    reminders_fall_due(today=TODAY)
    DevelopmentAction.objects.filter(pk=closed.pk).update(status=DevelopmentAction.Status.DONE)
    DevelopmentAction.objects.filter(pk=moved.pk).update(deadline=days_from_today(30))

    run = reminders_run(today=TODAY)

    assert run.sent == SendResult(0, 0, 0)
    assert Reminder.objects.filter(sent_at__isnull=True).count() == 2


def test_a_refused_digest_stays_unsent_the_others_go_and_the_next_run_sends_it_once(
    make_action, lead, monkeypatch
):
    other = PersonFactory(name="Owen Other", email="owen@example.org")
    make_action(3, reference="1.1", lead_person=lead)
    make_action(3, reference="1.2", lead_person=lead)
    make_action(3, reference="2.1", lead_person=other)
    monkeypatch.setenv(REFUSE, "alison.lead@example.org")

    run = reminders_run(today=TODAY)

    assert run.sent == SendResult(sent_digests=1, sent_reminders=1, failed_digests=1)
    assert [message.to for message in mail.outbox] == [["owen@example.org"]]
    refused = Reminder.objects.filter(recipient=lead)
    assert [(r.sent_at, r.failed_attempts) for r in refused] == [(None, 1), (None, 1)]
    assert refused[0].last_error == ("{'alison.lead@example.org': (550, b'Mailbox unavailable')}")

    monkeypatch.delenv(REFUSE)
    again = reminders_run(today=TODAY)

    assert again.sent == SendResult(sent_digests=1, sent_reminders=2, failed_digests=0)
    assert [message.to for message in mail.outbox] == [
        ["owen@example.org"],
        ["alison.lead@example.org"],
    ]
    assert reminders_run(today=TODAY).sent == SendResult(0, 0, 0)


def test_a_recipient_without_an_email_address_is_recorded_as_a_failure(make_action):
    make_action(3, lead_person=PersonFactory(name="Nina Noaddress", email=""))

    run = reminders_run(today=TODAY)

    assert run.sent == SendResult(0, 0, 1)
    reminder = Reminder.objects.get()
    assert (reminder.sent_at, reminder.failed_attempts, reminder.last_error) == (
        None,
        1,
        NO_EMAIL_ADDRESS.format(person="Nina Noaddress"),
    )


def _queries_of_a_run(django_assert_max_num_queries, count: int, lead) -> int:
    partnership = PartnershipFactory()
    ReminderPolicy.objects.create(partnership=partnership)
    DevelopmentActionFactory.create_batch(
        count, partnership=partnership, lead_person=lead, deadline=days_from_today(3)
    )
    with django_assert_max_num_queries(100) as captured:
        reminders_fall_due(today=TODAY)
    return len(captured)


def test_the_sweep_makes_as_many_queries_for_30_actions_as_for_3(
    django_assert_max_num_queries, lead
):
    few = _queries_of_a_run(django_assert_max_num_queries, 3, lead)
    Reminder.objects.all().delete()

    assert _queries_of_a_run(django_assert_max_num_queries, 30, lead) == few <= 7
