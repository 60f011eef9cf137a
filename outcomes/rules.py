"""Who may keep outcome frameworks, readings and development actions."""

import rules

from partnership.rules import is_administrator, is_officer_of, is_system_writing, person_of


def _partnership_of(record):
    """Walks up from a reading, indicator, outcome, framework or action to its partnership."""
    for parent in ("indicator", "outcome", "framework"):
        if not hasattr(record, "partnership_id") and hasattr(record, parent):
            record = getattr(record, parent)
    return record.partnership


@rules.predicate
def is_officer_of_record(principal, record) -> bool:
    return record is not None and is_officer_of(principal, _partnership_of(record))


@rules.predicate
def system_writes_for_record(principal, record) -> bool:
    return record is not None and is_system_writing(principal, _partnership_of(record))


@rules.predicate
def leads_action(principal, action) -> bool:
    person = person_of(principal)
    return person is not None and action is not None and action.lead_person_id == person.pk


# Frameworks, their development actions and projects are public records of the partnership.
rules.add_perm("outcomes.view_framework", rules.always_allow)
rules.add_perm("outcomes.view_action", rules.always_allow)
rules.add_perm("outcomes.view_project", rules.always_allow)
rules.add_perm("outcomes.change_framework", is_officer_of_record | is_administrator)
rules.add_perm(
    "outcomes.record_reading", is_officer_of_record | system_writes_for_record | is_administrator
)
rules.add_perm(
    "outcomes.update_action",
    is_officer_of_record | leads_action | system_writes_for_record | is_administrator,
)
