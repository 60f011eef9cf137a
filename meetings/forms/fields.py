"""Form fields the meeting cycle's forms share."""

from django import forms
from django.db import models

CHOICE_INVALID = "Choose one from the list."


def optional_choice(
    label: str, model: type[models.Model], *, empty_label: str = "None", **kwargs
) -> forms.ModelChoiceField:
    """A choice of `model` that may be left empty; each form sets the records it offers."""
    return forms.ModelChoiceField(
        label=label,
        queryset=model.objects.none(),
        required=False,
        empty_label=empty_label,
        error_messages={"invalid_choice": CHOICE_INVALID},
        **kwargs,
    )
