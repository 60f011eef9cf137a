"""Forms for starting and keeping a project and its delivery plan, in the GOV.UK style.

They parse and present; the rules (a board, outcomes and lead of the partnership, a milestone
that ends after it starts) are the services', whose refusals the views show on these forms.
"""

from crispy_forms_gds.layout import Field, Size
from django import forms
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from core.forms import CHOICE_INVALID, DayMonthYearField, form_helper, optional_choice
from governance.models import Board
from outcomes.forms.contributions import OutcomeChoiceField
from outcomes.models import Milestone, Outcome, Project
from outcomes.services.actions import partnership_organisations, partnership_people
from partnership.models import Organisation, Partnership, Person

# Marked only, and translated lazily where used: plain strings, so that they can be looked for in
# a page.
NAME_REQUIRED = gettext_noop("Enter the name of the project.")
PROPOSING_BOARD_REQUIRED = _("Choose the board that proposes the project.")
LEAD_ORGANISATION_REQUIRED = gettext_noop("Choose the partner that leads the project.")
MILESTONE_TITLE_REQUIRED = _("Enter what the milestone is.")
MILESTONE_STARTS_ON_REQUIRED = _("Enter the date the milestone starts.")
MILESTONE_ENDS_ON_REQUIRED = _("Enter the date the milestone ends.")
MILESTONE_STATUS_REQUIRED = _("Choose how far the milestone has got.")


class OutcomesChoiceField(forms.ModelMultipleChoiceField):
    """Outcomes named with their framework, since two frameworks may number theirs alike."""

    label_from_instance = OutcomeChoiceField.label_from_instance


class ProjectForm(forms.Form):
    """What a project is, which board proposes it, who leads it and the outcomes it serves;
    the board is chosen only when the project is started."""

    name = forms.CharField(
        label=_("Name"),
        max_length=Project._meta.get_field("name").max_length,
        help_text=_("For example, Health walks on Cannock Chase"),
        error_messages={"required": _(NAME_REQUIRED)},
    )
    proposing_board = forms.ModelChoiceField(
        label=_("Board proposing it"),
        queryset=Board.objects.none(),
        empty_label=_("Choose a board"),
        error_messages={"required": PROPOSING_BOARD_REQUIRED, "invalid_choice": CHOICE_INVALID},
    )
    summary = forms.CharField(label=_("Summary (optional)"), required=False, widget=forms.Textarea)
    lead_organisation = forms.ModelChoiceField(
        label=_("Lead organisation"),
        queryset=Organisation.objects.none(),
        empty_label=_("Choose a partner"),
        error_messages={
            "required": _(LEAD_ORGANISATION_REQUIRED),
            "invalid_choice": CHOICE_INVALID,
        },
    )
    lead_officer = optional_choice(_("Lead officer (optional)"), Person, empty_label=_("Not named"))
    outcomes = OutcomesChoiceField(
        label=_("Outcomes it serves (optional)"),
        queryset=Outcome.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": CHOICE_INVALID, "invalid_pk_value": CHOICE_INVALID},
    )

    def __init__(self, *args, partnership: Partnership, project: Project | None = None, **kwargs):
        if project is not None:
            kwargs["initial"] = {
                "name": project.name,
                "summary": project.summary,
                "lead_organisation": project.lead_organisation,
                "lead_officer": project.lead_officer,
                "outcomes": list(project.outcomes.all()),
            }
        super().__init__(*args, **kwargs)
        if project is None:
            self.fields["proposing_board"].queryset = Board.objects.filter(partnership=partnership)
        else:
            del self.fields["proposing_board"]
        self.fields["lead_organisation"].queryset = partnership_organisations(partnership).order_by(
            "name"
        )
        self.fields["lead_officer"].queryset = partnership_people(partnership).order_by("name")
        self.fields["outcomes"].queryset = Outcome.objects.filter(
            framework__partnership=partnership
        ).select_related("framework")
        self.helper = form_helper(
            Field.text("name"),
            *([Field.select("proposing_board")] if project is None else []),
            Field.textarea("summary", rows=4),
            Field.select("lead_organisation"),
            Field.select("lead_officer"),
            Field.checkboxes("outcomes", small=True, legend_size=Size.SMALL),
            button=gettext("Save project") if project is None else gettext("Save changes"),
        )


class MilestoneForm(forms.Form):
    """A dated step of the project's delivery plan and how far it has got."""

    title = forms.CharField(
        label=_("Milestone"),
        max_length=Milestone._meta.get_field("title").max_length,
        help_text=_("For example, Walk leaders trained"),
        error_messages={"required": MILESTONE_TITLE_REQUIRED},
    )
    starts_on = DayMonthYearField(
        label=_("Starts on"),
        help_text=_("For example, 1 4 2013"),
        required_message=MILESTONE_STARTS_ON_REQUIRED,
    )
    ends_on = DayMonthYearField(
        label=_("Ends on"),
        help_text=_("For example, 30 9 2013"),
        required_message=MILESTONE_ENDS_ON_REQUIRED,
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=Milestone.Status.choices,
        initial=Milestone.Status.NOT_STARTED,
        widget=forms.RadioSelect,
        error_messages={"required": MILESTONE_STATUS_REQUIRED, "invalid_choice": CHOICE_INVALID},
    )

    def __init__(self, *args, button: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.text("title"),
            Field("starts_on"),
            Field("ends_on"),
            Field.radios("status", inline=True, legend_size=Size.SMALL),
            button=button or gettext("Add milestone"),
        )
