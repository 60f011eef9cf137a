"""Keeping an outcome framework: the framework, its outcomes, indicators and targets.

Each service checks what the database cannot (records of another partnership, a baseline
without its date) with a message on the field concerned, then validates the whole record, so
the officer sees every problem at once and nothing is saved until all is well.
"""

import datetime
from collections.abc import Collection, Iterable, Mapping
from decimal import Decimal
from typing import Any, NamedTuple

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models, transaction
from django.utils.text import slugify
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from governance.models import Board
from outcomes.models import Indicator, Outcome, OutcomeFramework, Target
from partnership.models import PartnerMembership, Partnership, Theme

FRAMEWORK_ENDS_BEFORE_START = _("A framework must end after it starts.")
THEME_OF_ANOTHER_PARTNERSHIP = _("Choose only themes of {partnership}.")
THEME_IN_USE = _("Keep the theme {theme}: outcome {number} comes under it.")
OUTCOME_NUMBER_TAKEN = _("This framework already has an outcome {number}.")
OUTCOME_THEME_NOT_IN_FRAMEWORK = _("Choose one of the framework's themes.")
CROSS_CUTTING_THEME_INVALID = _("Choose only cross-cutting themes of {partnership}.")
LEAD_ORGANISATION_NOT_PARTNER = _("Choose an organisation that is a partner of {partnership}.")
LEAD_BOARD_OF_ANOTHER_PARTNERSHIP = _("Choose a board of {partnership}.")
BASELINE_NEEDS_DATE = _("A baseline needs the date it was measured.")
BASELINE_DATE_WITHOUT_VALUE = _("Enter the baseline value measured on this date.")
TOLERANCE_NEGATIVE = _("The tolerance cannot be negative.")
TARGET_ROW_INVALID = _("Row %(row)s: %(problem)s")
# Marked only, and translated where used: a plain string, so that it can be looked for in a message.
TARGET_PERIOD_REPEATED = gettext_noop("Another row starts on the same day.")

# What an officer may set on each record, in the order the forms ask for it.
FRAMEWORK_FIELDS = ("name", "kind", "status", "starts_on", "ends_on", "summary")
OUTCOME_FIELDS = ("number", "title", "theme", "description")
INDICATOR_FIELDS = (
    "code",
    "name",
    "unit",
    "polarity",
    "frequency",
    "source",
    "lead_organisation",
    "lead_board",
    "baseline_value",
    "baseline_date",
    "tolerance_percent",
)
# A framework's slug may not name a page of the frameworks themselves.
RESERVED_SLUGS = frozenset({"new"})

Errors = dict[str, list[str]]


class TargetRow(NamedTuple):
    """One period's target as the officer gives it; any 3-tuple in this order will do."""

    period_start: datetime.date
    period_end: datetime.date
    value: Decimal


@transaction.atomic
def framework_create(
    *, partnership: Partnership, by: AbstractUser, **fields: Any
) -> OutcomeFramework:
    """Starts a framework of the partnership, under themes of the partnership only."""
    themes = fields.pop("themes", [])
    framework = OutcomeFramework(partnership=partnership)
    _assign(framework, fields, FRAMEWORK_FIELDS)
    framework.slug = _free_slug(partnership, framework.name)
    _save(framework, by, _framework_errors(framework, themes))
    framework.themes.set(themes)
    return framework


@transaction.atomic
def framework_edit(
    *, framework: OutcomeFramework, by: AbstractUser, **fields: Any
) -> OutcomeFramework:
    """Changes a framework; its address stays, and a theme its outcomes use stays."""
    themes = fields.pop("themes", None)
    _assign(framework, fields, FRAMEWORK_FIELDS)
    errors = _framework_errors(framework, themes or [])
    if themes is not None:
        kept = {theme.pk for theme in themes}
        in_use = (
            framework.outcomes.exclude(theme=None)
            .exclude(theme__in=kept)
            .select_related("theme")
            .first()
        )
        if in_use is not None:
            message = THEME_IN_USE.format(theme=in_use.theme, number=in_use.number)
            errors.setdefault("themes", []).append(message)
    _save(framework, by, errors)
    if themes is not None:
        framework.themes.set(themes)
    return framework


@transaction.atomic
def outcome_create(*, framework: OutcomeFramework, by: AbstractUser, **fields: Any) -> Outcome:
    """Adds an outcome to a framework, numbered uniquely within it, tagged with cross-cutting
    themes of its partnership only."""
    cross_cutting_themes = fields.pop("cross_cutting_themes", [])
    outcome = Outcome(framework=framework)
    _assign(outcome, fields, OUTCOME_FIELDS)
    _save(outcome, by, _outcome_errors(outcome, cross_cutting_themes))
    outcome.cross_cutting_themes.set(cross_cutting_themes)
    return outcome


@transaction.atomic
def outcome_edit(*, outcome: Outcome, by: AbstractUser, **fields: Any) -> Outcome:
    """Changes an outcome; its number stays unique within the framework, and its cross-cutting
    themes are its partnership's."""
    cross_cutting_themes = fields.pop("cross_cutting_themes", None)
    _assign(outcome, fields, OUTCOME_FIELDS)
    _save(outcome, by, _outcome_errors(outcome, cross_cutting_themes or []))
    if cross_cutting_themes is not None:
        outcome.cross_cutting_themes.set(cross_cutting_themes)
    return outcome


@transaction.atomic
def indicator_create(*, outcome: Outcome, by: AbstractUser, **fields: Any) -> Indicator:
    """Adds an indicator to an outcome, led by a partner or a board of the partnership."""
    indicator = Indicator(outcome=outcome)
    _assign(indicator, fields, INDICATOR_FIELDS)
    _save(indicator, by, _indicator_errors(indicator))
    return indicator


@transaction.atomic
def indicator_edit(*, indicator: Indicator, by: AbstractUser, **fields: Any) -> Indicator:
    """Changes an indicator; its code stays unique within the framework."""
    _assign(indicator, fields, INDICATOR_FIELDS)
    _save(indicator, by, _indicator_errors(indicator))
    return indicator


@transaction.atomic
def targets_set(
    *,
    indicator: Indicator,
    rows: Iterable[TargetRow],
    by: AbstractUser,
) -> list[Target]:
    """Makes the rows the indicator's targets: one per period start, others removed; a bad row
    saves nothing.

    Errors name their row, counted from 1, and carry it (and the field, if any) as params.
    """
    existing = {
        target.period_start: target
        for target in Target.objects.select_for_update().filter(indicator=indicator)
    }
    targets: list[Target] = []
    problems: list[ValidationError] = []
    seen: set[datetime.date] = set()
    for number, (period_start, period_end, value) in enumerate(rows, start=1):
        target = existing.get(period_start) or Target(indicator=indicator)
        target.period_start, target.period_end, target.value = period_start, period_end, value
        row_errors: Errors = {}
        if period_start in seen:
            row_errors["period_start"] = [gettext(TARGET_PERIOD_REPEATED)]
        seen.add(period_start)
        _full_clean(target, row_errors)
        problems += [
            ValidationError(
                TARGET_ROW_INVALID,
                code="target_row",
                params={"row": number, "field": field, "problem": message},
            )
            for field, message in _distinct_messages(row_errors)
        ]
        targets.append(target)
    if problems:
        raise ValidationError(problems)
    for period_start, target in existing.items():
        if period_start not in seen:
            target._history_user = by
            target.delete()
    for target in targets:
        target._history_user = by
        target.save()
    return targets


def _assign(record: models.Model, fields: Mapping[str, Any], allowed: Collection[str]) -> None:
    unknown = set(fields).difference(allowed)
    if unknown:
        raise TypeError(f"{type(record).__name__} has no editable fields {sorted(unknown)}")
    for name, value in fields.items():
        setattr(record, name, value)


def _free_slug(partnership: Partnership, name: str) -> str:
    """The framework's name as an address, numbered on if the partnership already uses it."""
    base = slugify(name)[:70] or "framework"
    taken = (
        set(
            OutcomeFramework.objects.filter(
                partnership=partnership, slug__startswith=base
            ).values_list("slug", flat=True)
        )
        | RESERVED_SLUGS
    )
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def _framework_errors(framework: OutcomeFramework, themes: Iterable[Theme]) -> Errors:
    errors: Errors = {}
    if framework.starts_on and framework.ends_on and framework.ends_on <= framework.starts_on:
        errors["ends_on"] = [FRAMEWORK_ENDS_BEFORE_START]
    if any(theme.partnership_id != framework.partnership_id for theme in themes):
        message = THEME_OF_ANOTHER_PARTNERSHIP.format(partnership=framework.partnership)
        errors["themes"] = [message]
    return errors


def _outcome_errors(outcome: Outcome, cross_cutting_themes: Iterable[Theme]) -> Errors:
    errors: Errors = {}
    partnership_id = outcome.framework.partnership_id
    if any(
        theme.partnership_id != partnership_id or not theme.is_cross_cutting
        for theme in cross_cutting_themes
    ):
        message = CROSS_CUTTING_THEME_INVALID.format(partnership=outcome.framework.partnership)
        errors["cross_cutting_themes"] = [message]
    if (
        outcome.number is not None
        and Outcome.objects.filter(framework_id=outcome.framework_id, number=outcome.number)
        .exclude(pk=outcome.pk)
        .exists()
    ):
        errors["number"] = [OUTCOME_NUMBER_TAKEN.format(number=outcome.number)]
    if outcome.theme_id and not outcome.framework.themes.filter(pk=outcome.theme_id).exists():
        errors["theme"] = [OUTCOME_THEME_NOT_IN_FRAMEWORK]
    return errors


def _indicator_errors(indicator: Indicator) -> Errors:
    partnership = indicator.outcome.framework.partnership
    errors: Errors = {}
    if (
        indicator.lead_organisation_id
        and not PartnerMembership.objects.filter(
            partnership=partnership, organisation_id=indicator.lead_organisation_id
        ).exists()
    ):
        message = LEAD_ORGANISATION_NOT_PARTNER.format(partnership=partnership)
        errors["lead_organisation"] = [message]
    if (
        indicator.lead_board_id
        and not Board.objects.filter(pk=indicator.lead_board_id, partnership=partnership).exists()
    ):
        message = LEAD_BOARD_OF_ANOTHER_PARTNERSHIP.format(partnership=partnership)
        errors["lead_board"] = [message]
    if indicator.baseline_value is not None and indicator.baseline_date is None:
        errors["baseline_date"] = [BASELINE_NEEDS_DATE]
    if indicator.baseline_date is not None and indicator.baseline_value is None:
        errors["baseline_value"] = [BASELINE_DATE_WITHOUT_VALUE]
    if indicator.tolerance_percent is not None and indicator.tolerance_percent < 0:
        errors["tolerance_percent"] = [TOLERANCE_NEGATIVE]
    return errors


def _full_clean(record: models.Model, errors: Errors) -> None:
    """Adds the record's own validation to `errors`, leaving out fields already refused, so
    that a constraint does not repeat in other words what a field's message already says."""
    try:
        record.full_clean(exclude=set(errors))
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, []).extend(messages)


def _distinct_messages(errors: Errors) -> list[tuple[str | None, str]]:
    """Each message once, with its field (None for the record as a whole)."""
    seen: dict[str, str | None] = {}
    for field, messages in errors.items():
        for message in messages:
            seen.setdefault(message, None if field == NON_FIELD_ERRORS else field)
    return [(field, message) for message, field in seen.items()]


def _save(record: models.Model, by: AbstractUser, errors: Errors) -> None:
    """Saves the record if it is valid; a refused change leaves it as it is stored, so that
    the caller never shows or keeps the values refused."""
    _full_clean(record, errors)
    if errors:
        if record.pk:
            record.refresh_from_db()
        raise ValidationError(errors)
    # Recorded in the history as this person's change, whichever way the service is called.
    record._history_user = by
    record.save()
