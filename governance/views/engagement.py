"""The engagement register: the partnership's consultations as a list and by week, each with
any overlap that partners could combine, and the pages officers log them and their findings on."""

import datetime

from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from django_filters.views import FilterView
from rules.contrib.views import PermissionRequiredMixin

from core.dates import month_and_year
from core.service_views import ServiceFormView
from governance.engagement import (
    Overlap,
    engagement_log,
    engagement_overlaps,
    engagement_record_findings,
    overlaps_by_activity,
    week_of,
)
from governance.forms.engagement import (
    EngagementActivityForm,
    EngagementFilter,
    FindingsForm,
    month_end,
    month_start,
    month_value,
)
from governance.models import EngagementActivity
from partnership.lookups import PartnershipLookupMixin
from partnership.rules import person_of

VIEW = "partnership.view_partnership"
EDIT = "partnership.edit_records"


def months_spanned(activities: list[EngagementActivity]) -> list[datetime.date]:
    """The first of each month any of the activities runs in, earliest first."""
    months = set()
    for activity in activities:
        month = activity.starts_on.replace(day=1)
        while month <= activity.ends_on:
            months.add(month)
            month = (month + datetime.timedelta(days=32)).replace(day=1)
    return sorted(months)


class RegisterMixin(PartnershipLookupMixin, PermissionRequiredMixin):
    """A page of the partnership's register, which every partner and the public may read."""

    permission_required = VIEW

    @cached_property
    def activities(self) -> list[EngagementActivity]:
        return list(
            EngagementActivity.objects.filter(partnership=self.partnership).select_related(
                "organisation", "area"
            )
        )

    @cached_property
    def overlaps(self) -> dict[int, list[tuple[EngagementActivity, Overlap]]]:
        return overlaps_by_activity(engagement_overlaps(self.partnership))

    def get_context_data(self, **kwargs):
        # A template view passes the address's slug along; the page wants the partnership.
        kwargs.pop("partnership", None)
        return super().get_context_data(
            may_edit=self.request.user.has_perm(EDIT, self.partnership), **kwargs
        )


class EngagementListView(RegisterMixin, FilterView):
    """Every activity the filters keep, each with the activities it overlaps."""

    filterset_class = EngagementFilter
    template_name = "governance/engagement/engagement_list.html"
    context_object_name = "activities"

    def get_queryset(self):
        return EngagementActivity.objects.filter(partnership=self.partnership).select_related(
            "organisation", "area"
        )

    def get_filterset_kwargs(self, filterset_class):
        return {
            **super().get_filterset_kwargs(filterset_class),
            "partnership": self.partnership,
            "months": months_spanned(self.activities),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = [
            (activity, self.overlaps.get(activity.pk, [])) for activity in context["activities"]
        ]
        return {**context, "rows": rows}


class EngagementCalendarView(RegisterMixin, TemplateView):
    """A month of the register, week by week, with the activities running in each week."""

    template_name = "governance/engagement/engagement_calendar.html"

    def month(self) -> datetime.date:
        """The month asked for, or the first month with an activity not yet over."""
        try:
            return month_start(self.request.GET["month"])
        except (KeyError, ValueError):
            pass
        months = months_spanned(self.activities)
        this_month = timezone.localdate().replace(day=1)
        coming = [month for month in months if month >= this_month]
        if coming:
            return coming[0]
        return months[-1] if months else this_month

    def get_context_data(self, **kwargs):
        first = self.month()
        last = month_end(first)
        weeks = []
        monday = week_of(first)
        while monday <= last:
            sunday = monday + datetime.timedelta(days=6)
            running = [
                (activity, self.overlaps.get(activity.pk, []))
                for activity in self.activities
                if activity.starts_on <= sunday and activity.ends_on >= monday
            ]
            weeks.append((monday, sunday, running))
            monday += datetime.timedelta(weeks=1)
        previous = (first - datetime.timedelta(days=1)).replace(day=1)
        following = last + datetime.timedelta(days=1)
        return super().get_context_data(
            month=first,
            weeks=weeks,
            previous_month=month_value(previous),
            previous_label=month_and_year(previous),
            next_month=month_value(following),
            next_label=month_and_year(following),
            **kwargs,
        )


class ActivityMixin(PartnershipLookupMixin, PermissionRequiredMixin):
    """One activity of the partnership's register."""

    permission_required = VIEW

    @cached_property
    def activity(self) -> EngagementActivity:
        return get_object_or_404(
            EngagementActivity.objects.select_related(
                "organisation", "area", "contact", "reported_to"
            ),
            partnership=self.partnership,
            pk=self.kwargs["pk"],
        )

    def get_context_data(self, **kwargs):
        # A template view passes the address's slug along; the page wants the partnership.
        kwargs.pop("partnership", None)
        return super().get_context_data(activity=self.activity, **kwargs)


def activity_url(activity: EngagementActivity) -> str:
    return reverse("governance:engagement_detail", args=[activity.partnership.slug, activity.pk])


class EngagementDetailView(ActivityMixin, TemplateView):
    """What the activity is, who runs it, what it found and where that went, and its overlaps."""

    template_name = "governance/engagement/engagement_detail.html"

    def get_context_data(self, **kwargs):
        overlaps = engagement_overlaps(self.partnership, activity=self.activity)
        return super().get_context_data(
            overlaps=overlaps_by_activity(overlaps)[self.activity.pk],
            may_edit=self.request.user.has_perm(EDIT, self.partnership),
            **kwargs,
        )


class EngagementCreateView(PartnershipLookupMixin, PermissionRequiredMixin, ServiceFormView):
    permission_required = EDIT
    form_class = EngagementActivityForm
    template_name = "governance/engagement/engagement_form.html"
    heading = _("Log an engagement activity")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "partnership": self.partnership}

    def act(self, form: EngagementActivityForm) -> None:
        self.activity = engagement_log(
            partnership=self.partnership, by=person_of(self.request.user), **form.cleaned_data
        )

    def success_message(self) -> str:
        return gettext("{activity} is in the register.").format(activity=self.activity)

    def get_success_url(self) -> str:
        return activity_url(self.activity)

    def cancel_url(self) -> str:
        return reverse("governance:engagement_list", args=[self.partnership.slug])


class FindingsView(ActivityMixin, ServiceFormView):
    permission_required = EDIT
    form_class = FindingsForm
    template_name = "governance/engagement/engagement_form.html"
    heading = _("Record what the activity found")

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "partnership": self.partnership,
            "initial": {
                "findings": self.activity.findings,
                "reported_to": self.activity.reported_to,
            },
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(caption=str(self.activity), **kwargs)

    def act(self, form: FindingsForm) -> None:
        engagement_record_findings(
            activity=self.activity, by=person_of(self.request.user), **form.cleaned_data
        )

    def success_message(self) -> str:
        return gettext("The findings of {activity} are recorded.").format(activity=self.activity)

    def get_success_url(self) -> str:
        return activity_url(self.activity)

    def cancel_url(self) -> str:
        return activity_url(self.activity)


urlpatterns = [
    path(
        "<slug:partnership>/engagement/",
        EngagementListView.as_view(),
        name="engagement_list",
    ),
    path(
        "<slug:partnership>/engagement/calendar/",
        EngagementCalendarView.as_view(),
        name="engagement_calendar",
    ),
    path(
        "<slug:partnership>/engagement/new/",
        EngagementCreateView.as_view(),
        name="engagement_create",
    ),
    path(
        "<slug:partnership>/engagement/<int:pk>/",
        EngagementDetailView.as_view(),
        name="engagement_detail",
    ),
    path(
        "<slug:partnership>/engagement/<int:pk>/findings/",
        FindingsView.as_view(),
        name="engagement_findings",
    ),
]
