"""Starting a partnership project, its delivery plan and its own performance framework.

A project's route through the boards (proposed, approved or refused, its framework signed
off) is recorded with the meetings that decided it, so it is written in meetings.services.
"""

import datetime
from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Max, Min
from django.utils.text import slugify
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from governance.models import Board
from outcomes.models import Milestone, Outcome, OutcomeFramework, Project
from outcomes.services.frameworks import framework_create
from partnership.models import Organisation, PartnerMembership, Partnership, Person

PROPOSING_BOARD_ELSEWHERE = _("Choose a board of {partnership}.")
OUTCOME_ELSEWHERE = _("Choose only outcomes of {partnership}'s frameworks.")
LEAD_ORGANISATION_NOT_PARTNER = _("Choose an organisation that is a partner of {partnership}.")
LEAD_OFFICER_ELSEWHERE = _("The lead officer works for {organisation}, not for {lead}.")
# Marked only, and translated where used: a plain string, so that it can be looked for in a page.
MILESTONE_ENDS_BEFORE_START = gettext_noop("A milestone cannot end before it starts.")
FRAMEWORK_EXISTS = _("{project} already has its performance framework.")
# Marked only, and translated where raised: a plain string, so that it can be looked for in a page.
FRAMEWORK_NEEDS_DATES = gettext_noop(
    "Add the project's milestones first: its framework runs from the first to the last."
)

Errors = dict[str, list[str]]


@transaction.atomic
def project_create(
    *,
    partnership: Partnership,
    proposing_board: Board,
    name: str,
    lead_organisation: Organisation,
    lead_officer: Person | None = None,
    outcomes: Iterable[Outcome] = (),
    summary: str = "",
    by: AbstractBaseUser,
) -> Project:
    """Starts a draft project of a board of the partnership, led by a partner, serving
    outcomes of the partnership's frameworks."""
    outcomes = list(outcomes)
    project = Project(
        partnership=partnership,
        proposing_board=proposing_board,
        name=name,
        summary=summary,
        lead_organisation=lead_organisation,
        lead_officer=lead_officer,
        slug=_free_slug(partnership, name),
    )
    errors: Errors = {}
    if proposing_board.partnership_id != partnership.pk:
        errors["proposing_board"] = [PROPOSING_BOARD_ELSEWHERE.format(partnership=partnership)]
    _check_outcomes_and_leads(project, outcomes, errors)
    _save(project, by, errors)
    project.outcomes.set(outcomes)
    return project


@transaction.atomic
def project_edit(
    *,
    project: Project,
    name: str,
    lead_organisation: Organisation,
    lead_officer: Person | None = None,
    outcomes: Iterable[Outcome] = (),
    summary: str = "",
    by: AbstractBaseUser,
) -> Project:
    """Changes what the project is and who leads it, by the same rules as when it was started;
    its address stays as it was, so that links to it keep working."""
    outcomes = list(outcomes)
    # A fresh copy, so that the caller's record is left as it was if the change is refused.
    project = Project.objects.select_for_update().select_related("partnership").get(pk=project.pk)
    project.name = name
    project.summary = summary
    project.lead_organisation = lead_organisation
    project.lead_officer = lead_officer
    errors: Errors = {}
    _check_outcomes_and_leads(project, outcomes, errors)
    _save(project, by, errors)
    project.outcomes.set(outcomes)
    return project


def _check_outcomes_and_leads(project: Project, outcomes: list[Outcome], errors: Errors) -> None:
    """The project serves its own partnership's outcomes and is led by one of its partners."""
    partnership = project.partnership
    lead_organisation, lead_officer = project.lead_organisation, project.lead_officer
    if any(outcome.framework.partnership_id != partnership.pk for outcome in outcomes):
        errors["outcomes"] = [OUTCOME_ELSEWHERE.format(partnership=partnership)]
    if not PartnerMembership.objects.filter(
        partnership=partnership, organisation=lead_organisation
    ).exists():
        message = LEAD_ORGANISATION_NOT_PARTNER.format(partnership=partnership)
        errors["lead_organisation"] = [message]
    if (
        lead_officer is not None
        and lead_officer.organisation_id
        and lead_officer.organisation_id != lead_organisation.pk
    ):
        message = LEAD_OFFICER_ELSEWHERE.format(
            organisation=lead_officer.organisation, lead=lead_organisation
        )
        errors["lead_officer"] = [message]


@transaction.atomic
def milestone_add(
    *,
    project: Project,
    title: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    status: str = Milestone.Status.NOT_STARTED,
    by: AbstractBaseUser,
) -> Milestone:
    """Adds a step to the project's delivery plan; it may not end before it starts."""
    milestone = Milestone(project=project)
    return _milestone_save(
        milestone, title=title, starts_on=starts_on, ends_on=ends_on, status=status, by=by
    )


@transaction.atomic
def milestone_update(
    *,
    milestone: Milestone,
    title: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    status: str,
    by: AbstractBaseUser,
) -> Milestone:
    """Changes a step of the delivery plan, its dates or how far it has got; a refused change
    leaves the stored step as it was."""
    fresh = Milestone.objects.select_for_update().get(pk=milestone.pk)
    return _milestone_save(
        fresh, title=title, starts_on=starts_on, ends_on=ends_on, status=status, by=by
    )


def _milestone_save(milestone: Milestone, *, by: AbstractBaseUser, **fields) -> Milestone:
    for name, value in fields.items():
        setattr(milestone, name, value)
    errors: Errors = {}
    if milestone.starts_on and milestone.ends_on and milestone.ends_on < milestone.starts_on:
        errors["ends_on"] = [gettext(MILESTONE_ENDS_BEFORE_START)]
    _save(milestone, by, errors)
    return milestone


@transaction.atomic
def project_framework_create(
    *,
    project: Project,
    by: AbstractBaseUser,
    starts_on: datetime.date | None = None,
    ends_on: datetime.date | None = None,
) -> OutcomeFramework:
    """Gives the project a performance framework of its own, over the span of its delivery plan
    unless told otherwise, so its indicators have targets, readings and a RAG status."""
    project = Project.objects.select_for_update().get(pk=project.pk)
    if project.performance_framework_id is not None:
        raise ValidationError(FRAMEWORK_EXISTS.format(project=project))
    span = project.milestones.aggregate(first=Min("starts_on"), last=Max("ends_on"))
    starts_on = starts_on or span["first"]
    ends_on = ends_on or span["last"]
    if starts_on is None or ends_on is None:
        raise ValidationError(gettext(FRAMEWORK_NEEDS_DATES))
    framework = framework_create(
        partnership=project.partnership,
        by=by,
        name=f"{project.name} performance framework",
        kind=OutcomeFramework.Kind.PROJECT,
        starts_on=starts_on,
        ends_on=ends_on,
        summary=f"The indicators by which {project.partnership} follows {project.name}.",
    )
    project.performance_framework = framework
    _save(project, by, {})
    return framework


def _free_slug(partnership: Partnership, name: str) -> str:
    """The project's name as an address, numbered on if the partnership already uses it."""
    base = slugify(name)[:70] or "project"
    taken = set(
        Project.objects.filter(partnership=partnership, slug__startswith=base).values_list(
            "slug", flat=True
        )
    )
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def _save(record: models.Model, by: AbstractBaseUser, errors: Errors) -> None:
    """Saves the record if it and the checks above are all valid, reporting every problem."""
    try:
        record.full_clean(exclude=set(errors))
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    if errors:
        raise ValidationError(errors)
    record._history_user = by
    record.save()
