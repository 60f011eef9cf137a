"""The line of succession of organisations through mergers, followed back and forward."""

from dataclasses import dataclass

from partnership.models import Merger, Organisation


@dataclass(frozen=True)
class Succession:
    """The mergers that formed an organisation and its forebears (latest first), and those it
    and its successors went into (earliest first), each beside the organisation that went in."""

    earlier: list[Merger]
    later: list[tuple[Organisation, Merger]]


def _earlier_merger_ids(organisation_id: int) -> set[int]:
    """Every merger that formed the organisation or, further back, its predecessors."""
    through = Merger.predecessors.through
    found: set[int] = set()
    successors = {organisation_id}
    while successors:
        mergers = set(
            Merger.objects.filter(successor_id__in=successors)
            .exclude(pk__in=found)
            .values_list("pk", flat=True)
        )
        found |= mergers
        successors = set(
            through.objects.filter(merger_id__in=mergers).values_list("organisation_id", flat=True)
        )
    return found


def _later_merger_ids(organisation_id: int) -> dict[int, int]:
    """Every merger the organisation or, further on, its successors went into, each with the
    organisation of the line that went in."""
    through = Merger.predecessors.through
    found: dict[int, int] = {}
    frontier = {organisation_id}
    while frontier:
        links = dict(
            through.objects.filter(organisation_id__in=frontier)
            .exclude(merger_id__in=found)
            .values_list("merger_id", "organisation_id")
        )
        found |= links
        frontier = set(Merger.objects.filter(pk__in=links).values_list("successor_id", flat=True))
    return found


def predecessor_ids(organisation: Organisation) -> set[int]:
    """Every organisation this one was formed from, directly or through earlier mergers."""
    return set(
        Merger.predecessors.through.objects.filter(
            merger_id__in=_earlier_merger_ids(organisation.pk)
        ).values_list("organisation_id", flat=True)
    )


def organisation_succession(organisation: Organisation) -> Succession:
    """The line of succession through mergers, followed back and forward to its ends."""
    earlier = _earlier_merger_ids(organisation.pk)
    later = _later_merger_ids(organisation.pk)
    mergers = {
        merger.pk: merger
        for merger in Merger.objects.filter(pk__in=earlier | later.keys())
        .select_related("successor")
        .prefetch_related("predecessors")
    }
    went_in = {
        merger_pk: next(o for o in mergers[merger_pk].predecessors.all() if o.pk == organisation_pk)
        for merger_pk, organisation_pk in later.items()
    }
    return Succession(
        earlier=sorted((mergers[pk] for pk in earlier), key=lambda m: m.effective_on, reverse=True),
        later=sorted(
            ((went_in[pk], mergers[pk]) for pk in later), key=lambda pair: pair[1].effective_on
        ),
    )
