"""The audit rule, held in every test: an audited record changes only with its history.

save() and simple_history's bulk helpers write history; a queryset's .update() does not. So an
.update() that changes rows of an audited model (a subclass of core's AuditedModel) fails the
test that makes it, unless it runs inside a history helper or a named bookkeeping writer below.
A test may still arrange its data with .update(): the rule is the product's, not the fixtures'.
"""

import sys
from pathlib import Path

import django
from django.db.models import QuerySet

from core.models import AuditedModel

# Functions whose .update() of an audited model writes history, or is not the record's content.
ALLOWED_CALLERS = {
    # simple_history's helper: Django's bulk_update runs .update(), and the helper adds history.
    "bulk_update_with_history",
    # Renumbering steps the moving rows clear of the numbers in use inside its transaction, then
    # saves each row's new number with its history: the step clear is never seen outside.
    "renumber",
    # Rendering progress (sections done of total) is bookkeeping of the worker, not a version
    # of the pack; the pack's states are all kept in its history.
    "agenda_pack_progress",
    # When the render task was last handed to the broker: bookkeeping of the queue, for the
    # sweep that sends a lost task again, not a version of the pack.
    "agenda_pack_sent",
}


class UnrecordedChange(AssertionError):
    pass


TESTS = str(Path(__file__).parent)
DJANGO = str(Path(django.__file__).parent)


def _callers() -> set[str]:
    frame, names = sys._getframe(2), set()
    while frame is not None:
        names.add(frame.f_code.co_name)
        frame = frame.f_back
    return names


def _arranged_by_a_test() -> bool:
    """Whether the code asking for the update, past Django's own, is a test setting up data."""
    frame = sys._getframe(2)
    while frame is not None and frame.f_code.co_filename.startswith(DJANGO):
        frame = frame.f_back
    return frame is not None and frame.f_code.co_filename.startswith(TESTS)


def guarded_update(update):
    def update_with_history_only(queryset: QuerySet, **kwargs):
        changed = update(queryset, **kwargs)
        # Counted after the fact: deleting a row updates its SET_NULL relations, often none.
        if (
            changed
            and issubclass(queryset.model, AuditedModel)
            and not ALLOWED_CALLERS & _callers()
            and not _arranged_by_a_test()
        ):
            raise UnrecordedChange(
                f"{queryset.model.__name__} changed by QuerySet.update() without history: save "
                "each row, or use simple_history.utils.bulk_update_with_history"
            )
        return changed

    return update_with_history_only
