"""Officers keep a framework in the browser: its outcomes, indicators and targets."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from core.service_views import ServiceFormView
from outcomes.forms.frameworks import FrameworkForm, IndicatorForm, OutcomeForm, TargetFormSet
from outcomes.models import Indicator, Outcome, OutcomeFramework
from outcomes.services.frameworks import (
    framework_create,
    framework_edit,
    indicator_create,
    indicator_edit,
    outcome_create,
    outcome_edit,
    targets_set,
)
from outcomes.views.base import FrameworkLookupMixin, IndicatorLookupMixin
from partnership.lookups import PartnershipLookupMixin

CHANGE_FRAMEWORK = "outcomes.change_framework"
# A framework not yet made has no record to ask about; the same officers (or an
# administrator) may start one as may edit the partnership's records.
START_FRAMEWORK = "partnership.edit_records"


class FrameworkCreateView(PartnershipLookupMixin, PermissionRequiredMixin, ServiceFormView):
    permission_required = START_FRAMEWORK
    form_class = FrameworkForm
    template_name = "outcomes/editing/form_page.html"
    heading = _("New outcome framework")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "partnership": self.partnership}

    def act(self, form) -> None:
        self.framework = framework_create(
            partnership=self.partnership, by=self.request.user, **form.cleaned_data
        )

    def success_message(self) -> str:
        return gettext("{framework} has been created.").format(framework=self.framework)

    def get_success_url(self) -> str:
        return self.framework.get_absolute_url()

    def cancel_url(self) -> str:
        return self.partnership.get_absolute_url()


class FrameworkMixin(FrameworkLookupMixin, PermissionRequiredMixin):
    """A page about one framework, for those who may keep it; it then leads back there."""

    permission_required = CHANGE_FRAMEWORK
    template_name = "outcomes/editing/form_page.html"

    def get_permission_object(self) -> OutcomeFramework:
        return self.framework

    def get_context_data(self, **kwargs):
        kwargs.setdefault("caption", str(self.framework))
        # Replaces the slugs a template view is given from the address.
        kwargs.update(framework=self.framework, partnership=self.framework.partnership)
        return super().get_context_data(**kwargs)

    def get_success_url(self) -> str:
        return self.framework.get_absolute_url()

    def cancel_url(self) -> str:
        return self.get_success_url()


class FrameworkEditView(FrameworkMixin, ServiceFormView):
    form_class = FrameworkForm
    heading = _("Edit the framework")

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "partnership": self.framework.partnership,
            "framework": self.framework,
        }

    def act(self, form) -> None:
        framework_edit(framework=self.framework, by=self.request.user, **form.cleaned_data)

    def success_message(self) -> str:
        return gettext("{framework} has been changed.").format(framework=self.framework)


class FrameworkOutcomesView(FrameworkMixin, TemplateView):
    """The framework's outcomes and indicators, each with the links to change it."""

    template_name = "outcomes/editing/framework_outcomes.html"

    def get_context_data(self, **kwargs):
        outcomes = self.framework.outcomes.select_related("theme").prefetch_related(
            Prefetch(
                "indicators",
                queryset=Indicator.objects.select_related("lead_organisation", "lead_board"),
            )
        )
        return super().get_context_data(outcomes=outcomes, **kwargs)


class OutcomeCreateView(FrameworkMixin, ServiceFormView):
    form_class = OutcomeForm
    heading = _("Add an outcome")

    def get_initial(self):
        last = self.framework.outcomes.order_by("-number").first()
        return {"number": last.number + 1 if last else 1}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "framework": self.framework}

    def act(self, form) -> None:
        self.outcome = outcome_create(
            framework=self.framework, by=self.request.user, **form.cleaned_data
        )

    def success_message(self) -> str:
        return gettext("{outcome} has been added.").format(outcome=self.outcome)


class OutcomeMixin(FrameworkMixin):
    outcome_kwarg = "pk"

    @cached_property
    def outcome(self) -> Outcome:
        return get_object_or_404(
            Outcome, framework=self.framework, pk=self.kwargs[self.outcome_kwarg]
        )


class OutcomeEditView(OutcomeMixin, ServiceFormView):
    form_class = OutcomeForm
    heading = _("Edit the outcome")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "framework": self.framework, "outcome": self.outcome}

    def act(self, form) -> None:
        outcome_edit(outcome=self.outcome, by=self.request.user, **form.cleaned_data)

    def success_message(self) -> str:
        return gettext("{outcome} has been changed.").format(outcome=self.outcome)


class IndicatorSuccessMixin:
    def get_success_url(self) -> str:
        return reverse(
            "outcomes:indicator_detail",
            args=[self.framework.partnership.slug, self.framework.slug, self.indicator.pk],
        )


class IndicatorCreateView(IndicatorSuccessMixin, OutcomeMixin, ServiceFormView):
    form_class = IndicatorForm
    heading = _("Add an indicator")
    outcome_kwarg = "outcome_pk"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "partnership": self.framework.partnership}

    def get_context_data(self, **kwargs):
        return super().get_context_data(caption=str(self.outcome), **kwargs)

    def act(self, form) -> None:
        self.indicator = indicator_create(
            outcome=self.outcome, by=self.request.user, **form.cleaned_data
        )

    def success_message(self) -> str:
        return gettext("{indicator} has been added.").format(indicator=self.indicator)

    def cancel_url(self) -> str:
        return reverse(
            "outcomes:framework_outcomes",
            args=[self.framework.partnership.slug, self.framework.slug],
        )


class IndicatorMixin(IndicatorSuccessMixin, IndicatorLookupMixin, FrameworkMixin):
    def get_context_data(self, **kwargs):
        return super().get_context_data(
            caption=str(self.indicator), indicator=self.indicator, **kwargs
        )

    def cancel_url(self) -> str:
        return self.get_success_url()


class IndicatorEditView(IndicatorMixin, ServiceFormView):
    form_class = IndicatorForm
    heading = _("Edit the indicator")

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "partnership": self.framework.partnership,
            "indicator": self.indicator,
        }

    def act(self, form) -> None:
        indicator_edit(indicator=self.indicator, by=self.request.user, **form.cleaned_data)

    def success_message(self) -> str:
        return gettext("{indicator} has been changed.").format(indicator=self.indicator)


class TargetsEditView(IndicatorMixin, FormView):
    """The indicator's targets as rows of a table, with blank rows for new periods."""

    form_class = TargetFormSet
    prefix = "targets"
    template_name = "outcomes/editing/targets_edit.html"

    def get_initial(self):
        return [
            {"period_start": t.period_start, "period_end": t.period_end, "value": t.value}
            for t in self.indicator.targets.order_by("period_start")
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            heading=gettext("Targets for {indicator}").format(indicator=self.indicator.name),
            cancel_url=self.cancel_url(),
            **kwargs,
        )

    def form_valid(self, form):
        rows = form.rows()
        try:
            targets_set(
                indicator=self.indicator, rows=[row for _, row in rows], by=self.request.user
            )
        except ValidationError as error:
            # Each refusal names its row among those kept; it is shown on that row's form.
            for problem in error.error_list:
                row_form = rows[problem.params["row"] - 1][0]
                row_form.add_error(problem.params["field"], problem.params["problem"])
            return self.form_invalid(form)
        messages.success(
            self.request,
            gettext("The targets for {indicator} have been saved.").format(
                indicator=self.indicator
            ),
        )
        return redirect(self.get_success_url())


FRAMEWORK = "<slug:partnership>/frameworks/<slug:slug>"

urlpatterns = [
    path(
        "<slug:partnership>/frameworks/new/",
        FrameworkCreateView.as_view(),
        name="framework_create",
    ),
    path(f"{FRAMEWORK}/edit/", FrameworkEditView.as_view(), name="framework_edit"),
    path(f"{FRAMEWORK}/outcomes/", FrameworkOutcomesView.as_view(), name="framework_outcomes"),
    path(f"{FRAMEWORK}/outcomes/new/", OutcomeCreateView.as_view(), name="outcome_create"),
    path(f"{FRAMEWORK}/outcomes/<int:pk>/edit/", OutcomeEditView.as_view(), name="outcome_edit"),
    path(
        f"{FRAMEWORK}/outcomes/<int:outcome_pk>/indicators/new/",
        IndicatorCreateView.as_view(),
        name="indicator_create",
    ),
    path(
        f"{FRAMEWORK}/indicators/<int:pk>/edit/",
        IndicatorEditView.as_view(),
        name="indicator_edit",
    ),
    path(
        f"{FRAMEWORK}/indicators/<int:pk>/targets/",
        TargetsEditView.as_view(),
        name="targets_edit",
    ),
]
