"""Changing one's own password: the current one first, then a new one that Django's password
rules accept. Every other session of the account ends; this one goes on."""

from crispy_forms_gds.layout import Field
from django.contrib import messages
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import views as auth_views
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _

from core.forms import form_helper


class PasswordChangeForm(auth_forms.PasswordChangeForm):
    """Django's form (it checks the current password and runs AUTH_PASSWORD_VALIDATORS on the
    new one), laid out in GOV.UK style."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = _("Current password")
        self.fields["new_password2"].label = _("Type the new password again")
        self.helper = form_helper(
            Field.text("old_password"),
            Field.text("new_password1"),
            Field.text("new_password2"),
            button=_("Change password"),
        )


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's view: it keeps this session signed in under the new password, which ends every
    other session of the account (their stored password hash no longer matches)."""

    form_class = PasswordChangeForm
    template_name = "form_page.html"
    success_url = reverse_lazy("home")
    extra_context = {"heading": _("Change your password")}

    def get_context_data(self, **kwargs):
        return super().get_context_data(cancel_url=reverse("home"), **kwargs)

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(
            self.request,
            _("Your password has been changed. Any other browser signed in as you is signed out."),
        )
        return response
