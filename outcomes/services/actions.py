"""Writing development actions and their progress updates.

An action's deadline is kept in the words it was agreed in; its date is the one typed, or else
the one those words give (outcomes.deadlines). Its status moves only with a progress update
once it exists, so that every change of status says who made it, when and why.
"""

import datetime
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from outcomes.deadlines import deadline_from_wording
from outcomes.models import ActionUpdate, DevelopmentAction
from partnership.models import Organisation, Partnership, Person

DEADLINE_BEFORE_CREATION = _("The deadline cannot be before the day the action was recorded.")
LEAD_REQUIRED = _("Choose who leads the action: a person, an organisation or a board.")
LEAD_BOARD_ELSEWHERE = _("The lead board is a board of another partnership.")
LEAD_PERSON_ELSEWHERE = _(
    "The lead person neither works for a partner organisation nor sits on a board of this "
    "partnership."
)
LEAD_ORGANISATION_ELSEWHERE = _("The lead organisation is not a partner of this partnership.")
TIMESCALE_REQUIRED = _("Enter the timescale as agreed, for example Before March 2014 or On-going.")
ACTION_CLOSED = _("This action is {status}: it takes no more progress updates.")
UPDATE_IN_FUTURE = _("The date of the update cannot be in the future.")
UPDATE_TEXT_REQUIRED = _("Enter what has been done since the last update.")
UPDATE_BEFORE_ACTION = _("The date of the update cannot be before the day the action was recorded.")

EDITABLE_FIELDS = frozenset(
    {
        "framework",
        "area_for_improvement",
        "remit_clause",
        "reference",
        "activity",
        "lead_person",
        "lead_organisation",
        "lead_board",
        "deadline_wording",
        "deadline",
    }
)
CLOSED_STATUSES = frozenset({DevelopmentAction.Status.DONE, DevelopmentAction.Status.DROPPED})


@transaction.atomic
def development_action_create(
    *, partnership: Partnership, by: AbstractBaseUser, **fields: Any
) -> DevelopmentAction:
    """Records an action with at least one lead of the partnership and a deadline not yet past."""
    status = fields.pop("status", DevelopmentAction.Status.NOT_STARTED)
    action = DevelopmentAction(partnership=partnership, status=status)
    _set_fields(action, fields)
    _check_deadline(action, fields, recorded_on=timezone.localdate())
    action._history_user = by
    action.save()
    return action


@transaction.atomic
def development_action_edit(
    *, action: DevelopmentAction, by: AbstractBaseUser, **fields: Any
) -> DevelopmentAction:
    """Changes an action; a moved deadline may not fall before the day it was recorded."""
    previous_deadline = action.deadline
    _set_fields(action, fields)
    # Plans are often entered after their deadlines have passed (a 2013 plan recorded years
    # later), so only a deadline being moved is held to the day the action was recorded.
    if action.deadline != previous_deadline:
        _check_deadline(action, fields, recorded_on=timezone.localdate(action.created_at))
    action._history_user = by
    action.save()
    return action


def _set_fields(action: DevelopmentAction, fields: dict[str, Any]) -> None:
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"Not fields of a development action: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        setattr(action, name, value)
    action.deadline_wording = (action.deadline_wording or "").strip()
    timescale_given = "deadline_wording" in fields or "deadline" in fields
    if timescale_given and fields.get("deadline") is None:
        action.deadline = deadline_from_wording(action.deadline_wording)
    errors = _lead_errors(action)
    if not action.deadline_wording and action.deadline is None:
        errors["deadline_wording"] = [TIMESCALE_REQUIRED]
    try:
        action.full_clean()
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    if errors:
        raise ValidationError(errors)


def _check_deadline(
    action: DevelopmentAction, fields: dict[str, Any], *, recorded_on: datetime.date
) -> None:
    if action.deadline is not None and action.deadline < recorded_on:
        # Said of the field the date came from: the one typed, or the wording it was read from.
        field = "deadline" if fields.get("deadline") is not None else "deadline_wording"
        raise ValidationError({field: DEADLINE_BEFORE_CREATION})


def _lead_errors(action: DevelopmentAction) -> dict[str, list[str]]:
    partnership = action.partnership
    if not (action.lead_person_id or action.lead_organisation_id or action.lead_board_id):
        return {"lead_person": [LEAD_REQUIRED]}
    errors = {}
    if action.lead_board_id and action.lead_board.partnership_id != partnership.pk:
        errors["lead_board"] = [LEAD_BOARD_ELSEWHERE]
    people = partnership_people(partnership)
    if action.lead_person_id and not people.filter(pk=action.lead_person_id).exists():
        errors["lead_person"] = [LEAD_PERSON_ELSEWHERE]
    organisations = partnership_organisations(partnership)
    if action.lead_organisation_id and not (
        organisations.filter(pk=action.lead_organisation_id).exists()
    ):
        errors["lead_organisation"] = [LEAD_ORGANISATION_ELSEWHERE]
    return errors


def partnership_people(partnership: Partnership) -> QuerySet[Person]:
    """Who may lead a partnership's actions: staff of its partners, and its boards' members."""
    return Person.objects.of_partnerships([partnership.pk])


def partnership_organisations(partnership: Partnership) -> QuerySet[Organisation]:
    """Organisations that are or were partners: an action keeps its lead after one leaves."""
    return Organisation.objects.filter(partnermembership__partnership=partnership).distinct()


@transaction.atomic
def action_update_add(
    *,
    action: DevelopmentAction,
    author: Person,
    text: str,
    status: str,
    written_on: datetime.date | None = None,
) -> ActionUpdate:
    """Records progress on an open action and moves the action to the update's status."""
    # Locked, so that two updates at once cannot both find the action open and both close it.
    action.status = (
        DevelopmentAction.objects.select_for_update()
        .values_list("status", flat=True)
        .get(pk=action.pk)
    )
    if action.status in CLOSED_STATUSES:
        raise ValidationError(ACTION_CLOSED.format(status=action.get_status_display().lower()))
    today = timezone.localdate()
    written_on = written_on or today
    if written_on > today:
        raise ValidationError({"written_on": UPDATE_IN_FUTURE})
    if written_on < timezone.localdate(action.created_at):
        raise ValidationError({"written_on": UPDATE_BEFORE_ACTION})
    if not text.strip():
        raise ValidationError({"text": UPDATE_TEXT_REQUIRED})
    update = ActionUpdate(
        action=action, author=author, text=text.strip(), status=status, written_on=written_on
    )
    update.full_clean()
    update.save()
    action.status = status
    action.full_clean()
    action.save(update_fields=["status", "modified_at"])
    return update
