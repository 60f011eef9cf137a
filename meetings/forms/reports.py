"""Forms for writing reports: the cover sheet, a Word document for the body, and appendices.

Officers type the sections as text (a blank line between paragraphs, a dash for a bullet);
RichTextField turns that into HTML and shows stored HTML back as text where it can. The
services sanitise what is saved and refuse what does not fit; the views show their messages.
"""

from crispy_forms_gds.layout import Field, Fieldset, Size
from django import forms
from django.conf import settings
from django.db.models import QuerySet
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.forms import CHOICE_INVALID, form_helper
from core.html import html_to_text, looks_like_html, text_to_html
from core.uploads import FILE_IS_EMPTY, check_document, check_word_document, size_in_words
from governance.models import Board
from meetings.models import Report
from partnership.models import Person

TITLE_REQUIRED = _("Enter the title of the report.")
WORD_DOCUMENT_REQUIRED = _("Select a Word document.")
LABEL_REQUIRED = _("Enter the appendix's label, for example (a) or 1.")
APPENDIX_TITLE_REQUIRED = _("Enter the title of the appendix.")

RICH_TEXT_HINT = _(
    "Leave a blank line between paragraphs. Start a line with a dash (-) for a bullet."
)
WORD_ACCEPT = ".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class RichTextField(forms.CharField):
    """Typed text or HTML in, HTML out; stored HTML shown for editing as typed text if it can."""

    widget = forms.Textarea

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value) -> str:
        text = super().to_python(value)
        return text_to_html(text) if text else ""

    def prepare_value(self, value):
        if value and looks_like_html(value):
            return html_to_text(value) or value
        return value


def upload_hint(text: str) -> str:
    return gettext("{hint} The file must be smaller than {size}.").format(
        hint=text, size=size_in_words(settings.MAX_UPLOAD_BYTES)
    )


class ConfirmationForm(forms.Form):
    """Only a button: the service it asks to act may still refuse, in the error summary."""

    def __init__(self, *args, button: str, warning: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(button=button, warning=warning)


def partnership_officers(board: Board) -> QuerySet[Person]:
    """Officers of the board partnership's organisations: who may be a report's contact."""
    return Person.objects.filter(
        organisation__partnermembership__partnership=board.partnership,
        capacity=Person.Capacity.OFFICER,
    ).distinct()


class ReportForm(forms.ModelForm):
    """The whole cover sheet of a report, in the order the Herefordshire reports print it."""

    purpose = RichTextField(label=_("Purpose"))
    recommendations = RichTextField(label=_("Recommendations"))
    key_points_summary = RichTextField(label=_("Key points summary (optional)"))
    alternative_options = RichTextField(label=_("Alternative options"))
    reasons_for_recommendations = RichTextField(label=_("Reasons for recommendations"))
    introduction_and_background = RichTextField(label=_("Introduction and background"))
    key_considerations = RichTextField(label=_("Key considerations"))
    community_impact = RichTextField(label=_("Community impact"))
    financial_implications = RichTextField(label=_("Financial implications"))
    legal_implications = RichTextField(label=_("Legal implications"))
    risk_management = RichTextField(label=_("Risk management"))
    consultees = RichTextField(label=_("Consultees"))
    background_papers = RichTextField(label=_("Background papers"))
    body = RichTextField(
        label=_("Report text (optional)"),
        help_text=_(
            "The report's own text beyond the cover sheet. You can upload it from Word "
            "instead, once the report is saved."
        ),
    )

    class Meta:
        model = Report
        fields = [
            "title",
            "reference",
            "report_by",
            "portfolio_area",
            "classification",
            "wards_affected",
            "purpose",
            "is_key_decision",
            "key_decision_note",
            *Report.RICH_TEXT_FIELDS[1:],
            "contact_officer",
        ]
        labels = {
            "title": _("Title of report"),
            "reference": _("Reference (optional)"),
            "report_by": _("Report by (optional)"),
            "portfolio_area": _("Portfolio area (optional)"),
            "wards_affected": _("Wards affected"),
            "is_key_decision": _("This is a key decision"),
            "key_decision_note": _("Key decision, as the report words it (optional)"),
            "contact_officer": _("Contact officer"),
        }
        help_texts = {
            "reference": _("For example, COG/1/13"),
            "report_by": _("The author's office, for example Sustainable Communities Director"),
            "wards_affected": _("For example, County-wide"),
            "key_decision_note": _("For example, This is not a key decision"),
        }
        error_messages = {
            "title": {"required": TITLE_REQUIRED},
            "contact_officer": {"invalid_choice": CHOICE_INVALID},
        }
        widgets = {"classification": forms.RadioSelect}

    def __init__(self, *args, board: Board, button: str, **kwargs):
        super().__init__(*args, **kwargs)
        contact = self.fields["contact_officer"]
        contact.queryset = partnership_officers(board)
        contact.empty_label = gettext("No contact officer")
        for name in ("purpose", "recommendations", "key_considerations"):
            self.fields[name].help_text = RICH_TEXT_HINT
        self.helper = form_helper(
            Fieldset(
                Field.text("title"),
                Field.text("reference", field_width=10),
                Field.text("report_by"),
                Field.text("portfolio_area"),
                Field.radios("classification", inline=True),
                Field.text("wards_affected"),
                legend=gettext("About the report"),
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.textarea("purpose", rows=3),
                Field.checkbox("is_key_decision"),
                Field.text("key_decision_note"),
                Field.textarea("recommendations", rows=4),
                Field.textarea("key_points_summary", rows=4),
                Field.textarea("alternative_options", rows=4),
                Field.textarea("reasons_for_recommendations", rows=4),
                legend=gettext("Decision"),
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.textarea("introduction_and_background", rows=6),
                *(
                    Field.textarea(name, rows=rows)
                    for name, rows in [
                        ("key_considerations", 12),
                        ("community_impact", 4),
                        ("financial_implications", 4),
                        ("legal_implications", 4),
                        ("risk_management", 4),
                        ("consultees", 4),
                    ]
                ),
                legend=gettext("The report"),
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.textarea("background_papers", rows=3),
                Field.textarea("body", rows=8),
                Field.select("contact_officer"),
                legend=gettext("Background and contact"),
                legend_size=Size.MEDIUM,
            ),
            button=button,
        )


class ReportWordForm(forms.Form):
    document = forms.FileField(
        label=_("Word document"),
        validators=[check_word_document],
        widget=forms.FileInput(attrs={"accept": WORD_ACCEPT}),
        error_messages={"required": WORD_DOCUMENT_REQUIRED, "empty": FILE_IS_EMPTY},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"].help_text = upload_hint(
            gettext("A .docx file. Its text replaces the report text.")
        )
        self.helper = form_helper(Field("document"), button=gettext("Upload and replace the text"))


class AppendixForm(forms.Form):
    label = forms.CharField(
        label=_("Label"),
        max_length=10,
        help_text=_("As the report refers to it, for example (a) or 1"),
        error_messages={"required": LABEL_REQUIRED},
    )
    title = forms.CharField(
        label=_("Title"), max_length=300, error_messages={"required": APPENDIX_TITLE_REQUIRED}
    )
    document = forms.FileField(
        label=_("Upload a PDF or Word document"),
        required=False,
        validators=[check_document],
        widget=forms.FileInput(attrs={"accept": f".pdf,application/pdf,{WORD_ACCEPT}"}),
        error_messages={"empty": FILE_IS_EMPTY},
    )
    body = RichTextField(
        label=_("Or type its text"),
        help_text=format_lazy(_("Only if you are not uploading it. {hint}"), hint=RICH_TEXT_HINT),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"].help_text = upload_hint(
            gettext(
                "A PDF goes into the agenda pack as it is; a Word document is typeset with the "
                "report."
            )
        )
        self.helper = form_helper(
            Field.text("label", field_width=5),
            Field.text("title"),
            Field("document"),
            Field.textarea("body", rows=8),
            button=gettext("Add appendix"),
        )
