"""The forms a board's remit clauses are added, changed and removed with, in the GOV.UK style."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Layout
from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.forms import form_helper
from governance.remits import CLAUSE_TEXT_REQUIRED


class RemitClauseForm(forms.Form):
    heading = forms.CharField(
        label=_("Heading (optional)"),
        max_length=200,
        required=False,
        help_text=_("A short form of the clause, for example: Are we reducing inequalities?"),
    )
    text = forms.CharField(
        label=_("Clause"),
        widget=forms.Textarea,
        error_messages={"required": CLAUSE_TEXT_REQUIRED},
        help_text=_("The clause as the board agreed it."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.text("heading"), Field.textarea("text", rows=4), button=gettext("Save clause")
        )


class RemitClauseRemoveForm(forms.Form):
    """Nothing to fill in: the button confirms."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.layout = Layout(Button.warning("submit", gettext("Remove the clause")))
