"""Forms for keeping a framework, its outcomes, indicators and targets, in the GOV.UK style.

They parse and present; the rules (themes and leads of the partnership, unique numbers and
codes, a baseline with its date) are the services', whose refusals the views show on these
forms. RAG status and trend are worked out from readings and targets, so no form asks for them.
"""

from collections.abc import Iterable
from decimal import Decimal

from crispy_forms_gds.layout import Field, Fieldset, Size
from django import forms
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.forms import (
    CHOICE_INVALID,
    DayMonthYearField,
    TypedDateField,
    form_helper,
    optional_choice,
)
from governance.models import Board
from outcomes.models import Indicator, Outcome, OutcomeFramework
from outcomes.services.frameworks import (
    FRAMEWORK_FIELDS,
    INDICATOR_FIELDS,
    OUTCOME_FIELDS,
    TargetRow,
)
from partnership.models import Organisation, Theme

NAME_REQUIRED = _("Enter the name of the framework.")
KIND_REQUIRED = _("Choose what kind of framework this is.")
STATUS_REQUIRED = _("Choose whether the framework is a draft, agreed or superseded.")
STARTS_ON_REQUIRED = _("Enter the date the framework starts.")
ENDS_ON_REQUIRED = _("Enter the date the framework ends.")
NUMBER_REQUIRED = _("Enter the outcome's number, for example 3.")
NUMBER_INVALID = _("Enter the outcome's number as a whole number, for example 3.")
TITLE_REQUIRED = _("Enter the outcome as the framework words it.")
CODE_REQUIRED = _("Enter the indicator's code, for example EMP-1.")
INDICATOR_NAME_REQUIRED = _("Enter the name of the indicator.")
# xgettext:no-python-format
UNIT_REQUIRED = _("Enter the unit, for example % or people.")
POLARITY_REQUIRED = _("Choose whether higher or lower is better.")
FREQUENCY_REQUIRED = _("Choose how often the indicator is measured.")
NUMBER_NOT_A_NUMBER = _("Enter a number, for example 61.5.")
TOLERANCE_REQUIRED = _("Enter the tolerance in per cent, for example 5.")
PERIOD_START_REQUIRED = _("Enter the date the period starts.")
PERIOD_END_REQUIRED = _("Enter the date the period ends.")
TARGET_DATE_INVALID = _("Enter a real date, for example 1/4/2014.")
TARGET_VALUE_REQUIRED = _("Enter the target for the period.")

# Officers type a period's dates as 1/4/2014, 1 4 2014 or 2014-04-01.
# Blank rows under a framework's targets for new periods.
NEW_TARGET_ROWS = 3


class NumberField(forms.DecimalField):
    """A decimal typed into a text box, as the GOV.UK styles ask for numbers."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        super().__init__(**kwargs)
        self.error_messages.update(invalid=NUMBER_NOT_A_NUMBER)
        self.widget.attrs.update(spellcheck="false", autocomplete="off")

    def prepare_value(self, value):
        # Stored to four places; shown as typed, 77 rather than 77.0000.
        if isinstance(value, Decimal):
            return f"{value.normalize():f}"
        return value


def initial_of(record: models.Model, names: Iterable[str]) -> dict:
    return {name: getattr(record, name) for name in names}


class FrameworkForm(forms.Form):
    """What a framework is called, its kind and span, and the partnership themes it covers."""

    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        help_text=_("For example, Highland Single Outcome Agreement 2013/14 to 2018/19"),
        error_messages={"required": NAME_REQUIRED},
    )
    kind = forms.ChoiceField(
        label=_("Kind of framework"),
        choices=[("", _("Choose a kind")), *OutcomeFramework.Kind.choices],
        error_messages={"required": KIND_REQUIRED, "invalid_choice": CHOICE_INVALID},
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=OutcomeFramework.Status.choices,
        initial=OutcomeFramework.Status.DRAFT,
        widget=forms.RadioSelect,
        error_messages={"required": STATUS_REQUIRED, "invalid_choice": CHOICE_INVALID},
    )
    starts_on = DayMonthYearField(
        label=_("Starts on"),
        help_text=_("For example, 1 4 2013"),
        required_message=STARTS_ON_REQUIRED,
    )
    ends_on = DayMonthYearField(
        label=_("Ends on"), help_text=_("For example, 31 3 2019"), required_message=ENDS_ON_REQUIRED
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes (optional)"),
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "The partnership's themes this framework covers; its outcomes come under them."
        ),
        error_messages={"invalid_choice": CHOICE_INVALID, "invalid_pk_value": CHOICE_INVALID},
    )
    summary = forms.CharField(label=_("Summary (optional)"), required=False, widget=forms.Textarea)

    def __init__(self, *args, partnership, framework: OutcomeFramework | None = None, **kwargs):
        if framework is not None:
            kwargs["initial"] = {
                **initial_of(framework, FRAMEWORK_FIELDS),
                "themes": list(framework.themes.all()),
            }
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = Theme.objects.filter(partnership=partnership)
        self.helper = form_helper(
            Field.text("name"),
            Field.select("kind"),
            Field.radios("status", inline=True, legend_size=Size.SMALL),
            Field("starts_on"),
            Field("ends_on"),
            Field.checkboxes("themes", small=True, legend_size=Size.SMALL),
            Field.textarea("summary", rows=4),
            button=gettext("Save framework") if framework is None else gettext("Save changes"),
        )


class OutcomeForm(forms.Form):
    """An outcome's number, its words, the framework theme it comes under, and the
    cross-cutting themes it touches."""

    number = forms.IntegerField(
        label=_("Number"),
        min_value=1,
        max_value=32767,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": NUMBER_REQUIRED,
            "invalid": NUMBER_INVALID,
            "min_value": NUMBER_INVALID,
            "max_value": NUMBER_INVALID,
        },
    )
    title = forms.CharField(
        label=_("Outcome"),
        max_length=300,
        help_text=_("For example, The Highland economy is growing and people are in work"),
        error_messages={"required": TITLE_REQUIRED},
    )
    theme = optional_choice(_("Theme (optional)"), Theme, empty_label=_("No theme"))
    description = forms.CharField(
        label=_("Description (optional)"), required=False, widget=forms.Textarea
    )
    cross_cutting_themes = forms.ModelMultipleChoiceField(
        label=_("Cross-cutting themes (optional)"),
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Concerns such as obesity or safeguarding that the outcome touches."),
        error_messages={"invalid_choice": CHOICE_INVALID, "invalid_pk_value": CHOICE_INVALID},
    )

    def __init__(
        self, *args, framework: OutcomeFramework, outcome: Outcome | None = None, **kwargs
    ):
        if outcome is not None:
            kwargs["initial"] = {
                **initial_of(outcome, OUTCOME_FIELDS),
                "cross_cutting_themes": list(outcome.cross_cutting_themes.all()),
            }
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = framework.themes.all()
        self.fields["cross_cutting_themes"].queryset = Theme.objects.filter(
            partnership_id=framework.partnership_id, is_cross_cutting=True
        )
        self.helper = form_helper(
            Field.text("number", field_width=3),
            Field.text("title"),
            Field.select("theme"),
            Field.textarea("description", rows=4),
            Field.checkboxes("cross_cutting_themes", small=True, legend_size=Size.SMALL),
            button=gettext("Save outcome") if outcome is None else gettext("Save changes"),
        )


class IndicatorForm(forms.Form):
    """What an indicator measures and how, who leads it, and its baseline."""

    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        help_text=Indicator._meta.get_field("code").help_text,
        error_messages={"required": CODE_REQUIRED},
    )
    name = forms.CharField(
        label=_("Name"), max_length=300, error_messages={"required": INDICATOR_NAME_REQUIRED}
    )
    unit = forms.CharField(
        label=_("Unit"),
        max_length=50,
        help_text=_("For example, %, per 1,000 population or people"),
        error_messages={"required": UNIT_REQUIRED},
    )
    polarity = forms.ChoiceField(
        label=_("Which is better"),
        choices=Indicator.Polarity.choices,
        widget=forms.RadioSelect,
        error_messages={"required": POLARITY_REQUIRED, "invalid_choice": CHOICE_INVALID},
    )
    frequency = forms.ChoiceField(
        label=_("How often it is measured"),
        choices=Indicator.Frequency.choices,
        widget=forms.RadioSelect,
        error_messages={"required": FREQUENCY_REQUIRED, "invalid_choice": CHOICE_INVALID},
    )
    source = forms.CharField(
        label=_("Source (optional)"),
        max_length=300,
        required=False,
        help_text=_("For example, Annual Population Survey, ONS"),
    )
    lead_organisation = optional_choice(
        _("Lead organisation (optional)"), Organisation, empty_label=_("No lead organisation")
    )
    lead_board = optional_choice(_("Lead board (optional)"), Board, empty_label=_("No lead board"))
    baseline_value = NumberField(
        label=_("Baseline (optional)"),
        max_digits=14,
        decimal_places=4,
        required=False,
        help_text=_("The value the indicator started from, in its unit"),
    )
    baseline_date = DayMonthYearField(
        label=_("Date of the baseline (optional)"),
        required=False,
        help_text=_("When the baseline was measured, for example 31 3 2013"),
    )
    tolerance_percent = NumberField(
        label=_("Tolerance, in per cent of the target"),
        max_digits=5,
        decimal_places=2,
        initial=Indicator._meta.get_field("tolerance_percent").default,
        help_text=Indicator._meta.get_field("tolerance_percent").help_text,
        error_messages={"required": TOLERANCE_REQUIRED},
    )

    def __init__(self, *args, partnership, indicator: Indicator | None = None, **kwargs):
        if indicator is not None:
            kwargs["initial"] = initial_of(indicator, INDICATOR_FIELDS)
        super().__init__(*args, **kwargs)
        self.fields["lead_organisation"].queryset = Organisation.objects.filter(
            partnermembership__partnership=partnership
        ).distinct()
        self.fields["lead_board"].queryset = Board.objects.filter(partnership=partnership)
        self.helper = form_helper(
            Fieldset(
                Field.text("code", field_width=10),
                Field.text("name"),
                Field.text("unit", field_width=20),
                Field.radios("polarity", inline=True, legend_size=Size.SMALL),
                Field.radios("frequency", inline=True, legend_size=Size.SMALL),
                Field.text("source"),
                legend=gettext("What it measures"),
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.select("lead_organisation"),
                Field.select("lead_board"),
                legend=gettext("Who leads it"),
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.text("baseline_value", field_width=10),
                Field("baseline_date"),
                Field.text("tolerance_percent", field_width=5),
                legend=gettext("Baseline and tolerance"),
                legend_size=Size.MEDIUM,
            ),
            button=gettext("Save indicator") if indicator is None else gettext("Save changes"),
        )


class TargetDateField(TypedDateField):
    def __init__(self, **kwargs):
        super().__init__(invalid_message=TARGET_DATE_INVALID, **kwargs)
        self.widget.attrs["class"] = "govuk-input govuk-input--width-10"


class TargetRowForm(forms.Form):
    """One period's target; ticking Remove drops it when the targets are saved."""

    period_start = TargetDateField(
        label=_("Period starts"), error_messages={"required": PERIOD_START_REQUIRED}
    )
    period_end = TargetDateField(
        label=_("Period ends"), error_messages={"required": PERIOD_END_REQUIRED}
    )
    value = NumberField(
        label=_("Target"),
        max_digits=14,
        decimal_places=4,
        error_messages={"required": TARGET_VALUE_REQUIRED},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["value"].widget.attrs["class"] = "govuk-input govuk-input--width-10"

    def add_error(self, field, error):
        super().add_error(field, error)
        # Rendered cell by cell by its template: each box in error is marked, and points to
        # its message, as the GOV.UK pattern asks.
        for name in self.errors.keys() & self.fields.keys():
            attrs = self.fields[name].widget.attrs
            if "govuk-input--error" not in attrs.get("class", ""):
                attrs["class"] = f"{attrs.get('class', '')} govuk-input--error".strip()
                attrs["aria-describedby"] = f"{self[name].auto_id}-error"


class BaseTargetFormSet(forms.BaseFormSet):
    """An indicator's targets, one row per period, with blank rows for new periods."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = gettext("Remove")
            form.fields["DELETE"].widget.attrs["class"] = "govuk-checkboxes__input"

    def rows(self) -> list[tuple[TargetRowForm, TargetRow]]:
        """The rows to keep, each with its form: filled in and not marked for removal."""
        return [
            (
                form,
                TargetRow(
                    form.cleaned_data["period_start"],
                    form.cleaned_data["period_end"],
                    form.cleaned_data["value"],
                ),
            )
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]

    def error_summary(self) -> list[tuple[str, str]]:
        """Every error on the page as (id of the field to go to, message), row by row."""
        errors = [(self.forms[0]["period_start"].auto_id, e) for e in self.non_form_errors()]
        for number, form in enumerate(self.forms, start=1):
            for name, messages in form.errors.items():
                anchor = form[name if name in form.fields else "period_start"].auto_id
                errors += [
                    (anchor, gettext("Row {number}: {message}").format(number=number, message=m))
                    for m in messages
                ]
        return errors


TargetFormSet = forms.formset_factory(
    TargetRowForm, formset=BaseTargetFormSet, extra=NEW_TARGET_ROWS, can_delete=True
)
