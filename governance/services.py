"""Writes to governance records: every change that a rule guards goes through here."""

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from governance.models import Board, BoardMembership, JointAppointment, JointAppointmentShare
from partnership.models import Theme

SHARES_MUST_TOTAL_100 = _(
    "The employers' shares of cost must add up to 100%; they add up to {total}%."
)
# Marked only, and translated where raised: a plain string, so that it can be looked for in a page.
JOINT_APPOINTMENT_NEEDS_TWO_EMPLOYERS = gettext_noop(
    "A joint appointment is held across at least two employing bodies."
)
ONE_SHARE_PER_EMPLOYER = _("Each employing body has one share of a joint appointment.")


def joint_appointment_shares_check(shares: Iterable[Decimal]) -> None:
    """A joint appointment has at least two employers whose shares of cost add up to 100%."""
    shares = list(shares)
    if len(shares) < 2:
        raise ValidationError(
            gettext(JOINT_APPOINTMENT_NEEDS_TWO_EMPLOYERS), code="too_few_employers"
        )
    total = sum(shares, Decimal(0))
    if total != 100:
        raise ValidationError(
            SHARES_MUST_TOTAL_100.format(total=f"{total.normalize():f}"), code="shares_total"
        )


@transaction.atomic
def joint_appointment_save(
    *, appointment: JointAppointment, shares: list[dict]
) -> JointAppointment:
    """Saves an appointment and replaces its shares, which must add up to 100%."""
    rows = [JointAppointmentShare(appointment=appointment, **share) for share in shares]
    for row in rows:
        # The appointment may not be saved yet, and its old shares are about to be replaced.
        row.full_clean(exclude={"appointment"})
    joint_appointment_shares_check(row.cost_share_percent for row in rows)
    if len({row.organisation_id for row in rows}) < len(rows):
        raise ValidationError(ONE_SHARE_PER_EMPLOYER, code="duplicate_employer")
    appointment.full_clean()

    appointment.save()
    appointment.shares.all().delete()
    for row in rows:
        row.save()
    return appointment


@transaction.atomic
def membership_save(*, membership: BoardMembership) -> BoardMembership:
    """Saves a seat on a board; a person holds one seat per board at a time, a board one chair."""
    membership.full_clean()
    membership.save()
    return membership


BOARD_FIELDS = (
    "name",
    "kind",
    "status",
    "reports_to",
    "cadence",
    "quorum",
    "terms_of_reference",
    "measures_of_success",
    "theme",
    "established_on",
    "dissolved_on",
)
CROSS_CUTTING_THEME_NOT_OF_PARTNERSHIP = _("Choose only cross-cutting themes of {partnership}.")
# A board's address may not name a page of the boards themselves.
RESERVED_BOARD_SLUGS = frozenset({"new"})


@transaction.atomic
def board_save(
    *,
    board: Board,
    by: AbstractUser,
    cross_cutting_themes: Iterable[Theme] | None = None,
    **fields: Any,
) -> Board:
    """Saves a board of its partnership: it reports to a board of the same partnership, never
    to itself nor to a board below it, and a dissolved board has its date."""
    unknown = set(fields).difference(BOARD_FIELDS)
    if unknown:
        raise TypeError(f"Board has no editable fields {sorted(unknown)}")
    for name, value in fields.items():
        setattr(board, name, value)
    if board.pk is None:
        board.slug = _free_board_slug(board)
    errors: dict[str, list[str]] = {}
    themes = None if cross_cutting_themes is None else list(cross_cutting_themes)
    if themes is not None and any(
        theme.partnership_id != board.partnership_id or not theme.is_cross_cutting
        for theme in themes
    ):
        message = CROSS_CUTTING_THEME_NOT_OF_PARTNERSHIP.format(partnership=board.partnership)
        errors["cross_cutting_themes"] = [message]
    try:
        board.full_clean()
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    if errors:
        # A refused change leaves the board as stored, so that nothing shows the values refused.
        if board.pk is not None:
            board.refresh_from_db()
        raise ValidationError(errors)
    board._history_user = by
    board.save()
    if themes is not None:
        board.cross_cutting_themes.set(themes)
    return board


def _free_board_slug(board: Board) -> str:
    """The board's name as an address, numbered on if its partnership already uses it."""
    base = slugify(board.name)[:70] or "board"
    taken = (
        set(
            Board.objects.filter(
                partnership_id=board.partnership_id, slug__startswith=base
            ).values_list("slug", flat=True)
        )
        | RESERVED_BOARD_SLUGS
    )
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug
