"""Recording what partners put into shared work, and what a project's pooled budget spends.

Money is a Decimal in pounds from the text typed to the row saved; a float is refused, since it
cannot hold a penny exactly. A financial year runs from 1 April to 31 March and is written
2013/14: the year it starts, a slash, and the last two digits of the year after.
"""

import datetime
import re
from collections.abc import Callable
from decimal import ROUND_DOWN, Decimal, InvalidOperation
from typing import TypeVar

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from outcomes.models import Contribution, Outcome, Project, Spend
from partnership.models import Organisation, PartnerMembership, Partnership

AMOUNT_REQUIRED = _("Enter the amount in pounds, for example 1,250.00.")
# Marked only, and translated where raised: a plain string, so that it can be looked for in a page.
AMOUNT_NOT_A_NUMBER = gettext_noop("Enter the amount in pounds as a number, for example 1,250.00.")
AMOUNT_NOT_POSITIVE = _("Enter an amount of more than £0.")
AMOUNT_TOO_MANY_PLACES = _("Enter the amount in pounds and pence, with at most 2 decimal places.")
AMOUNT_TOO_LARGE = _("Enter an amount of less than £1,000,000,000,000.")
FINANCIAL_YEAR_INVALID = _(
    "Enter the financial year as the year it starts and the last two digits of the next, "
    "for example 2013/14."
)
ORGANISATION_NOT_PARTNER = _("{organisation} was not a partner of this partnership in {year}.")
PROJECT_ELSEWHERE = _("The project belongs to another partnership.")
OUTCOME_ELSEWHERE = _("The outcome belongs to another partnership's framework.")
PROJECT_OR_OUTCOME_REQUIRED = _("Choose the project or the outcome the contribution is to.")
PROJECT_AND_OUTCOME = _("Choose the project or the outcome the contribution is to, not both.")
SPEND_OUTSIDE_YEAR = _(
    "The date of the spending must be in {year}: 1 April {start} to 31 March {end}."
)
DESCRIPTION_REQUIRED = _("Enter what the money was spent on.")

# Pounds as people type them: an optional £, digits grouped by commas or not, and pence.
_AMOUNT = re.compile(r"(?P<sign>-£?|£-?)?(?P<pounds>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)")
_FINANCIAL_YEAR = re.compile(r"(\d{4})/(\d{2})")
_AMOUNT_FIELD = Contribution._meta.get_field("amount")
_LARGEST_WHOLE_POUNDS = _AMOUNT_FIELD.max_digits - _AMOUNT_FIELD.decimal_places

Value = TypeVar("Value")
Checked = TypeVar("Checked")


def parse_amount(amount: Decimal | int | str) -> Decimal:
    """The amount as pounds and pence, or a ValidationError saying what is wrong with it."""
    if isinstance(amount, float):
        raise TypeError("An amount of money is a Decimal or text, never a float.")
    if isinstance(amount, str):
        text = amount.strip()
        if not text:
            raise ValidationError(AMOUNT_REQUIRED)
        match = _AMOUNT.fullmatch(text)
        if match is None:
            raise ValidationError(gettext(AMOUNT_NOT_A_NUMBER))
        amount = Decimal(match["pounds"].replace(",", ""))
        if "-" in (match["sign"] or ""):
            amount = -amount
    try:
        value = Decimal(amount)
    except (InvalidOperation, TypeError, ValueError):
        raise ValidationError(gettext(AMOUNT_NOT_A_NUMBER)) from None
    if not value.is_finite():
        raise ValidationError(gettext(AMOUNT_NOT_A_NUMBER))
    if value <= 0:
        raise ValidationError(AMOUNT_NOT_POSITIVE)
    if value != value.quantize(Decimal("0.01"), rounding=ROUND_DOWN):
        raise ValidationError(AMOUNT_TOO_MANY_PLACES)
    if value >= Decimal(10) ** _LARGEST_WHOLE_POUNDS:
        raise ValidationError(AMOUNT_TOO_LARGE)
    return value.quantize(Decimal("0.01"))


def financial_year_start(financial_year: str) -> int:
    """The calendar year a financial year written 2013/14 starts in, or a ValidationError."""
    match = _FINANCIAL_YEAR.fullmatch(financial_year.strip())
    if match is None:
        raise ValidationError(FINANCIAL_YEAR_INVALID)
    start = int(match[1])
    if (start + 1) % 100 != int(match[2]):
        raise ValidationError(FINANCIAL_YEAR_INVALID)
    return start


def financial_year_span(financial_year: str) -> tuple[datetime.date, datetime.date]:
    """The first and last days of a financial year: 1 April to 31 March."""
    start = financial_year_start(financial_year)
    return datetime.date(start, 4, 1), datetime.date(start + 1, 3, 31)


@transaction.atomic
def contribution_record(
    *,
    partnership: Partnership,
    organisation: Organisation,
    financial_year: str,
    kind: str,
    amount: Decimal | str,
    project: Project | None = None,
    outcome: Outcome | None = None,
    description: str = "",
    by: AbstractBaseUser,
) -> Contribution:
    """Records a partner's contribution in a year to one project or outcome of its partnership."""
    errors: dict[str, list[str]] = {}
    value = _checked(errors, "amount", parse_amount, amount)
    year = financial_year.strip()
    span = _checked(errors, "financial_year", financial_year_span, year)
    if span and not _was_partner(partnership, organisation, *span):
        errors["organisation"] = [
            ORGANISATION_NOT_PARTNER.format(organisation=organisation, year=year)
        ]
    if project is None and outcome is None:
        errors["project"] = [PROJECT_OR_OUTCOME_REQUIRED]
    elif project is not None and outcome is not None:
        errors["project"] = [PROJECT_AND_OUTCOME]
    elif project is not None and project.partnership_id != partnership.pk:
        errors["project"] = [PROJECT_ELSEWHERE]
    elif outcome is not None and outcome.framework.partnership_id != partnership.pk:
        errors["outcome"] = [OUTCOME_ELSEWHERE]
    if errors:
        raise ValidationError(errors)
    contribution = Contribution(
        partnership=partnership,
        organisation=organisation,
        project=project,
        outcome=outcome,
        financial_year=year,
        kind=kind,
        amount=value,
        description=description.strip(),
    )
    contribution.full_clean()
    contribution._history_user = by
    contribution.save()
    return contribution


@transaction.atomic
def spend_record(
    *,
    project: Project,
    financial_year: str,
    spent_on: datetime.date,
    amount: Decimal | str,
    description: str,
    by: AbstractBaseUser,
) -> Spend:
    """Records spending from a project's pooled budget on a day within its financial year."""
    errors: dict[str, list[str]] = {}
    value = _checked(errors, "amount", parse_amount, amount)
    year = financial_year.strip()
    span = _checked(errors, "financial_year", financial_year_span, year)
    if span and not span[0] <= spent_on <= span[1]:
        errors["spent_on"] = [
            SPEND_OUTSIDE_YEAR.format(year=year, start=span[0].year, end=span[1].year)
        ]
    if not description.strip():
        errors["description"] = [DESCRIPTION_REQUIRED]
    if errors:
        raise ValidationError(errors)
    spend = Spend(
        project=project,
        financial_year=year,
        spent_on=spent_on,
        amount=value,
        description=description.strip(),
    )
    spend.full_clean()
    spend._history_user = by
    spend.save()
    return spend


def _checked(
    errors: dict[str, list[str]], field: str, check: Callable[[Value], Checked], value: Value
) -> Checked | None:
    """What the check makes of the value, or None with its messages put under the field."""
    try:
        return check(value)
    except ValidationError as error:
        errors[field] = error.messages
        return None


def _was_partner(
    partnership: Partnership, organisation: Organisation, first: datetime.date, last: datetime.date
) -> bool:
    """Whether the organisation was a partner on any day from first to last."""
    return (
        PartnerMembership.objects.filter(partnership=partnership, organisation=organisation)
        .filter(Q(joined_on__isnull=True) | Q(joined_on__lte=last))
        .filter(Q(left_on__isnull=True) | Q(left_on__gt=first))
        .exists()
    )
