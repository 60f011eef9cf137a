"""Who may do what with a partnership's records, following from who holds which office.

A principal is a signed-in user (linked to a Person), an anonymous user, or a PartnerSystem
calling the API. Predicates take the principal and the partnership (or a record of it).
"""

import rules
from django.contrib.auth.models import Permission
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


@rules.predicate
def is_staff(principal) -> bool:
    """Reaches the administration pages."""
    return getattr(principal, "is_staff", False)


@rules.predicate
def has_person(principal) -> bool:
    return person_of(principal) is not None


@rules.predicate
def holds_granted_permissions(principal) -> bool:
    """Holds a Django permission given in the administration pages, itself or by a group: the
    model backend answers has_perm beside the rules when it is asked without a record."""
    if not getattr(principal, "is_authenticated", False) or not hasattr(principal, "groups"):
        return False
    return Permission.objects.filter(Q(user=principal) | Q(group__user=principal)).exists()


# Two-factor sign-in, for every account that sees or changes more than the public does. Every
# person may change their own register of interests (governance.change_interests), and officers,
# board members and scrutiny members see exempt items; staff and superusers reach the
# administration pages. An account with none of these sees only what is published and open, so
# its password alone guards nothing more. The cheapest tests come first: `|` stops at the first
# that holds, and the gate asks this on each request of a session not yet verified.
needs_two_factor = is_administrator | is_staff | has_person | holds_granted_permissions
rules.add_rule("two_factor_required", needs_two_factor)


rules.add_perm("partnership.view_partnership", rules.always_allow)
rules.add_perm("partnership.edit_records", is_officer_of | is_administrator)
# Officers of the successor's partnerships record its merger, as they keep its other records.
rules.add_perm("partnership.record_merger", is_officer_of_partner | is_administrator)
rules.add_perm("partnership.api_read", is_system_reading | is_officer_of | is_administrator)
rules.add_perm("partnership.api_write", is_system_writing | is_officer_of | is_administrator)
