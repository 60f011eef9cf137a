"""Forms for governance records, used by the admin and the browser pages."""

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.layout import Field, Size
from django import forms
from django.core.exceptions import ValidationError
from django.forms import BaseInlineFormSet, ModelForm, inlineformset_factory

from core.forms import CHOICE_INVALID, form_helper, optional_choice
from governance.models import (
    CHAIR_OVERLAPS,
    SEAT_OVERLAPS,
    Board,
    BoardMembership,
    JointAppointment,
    JointAppointmentShare,
)
from governance.services import BOARD_FIELDS, joint_appointment_shares_check
from partnership.models import Partnership, Theme


def _kept_forms(formset: BaseInlineFormSet) -> list[ModelForm]:
    """The filled-in forms of a valid formset that are not marked for deletion."""
    return [
        form
        for form in formset.forms
        if form.cleaned_data and not formset._should_delete_form(form)
    ]


class BaseJointAppointmentShareFormSet(BaseInlineFormSet):
    """The employers' shares of a joint appointment, which must add up to 100%."""

    def clean(self) -> None:
        super().clean()
        if any(self.errors):
            return
        joint_appointment_shares_check(
            form.cleaned_data["cost_share_percent"] for form in _kept_forms(self)
        )


JointAppointmentShareFormSet = inlineformset_factory(
    JointAppointment,
    JointAppointmentShare,
    formset=BaseJointAppointmentShareFormSet,
    fields=["organisation", "cost_share_percent", "accountable_to", "contact_email"],
    extra=2,
)


def _held_together(seat: BoardMembership, other: BoardMembership) -> bool:
    """Whether two seats are held at the same time; a missing date runs on without end."""
    starts_in_time = (
        seat.started_on is None or other.ended_on is None or seat.started_on <= other.ended_on
    )
    ends_in_time = (
        other.started_on is None or seat.ended_on is None or other.started_on <= seat.ended_on
    )
    return starts_in_time and ends_in_time


class BaseBoardMembershipFormSet(BaseInlineFormSet):
    """A board's seats, checked against each other as BoardMembership.clean() checks saved ones."""

    def clean(self) -> None:
        super().clean()
        if any(self.errors):
            return
        seats = [form.instance for form in _kept_forms(self) if form.instance.person_id]
        for i, seat in enumerate(seats):
            for other in seats[:i]:
                if not _held_together(seat, other):
                    continue
                if seat.person_id == other.person_id:
                    raise ValidationError(
                        SEAT_OVERLAPS.format(person=seat.person, board=self.instance)
                    )
                if seat.role == other.role == BoardMembership.Role.CHAIR:
                    raise ValidationError(CHAIR_OVERLAPS.format(board=self.instance))


BoardMembershipFormSet = inlineformset_factory(
    Board,
    BoardMembership,
    formset=BaseBoardMembershipFormSet,
    fields=["person", "organisation", "office", "role", "started_on", "ended_on"],
    extra=0,
)


BOARD_NAME_REQUIRED = "Enter the name of the board."
BOARD_KIND_REQUIRED = "Choose what kind of board this is."
BOARD_STATUS_REQUIRED = "Choose whether the board is in shadow form, active or dissolved."
QUORUM_INVALID = "Enter the quorum as a whole number of members, for example 5."
BOARD_DATE_INVALID = "Enter a real date, for example 1 4 2013."


class BoardDateField(DateInputField):
    """Day, month and year in three boxes; a date that does not exist gets a plain message."""

    def __init__(self, **kwargs):
        super().__init__(required=False, require_all_fields=False, **kwargs)

    def compress(self, data_list):
        try:
            return super().compress(data_list)
        except ValidationError:
            raise ValidationError(BOARD_DATE_INVALID, code="invalid") from None


class BoardForm(forms.Form):
    """What a board is, where it reports, how it meets, and the themes its work touches."""

    name = forms.CharField(
        label="Name", max_length=200, error_messages={"required": BOARD_NAME_REQUIRED}
    )
    kind = forms.ChoiceField(
        label="Kind of board",
        choices=[("", "Choose a kind"), *Board.Kind.choices],
        error_messages={"required": BOARD_KIND_REQUIRED, "invalid_choice": CHOICE_INVALID},
    )
    status = forms.ChoiceField(
        label="Status",
        choices=Board.Status.choices,
        initial=Board.Status.ACTIVE,
        widget=forms.RadioSelect,
        error_messages={"required": BOARD_STATUS_REQUIRED, "invalid_choice": CHOICE_INVALID},
    )
    reports_to = optional_choice(
        "Reports to (optional)", Board, empty_label="No board: it is at the top"
    )
    cadence = forms.ChoiceField(
        label="How often it meets (optional)",
        choices=[("", "Not set"), *Board.Cadence.choices],
        required=False,
        error_messages={"invalid_choice": CHOICE_INVALID},
    )
    quorum = forms.IntegerField(
        label="Quorum (optional)",
        min_value=1,
        max_value=32767,
        required=False,
        help_text="How many voting members must be present for it to decide",
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "invalid": QUORUM_INVALID,
            "min_value": QUORUM_INVALID,
            "max_value": QUORUM_INVALID,
        },
    )
    terms_of_reference = forms.CharField(
        label="Terms of reference (optional)", required=False, widget=forms.Textarea
    )
    measures_of_success = forms.CharField(
        label="Measures of success (optional)", required=False, widget=forms.Textarea
    )
    theme = optional_choice("Theme (optional)", Theme, empty_label="No theme")
    cross_cutting_themes = forms.ModelMultipleChoiceField(
        label="Cross-cutting themes (optional)",
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=Board._meta.get_field("cross_cutting_themes").help_text,
        error_messages={"invalid_choice": CHOICE_INVALID, "invalid_pk_value": CHOICE_INVALID},
    )
    established_on = BoardDateField(
        label="Established on (optional)", help_text="For example, 1 4 2013"
    )
    dissolved_on = BoardDateField(
        label="Dissolved on",
        help_text="Only for a dissolved board, for example 31 3 2019",
    )

    def __init__(self, *args, partnership: Partnership, board: Board | None = None, **kwargs):
        if board is not None:
            kwargs["initial"] = {
                **{name: getattr(board, name) for name in BOARD_FIELDS},
                "cross_cutting_themes": list(board.cross_cutting_themes.all()),
            }
        super().__init__(*args, **kwargs)
        others = Board.objects.filter(partnership=partnership)
        if board is not None:
            others = others.exclude(pk=board.pk)
        self.fields["reports_to"].queryset = others
        themes = Theme.objects.filter(partnership=partnership)
        self.fields["theme"].queryset = themes
        self.fields["cross_cutting_themes"].queryset = themes.filter(is_cross_cutting=True)
        self.helper = form_helper(
            Field.text("name"),
            Field.select("kind"),
            Field.radios("status", inline=True, legend_size=Size.SMALL),
            Field.select("reports_to"),
            Field.select("cadence"),
            Field.text("quorum", field_width=3),
            Field.textarea("terms_of_reference", rows=6),
            Field.textarea("measures_of_success", rows=4),
            Field.select("theme"),
            Field.checkboxes("cross_cutting_themes", small=True, legend_size=Size.SMALL),
            Field("established_on"),
            Field("dissolved_on"),
            button="Save board" if board is None else "Save changes",
        )
