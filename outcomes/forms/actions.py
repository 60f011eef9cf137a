"""Forms for recording a development action and its progress updates, in the GOV.UK style.

They offer only the partnership's own records and parse what is typed; the rules (a lead, a
deadline not before the action was recorded, no update on a closed action) are the services'.
"""

from crispy_forms_gds.layout import Field, Fieldset, Size
from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.forms import DayMonthYearField, form_helper, optional_choice
from governance.models import Board, RemitClause
from outcomes.deadlines import deadline_from_wording
from outcomes.models import AreaForImprovement, DevelopmentAction, OutcomeFramework
from outcomes.services.actions import partnership_organisations, partnership_people
from partnership.models import Organisation, Partnership, Person

REFERENCE_REQUIRED = _("Enter the action's reference, for example 2.3.")
ACTIVITY_REQUIRED = _("Describe the improvement activity.")
UPDATE_TEXT_REQUIRED = _("Enter what has been done since the last update.")
STATUS_REQUIRED = _("Choose the action's status as of this update.")


class RemitClauseChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: RemitClause) -> str:
        return f"{obj.board}: {obj}"


class AreaChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: AreaForImprovement) -> str:
        return f"{obj.framework}: {obj}"


class DevelopmentActionForm(forms.Form):
    """What an action is, who leads it, and by when, as the partnership agreed it."""

    framework = optional_choice(
        _("Outcome framework"), OutcomeFramework, empty_label=_("Not part of a framework")
    )
    area_for_improvement = optional_choice(
        _("Area for improvement"),
        AreaForImprovement,
        field_class=AreaChoiceField,
        help_text=_("It must be one of the chosen framework's."),
    )
    remit_clause = optional_choice(
        _("Remit clause"),
        RemitClause,
        field_class=RemitClauseChoiceField,
        help_text=_("The clause of a board's remit the action serves."),
    )
    reference = forms.CharField(
        label=_("Reference"),
        max_length=20,
        help_text=_("For example, 2.3 for the third activity of area for improvement 2."),
        error_messages={"required": REFERENCE_REQUIRED},
    )
    activity = forms.CharField(
        label=_("Improvement activity"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": ACTIVITY_REQUIRED},
    )
    lead_person = optional_choice(_("Person"), Person)
    lead_board = optional_choice(_("Board"), Board)
    lead_organisation = optional_choice(_("Organisation"), Organisation)
    deadline_wording = forms.CharField(
        label=_("Timescale, as agreed"),
        max_length=100,
        required=False,
        help_text=_("For example, Before March 2014, September/October 2014 or On-going."),
    )
    deadline = DayMonthYearField(
        label=_("Deadline (optional)"),
        required=False,
        help_text=_(
            "Leave empty to read it from the timescale: Before March 2014 is due "
            "28 2 2014; On-going has no deadline. For example, 31 3 2014."
        ),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=DevelopmentAction.Status.choices,
        initial="not_started",
        widget=forms.RadioSelect,
    )

    def __init__(
        self,
        *args,
        partnership: Partnership,
        action: DevelopmentAction | None = None,
        button: str,
        **kwargs,
    ):
        if action is not None:
            kwargs["initial"] = {**_initial(action), **kwargs.get("initial", {})}
        super().__init__(*args, **kwargs)
        fields = self.fields
        fields["framework"].queryset = partnership.frameworks.all()
        fields["area_for_improvement"].queryset = AreaForImprovement.objects.filter(
            framework__partnership=partnership
        ).select_related("framework")
        fields["remit_clause"].queryset = RemitClause.objects.filter(
            board__partnership=partnership
        ).select_related("board")
        fields["lead_person"].queryset = partnership_people(partnership).order_by("name")
        fields["lead_board"].queryset = partnership.boards.all()
        fields["lead_organisation"].queryset = partnership_organisations(partnership).order_by(
            "name"
        )
        # After it is recorded, an action's status moves with its progress updates.
        if action is not None:
            del fields["status"]
        self.helper = form_helper(
            Field.select("framework"),
            Field.select("area_for_improvement"),
            Field.select("remit_clause"),
            Field.text("reference", field_width=5),
            Field.textarea("activity"),
            Fieldset(
                Field.select("lead_person"),
                Field.select("lead_board"),
                Field.select("lead_organisation"),
                legend=gettext("Who leads it (at least one)"),
                legend_size=Size.MEDIUM,
            ),
            Field.text("deadline_wording", field_width=20),
            Field("deadline"),
            *([Field.radios("status", legend_size=Size.SMALL)] if "status" in fields else []),
            button=button,
        )


def _initial(action: DevelopmentAction) -> dict:
    initial = {name: getattr(action, name) for name in DevelopmentActionForm.base_fields}
    # A deadline read from the wording is left out, so that a new wording is read afresh.
    if action.deadline == deadline_from_wording(action.deadline_wording):
        initial["deadline"] = None
    return initial


class ActionUpdateForm(forms.Form):
    """A dated note of progress and the status it leaves the action in."""

    written_on = DayMonthYearField(
        label=_("Date of the update (optional)"),
        required=False,
        help_text=_("Leave empty for today. For example, 15 1 2014."),
    )
    status = forms.ChoiceField(
        label=_("Status after this update"),
        choices=DevelopmentAction.Status.choices,
        widget=forms.RadioSelect,
        error_messages={"required": STATUS_REQUIRED},
    )
    text = forms.CharField(
        label=_("Progress"),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": UPDATE_TEXT_REQUIRED},
    )

    def __init__(self, *args, action: DevelopmentAction, **kwargs):
        kwargs.setdefault("initial", {"status": action.status})
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field("written_on"),
            Field.radios("status", legend_size=Size.SMALL),
            Field.textarea("text"),
            button=gettext("Add update"),
        )
