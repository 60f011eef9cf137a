"""Who is asking, reduced to the sets of records' owners that every API list is filtered by.

The rules (`*/rules.py`) answer "may this principal see this record?" one record at a time;
a list of thousands needs the same answer as a database filter. An audience holds what the
filters need, worked out once per request, and each app's API filters its querysets by it.
The access-matrix tests hold the filters to the rules.
"""

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet

from partnership.models import PartnerSystem, Person
from partnership.rules import is_administrator, officer_partnership_ids, person_of

# A filter every row passes. (An empty Q() would vanish when combined with another by |.)
EVERYTHING = Q(pk__isnull=False)


@dataclass(frozen=True)
class Audience:
    """The partnerships a caller is confined to, and those it works for as an officer."""

    # None: every partnership's public records; a partner system: its own partnership only.
    partnerships: frozenset[int] | None
    officer_of: frozenset[int]
    person: Person | None
    is_administrator: bool

    @classmethod
    def of(cls, request) -> "Audience":
        """The request's audience, worked out once however many lists ask for it."""
        cache = request.__dict__.setdefault("_api_audiences", {})
        if cls not in cache:
            cache[cls] = cls._for(request.user)
        return cache[cls]

    @classmethod
    def of_public(cls) -> "Audience":
        return cls._for(AnonymousUser())

    @classmethod
    def _for(cls, principal) -> "Audience":
        if isinstance(principal, PartnerSystem):
            return cls(frozenset({principal.partnership_id}), frozenset(), None, False)
        return cls(
            partnerships=None,
            officer_of=frozenset(officer_partnership_ids(principal)),
            person=person_of(principal),
            is_administrator=is_administrator(principal),
        )

    def in_scope(self, queryset: QuerySet, partnership: str) -> QuerySet:
        """The records whose partnership (reached by the path `partnership`) the caller may see."""
        if self.partnerships is None:
            return queryset
        return queryset.filter(**{f"{partnership}__in": self.partnerships})

    def officer(self, partnership: str) -> Q:
        """Records of a partnership the caller is an officer of (all, for an administrator)."""
        if self.is_administrator:
            return EVERYTHING
        return Q(**{f"{partnership}__in": self.officer_of})
