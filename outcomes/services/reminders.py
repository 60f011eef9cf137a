"""A partnership's reminder policy: when action leads are reminded, and when chairs are told."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from outcomes.models import ReminderPolicy
from outcomes.reminders import days_before_parse
from partnership.models import Partnership

DAYS_BEFORE_INVALID = _(
    "Enter the days before the deadline as whole numbers separated by commas, for example 14, 3."
)
DAYS_BEFORE_NOT_POSITIVE = _(
    "Days before the deadline must be 1 or more; to remind on the deadline itself, "
    "tick 'On the day'."
)
DAYS_BEFORE_TOO_FAR = _("Remind at most {limit} days before the deadline.")
DAYS_NEGATIVE = _("Enter 0 or more days.")
DAYS_TOO_MANY = _("Enter at most {limit} days.")
# Reminder points are stored in a small integer; a year ahead or behind is plenty.
MOST_DAYS = 366


@transaction.atomic
def reminder_policy_save(
    *,
    partnership: Partnership,
    days_before: str,
    on_the_day: bool,
    overdue_every_days: int,
    escalate_after_days: int,
) -> ReminderPolicy:
    """Keeps a partnership's reminder points; days before are whole days ahead, largest first."""
    policy = ReminderPolicy.objects.filter(partnership=partnership).first() or ReminderPolicy(
        partnership=partnership
    )
    errors = {}
    try:
        days = days_before_parse(days_before)
    except ValueError:
        errors["days_before"] = DAYS_BEFORE_INVALID
    else:
        if not days:
            errors["days_before"] = DAYS_BEFORE_INVALID
        elif min(days) < 1:
            errors["days_before"] = DAYS_BEFORE_NOT_POSITIVE
        elif max(days) > MOST_DAYS:
            errors["days_before"] = DAYS_BEFORE_TOO_FAR.format(limit=MOST_DAYS)
    for field, value in (
        ("overdue_every_days", overdue_every_days),
        ("escalate_after_days", escalate_after_days),
    ):
        if value < 0:
            errors[field] = DAYS_NEGATIVE
        elif value > MOST_DAYS:
            errors[field] = DAYS_TOO_MANY.format(limit=MOST_DAYS)
    if errors:
        raise ValidationError(errors)
    policy.days_before = ",".join(str(day) for day in days)
    policy.on_the_day = on_the_day
    policy.overdue_every_days = overdue_every_days
    policy.escalate_after_days = escalate_after_days
    policy.full_clean()
    policy.save()
    return policy
