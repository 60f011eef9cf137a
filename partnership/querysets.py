"""Reusable filters over partnership records."""

import datetime
from collections.abc import Iterable

from django.db import models
from django.db.models import Q
from django.utils import timezone


class OrganisationQuerySet(models.QuerySet):
    def active(self, on: datetime.date | None = None) -> "OrganisationQuerySet":
        on = on or timezone.localdate()
        return self.filter(Q(dissolved_on__isnull=True) | Q(dissolved_on__gt=on))


class PersonQuerySet(models.QuerySet):
    def of_partnerships(self, partnerships: Iterable[int]) -> "PersonQuerySet":
        """People of the partnerships: staff of their partners, and members of their boards."""
        # The seat's model is governance's, which this app does not import: the lookup names it.
        staff = self.model.objects.filter(
            organisation__partnermembership__partnership__in=partnerships
        )
        seated = self.model.objects.filter(board_memberships__board__partnership__in=partnerships)
        return self.filter(Q(pk__in=staff.values("pk")) | Q(pk__in=seated.values("pk")))


class PartnerMembershipQuerySet(models.QuerySet):
    def current(self, on: datetime.date | None = None) -> "PartnerMembershipQuerySet":
        on = on or timezone.localdate()
        return self.filter(Q(joined_on__isnull=True) | Q(joined_on__lte=on)).filter(
            Q(left_on__isnull=True) | Q(left_on__gt=on)
        )
