"""A project's route through the boards: proposed by its own board, approved or refused by a
board above it, and its performance framework signed off by a board above it.

Each step is recorded as a ProjectDecision, with the meeting and the resolution that decided it
when there were ones, in the same transaction that moves the project on.
"""

import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.dates import long_date
from governance.models import Board
from meetings.models import Meeting, ProjectDecision, Resolution
from outcomes.models import Project

PROJECT_NOT_PROPOSABLE = _(
    "Only a draft or refused project can be proposed; {project} is {status}."
)
PROJECT_NOT_PROPOSED = _(
    "Only a proposed project can be approved or refused; {project} is {status}."
)
PROJECT_NOT_APPROVED = _(
    "Only an approved project's performance framework is signed off; {project} is {status}."
)
PROJECT_WITHOUT_FRAMEWORK = _("{project} has no performance framework to sign off.")
FRAMEWORK_ALREADY_SIGNED_OFF = _("The performance framework of {project} was signed off on {date}.")
BOARD_NOT_ABOVE = _(
    "{board} is not above {proposing_board}: a project is decided by a board its proposing "
    "board reports to."
)
MEETING_OF_ANOTHER_BOARD = _("The meeting chosen is a meeting of {meeting_board}, not of {board}.")
RESOLUTION_OF_ANOTHER_MEETING = _("The resolution chosen was not minuted at the meeting of {date}.")
DECIDED_ON_NOT_MEETING_DAY = _("The decision was made at the meeting, on {date}.")
DECIDED_BEFORE_PROPOSED = _("The decision cannot come before the project was proposed, on {date}.")


@transaction.atomic
def project_propose(
    *,
    project: Project,
    meeting: Meeting | None = None,
    resolution: Resolution | None = None,
    decided_on: datetime.date,
    by: AbstractBaseUser,
) -> ProjectDecision:
    """Records the proposing board's proposal of a draft project, or of a refused one again."""
    project = _locked(project)
    if project.status not in {Project.Status.DRAFT, Project.Status.REFUSED}:
        raise ValidationError(_status_message(PROJECT_NOT_PROPOSABLE, project))
    return _decide(
        project=project,
        step=ProjectDecision.Step.PROPOSED,
        status=Project.Status.PROPOSED,
        board=project.proposing_board,
        meeting=meeting,
        resolution=resolution,
        decided_on=decided_on,
        by=by,
    )


@transaction.atomic
def project_decide(
    *,
    project: Project,
    board: Board,
    approve: bool,
    meeting: Meeting | None = None,
    resolution: Resolution | None = None,
    decided_on: datetime.date,
    by: AbstractBaseUser,
) -> ProjectDecision:
    """Approves or refuses a proposed project, by a board above its proposing board, no earlier
    than it was proposed."""
    project = _locked(project)
    if project.status != Project.Status.PROPOSED:
        raise ValidationError(_status_message(PROJECT_NOT_PROPOSED, project))
    _check_board_above(project, board)
    proposal = project.decisions.filter(step=ProjectDecision.Step.PROPOSED).last()
    if proposal is not None and decided_on < proposal.decided_on:
        message = DECIDED_BEFORE_PROPOSED.format(date=long_date(proposal.decided_on))
        raise ValidationError({"decided_on": [message]})
    return _decide(
        project=project,
        step=ProjectDecision.Step.APPROVED if approve else ProjectDecision.Step.REFUSED,
        status=Project.Status.APPROVED if approve else Project.Status.REFUSED,
        board=board,
        meeting=meeting,
        resolution=resolution,
        decided_on=decided_on,
        by=by,
    )


@transaction.atomic
def project_framework_sign_off(
    *,
    project: Project,
    board: Board,
    meeting: Meeting | None = None,
    resolution: Resolution | None = None,
    decided_on: datetime.date,
    by: AbstractBaseUser,
) -> ProjectDecision:
    """Signs off an approved project's performance framework, once, by a board above its
    proposing board."""
    project = _locked(project)
    if project.status != Project.Status.APPROVED:
        raise ValidationError(_status_message(PROJECT_NOT_APPROVED, project))
    if project.performance_framework_id is None:
        raise ValidationError(PROJECT_WITHOUT_FRAMEWORK.format(project=project))
    if project.framework_signed_off_on is not None:
        date = long_date(project.framework_signed_off_on)
        raise ValidationError(FRAMEWORK_ALREADY_SIGNED_OFF.format(project=project, date=date))
    _check_board_above(project, board)
    project.framework_signed_off_on = decided_on
    return _decide(
        project=project,
        step=ProjectDecision.Step.FRAMEWORK_SIGNED_OFF,
        status=Project.Status.APPROVED,
        board=board,
        meeting=meeting,
        resolution=resolution,
        decided_on=decided_on,
        by=by,
    )


def _locked(project: Project) -> Project:
    """The project as stored, held until the step is recorded, so two boards cannot both
    decide it at once."""
    return (
        Project.objects.select_for_update(of=("self",))
        .select_related("proposing_board", "proposing_board__reports_to")
        .get(pk=project.pk)
    )


def _status_message(template: str, project: Project) -> str:
    return template.format(project=project, status=project.get_status_display().lower())


def _check_board_above(project: Project, board: Board) -> None:
    """Refuses a board that is not among those the proposing board reports to, at any height;
    the proposing board itself is not above."""
    seen: set[int] = set()
    parent = project.proposing_board.reports_to
    while parent is not None and parent.pk not in seen:
        if parent.pk == board.pk:
            return
        seen.add(parent.pk)
        parent = parent.reports_to
    message = BOARD_NOT_ABOVE.format(board=board, proposing_board=project.proposing_board)
    raise ValidationError({"board": [message]})


def _decide(
    *,
    project: Project,
    step: str,
    status: str,
    board: Board,
    meeting: Meeting | None,
    resolution: Resolution | None,
    decided_on: datetime.date,
    by: AbstractBaseUser,
) -> ProjectDecision:
    """Checks the meeting and resolution against the deciding board, then moves the project on
    and records the step."""
    if resolution is not None and meeting is None:
        meeting = resolution.minute.meeting
    errors: dict[str, list[str]] = {}
    if meeting is not None:
        held_on = timezone.localdate(meeting.starts_at)
        if meeting.board_id != board.pk:
            message = MEETING_OF_ANOTHER_BOARD.format(meeting_board=meeting.board, board=board)
            errors["meeting"] = [message]
        elif decided_on != held_on:
            message = DECIDED_ON_NOT_MEETING_DAY.format(date=long_date(held_on))
            errors["decided_on"] = [message]
        if resolution is not None and resolution.minute.meeting_id != meeting.pk:
            message = RESOLUTION_OF_ANOTHER_MEETING.format(date=long_date(held_on))
            errors["resolution"] = [message]
    decision = ProjectDecision(
        project=project,
        step=step,
        board=board,
        meeting=meeting,
        resolution=resolution,
        decided_on=decided_on,
    )
    try:
        decision.full_clean(exclude=set(errors))
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    project.status = status
    try:
        project.full_clean()
    except ValidationError as error:
        errors.setdefault(NON_FIELD_ERRORS, []).extend(error.messages)
    if errors:
        raise ValidationError(errors)
    project._history_user = by
    project.save()
    decision._history_user = by
    decision.save()
    return decision
