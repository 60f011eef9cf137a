"""Forms for the joint appointments register: the post, and each employer's share of it.

They parse and present; the rules (two employers or more, shares adding up to exactly 100%,
one share per employer) are governance.services', whose refusals the views show here.
"""

from pathlib import PurePath

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fieldset, Layout, Size
from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Q
from django.utils.text import format_lazy, slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.forms import CHOICE_INVALID, DayMonthYearField, optional_choice
from core.uploads import check_document, size_in_words
from governance.models import JointAppointment
from partnership.models import Organisation, Partnership, Person

POST_TITLE_REQUIRED = _("Enter the title of the post, for example Director of Public Health.")
ORGANISATION_REQUIRED = _("Choose the employing body.")
SHARE_REQUIRED = _("Enter the employing body's share of the cost, for example 50.")
SHARE_INVALID = _("Enter the share of the cost as a number, for example 50 or 33.33.")
ACCOUNTABLE_TO_REQUIRED = _("Enter the post the holder answers to at this body.")
EMAIL_INVALID = _("Enter an email address in the correct format, like name@example.org.")

DOCUMENT_ACCEPT = (
    ".pdf,.docx,application/pdf,"
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
)
# Blank employer rows under those already recorded: most posts are shared by two or three.
NEW_SHARE_ROWS = 3


def partner_organisations(partnership: Partnership):
    return Organisation.objects.filter(partnermembership__partnership=partnership).distinct()


class JointAppointmentForm(forms.ModelForm):
    """The post, its holder, its dates, its annual objectives and its memorandum."""

    post_title = forms.CharField(
        label=_("Post"), max_length=200, error_messages={"required": POST_TITLE_REQUIRED}
    )
    holder = optional_choice(_("Holder (optional)"), Person, empty_label=_("Vacant"))
    started_on = DayMonthYearField(label=_("Start date (optional)"), required=False)
    ended_on = DayMonthYearField(label=_("End date (optional)"), required=False)
    review_due_on = DayMonthYearField(
        label=_("Review due (optional)"),
        required=False,
        help_text=_("The date of the next review against the annual objectives, e.g. 1 10 2007"),
    )
    memorandum_of_understanding = forms.FileField(
        label=_("Memorandum of understanding (optional)"),
        required=False,
        widget=forms.FileInput(attrs={"accept": DOCUMENT_ACCEPT}),
        help_text=format_lazy(
            _("A PDF or Word document. The file must be smaller than {size}."),
            size=size_in_words(settings.MAX_UPLOAD_BYTES),
        ),
    )
    annual_objectives = forms.CharField(
        label=_("Annual objectives (optional)"),
        required=False,
        widget=forms.Textarea,
        help_text=_("One objective a line."),
    )

    class Meta:
        model = JointAppointment
        fields = [
            "post_title",
            "holder",
            "started_on",
            "ended_on",
            "review_due_on",
            "memorandum_of_understanding",
            "annual_objectives",
            "notes",
        ]
        labels = {"notes": _("Notes (optional)")}

    def clean_memorandum_of_understanding(self):
        """A new memorandum is checked by its content and named by it: a PDF called .html is
        stored, and served, as the PDF it is."""
        memorandum = self.cleaned_data["memorandum_of_understanding"]
        if isinstance(memorandum, UploadedFile):
            kind = check_document(memorandum)
            stem = slugify(PurePath(memorandum.name or "").stem) or "memorandum"
            memorandum.name = f"{stem}.{kind}"
        return memorandum

    def __init__(self, *args, partnership: Partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["holder"].queryset = Person.objects.filter(
            Q(organisation__partnermembership__partnership=partnership)
            | Q(pk=self.instance.holder_id)
        ).distinct()
        # The page puts the form tag and the button around these fields and the shares.
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Field.text("post_title"),
            Field.select("holder"),
            Fieldset(
                Field("started_on"),
                Field("ended_on"),
                Field("review_due_on"),
                legend=gettext("Dates"),
                legend_size=Size.MEDIUM,
            ),
            Field("memorandum_of_understanding"),
            Field.textarea("annual_objectives", rows=5),
            Field.textarea("notes", rows=3),
        )


class ShareForm(forms.Form):
    """One employing body's share of the post: cost, line of accountability and contact."""

    organisation = forms.ModelChoiceField(
        label=_("Employing body"),
        queryset=Organisation.objects.none(),
        empty_label=_("Choose a body"),
        widget=forms.Select(attrs={"class": "govuk-select"}),
        error_messages={"required": ORGANISATION_REQUIRED, "invalid_choice": CHOICE_INVALID},
    )
    cost_share_percent = forms.DecimalField(
        label=_("Share of cost (%)"),
        max_digits=5,
        decimal_places=2,
        widget=forms.TextInput(
            attrs={"inputmode": "decimal", "class": "govuk-input govuk-input--width-5"}
        ),
        error_messages={
            "required": SHARE_REQUIRED,
            "invalid": SHARE_INVALID,
            "max_digits": SHARE_INVALID,
            "max_decimal_places": SHARE_INVALID,
            "max_whole_digits": SHARE_INVALID,
        },
    )
    accountable_to = forms.CharField(
        label=_("Accountable to"),
        max_length=200,
        widget=forms.TextInput(attrs={"class": "govuk-input"}),
        error_messages={"required": ACCOUNTABLE_TO_REQUIRED},
    )
    contact_email = forms.EmailField(
        label=_("Contact email (optional)"),
        required=False,
        widget=forms.EmailInput(attrs={"class": "govuk-input", "spellcheck": "false"}),
        error_messages={"invalid": EMAIL_INVALID},
    )

    def __init__(self, *args, partnership: Partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = partner_organisations(partnership)


class BaseShareFormSet(forms.BaseFormSet):
    """The employers' shares, a row each; blank rows and those marked Remove are left out."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields["DELETE"].label = gettext("Remove")
        form.fields["DELETE"].widget.attrs["class"] = "govuk-checkboxes__input"

    def rows(self) -> list[dict]:
        return [
            {name: value for name, value in form.cleaned_data.items() if name != "DELETE"}
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]

    def error_summary(self) -> list[tuple[str, str]]:
        """Every error in the rows as (id of the field to go to, message), row by row."""
        errors = []
        for number, form in enumerate(self.forms, start=1):
            for name, messages in form.errors.items():
                errors += [
                    (
                        form[name].auto_id,
                        gettext("Employer {number}: {message}").format(number=number, message=m),
                    )
                    for m in messages
                ]
        return errors


ShareFormSet = forms.formset_factory(
    ShareForm, formset=BaseShareFormSet, extra=NEW_SHARE_ROWS, can_delete=True
)
