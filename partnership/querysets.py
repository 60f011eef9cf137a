"""Reusable filters over partnership records."""

import datetime

from django.db import models
from django.db.models import Q
from django.utils import timezone


class OrganisationQuerySet(models.QuerySet):
    def active(self, on: datetime.date | None = None) -> "OrganisationQuerySet":
        on = on or timezone.localdate()
        return self.filter(Q(dissolved_on__isnull=True) | Q(dissolved_on__gt=on))


class PartnerMembershipQuerySet(models.QuerySet):
    def current(self, on: datetime.date | None = None) -> "PartnerMembershipQuerySet":
        on = on or timezone.localdate()
        return self.filter(Q(joined_on__isnull=True) | Q(joined_on__lte=on)).filter(
            Q(left_on__isnull=True) | Q(left_on__gt=on)
        )
