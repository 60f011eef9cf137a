"""The register of interests: registering a person's interest and ending it, and reading it."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.dates import long_date
from governance.models import Interest
from partnership.models import Area, Organisation, Person

DESCRIPTION_REQUIRED = _("Describe the interest, for example the body and the office held.")
REGISTERED_IN_FUTURE = _("An interest is registered on or before today.")
ENDS_BEFORE_REGISTERED = _("An interest cannot end before it was registered on {date}.")
ALREADY_ENDED = _("This interest already ended on {date}.")


def interests_current_on(day: datetime.date) -> Q:
    """Interests registered by the day and not ended before it."""
    return Q(registered_on__lte=day) & (Q(ended_on__isnull=True) | Q(ended_on__gte=day))


def current_interests(*, person: Person, on: datetime.date) -> QuerySet[Interest]:
    """The person's interests on the register on the day, with what they name."""
    return (
        Interest.objects.filter(interests_current_on(on), person=person)
        .select_related("organisation", "area")
        .order_by("-registered_on", "pk")
    )


@transaction.atomic
def interest_register(
    *,
    person: Person,
    kind: str,
    description: str,
    registered_on: datetime.date,
    organisation: Organisation | None = None,
    area: Area | None = None,
) -> Interest:
    """Registers a person's interest, described, from today or a day already past."""
    if not description.strip():
        raise ValidationError({"description": DESCRIPTION_REQUIRED})
    if registered_on > timezone.localdate():
        raise ValidationError({"registered_on": REGISTERED_IN_FUTURE})
    interest = Interest(
        person=person,
        kind=kind,
        description=description.strip(),
        organisation=organisation,
        area=area,
        registered_on=registered_on,
    )
    interest.full_clean()
    interest.save()
    return interest


@transaction.atomic
def interest_end(*, interest: Interest, ended_on: datetime.date) -> Interest:
    """Ends an interest once, on a day not before it was registered; it stays on the record."""
    if interest.ended_on is not None:
        raise ValidationError(ALREADY_ENDED.format(date=long_date(interest.ended_on)))
    if ended_on < interest.registered_on:
        raise ValidationError(
            {"ended_on": ENDS_BEFORE_REGISTERED.format(date=long_date(interest.registered_on))}
        )
    interest.ended_on = ended_on
    interest.full_clean()
    interest.save()
    return interest
