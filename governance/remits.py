"""Keeping a board's numbered remit: adding, rewording, removing and reordering its clauses.

Clauses are numbered 1 to n with no gaps; every change that moves a number renumbers the whole
remit in one transaction, with the board locked so that two editors cannot interleave.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from core.ordering import renumber
from governance.models import Board, RemitClause

CLAUSE_TEXT_REQUIRED = _("Enter the words of the clause.")
CLAUSE_IS_SERVED = _(
    "Remit {number} cannot be removed: {served} serve it. Link them to another clause first."
)
CLAUSE_ALREADY_FIRST = _("Remit {number} is already the first clause.")
CLAUSE_ALREADY_LAST = _("Remit {number} is already the last clause.")

UP, DOWN = "up", "down"


def _locked_clauses(board: Board) -> list[RemitClause]:
    """The board's clauses in order, which no one else may change until this transaction ends."""
    Board.objects.select_for_update().filter(pk=board.pk).first()
    return list(board.remit_clauses.order_by("number"))


def _clause_save(clause: RemitClause) -> RemitClause:
    clause.heading, clause.text = clause.heading.strip(), clause.text.strip()
    if not clause.text:
        raise ValidationError({"text": CLAUSE_TEXT_REQUIRED})
    clause.full_clean()
    clause.save()
    return clause


@transaction.atomic
def remit_clause_add(*, board: Board, heading: str = "", text: str) -> RemitClause:
    """Adds a clause at the end of the board's remit."""
    clauses = _locked_clauses(board)
    return _clause_save(
        RemitClause(board=board, number=len(clauses) + 1, heading=heading, text=text)
    )


@transaction.atomic
def remit_clause_update(*, clause: RemitClause, heading: str, text: str) -> RemitClause:
    """Rewords a clause; its number changes only by moving it."""
    clause.heading, clause.text = heading, text
    return _clause_save(clause)


def _served_by(clause: RemitClause) -> str:
    """What serves the clause, counted in words: '2 development actions and 1 agenda item'."""
    actions, items = clause.development_actions.count(), clause.agenda_items.count()
    parts = []
    if actions:
        parts.append(
            ngettext("{count} development action", "{count} development actions", actions).format(
                count=actions
            )
        )
    if items:
        parts.append(
            ngettext("{count} agenda item", "{count} agenda items", items).format(count=items)
        )
    if len(parts) == 2:
        return gettext("{first} and {second}").format(first=parts[0], second=parts[1])
    return "".join(parts)


@transaction.atomic
def remit_clause_remove(*, clause: RemitClause) -> None:
    """Removes a clause that nothing serves; the clauses after it move up."""
    clauses = _locked_clauses(clause.board)
    served = _served_by(clause)
    if served:
        raise ValidationError(CLAUSE_IS_SERVED.format(number=clause.number, served=served))
    remaining = [each for each in clauses if each.pk != clause.pk]
    clause.delete()
    renumber(remaining, "number")


@transaction.atomic
def remit_clause_move(*, clause: RemitClause, direction: str) -> RemitClause:
    """Swaps a clause with the one above or below it; the remit stays numbered 1 to n."""
    clauses = _locked_clauses(clause.board)
    index = next(i for i, each in enumerate(clauses) if each.pk == clause.pk)
    if direction == UP and index == 0:
        raise ValidationError(CLAUSE_ALREADY_FIRST.format(number=clause.number))
    if direction == DOWN and index == len(clauses) - 1:
        raise ValidationError(CLAUSE_ALREADY_LAST.format(number=clause.number))
    other = index - 1 if direction == UP else index + 1
    clauses[index], clauses[other] = clauses[other], clauses[index]
    renumber(clauses, "number")
    clause.refresh_from_db(fields=["number", "modified_at"])
    return clause
