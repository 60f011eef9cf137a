"""The reminder history an action's page shows, worked out as the sweep would."""

from django import template
from django.utils import timezone

from outcomes.models import DevelopmentAction
from outcomes.reminders import ReminderHistory, reminder_history

register = template.Library()


@register.simple_tag
def action_reminder_history(action: DevelopmentAction) -> ReminderHistory:
    return reminder_history(action, timezone.localdate())
