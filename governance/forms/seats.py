"""The forms officers add, change, end and fill a board's seats with, in the GOV.UK style."""

from crispy_forms_gds.layout import Field
from django import forms
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.forms import CHOICE_INVALID, DayMonthYearField, form_helper, optional_choice
from governance.models import Board, BoardMembership
from governance.seats import END_NEEDS_DATE, FILL_NEEDS_PERSON
from partnership.models import Organisation, Person

ROLE_REQUIRED = _("Choose the role of the seat.")


def _people_of(board: Board):
    """People of the partnership's organisations and anyone sitting on one of its boards."""
    partnership = board.partnership
    return (
        Person.objects.filter(
            Q(organisation__partnermembership__partnership=partnership)
            | Q(board_memberships__board__partnership=partnership)
        )
        .distinct()
        .order_by("name")
    )


class SeatForm(forms.Form):
    """Who holds a seat (or no one yet), for which office or organisation, in which role."""

    person = optional_choice(
        _("Held by (optional)"),
        Person,
        empty_label=_("Vacant"),
        help_text=_("Leave vacant if no one does."),
    )
    office = forms.CharField(
        label=_("Office (optional)"),
        max_length=200,
        required=False,
        help_text=_("The office the seat is held by, for example Chief Executive."),
    )
    organisation = optional_choice(_("For the organisation (optional)"), Organisation)
    role = forms.ChoiceField(
        label=_("Role"),
        choices=BoardMembership.Role.choices,
        initial=BoardMembership.Role.MEMBER,
        error_messages={"invalid_choice": CHOICE_INVALID, "required": ROLE_REQUIRED},
    )
    started_on = DayMonthYearField(
        label=_("From (optional)"), required=False, help_text=_("For example, 26 11 2013")
    )
    ended_on = DayMonthYearField(
        label=_("To (optional)"), required=False, help_text=_("Leave empty while the seat is held.")
    )

    def __init__(self, *args, board: Board, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = _people_of(board)
        self.fields["organisation"].queryset = board.partnership.organisations.order_by("name")
        self.helper = form_helper(
            Field.select("person"),
            Field.text("office"),
            Field.select("organisation"),
            Field.select("role"),
            Field("started_on"),
            Field("ended_on"),
            button=gettext("Save seat"),
        )


class SeatEndForm(forms.Form):
    ended_on = DayMonthYearField(label=_("Ended on"), required_message=END_NEEDS_DATE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(Field("ended_on"), button=gettext("End the seat"), warning=True)


class SeatFillForm(forms.Form):
    person = forms.ModelChoiceField(
        label=_("Held by"),
        queryset=Person.objects.none(),
        error_messages={"required": FILL_NEEDS_PERSON, "invalid_choice": CHOICE_INVALID},
    )
    started_on = DayMonthYearField(
        label=_("From"), required=False, help_text=_("For example, 1 4 2014")
    )

    def __init__(self, *args, board: Board, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = _people_of(board)
        self.helper = form_helper(
            Field.select("person"), Field("started_on"), button=gettext("Fill the seat")
        )
