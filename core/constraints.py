"""Database constraints that several models state in the same way."""

from django.db import models
from django.db.models import F, Q


def dates_in_order(first: str, then: str, *, name: str, message: str) -> models.CheckConstraint:
    """`then` is on or after `first` whenever both dates are known."""
    return models.CheckConstraint(
        condition=Q(**{f"{then}__isnull": True})
        | Q(**{f"{first}__isnull": True})
        | Q(**{f"{then}__gte": F(first)}),
        name=name,
        violation_error_message=message,
    )
