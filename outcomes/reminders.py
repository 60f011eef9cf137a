"""Reminders of development actions' deadlines, sent by a sweep of the database through the day.

The sweep works as an outbox. `reminders_fall_due` writes one Reminder row per action,
reminder point, deadline and kind (the unique constraint makes a second or concurrent sweep
write nothing), and `reminders_send` then sends each recipient one digest of their unsent
rows, marking them sent in the transaction that holds their locks. Two runs at once, or a
redelivered task, never send a reminder twice, and a refused or interrupted e-mail leaves its
rows for the next run. Nothing is ever scheduled ahead with an ETA or countdown.

Sending is at least once, not exactly once: an e-mail and a database row cannot change in one
transaction, so one of them goes first. The rows are marked sent inside the transaction before
the e-mail is handed to the mail server, and the transaction commits as soon as the server has
taken it. A fault in that last moment (the worker killed, the database gone before the COMMIT)
leaves the rows unsent although the e-mail went, and the next run sends that digest again, with
the same Message-ID so that mail clients can tell it for the same message: at most one digest
per worker process in flight when the fault struck. The other order (commit first, then send)
would lose that digest instead, and a reminder that silently never comes is worse than one that
comes twice.
"""

import datetime
import hashlib
import logging
import smtplib
from collections import defaultdict
from collections.abc import Iterable
from email.utils import parseaddr
from typing import NamedTuple

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from core.dates import long_date
from governance.models import BoardMembership
from outcomes.models import DevelopmentAction, Reminder, ReminderPolicy
from partnership.models import Person

logger = logging.getLogger(__name__)

# What a mail server's refusal looks like; the rows stay unsent and go with the next run.
MAIL_REFUSED = (smtplib.SMTPException, OSError)
NO_EMAIL_ADDRESS = "{person} has no e-mail address."
CLOSED_STATUSES = (DevelopmentAction.Status.DONE, DevelopmentAction.Status.DROPPED)
# The policy of a partnership that has not set its own.
DEFAULT_POLICY = ReminderPolicy()


class SendResult(NamedTuple):
    sent_digests: int
    sent_reminders: int
    failed_digests: int


class RunResult(NamedTuple):
    fell_due: int
    sent: SendResult


def days_before_parse(text: str) -> list[int]:
    """The policy's days before the deadline, largest first ("14, 3" -> [14, 3])."""
    return sorted({int(part) for part in text.split(",") if part.strip()}, reverse=True)


def lead_point(policy: ReminderPolicy, days_overdue: int) -> int | None:
    """The latest reminder point reached, in days from the deadline; None before the first.

    Only the latest point counts, so a sweep that missed some days sends one reminder, not a
    backlog of them.
    """
    every = policy.overdue_every_days
    if every and days_overdue >= every:
        return days_overdue // every * every
    points = [-days for days in days_before_parse(policy.days_before)]
    if policy.on_the_day:
        points.append(0)
    reached = [point for point in points if point <= days_overdue]
    return max(reached, default=None)


def escalation_point(policy: ReminderPolicy, days_overdue: int) -> int | None:
    """The latest escalation point reached: the escalation day, then every overdue interval."""
    first = policy.escalate_after_days
    if not first or days_overdue < first:
        return None
    every = policy.overdue_every_days
    return first + (days_overdue - first) // every * every if every else first


def current_chairs(today: datetime.date, board_ids: Iterable[int] | None = None) -> dict[int, int]:
    """Each board's current chair (of the boards given, or of all), as person ids by board id."""
    seats = BoardMembership.objects.filter(role=BoardMembership.Role.CHAIR).held().current(today)
    if board_ids is not None:
        seats = seats.filter(board_id__in=board_ids)
    return dict(seats.values_list("board_id", "person_id"))


def lead_recipient_id(
    *, lead_person_id: int | None, lead_board_id: int | None, chairs: dict[int, int]
) -> int | None:
    """Who is reminded of an action: its lead person, else the chair of its lead board."""
    return lead_person_id or chairs.get(lead_board_id)


def action_recipient(action: DevelopmentAction, today: datetime.date) -> Person | None:
    """The person an action's reminders go to today, if anyone."""
    if action.lead_person_id:
        return action.lead_person
    if not action.lead_board_id:
        return None
    chair_id = current_chairs(today, [action.lead_board_id]).get(action.lead_board_id)
    return Person.objects.filter(pk=chair_id).first() if chair_id else None


@transaction.atomic
def reminders_fall_due(*, today: datetime.date) -> int:
    """Writes the reminders that have fallen due today; returns how many rows are new.

    A few set queries and one bulk insert, however many actions there are (SQLite splits the
    insert into batches by its limit on parameters).
    """
    policies = {policy.partnership_id: policy for policy in ReminderPolicy.objects.all()}
    furthest_ahead = max(
        (
            days
            for policy in [DEFAULT_POLICY, *policies.values()]
            for days in days_before_parse(policy.days_before)
        ),
        default=0,
    )
    actions = (
        DevelopmentAction.objects.open()
        .filter(deadline__isnull=False, deadline__lte=today + datetime.timedelta(furthest_ahead))
        .order_by("pk")
        .values_list(
            "pk",
            "partnership_id",
            "deadline",
            "lead_person_id",
            "lead_board_id",
            "remit_clause__board_id",
        )
    )
    chairs = current_chairs(today)
    started = timezone.now()
    reminders = []
    for pk, partnership_id, deadline, lead_person_id, lead_board_id, remit_board_id in actions:
        policy = policies.get(partnership_id, DEFAULT_POLICY)
        days_overdue = (today - deadline).days
        lead = lead_recipient_id(
            lead_person_id=lead_person_id, lead_board_id=lead_board_id, chairs=chairs
        )
        point = lead_point(policy, days_overdue)
        if lead and point is not None:
            reminders.append(
                Reminder(
                    action_id=pk,
                    deadline=deadline,
                    days_from_deadline=point,
                    kind=Reminder.Kind.LEAD,
                    recipient_id=lead,
                )
            )
        chair = chairs.get(lead_board_id or remit_board_id)
        point = escalation_point(policy, days_overdue)
        if chair and chair != lead and point is not None:
            reminders.append(
                Reminder(
                    action_id=pk,
                    deadline=deadline,
                    days_from_deadline=point,
                    kind=Reminder.Kind.ESCALATION,
                    recipient_id=chair,
                )
            )
    # The unique constraint turns a point already written, by this sweep or a concurrent one,
    # into nothing; rows go in the actions' order so that concurrent sweeps cannot deadlock.
    Reminder.objects.bulk_create(reminders, ignore_conflicts=True)
    # bulk_create cannot say which rows a conflict left out: count those written since it began.
    return Reminder.objects.filter(created_at__gte=started).count() if reminders else 0


def sendable() -> Q:
    """Unsent reminders still worth sending: the action open, its deadline the one reminded."""
    return Q(sent_at__isnull=True, deadline=F("action__deadline")) & ~Q(
        action__status__in=CLOSED_STATUSES
    )


def reminders_send(*, today: datetime.date) -> SendResult:
    """Sends each recipient one digest of their sendable reminders, each in its own transaction.

    A refusal by the mail server leaves that recipient's reminders unsent, with the error
    recorded, and goes on to the next; any other error ends the run, and what was sent stays
    marked sent.
    """
    recipients = (
        Reminder.objects.filter(sendable())
        .order_by("recipient_id")
        .values_list("recipient_id", flat=True)
        .distinct()
    )
    sent_digests = sent_reminders = failed_digests = 0
    for recipient_id in list(recipients):
        sent = _send_digest(recipient_id=recipient_id, today=today)
        if sent is None:
            failed_digests += 1
        elif sent:
            sent_digests += 1
            sent_reminders += sent
    return SendResult(sent_digests, sent_reminders, failed_digests)


def _send_digest(*, recipient_id: int, today: datetime.date) -> int | None:
    """Sends one recipient's digest; returns how many reminders it carried, None if refused."""
    refusal: Exception | str | None = None
    with transaction.atomic():
        # One process at a time sends to a person, so that a person gets one digest: a process
        # finding them taken skips them rather than wait, as the other will mark their rows
        # sent. (Skipping locked reminder rows alone could split a person's rows between two
        # processes, each sending a digest of some.)
        if not _lock_recipient(recipient_id):
            return 0
        reminders = list(
            Reminder.objects.select_for_update(of=("self",))
            .filter(sendable(), recipient_id=recipient_id)
            .select_related(
                "recipient",
                "action__partnership",
                "action__lead_person",
                "action__lead_organisation",
                "action__lead_board",
            )
            .order_by("action__deadline", "action__reference", "pk")
        )
        if not reminders:
            return 0
        recipient = reminders[0].recipient
        if recipient.email:
            message = digest_message(recipient=recipient, reminders=reminders, today=today)
            # Marked sent first, so that once the mail server has the e-mail nothing is left but
            # the COMMIT (see the module's docstring); a refusal rolls the mark back.
            now = timezone.now()
            Reminder.objects.filter(pk__in=[r.pk for r in reminders]).update(
                sent_at=now, modified_at=now
            )
            try:
                message.send()
            except MAIL_REFUSED as error:
                refusal = error
            else:
                return len(reminders)
        else:
            refusal = NO_EMAIL_ADDRESS.format(person=recipient)
        transaction.set_rollback(True)
    logger.warning("Reminder digest to %s not sent: %s", recipient, refusal)
    Reminder.objects.filter(pk__in=[r.pk for r in reminders], sent_at__isnull=True).update(
        failed_attempts=F("failed_attempts") + 1,
        last_error=str(refusal)[:300],
        modified_at=timezone.now(),
    )
    return None


def _lock_recipient(recipient_id: int) -> bool:
    """Locks the person for this transaction; False if another process holds them."""
    locked = Person.objects.select_for_update(skip_locked=True).filter(pk=recipient_id)
    return bool(list(locked.values_list("pk", flat=True)))


class DigestItem(NamedTuple):
    action: DevelopmentAction
    url: str
    days_overdue: int

    @property
    def when(self) -> str:
        """How the deadline stands today, e.g. "due in 3 days", "due today", "7 days overdue"."""
        days = abs(self.days_overdue)
        if self.days_overdue < 0:
            return ngettext("due in {count} day", "due in {count} days", days).format(count=days)
        if self.days_overdue:
            return ngettext("{count} day overdue", "{count} days overdue", days).format(count=days)
        return gettext("due today")

    @property
    def lead(self) -> str:
        action = self.action
        return str(action.lead_person or action.lead_board or action.lead_organisation or "")


def digest_message(
    *, recipient: Person, reminders: Iterable[Reminder], today: datetime.date
) -> EmailMultiAlternatives:
    """One e-mail listing every action the recipient is reminded of, escalations apart."""
    reminders = list(reminders)
    items = defaultdict(dict)
    for reminder in reminders:
        action = reminder.action
        url = settings.SITE_URL.rstrip("/") + reverse(
            "outcomes:action_detail", args=[action.partnership.slug, action.pk]
        )
        items[reminder.kind][action.pk] = DigestItem(action, url, (today - action.deadline).days)
    context = {
        "recipient": recipient,
        "lead_items": list(items[Reminder.Kind.LEAD].values()),
        "escalated_items": list(items[Reminder.Kind.ESCALATION].values()),
        "today": today,
    }
    count = len(context["lead_items"]) + len(context["escalated_items"])
    subject = ngettext(
        "Development action due: {count} reminder",
        "Development actions due: {count} reminders",
        count,
    ).format(count=count)
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string("outcomes/email/reminder_digest.txt", context),
        to=[recipient.email],
        headers={"Message-ID": digest_message_id(reminders)},
    )
    message.attach_alternative(
        render_to_string("outcomes/email/reminder_digest.html", context), "text/html"
    )
    return message


def digest_message_id(reminders: Iterable[Reminder]) -> str:
    """The digest's Message-ID, the same whenever these reminders are sent, so that a digest
    sent again after a fault is the same message to the mail clients that receive it."""
    pks = ",".join(str(pk) for pk in sorted(reminder.pk for reminder in reminders))
    digest = hashlib.sha256(pks.encode()).hexdigest()[:32]
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"
    return f"<reminders.{digest}@{domain}>"


class HistoryEntry(NamedTuple):
    reminder: Reminder
    point: str
    state: str


class ReminderHistory(NamedTuple):
    entries: list[HistoryEntry]
    # Who the action's reminders go to now; None when it is closed or has no deadline.
    recipient: Person | None
    nobody_to_remind: bool


def point_words(days_from_deadline: int) -> str:
    """A reminder point in words: "14 days before", "On the day", "7 days overdue"."""
    days = abs(days_from_deadline)
    if days_from_deadline < 0:
        return ngettext("{count} day before", "{count} days before", days).format(count=days)
    if days_from_deadline:
        return ngettext("{count} day overdue", "{count} days overdue", days).format(count=days)
    return gettext("On the day")


def reminder_history(action: DevelopmentAction, today: datetime.date) -> ReminderHistory:
    """An action's reminders, newest first, each with whether it went and why not."""
    closed = action.status in CLOSED_STATUSES
    entries = []
    for reminder in action.reminders.select_related("recipient").order_by("-created_at", "-pk"):
        if reminder.sent_at:
            sent_at = timezone.localtime(reminder.sent_at)
            state = gettext("Sent {date} at {time}").format(
                date=long_date(sent_at), time=f"{sent_at:%H:%M}"
            )
        elif closed:
            state = gettext("Not sent: the action was closed")
        elif reminder.deadline != action.deadline:
            state = gettext("Not sent: the deadline moved")
        elif reminder.failed_attempts:
            attempts = reminder.failed_attempts
            state = ngettext(
                "Not sent yet ({count} failed attempt: {error})",
                "Not sent yet ({count} failed attempts: {error})",
                attempts,
            ).format(count=attempts, error=reminder.last_error)
        else:
            state = gettext("Not sent yet")
        entries.append(HistoryEntry(reminder, point_words(reminder.days_from_deadline), state))
    recipient = None if closed or not action.deadline else action_recipient(action, today)
    return ReminderHistory(
        entries, recipient, nobody_to_remind=bool(action.deadline and not closed and not recipient)
    )


def reminders_run(*, today: datetime.date | None = None) -> RunResult:
    """The job beat runs: write the reminders that fell due, then send every unsent one."""
    today = today or timezone.localdate()
    run = RunResult(reminders_fall_due(today=today), reminders_send(today=today))
    logger.info(
        "Reminder run for %s: %d fell due; %d sent in %d digests; %d digests not sent",
        today,
        run.fell_due,
        run.sent.sent_reminders,
        run.sent.sent_digests,
        run.sent.failed_digests,
        extra={"fell_due": run.fell_due, **run.sent._asdict()},
    )
    return run
