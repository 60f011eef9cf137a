"""Forms for recording a partner's contribution and a project's spending, in the GOV.UK style.

Amounts and financial years are taken as typed ("£1,234.50", "2013/14"): the services parse
and check them, and the views show their refusals on these forms.
"""

from crispy_forms_gds.layout import Field, Size
from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.forms import CHOICE_INVALID, DayMonthYearField, form_helper, optional_choice
from outcomes.models import Contribution, Outcome, Project
from partnership.models import Organisation, Partnership

ORGANISATION_REQUIRED = _("Choose the partner that made the contribution.")
KIND_REQUIRED = _("Choose whether the contribution is cash, staff time or in kind.")
SPENT_ON_REQUIRED = _("Enter the date the money was spent.")
AMOUNT_HINT = _("In pounds and pence, for example £1,250.00.")
FINANCIAL_YEAR_HINT = _("April to March, written as the year it starts and the next: 2013/14.")


def amount_field() -> forms.CharField:
    """An amount in pounds as typed; the service's parse_amount reads and checks it."""
    return forms.CharField(label=_("Amount"), required=False, help_text=AMOUNT_HINT)


def financial_year_field() -> forms.CharField:
    return forms.CharField(
        label=_("Financial year"), required=False, max_length=7, help_text=FINANCIAL_YEAR_HINT
    )


class OutcomeChoiceField(forms.ModelChoiceField):
    """An outcome named with its framework, since two frameworks may number theirs alike."""

    def label_from_instance(self, obj: Outcome) -> str:
        return f"{obj.framework}: outcome {obj.number}, {obj.title}"


class ContributionForm(forms.Form):
    """A partner's contribution in a year, to one of the partnership's projects or outcomes."""

    organisation = forms.ModelChoiceField(
        label=_("Partner"),
        queryset=Organisation.objects.none(),
        empty_label=_("Choose a partner"),
        error_messages={"required": ORGANISATION_REQUIRED, "invalid_choice": CHOICE_INVALID},
    )
    project = optional_choice(_("Project"), Project, help_text=_("Choose a project or an outcome."))
    outcome = optional_choice(_("Outcome"), Outcome, field_class=OutcomeChoiceField)
    financial_year = financial_year_field()
    kind = forms.ChoiceField(
        label=_("Kind of contribution"),
        choices=Contribution.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": KIND_REQUIRED, "invalid_choice": CHOICE_INVALID},
    )
    amount = amount_field()
    description = forms.CharField(
        label=_("Description (optional)"),
        required=False,
        max_length=Contribution._meta.get_field("description").max_length,
        help_text=_("What the contribution pays for or provides."),
    )

    def __init__(self, *args, partnership: Partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = (
            Organisation.objects.filter(partnermembership__partnership=partnership)
            .distinct()
            .order_by("name")
        )
        self.fields["project"].queryset = Project.objects.filter(partnership=partnership)
        self.fields["outcome"].queryset = Outcome.objects.filter(
            framework__partnership=partnership
        ).select_related("framework")
        self.helper = form_helper(
            Field.select("organisation"),
            Field.select("project"),
            Field.select("outcome"),
            Field.text("financial_year", field_width=5),
            Field.radios("kind", legend_size=Size.SMALL, inline=True),
            Field.text("amount", field_width=10),
            Field.text("description"),
            button=gettext("Save contribution"),
        )


class SpendForm(forms.Form):
    """Money spent from a project's pooled budget on one day."""

    financial_year = financial_year_field()
    spent_on = DayMonthYearField(
        label=_("Date spent"),
        help_text=_("For example, 14 8 2008"),
        required_message=SPENT_ON_REQUIRED,
    )
    amount = amount_field()
    description = forms.CharField(
        label=_("What it was spent on"),
        required=False,
        max_length=300,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.text("financial_year", field_width=5),
            Field("spent_on"),
            Field.text("amount", field_width=10),
            Field.text("description"),
            button=gettext("Save spending"),
        )
