"""Reusable filters over outcomes records."""

import datetime

from django.db import models
from django.utils import timezone


class DevelopmentActionQuerySet(models.QuerySet):
    def open(self) -> "DevelopmentActionQuerySet":
        return self.exclude(status__in=["done", "dropped"])

    def due_by(self, day: datetime.date) -> "DevelopmentActionQuerySet":
        return self.open().filter(deadline__isnull=False, deadline__lte=day)

    def overdue(self, today: datetime.date | None = None) -> "DevelopmentActionQuerySet":
        today = today or timezone.localdate()
        return self.open().filter(deadline__isnull=False, deadline__lt=today)

    def with_leads(self) -> "DevelopmentActionQuerySet":
        """Joins what a page about an action names: framework, area, remit clause and leads."""
        return self.select_related(
            "partnership",
            "framework",
            "area_for_improvement",
            "remit_clause__board",
            "lead_person",
            "lead_organisation",
            "lead_board",
        )
