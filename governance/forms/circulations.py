"""The form an officer circulates a document, link or consultation with, in the GOV.UK style.

It parses what is typed and offers the partnership's other boards; what a circulation needs
for its kind (a file, an address, a date responses are due by) is the service's rule.
"""

from crispy_forms_gds.layout import Field
from django import forms
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.forms import CHOICE_INVALID, DayMonthYearField, form_helper
from core.uploads import FILE_IS_EMPTY, size_in_words
from governance.models import Board, Circulation

KIND_REQUIRED = _("Choose whether you are circulating a document, a link or a consultation.")
TITLE_REQUIRED = _("Enter a title for what you are circulating.")
LINK_INVALID = _("Enter the address of the page, starting https://")
DOCUMENT_ACCEPT = ".pdf,.docx,.xlsx,.csv"


class CirculationForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What are you circulating?"),
        choices=Circulation.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": KIND_REQUIRED, "invalid_choice": CHOICE_INVALID},
    )
    title = forms.CharField(
        label=_("Title"), max_length=300, error_messages={"required": TITLE_REQUIRED}
    )
    summary = forms.CharField(
        label=_("Summary (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What it is and why the members should read it."),
    )
    link = forms.URLField(
        label=_("Web address (optional for a document)"),
        required=False,
        assume_scheme="https",
        max_length=200,
        error_messages={"invalid": LINK_INVALID},
    )
    document = forms.FileField(
        label=_("Upload the document (optional for a link)"),
        required=False,
        widget=forms.FileInput(attrs={"accept": DOCUMENT_ACCEPT}),
        error_messages={"empty": FILE_IS_EMPTY},
    )
    respond_by = DayMonthYearField(
        label=_("Responses due by (for a consultation)"),
        required=False,
        help_text=_("For example, 31 3 2026"),
    )
    also_to = forms.ModelMultipleChoiceField(
        label=_("Also send it to the members of"),
        queryset=Board.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": CHOICE_INVALID},
    )

    def __init__(self, *args, board: Board, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"].help_text = gettext(
            "A PDF, Word document (.docx) or spreadsheet (.xlsx or .csv). The file must be "
            "smaller than {size}."
        ).format(size=size_in_words(settings.MAX_UPLOAD_BYTES))
        also_to = self.fields["also_to"]
        also_to.queryset = (
            Board.objects.filter(partnership=board.partnership)
            .exclude(pk=board.pk)
            .exclude(status=Board.Status.DISSOLVED)
        )
        also_to.help_text = gettext(
            "Its members get it as well as those of {board}; nobody gets it twice."
        ).format(board=board)
        fields = [
            Field.radios("kind"),
            Field.text("title"),
            Field.textarea("summary"),
            Field.text("link"),
            Field("document"),
            Field("respond_by"),
        ]
        if also_to.queryset.exists():
            fields.append(Field.checkboxes("also_to", small=True))
        else:
            del self.fields["also_to"]
        self.helper = form_helper(*fields, button=gettext("Circulate by e-mail"))
