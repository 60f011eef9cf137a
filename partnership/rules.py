"""Who may do what with a partnership's records, following from who holds which office.

A principal is a signed-in user (linked to a Person), an anonymous user, or a PartnerSystem
calling the API. Predicates take the principal and the partnership (or a record of it).
"""

import rules
from django.db.models import Q
from django.utils import timezone

from partnership.models import Organisation, Partnership, PartnerSystem, Person


def person_of(principal) -> Person | None:
    """The Person a signed-in user is linked to, if any."""
    if not getattr(principal, "is_authenticated", False):
        return None
    return getattr(principal, "person", None)


def officer_partnership_ids(principal) -> set[int]:
    """Partnerships whose records this principal's employer lets them edit, as an officer."""
    person = person_of(principal)
    if person is None or person.capacity != Person.Capacity.OFFICER or not person.organisation_id:
        return set()
    return set(
        person.organisation.partnermembership_set.current(timezone.localdate()).values_list(
            "partnership_id", flat=True
        )
    )


@rules.predicate
def is_officer_of(principal, partnership: Partnership | None) -> bool:
    """An officer of an organisation that is currently a partner of the partnership."""
    return partnership is not None and partnership.pk in officer_partnership_ids(principal)


@rules.predicate
def is_officer_of_partner(principal, organisation: Organisation | None) -> bool:
    """An officer of a partnership the organisation is, or is to be, a partner of."""
    if organisation is None:
        return False
    return (
        organisation.partnermembership_set.filter(
            Q(left_on__isnull=True) | Q(left_on__gt=timezone.localdate())
        )
        .filter(partnership_id__in=officer_partnership_ids(principal))
        .exists()
    )


@rules.predicate
def is_system_reading(principal, partnership: Partnership | None) -> bool:
    return (
        isinstance(principal, PartnerSystem)
        and principal.is_active
        and principal.can_read
        and partnership is not None
        and principal.partnership_id == partnership.pk
    )


@rules.predicate
def is_system_writing(principal, partnership: Partnership | None) -> bool:
    return (
        isinstance(principal, PartnerSystem)
        and principal.is_active
        and principal.can_write
        and partnership is not None
        and principal.partnership_id == partnership.pk
    )


@rules.predicate
def is_administrator(principal) -> bool:
    return getattr(principal, "is_superuser", False)


rules.add_perm("partnership.view_partnership", rules.always_allow)
rules.add_perm("partnership.edit_records", is_officer_of | is_administrator)
# Officers of the successor's partnerships record its merger, as they keep its other records.
rules.add_perm("partnership.record_merger", is_officer_of_partner | is_administrator)
rules.add_perm("partnership.api_read", is_system_reading | is_officer_of | is_administrator)
rules.add_perm("partnership.api_write", is_system_writing | is_officer_of | is_administrator)
