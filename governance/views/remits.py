"""A board's numbered remit: editing and reordering its clauses, and what serves each."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from core.service_views import ServiceFormView
from governance.forms.remits import RemitClauseForm, RemitClauseRemoveForm
from governance.models import Board, RemitClause
from governance.remits import (
    DOWN,
    UP,
    remit_clause_add,
    remit_clause_move,
    remit_clause_remove,
    remit_clause_update,
)
from governance.rules import can_edit_board, is_board_member
from governance.views.base import CHANGE_BOARD, BoardLookupMixin
from partnership.rules import is_administrator


def remit_url(board: Board) -> str:
    return reverse("governance:remit", args=[board.partnership.slug, board.slug])


def _served_by(relation: str) -> QuerySet:
    """All records of the model behind one of a clause's reverse relations."""
    # Governance imports neither outcomes nor meetings; the relations name their models.
    return RemitClause._meta.get_field(relation).related_model.objects.all()


def _agenda_items_seen_by(user, board: Board) -> QuerySet:
    """The agenda items the user may see: every one for the board's own people, else only the
    open items of published agendas, so exempt business never reaches a public page."""
    items = _served_by("agenda_items").select_related("meeting")
    items = items.order_by("-meeting__starts_at", "position")
    if (is_board_member | can_edit_board | is_administrator)(user, board):
        return items
    return items.filter(is_exempt=False, meeting__agenda_published_at__isnull=False)


def _clauses_with_service(user, board: Board) -> QuerySet[RemitClause]:
    """The board's clauses, each with its development actions and the agenda items it sees."""
    return board.remit_clauses.prefetch_related(
        Prefetch(
            "development_actions",
            queryset=_served_by("development_actions")
            .select_related("partnership")
            .order_by("reference"),
        ),
        Prefetch("agenda_items", queryset=_agenda_items_seen_by(user, board)),
    )


class RemitView(BoardLookupMixin, TemplateView):
    """The board's remit, clause by clause, with what serves each."""

    template_name = "governance/remits/remit.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            clauses=_clauses_with_service(user, self.board),
            can_edit=user.has_perm(CHANGE_BOARD, self.board),
            **kwargs,
        )


class ClauseLookupMixin(BoardLookupMixin):
    """Finds one clause of the board by its number."""

    @cached_property
    def clause(self) -> RemitClause:
        return get_object_or_404(
            _clauses_with_service(self.request.user, self.board), number=self.kwargs["number"]
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(clause=self.clause, **kwargs)


class RemitClauseView(ClauseLookupMixin, TemplateView):
    """One clause and what has been done about it."""

    template_name = "governance/remits/clause.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            can_edit=self.request.user.has_perm(CHANGE_BOARD, self.board), **kwargs
        )


class RemitEditMixin(PermissionRequiredMixin):
    """An editing page of the remit, for those who may edit the board; it leads back there."""

    permission_required = CHANGE_BOARD
    template_name = "governance/remits/form_page.html"

    def get_success_url(self) -> str:
        return remit_url(self.board)

    def cancel_url(self) -> str:
        return remit_url(self.board)


class RemitClauseAddView(BoardLookupMixin, RemitEditMixin, ServiceFormView):
    form_class = RemitClauseForm
    heading = _("Add a clause to the remit")

    def act(self, form) -> None:
        self.clause = remit_clause_add(board=self.board, **form.cleaned_data)

    def success_message(self) -> str:
        return gettext("Remit {number} has been added.").format(number=self.clause.number)


class RemitClauseEditView(ClauseLookupMixin, RemitEditMixin, ServiceFormView):
    form_class = RemitClauseForm

    @property
    def heading(self) -> str:
        return gettext("Change remit {number}").format(number=self.clause.number)

    def get_initial(self):
        return {"heading": self.clause.heading, "text": self.clause.text}

    def act(self, form) -> None:
        remit_clause_update(clause=self.clause, **form.cleaned_data)

    def success_message(self) -> str:
        return gettext("Remit {number} has been changed.").format(number=self.clause.number)


class RemitClauseRemoveView(ClauseLookupMixin, RemitEditMixin, ServiceFormView):
    form_class = RemitClauseRemoveForm
    template_name = "governance/remits/clause_remove.html"

    @property
    def heading(self) -> str:
        return gettext("Remove remit {number}?").format(number=self.clause.number)

    def act(self, form) -> None:
        self.number = self.clause.number
        remit_clause_remove(clause=self.clause)

    def success_message(self) -> str:
        return gettext(
            "Remit {number} has been removed; the clauses after it have moved up."
        ).format(number=self.number)


class RemitClauseMoveView(ClauseLookupMixin, RemitEditMixin, View):
    """Moves a clause one place up or down the remit, then shows the remit again."""

    http_method_names = ["post"]
    direction = UP

    def post(self, request, *args, **kwargs):
        try:
            clause = remit_clause_move(clause=self.clause, direction=self.direction)
        except ValidationError as refusal:
            messages.error(request, " ".join(refusal.messages))
        else:
            messages.success(
                request, gettext("The clause is now remit {number}.").format(number=clause.number)
            )
        return redirect(remit_url(self.board))


REMIT = "<slug:partnership>/boards/<slug:slug>/remit/"
CLAUSE = f"{REMIT}<int:number>/"

urlpatterns = [
    path(REMIT, RemitView.as_view(), name="remit"),
    path(f"{REMIT}add/", RemitClauseAddView.as_view(), name="remit_clause_add"),
    path(CLAUSE, RemitClauseView.as_view(), name="remit_clause"),
    path(f"{CLAUSE}edit/", RemitClauseEditView.as_view(), name="remit_clause_edit"),
    path(f"{CLAUSE}remove/", RemitClauseRemoveView.as_view(), name="remit_clause_remove"),
    path(
        f"{CLAUSE}move-up/",
        RemitClauseMoveView.as_view(direction=UP),
        name="remit_clause_move_up",
    ),
    path(
        f"{CLAUSE}move-down/",
        RemitClauseMoveView.as_view(direction=DOWN),
        name="remit_clause_move_down",
    ),
]
