"""Reusable filters over governance records."""

import datetime

from django.db import models
from django.db.models import Q
from django.utils import timezone


class BoardMembershipQuerySet(models.QuerySet):
    def current(self, on: datetime.date | None = None) -> "BoardMembershipQuerySet":
        on = on or timezone.localdate()
        return self.overlapping(on, on)

    def overlapping(
        self, start: datetime.date | None, end: datetime.date | None
    ) -> "BoardMembershipQuerySet":
        """Seats held at any time between start and end (an open end runs forever)."""
        queryset = self
        if end is not None:
            queryset = queryset.filter(Q(started_on__isnull=True) | Q(started_on__lte=end))
        if start is not None:
            queryset = queryset.filter(Q(ended_on__isnull=True) | Q(ended_on__gte=start))
        return queryset

    def held(self) -> "BoardMembershipQuerySet":
        return self.filter(person__isnull=False)


# How far ahead a joint appointment's review is listed as coming due.
REVIEWS_DUE_WITHIN_DAYS = 90


def reviews_due_by(today: datetime.date) -> datetime.date:
    """The last day of the window in which a coming review is listed as due."""
    return today + datetime.timedelta(days=REVIEWS_DUE_WITHIN_DAYS)


class JointAppointmentQuerySet(models.QuerySet):
    def review_due_by(self, day: datetime.date) -> "JointAppointmentQuerySet":
        return self.filter(
            review_due_on__isnull=False, review_due_on__lte=day, ended_on__isnull=True
        )

    def reviews_coming_due(self, today: datetime.date) -> "JointAppointmentQuerySet":
        """Open appointments whose review is overdue or falls due within the window."""
        return self.review_due_by(reviews_due_by(today))
