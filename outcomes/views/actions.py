"""Development actions: lists (mine, a board's, overdue), CSV export, progress updates."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from django_filters.views import FilterView
from rules.contrib.views import PermissionRequiredMixin

from core.service_views import ServiceFormView
from governance.models import Board, BoardMembership
from outcomes.exports import actions_csv_response, csv_filename
from outcomes.filters import DevelopmentActionFilter, listed
from outcomes.forms.actions import ActionUpdateForm, DevelopmentActionForm
from outcomes.models import DevelopmentAction
from outcomes.services.actions import (
    action_update_add,
    development_action_create,
    development_action_edit,
)
from partnership.models import Partnership
from partnership.rules import person_of

NO_PERSON = _(
    "Your sign-in is not linked to a person, so an update cannot say who wrote it. "
    "Ask an administrator to link it."
)
ACTIONS_PER_PAGE = 25


class ActionListBase(FilterView):
    """A filtered, paged list of actions that also downloads, filters and all, as CSV.

    Subclasses give the actions to list with `actions()` and the download's name with
    `csv_name()`.
    """

    filterset_class = DevelopmentActionFilter
    paginate_by = ACTIONS_PER_PAGE
    partnership: Partnership | None = None

    @cached_property
    def today(self):
        return timezone.localdate()

    def get_queryset(self) -> QuerySet[DevelopmentAction]:
        return listed(self.actions(), today=self.today)

    def get_filterset_kwargs(self, filterset_class):
        return {
            **super().get_filterset_kwargs(filterset_class),
            "partnership": self.partnership,
            "today": self.today,
        }

    def get(self, request, *args, **kwargs) -> HttpResponse:
        if request.GET.get("format") != "csv":
            return super().get(request, *args, **kwargs)
        filterset = self.get_filterset(self.get_filterset_class())
        actions = filterset.qs if filterset.is_valid() else filterset.queryset.none()
        return actions_csv_response(actions, filename=csv_filename(self.csv_name(), self.today))

    def get_context_data(self, **kwargs):
        filters = self.request.GET.copy()
        for name in ("page", "format"):
            filters.pop(name, None)
        csv_query = filters.copy()
        csv_query["format"] = "csv"
        return super().get_context_data(
            partnership=self.partnership,
            today=self.today,
            filters_query=filters.urlencode(),
            csv_query=csv_query.urlencode(),
            **kwargs,
        )


class ActionListView(ActionListBase):
    """A partnership's actions: all of them, a board's (?board=) or those overdue (?overdue=yes)."""

    template_name = "outcomes/actions/action_list.html"

    @cached_property
    def partnership(self) -> Partnership:
        return get_object_or_404(Partnership, slug=self.kwargs["partnership"])

    def actions(self) -> QuerySet[DevelopmentAction]:
        return DevelopmentAction.objects.filter(partnership=self.partnership)

    def csv_name(self) -> str:
        return f"{self.partnership.slug}-actions"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            can_add=self.request.user.has_perm(
                "outcomes.change_framework", DevelopmentAction(partnership=self.partnership)
            ),
            **kwargs,
        )


class MyActionsView(LoginRequiredMixin, ActionListBase):
    """Actions the signed-in person leads, and those led by boards they chair, everywhere."""

    template_name = "outcomes/actions/my_actions.html"

    @cached_property
    def chaired_boards(self) -> list[Board]:
        person = person_of(self.request.user)
        if person is None:
            return []
        return list(
            Board.objects.filter(
                memberships__in=BoardMembership.objects.filter(
                    person=person, role=BoardMembership.Role.CHAIR
                ).current(self.today)
            ).select_related("partnership")
        )

    def actions(self) -> QuerySet[DevelopmentAction]:
        person = person_of(self.request.user)
        if person is None:
            return DevelopmentAction.objects.none()
        return DevelopmentAction.objects.filter(
            Q(lead_person=person) | Q(lead_board__in=[board.pk for board in self.chaired_boards])
        )

    def csv_name(self) -> str:
        return "my-actions"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            person=person_of(self.request.user), chaired_boards=self.chaired_boards, **kwargs
        )


class ActionMixin:
    """A view of one action of the partnership named in the address."""

    @cached_property
    def action(self) -> DevelopmentAction:
        return get_object_or_404(
            DevelopmentAction.objects.with_leads(),
            partnership__slug=self.kwargs["partnership"],
            pk=self.kwargs["pk"],
        )

    def get_permission_object(self) -> DevelopmentAction:
        return self.action

    def get_context_data(self, **kwargs):
        # The address's partnership slug gives way to the partnership itself.
        kwargs.update(action=self.action, partnership=self.action.partnership)
        return super().get_context_data(**kwargs)

    def get_success_url(self) -> str:
        return action_url(self.action)

    def cancel_url(self) -> str:
        return action_url(self.action)


def action_url(action: DevelopmentAction) -> str:
    return reverse("outcomes:action_detail", args=[action.partnership.slug, action.pk])


class ActionDetailView(ActionMixin, TemplateView):
    """An action as agreed, with its progress updates, newest first, and its reminders."""

    template_name = "outcomes/actions/action_detail.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            updates=self.action.updates.select_related("author"),
            today=timezone.localdate(),
            is_overdue=DevelopmentAction.objects.overdue().filter(pk=self.action.pk).exists(),
            can_update=user.has_perm("outcomes.update_action", self.action),
            can_edit=user.has_perm("outcomes.change_framework", self.action),
            **kwargs,
        )


class ActionCreateView(PermissionRequiredMixin, ServiceFormView):
    permission_required = "outcomes.change_framework"
    form_class = DevelopmentActionForm
    template_name = "outcomes/actions/action_form.html"
    heading = _("Add a development action")

    @cached_property
    def partnership(self) -> Partnership:
        return get_object_or_404(Partnership, slug=self.kwargs["partnership"])

    def get_permission_object(self) -> DevelopmentAction:
        # The rules find the partnership from a record of it, as from any action.
        return DevelopmentAction(partnership=self.partnership)

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "partnership": self.partnership,
            "button": gettext("Save action"),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(partnership=self.partnership, **kwargs)

    def act(self, form) -> None:
        self.action = development_action_create(
            partnership=self.partnership, by=self.request.user, **form.cleaned_data
        )

    def success_message(self) -> str:
        return gettext("Action {reference} has been added.").format(reference=self.action.reference)

    def get_success_url(self) -> str:
        return action_url(self.action)

    def cancel_url(self) -> str:
        return reverse("outcomes:action_list", args=[self.partnership.slug])


class ActionEditView(ActionMixin, PermissionRequiredMixin, ServiceFormView):
    permission_required = "outcomes.change_framework"
    form_class = DevelopmentActionForm
    template_name = "outcomes/actions/action_form.html"
    heading = _("Change the development action")

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "partnership": self.action.partnership,
            "action": self.action,
            "button": gettext("Save changes"),
        }

    def act(self, form) -> None:
        development_action_edit(action=self.action, by=self.request.user, **form.cleaned_data)

    def success_message(self) -> str:
        return gettext("Action {reference} has been changed.").format(
            reference=self.action.reference
        )


class ActionUpdateAddView(ActionMixin, PermissionRequiredMixin, ServiceFormView):
    permission_required = "outcomes.update_action"
    form_class = ActionUpdateForm
    template_name = "outcomes/actions/action_form.html"
    heading = _("Add a progress update")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "action": self.action}

    def act(self, form) -> None:
        author = person_of(self.request.user)
        if author is None:
            raise ValidationError(NO_PERSON)
        action_update_add(action=self.action, author=author, **form.cleaned_data)

    def success_message(self) -> str:
        return gettext("Your update on action {reference} has been added.").format(
            reference=self.action.reference
        )


urlpatterns = [
    path("<slug:partnership>/actions/", ActionListView.as_view(), name="action_list"),
    path("<slug:partnership>/actions/new/", ActionCreateView.as_view(), name="action_create"),
    path("<slug:partnership>/actions/<int:pk>/", ActionDetailView.as_view(), name="action_detail"),
    path("<slug:partnership>/actions/<int:pk>/edit/", ActionEditView.as_view(), name="action_edit"),
    path(
        "<slug:partnership>/actions/<int:pk>/updates/new/",
        ActionUpdateAddView.as_view(),
        name="action_update_add",
    ),
]
