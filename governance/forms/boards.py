"""The form officers add and change a board with, in the GOV.UK style."""

from crispy_forms_gds.layout import Field, Size
from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.forms import CHOICE_INVALID, DayMonthYearField, form_helper, optional_choice
from governance.models import Board
from governance.services import BOARD_FIELDS
from partnership.models import Partnership, Theme

BOARD_NAME_REQUIRED = _("Enter the name of the board.")
BOARD_KIND_REQUIRED = _("Choose what kind of board this is.")
BOARD_STATUS_REQUIRED = _("Choose whether the board is in shadow form, active or dissolved.")
QUORUM_INVALID = _("Enter the quorum as a whole number of members, for example 5.")


class BoardForm(forms.Form):
    """What a board is, where it reports, how it meets, and the themes its work touches."""

    name = forms.CharField(
        label=_("Name"), max_length=200, error_messages={"required": BOARD_NAME_REQUIRED}
    )
    kind = forms.ChoiceField(
        label=_("Kind of board"),
        choices=[("", _("Choose a kind")), *Board.Kind.choices],
        error_messages={"required": BOARD_KIND_REQUIRED, "invalid_choice": CHOICE_INVALID},
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=Board.Status.choices,
        initial=Board.Status.ACTIVE,
        widget=forms.RadioSelect,
        error_messages={"required": BOARD_STATUS_REQUIRED, "invalid_choice": CHOICE_INVALID},
    )
    reports_to = optional_choice(
        _("Reports to (optional)"), Board, empty_label=_("No board: it is at the top")
    )
    cadence = forms.ChoiceField(
        label=_("How often it meets (optional)"),
        choices=[("", _("Not set")), *Board.Cadence.choices],
        required=False,
        error_messages={"invalid_choice": CHOICE_INVALID},
    )
    quorum = forms.IntegerField(
        label=_("Quorum (optional)"),
        min_value=1,
        max_value=32767,
        required=False,
        help_text=_("How many voting members must be present for it to decide"),
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "invalid": QUORUM_INVALID,
            "min_value": QUORUM_INVALID,
            "max_value": QUORUM_INVALID,
        },
    )
    terms_of_reference = forms.CharField(
        label=_("Terms of reference (optional)"), required=False, widget=forms.Textarea
    )
    measures_of_success = forms.CharField(
        label=_("Measures of success (optional)"), required=False, widget=forms.Textarea
    )
    theme = optional_choice(_("Theme (optional)"), Theme, empty_label=_("No theme"))
    cross_cutting_themes = forms.ModelMultipleChoiceField(
        label=_("Cross-cutting themes (optional)"),
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=Board._meta.get_field("cross_cutting_themes").help_text,
        error_messages={"invalid_choice": CHOICE_INVALID, "invalid_pk_value": CHOICE_INVALID},
    )
    established_on = DayMonthYearField(
        label=_("Established on (optional)"), required=False, help_text=_("For example, 1 4 2013")
    )
    dissolved_on = DayMonthYearField(
        label=_("Dissolved on"),
        required=False,
        help_text=_("Only for a dissolved board, for example 31 3 2019"),
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
            button=gettext("Save board") if board is None else gettext("Save changes"),
        )
