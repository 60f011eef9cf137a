"""The forms an officer logs an engagement activity and records its findings with.

They parse what is typed and offer the partnership's own partners, areas and boards; the order
of the dates and who may be named are the services' rules.
"""

import calendar
import datetime

import django_filters
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout
from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.dates import month_and_year
from core.forms import CHOICE_INVALID, DayMonthYearField, form_helper, optional_choice
from governance.models import Board, EngagementActivity
from partnership.models import Area, Organisation, Partnership

ORGANISATION_REQUIRED = _("Choose the partner running the activity.")
TOPIC_REQUIRED = _("Enter what the activity is about.")
AUDIENCE_REQUIRED = _("Enter who the activity is for, for example older people.")
METHOD_REQUIRED = _("Choose how the activity engages people.")
STARTS_ON_REQUIRED = _("Enter the date the activity starts.")
ENDS_ON_REQUIRED = _("Enter the date the activity ends.")
EMAIL_INVALID = _("Enter an e-mail address like name@example.org.uk")


def areas_of(partnership: Partnership):
    """The partnership's area and the places within it, down to wards."""
    if partnership.area_id is None:
        return Area.objects.none()
    area = partnership.area_id
    return Area.objects.filter(
        Q(pk=area) | Q(parent=area) | Q(parent__parent=area) | Q(parent__parent__parent=area)
    )


class EngagementActivityForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Partner running it"),
        queryset=Organisation.objects.none(),
        error_messages={"required": ORGANISATION_REQUIRED, "invalid_choice": CHOICE_INVALID},
    )
    topic = forms.CharField(
        label=_("Topic"), max_length=300, error_messages={"required": TOPIC_REQUIRED}
    )
    audience = forms.CharField(
        label=_("Audience"),
        max_length=200,
        help_text=_("Who it is for, for example older people or young carers."),
        error_messages={"required": AUDIENCE_REQUIRED},
    )
    area = optional_choice(_("Area (optional)"), Area, empty_label=_("The whole partnership"))
    starts_on = DayMonthYearField(
        label=_("Starts on"),
        help_text=_("For example, 3 3 2014"),
        required_message=STARTS_ON_REQUIRED,
    )
    ends_on = DayMonthYearField(
        label=_("Ends on"), help_text=_("For example, 14 3 2014"), required_message=ENDS_ON_REQUIRED
    )
    method = forms.ChoiceField(
        label=_("Method"),
        choices=EngagementActivity.Method.choices,
        widget=forms.RadioSelect,
        error_messages={"required": METHOD_REQUIRED, "invalid_choice": CHOICE_INVALID},
    )
    contact_email = forms.EmailField(
        label=_("Contact e-mail address (optional)"),
        required=False,
        help_text=_("Where partners write to combine their work with it."),
        error_messages={"invalid": EMAIL_INVALID},
    )

    def __init__(self, *args, partnership: Partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            pk__in=partnership.partnermembership_set.current().values("organisation")
        )
        self.fields["area"].queryset = areas_of(partnership)
        self.helper = form_helper(
            Field.select("organisation"),
            Field.text("topic"),
            Field.text("audience"),
            Field.select("area"),
            Field("starts_on"),
            Field("ends_on"),
            Field.radios("method", small=True),
            Field.text("contact_email", field_width=20),
            button=gettext("Log the activity"),
        )


class FindingsForm(forms.Form):
    findings = forms.CharField(
        label=_("What the activity found"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
    )
    reported_to = optional_choice(_("Board it was reported to (optional)"), Board)

    def __init__(self, *args, partnership: Partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reported_to"].queryset = partnership.boards.exclude(
            status=Board.Status.DISSOLVED
        )
        self.helper = form_helper(
            Field.textarea("findings"),
            Field.select("reported_to"),
            button=gettext("Save the findings"),
        )


def month_value(day: datetime.date) -> str:
    return f"{day:%Y-%m}"


# Months a register can be shown for: each has a month before and after it that a date can hold.
MONTH_YEARS = range(1900, 3000)


def month_start(value: str) -> datetime.date:
    """The first of the month a filter's "2014-03" names; ValueError for any other text."""
    year, month = (int(part) for part in value.split("-"))
    if year not in MONTH_YEARS:
        raise ValueError(f"no register for the year {year}")
    return datetime.date(year, month, 1)


def month_end(first: datetime.date) -> datetime.date:
    return datetime.date(first.year, first.month, calendar.monthrange(first.year, first.month)[1])


class EngagementFilter(django_filters.FilterSet):
    """What partners narrow the register by; each filter left empty narrows nothing."""

    organisation = django_filters.ModelChoiceFilter(
        label=_("Partner"),
        queryset=Organisation.objects.none(),
        empty_label=_("Any partner"),
        error_messages={"invalid_choice": CHOICE_INVALID},
    )
    audience = django_filters.CharFilter(label=_("Audience"), lookup_expr="icontains")
    area = django_filters.ModelChoiceFilter(
        label=_("Area"),
        queryset=Area.objects.none(),
        empty_label=_("Any area"),
        error_messages={"invalid_choice": CHOICE_INVALID},
    )
    month = django_filters.ChoiceFilter(
        label=_("Running in"),
        empty_label=_("Any month"),
        method="running_in",
        error_messages={"invalid_choice": CHOICE_INVALID},
    )

    def __init__(self, *args, partnership: Partnership, months: list[datetime.date], **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["organisation"].queryset = Organisation.objects.filter(
            engagement_activities__partnership=partnership
        ).distinct()
        self.filters["area"].queryset = areas_of(partnership)
        self.filters["month"].extra["choices"] = [
            (month_value(first), month_and_year(first)) for first in months
        ]
        helper = FormHelper()
        # The page writes the form tag and its button, so that a link keeps only the filters.
        helper.form_tag = False
        helper.layout = Layout(
            Field.select("organisation"),
            Field.text("audience"),
            Field.select("area"),
            Field.select("month"),
        )
        self.form.helper = helper

    def running_in(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        first = month_start(value)
        return queryset.filter(starts_on__lte=month_end(first), ends_on__gte=first)
