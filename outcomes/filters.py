"""Filtering development actions: the lists of a partnership, a board and a lead, and their CSV."""

import datetime

import django_filters
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.db import models
from django.db.models import Exists, F, OuterRef, Q, QuerySet, Subquery
from django.utils.translation import gettext_lazy as _

from core.forms import CHOICE_INVALID, TypedDateField
from governance.models import Board
from outcomes.models import ActionUpdate, DevelopmentAction, OutcomeFramework
from outcomes.querysets import DevelopmentActionQuerySet
from partnership.models import Partnership, Person

DATE_INVALID = _("Enter a real date, for example 31/3/2014.")

OVERDUE_YES = "yes"
OVERDUE_NO = "no"

# Filters that name a partnership's own records, and so are offered on its list only.
PARTNERSHIP_FILTERS = ("framework", "board", "lead_person")


def listed(actions: DevelopmentActionQuerySet, *, today: datetime.date) -> QuerySet:
    """Actions as lists and exports show them: leads and remit joined, overdue flag, last update."""
    updates = ActionUpdate.objects.filter(action=OuterRef("pk")).order_by(
        "-written_on", "-created_at"
    )
    return (
        actions.with_leads()
        .annotate(
            is_overdue=Exists(DevelopmentAction.objects.overdue(today).filter(pk=OuterRef("pk"))),
            last_update_on=Subquery(updates.values("written_on")[:1]),
            last_update_text=Subquery(updates.values("text")[:1]),
        )
        .order_by(F("deadline").asc(nulls_last=True), "reference", "pk")
    )


class DateField(TypedDateField):
    def __init__(self, **kwargs):
        super().__init__(invalid_message=DATE_INVALID, **kwargs)


class DateFilter(django_filters.DateFilter):
    field_class = DateField


def record_filter(
    label: str, model: type[models.Model], *, empty_label: str, **kwargs
) -> django_filters.ModelChoiceFilter:
    """A choice of one of the partnership's records; the filter set gives the records."""
    return django_filters.ModelChoiceFilter(
        label=label,
        queryset=model.objects.none(),
        empty_label=empty_label,
        error_messages={"invalid_choice": CHOICE_INVALID},
        **kwargs,
    )


class DevelopmentActionFilter(django_filters.FilterSet):
    """What officers narrow a list of actions by; each filter left empty narrows nothing."""

    q = django_filters.CharFilter(label=_("Reference or words in the activity"), method="search")
    framework = record_filter(
        _("Outcome framework"), OutcomeFramework, empty_label=_("Any framework")
    )
    board = record_filter(
        _("Board"),
        Board,
        empty_label=_("Any board"),
        method="of_board",
        help_text=_("Actions the board leads, or that serve a clause of its remit."),
    )
    lead_person = record_filter(_("Lead person"), Person, empty_label=_("Anyone"))
    status = django_filters.MultipleChoiceFilter(
        label=_("Status"),
        choices=DevelopmentAction.Status.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": CHOICE_INVALID},
    )
    overdue = django_filters.ChoiceFilter(
        label=_("Overdue"),
        choices=[(OVERDUE_YES, _("Overdue only")), (OVERDUE_NO, _("Not overdue"))],
        empty_label=_("Overdue or not"),
        method="by_overdue",
        error_messages={"invalid_choice": CHOICE_INVALID},
    )
    deadline_from = DateFilter(
        label=_("Deadline from"),
        field_name="deadline",
        lookup_expr="gte",
        help_text=_("e.g. 1/4/2014"),
    )
    deadline_to = DateFilter(
        label=_("Deadline to"),
        field_name="deadline",
        lookup_expr="lte",
        help_text=_("e.g. 31/3/2015"),
    )

    def __init__(
        self, *args, partnership: Partnership | None, today: datetime.date, **kwargs
    ) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        if partnership is None:
            for name in PARTNERSHIP_FILTERS:
                del self.filters[name]
        else:
            self.filters["framework"].queryset = partnership.frameworks.all()
            self.filters["board"].queryset = partnership.boards.all()
            self.filters["lead_person"].queryset = Person.objects.filter(
                led_actions__partnership=partnership
            ).distinct()
        self.form.helper = _helper(self.form)

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        words = value.strip()
        return queryset.filter(Q(reference__istartswith=words) | Q(activity__icontains=words))

    def of_board(self, queryset: QuerySet, name: str, board: Board) -> QuerySet:
        return queryset.filter(Q(lead_board=board) | Q(remit_clause__board=board))

    def by_overdue(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        overdue = DevelopmentAction.objects.overdue(self.today).values("pk")
        if value == OVERDUE_YES:
            return queryset.filter(pk__in=overdue)
        return queryset.exclude(pk__in=overdue)


def _helper(form: forms.Form) -> FormHelper:
    helper = FormHelper()
    # The page writes the form tag and its button, so that a link keeps only the filters.
    helper.form_tag = False
    helper.form_method = "get"
    layout = [Field.text("q")]
    layout += [Field.select(name) for name in PARTNERSHIP_FILTERS if name in form.fields]
    layout += [
        Field.checkboxes("status", small=True, legend_size=Size.SMALL),
        Field.select("overdue"),
        Field.text("deadline_from", field_width=10),
        Field.text("deadline_to", field_width=10),
    ]
    helper.layout = Layout(*layout)
    return helper
