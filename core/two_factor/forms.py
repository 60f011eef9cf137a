"""The code a person types after their password, and the password again before new recovery
codes replace the old."""

from crispy_forms_gds.layout import Field, Size
from django import forms
from django.contrib.auth import authenticate
from django.utils.translation import gettext_lazy as _

from core.forms import form_helper
from core.two_factor.services import CODE_REQUIRED, RECOVERY_CODE_REQUIRED


def _code_input(**attrs) -> forms.TextInput:
    # Not type="number": a code may start with 0, and browsers add spinners to number inputs.
    return forms.TextInput(
        attrs={"autocomplete": "one-time-code", "spellcheck": "false", "autocapitalize": "off"}
        | attrs
    )


class AuthenticatorCodeForm(forms.Form):
    """The 6-digit code an authenticator app shows; the services check it."""

    code = forms.CharField(
        label=_("6-digit code"),
        help_text=_("The code changes every 30 seconds."),
        max_length=20,
        error_messages={"required": CODE_REQUIRED},
        widget=_code_input(inputmode="numeric", pattern="[0-9 ]*"),
    )

    def __init__(self, *args, label=None, button=None, **kwargs):
        super().__init__(*args, **kwargs)
        if label:
            self.fields["code"].label = label
        self.helper = form_helper(
            Field.text("code", label_size=Size.MEDIUM, field_width=10),
            button=button or _("Continue"),
        )


class RecoveryCodeForm(forms.Form):
    """One of the ten recovery codes given when the authenticator was set up."""

    code = forms.CharField(
        label=_("Recovery code"),
        help_text=_("For example, ab2c de3f. Each code works only once."),
        max_length=40,
        error_messages={"required": RECOVERY_CODE_REQUIRED},
        widget=_code_input(),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.text("code", label_size=Size.MEDIUM, field_width=10), button=_("Continue")
        )


PASSWORD_REQUIRED = _("Enter your password.")
PASSWORD_WRONG = _("The password is not right.")


class RecoveryCodesForm(forms.Form):
    """The password again before new recovery codes replace the old: someone at a browser left
    signed in must not be able to take over the second factor."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        error_messages={"required": PASSWORD_REQUIRED},
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.helper = form_helper(
            Field.text("password", field_width=20),
            button=_("Make new recovery codes"),
            warning=True,
        )

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        user = self.request.user
        # Through authenticate(), so that django-axes counts a wrong password and pauses guessing.
        if authenticate(self.request, username=user.get_username(), password=password) != user:
            raise forms.ValidationError(PASSWORD_WRONG)
        return password
