"""The search form: the words, and what to narrow the search to."""

from django import forms
from django.utils.translation import gettext_lazy as _

from governance.models import Board
from meetings.search import Filters
from partnership.models import Partnership, Theme

QUERY_MAX_LENGTH = 200
QUERY_TOO_LONG = _("Search for %(limit_value)d characters or fewer.")
NO_SUCH_CHOICE = _("Choose one from the list.")
DATE_INVALID = _("Enter a real date, for example 17/3/2011.")
TO_BEFORE_FROM = _("The last date must be on or after the first.")
BOARD_OF_OTHER_PARTNERSHIP = _("That board is not one of the chosen partnership's.")


class SearchForm(forms.Form):
    """Words to find in minutes, resolutions and reports, and filters; every field optional."""

    q = forms.CharField(
        label=_("Search minutes, decisions and reports"),
        required=False,
        max_length=QUERY_MAX_LENGTH,
        strip=True,
        error_messages={"max_length": QUERY_TOO_LONG},
    )
    partnership = forms.ModelChoiceField(
        label=_("Partnership"),
        queryset=Partnership.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=_("Any partnership"),
        error_messages={"invalid_choice": NO_SUCH_CHOICE},
    )
    board = forms.ModelChoiceField(
        label=_("Board"),
        queryset=Board.objects.select_related("partnership").order_by("partnership__name", "name"),
        required=False,
        empty_label=_("Any board"),
        error_messages={"invalid_choice": NO_SUCH_CHOICE, "invalid_pk_value": NO_SUCH_CHOICE},
    )
    theme = forms.ChoiceField(
        label=_("Theme"), required=False, error_messages={"invalid_choice": NO_SUCH_CHOICE}
    )
    held_from = forms.DateField(
        label=_("Held from"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": DATE_INVALID},
    )
    held_to = forms.DateField(
        label=_("Held to"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": DATE_INVALID},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        themes = Theme.objects.order_by("name").values_list("slug", "name").distinct()
        self.fields["theme"].choices = [("", _("Any theme")), *dict(themes).items()]
        for field in self.fields.values():
            is_select = isinstance(field.widget, forms.Select)
            field.widget.attrs["class"] = "govuk-select" if is_select else "govuk-input"

    def clean(self):
        cleaned = super().clean()
        held_from, held_to = cleaned.get("held_from"), cleaned.get("held_to")
        if held_from and held_to and held_to < held_from:
            self.add_error("held_to", TO_BEFORE_FROM)
        partnership, board = cleaned.get("partnership"), cleaned.get("board")
        if partnership and board and board.partnership_id != partnership.pk:
            self.add_error("board", BOARD_OF_OTHER_PARTNERSHIP)
        return cleaned

    def filters(self) -> Filters:
        data = self.cleaned_data
        return Filters(
            partnership=data["partnership"].pk if data.get("partnership") else None,
            board=data["board"].pk if data.get("board") else None,
            theme=data.get("theme") or None,
            held_from=data.get("held_from"),
            held_to=data.get("held_to"),
        )
