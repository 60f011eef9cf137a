"""Reusable filters over meetings records."""

from django.db import models
from django.utils import timezone


class MeetingQuerySet(models.QuerySet):
    def upcoming(self) -> "MeetingQuerySet":
        return self.filter(starts_at__gte=timezone.now()).exclude(status="cancelled")

    def with_published_agenda(self) -> "MeetingQuerySet":
        return self.filter(agenda_published_at__isnull=False)


class MinuteQuerySet(models.QuerySet):
    def published(self) -> "MinuteQuerySet":
        return self.filter(meeting__minutes_status="published")
