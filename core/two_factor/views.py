"""The steps after the password (the code, or a recovery code; setting up an authenticator app),
the recovery codes shown once, and the page where a signed-in person makes new ones."""

import rules
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView

from core.service_views import show_errors
from core.two_factor.forms import AuthenticatorCodeForm, RecoveryCodeForm, RecoveryCodesForm
from core.two_factor.middleware import RULE
from core.two_factor.services import (
    RECOVERY_CODE_COUNT,
    authenticator_confirm,
    authenticator_enrolment_start,
    authenticator_key,
    authenticator_of,
    authenticator_qr_code,
    authenticator_verify,
    recovery_code_verify,
    recovery_codes_left,
    recovery_codes_replace,
)
from core.two_factor.sessions import session_verify

# New recovery codes wait here between the POST that makes them and the one page showing them.
NEW_CODES_SESSION_KEY = "two_factor_new_recovery_codes"
# Fewer recovery codes left than this, and the person is told to make new ones.
FEW_RECOVERY_CODES = 3


def _next_url(request: HttpRequest) -> str:
    """Where signing in goes on to: the page first asked for, if it is on this site."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _with_next(view_name: str, request: HttpRequest) -> str:
    return f"{reverse(view_name)}?{urlencode({'next': _next_url(request)})}"


@method_decorator(never_cache, name="dispatch")
class SignInStepMixin(LoginRequiredMixin):
    """A step of signing in, for a session that still needs its code; any other goes on."""

    heading = ""

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return self.handle_no_permission()
        if user.is_verified() or not rules.test_rule(RULE, user):
            return redirect(_next_url(request))
        if elsewhere := self.other_step():
            return redirect(_with_next(elsewhere, request))
        return super().dispatch(request, *args, **kwargs)

    def other_step(self) -> str | None:
        """The step to take instead of this one, if any."""
        return None

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            heading=self.heading, next=_next_url(self.request), **kwargs
        )

    def form_invalid_with(self, form, error: ValidationError):
        show_errors(form, error)
        # A refused code is of no use typed again: the box starts empty.
        form.data = form.data.copy()
        form.data["code"] = ""
        return self.form_invalid(form)


class VerifyView(SignInStepMixin, FormView):
    """The code from the authenticator app the person set up."""

    template_name = "registration/two_factor_verify.html"
    form_class = AuthenticatorCodeForm
    heading = _("Enter the code from your authenticator app")

    def other_step(self) -> str | None:
        return "two_factor:enrol" if authenticator_of(self.request.user) is None else None

    def form_valid(self, form):
        try:
            device = authenticator_verify(user=self.request.user, code=form.cleaned_data["code"])
        except ValidationError as error:
            return self.form_invalid_with(form, error)
        session_verify(self.request, device)
        return redirect(_next_url(self.request))


class RecoveryView(SignInStepMixin, FormView):
    """A recovery code, for when the authenticator app is not to hand; each works once."""

    template_name = "registration/two_factor_recovery.html"
    form_class = RecoveryCodeForm
    heading = _("Use a recovery code")

    def form_valid(self, form):
        user = self.request.user
        try:
            device = recovery_code_verify(user=user, code=form.cleaned_data["code"])
        except ValidationError as error:
            return self.form_invalid_with(form, error)
        session_verify(self.request, device)
        left = recovery_codes_left(user)
        message = ngettext(
            "You have %(count)d recovery code left.",
            "You have %(count)d recovery codes left.",
            left,
        ) % {"count": left}
        if left < FEW_RECOVERY_CODES:
            message += " " + gettext("Make new ones on the sign-in security page.")
        messages.warning(self.request, message)
        return redirect(_next_url(self.request))


class EnrolView(SignInStepMixin, FormView):
    """Setting up an authenticator app: a QR code and its key, confirmed by a code the app
    shows. Only for an account with no authenticator yet: replacing one needs its code first."""

    template_name = "registration/two_factor_enrol.html"
    form_class = AuthenticatorCodeForm
    heading = _("Set up an authenticator app")

    def other_step(self) -> str | None:
        return "two_factor:verify" if authenticator_of(self.request.user) is not None else None

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {
            "label": gettext("Enter the 6-digit code the app shows"),
            "button": gettext("Set up"),
        }

    def get_context_data(self, **kwargs):
        device = authenticator_enrolment_start(user=self.request.user)
        return super().get_context_data(
            qr_code=authenticator_qr_code(device), key=authenticator_key(device), **kwargs
        )

    def form_valid(self, form):
        device = authenticator_enrolment_start(user=self.request.user)
        try:
            codes = authenticator_confirm(device=device, code=form.cleaned_data["code"])
        except ValidationError as error:
            return self.form_invalid_with(form, error)
        session_verify(self.request, device)
        self.request.session[NEW_CODES_SESSION_KEY] = {"codes": codes, "replaced": False}
        return redirect(_with_next("two_factor:recovery_codes", self.request))


@method_decorator(never_cache, name="dispatch")
class VerifiedRequiredMixin(LoginRequiredMixin):
    """For a session that has given its code; the gate sends others to the code page first."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.is_verified():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class SecurityView(VerifiedRequiredMixin, TemplateView):
    """The person's authenticator app and how many recovery codes they have left."""

    template_name = "registration/two_factor_security.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        kwargs.setdefault("form", RecoveryCodesForm(request=self.request))
        return super().get_context_data(
            authenticator=authenticator_of(user),
            codes_left=recovery_codes_left(user),
            code_count=RECOVERY_CODE_COUNT,
            **kwargs,
        )


class RecoveryCodesView(VerifiedRequiredMixin, View):
    """GET shows new recovery codes, once; POST makes a new set, ending the old one."""

    def get(self, request):
        shown = request.session.pop(NEW_CODES_SESSION_KEY, None)
        codes = [f"{code[:4]} {code[4:]}" for code in shown["codes"]] if shown else []
        return render(
            request,
            "registration/recovery_codes.html",
            {
                "codes": codes,
                "replaced": bool(shown and shown["replaced"]),
                "next": _next_url(request),
            },
        )

    def post(self, request):
        form = RecoveryCodesForm(request.POST, request=request)
        if not form.is_valid():
            security = SecurityView(request=request)
            return security.render_to_response(security.get_context_data(form=form))
        codes = recovery_codes_replace(user=request.user)
        request.session[NEW_CODES_SESSION_KEY] = {"codes": codes, "replaced": True}
        return redirect(_with_next("two_factor:recovery_codes", request))
