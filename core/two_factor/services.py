"""Enrolling an authenticator app, checking codes, and keeping recovery codes.

Each account has at most one confirmed authenticator (a django-otp TOTPDevice) and one set of
recovery codes (a StaticDevice whose tokens are used up one by one). A wrong code counts against
the device it was meant for, and django-otp makes each further try on that device wait twice as
long as the last (1, 2, 4, 8... seconds), refusing even the right code meanwhile, until a right
code resets the count.
"""

import base64
import io
import logging
import math
import re

import segno
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

AUTHENTICATOR_NAME = "Authenticator app"
RECOVERY_CODES_NAME = "Recovery codes"
RECOVERY_CODE_COUNT = 10

CODE_REQUIRED = _("Enter the 6-digit code from your authenticator app.")
CODE_FORMAT = _("The code is 6 digits, for example 123456.")
CODE_WRONG = _("That code is not right. Enter the code your authenticator app shows now.")
RECOVERY_CODE_REQUIRED = _("Enter one of your recovery codes.")
RECOVERY_CODE_WRONG = _("That recovery code is not right, or it has been used already.")
NO_RECOVERY_CODES = _(
    "You have no recovery codes left. Ask your partnership's administrator to reset your "
    "two-factor sign-in."
)

# Who set up an authenticator, who used a recovery code, who entered a wrong code, and who
# reset whose two-factor sign-in: an operator's record beside the admin's own history.
events = logging.getLogger("core.two_factor")

_SPACING = re.compile(r"[\s-]+")


def authenticator_of(user: AbstractBaseUser) -> TOTPDevice | None:
    """The user's confirmed authenticator app, if they have set one up."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def authenticator_enrolment_start(*, user: AbstractBaseUser) -> TOTPDevice:
    """The unconfirmed authenticator the user is setting up: the same key until they confirm
    it, so that reloading the page does not undo a QR code already scanned."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    if device is None:
        device = TOTPDevice(user=user, name=AUTHENTICATOR_NAME, confirmed=False)
        device.full_clean()
        device.save()
    return device


def authenticator_confirm(*, device: TOTPDevice, code: str) -> list[str]:
    """A new authenticator is confirmed by a code it shows; it replaces any other of the user's,
    and the user gets new recovery codes, returned to be shown to them once."""
    _check(device, _six_digits(code), CODE_WRONG)
    with transaction.atomic():
        device.confirmed = True
        device.save()
        TOTPDevice.objects.filter(user_id=device.user_id).exclude(pk=device.pk).delete()
        events.info("user %s set up an authenticator app", device.user_id)
        return recovery_codes_replace(user=device.user)


def authenticator_verify(*, user: AbstractBaseUser, code: str) -> TOTPDevice:
    """The user's authenticator, if `code` is the one it shows now."""
    code = _six_digits(code)
    device = authenticator_of(user)
    if device is None:
        raise ValidationError({"code": CODE_WRONG})
    return _check(device, code, CODE_WRONG)


def recovery_code_verify(*, user: AbstractBaseUser, code: str) -> StaticDevice:
    """Uses up one of the user's recovery codes: each works once."""
    code = _SPACING.sub("", code).lower()
    if not code:
        raise ValidationError({"code": RECOVERY_CODE_REQUIRED})
    device = StaticDevice.objects.devices_for_user(user, confirmed=True).first()
    if device is None or not device.token_set.exists():
        raise ValidationError({"code": NO_RECOVERY_CODES})
    device = _check(device, code, RECOVERY_CODE_WRONG)
    events.warning("user %s signed in with a recovery code", user.pk)
    return device


def recovery_codes_left(user: AbstractBaseUser) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def recovery_codes_replace(*, user: AbstractBaseUser, codes: list[str] | None = None) -> list[str]:
    """Gives the user a new set of recovery codes; the old ones stop working at once."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice(user=user, name=RECOVERY_CODES_NAME, confirmed=True)
    device.full_clean()
    device.save()
    codes = codes or [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    events.info("user %s was given new recovery codes", user.pk)
    return codes


@transaction.atomic
def two_factor_reset(*, user: AbstractBaseUser, by: AbstractBaseUser) -> int:
    """Removes the user's authenticator and recovery codes, which also ends the verification
    of their sessions; they set up a new authenticator when they next sign in. Returns how many
    devices were removed."""
    removed = 0
    for model in (TOTPDevice, StaticDevice):
        removed += model.objects.filter(user=user).delete()[1].get(model._meta.label, 0)
    events.warning("user %s reset the two-factor sign-in of user %s", by.pk, user.pk)
    return removed


def authenticator_qr_code(device: TOTPDevice) -> str:
    """The device's otpauth:// address as a QR code: an SVG in a data: URL, for an <img>."""
    buffer = io.BytesIO()
    segno.make(device.config_url, error="m").save(
        buffer, kind="svg", scale=5, border=4, dark="#0b0c0c", light="#ffffff", xmldecl=False
    )
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def authenticator_key(device: TOTPDevice) -> str:
    """The secret key as an authenticator app takes it typed in: base32, in groups of four."""
    key = base64.b32encode(device.bin_key).decode()
    return " ".join(key[start : start + 4] for start in range(0, len(key), 4))


def _six_digits(code: str) -> str:
    code = _SPACING.sub("", code)
    if not code:
        raise ValidationError({"code": CODE_REQUIRED})
    if not (code.isascii() and code.isdigit() and len(code) == 6):
        raise ValidationError({"code": CODE_FORMAT})
    return code


def _check(device: Device, code: str, wrong: str) -> Device:
    """Asks the device, locked against a concurrent try. A wrong code is counted (committed,
    though the caller's answer is a refusal); while the device is waiting after wrong codes it
    refuses even the right one, and says for how long."""
    with transaction.atomic():
        device = type(device).objects.select_for_update().get(pk=device.pk)
        allowed, why = device.verify_is_allowed()
        if allowed and device.verify_token(code):
            return device
    if not allowed:
        raise ValidationError({"code": _wait_message(why["locked_until"])})
    events.info("user %s entered a wrong code (%s)", device.user_id, device.persistent_id)
    raise ValidationError({"code": wrong})


def _wait_message(locked_until) -> str:
    seconds = max(1, math.ceil((locked_until - timezone.now()).total_seconds()))
    if seconds < 120:
        return ngettext(
            "Too many wrong codes. Wait %(count)d second, then try again.",
            "Too many wrong codes. Wait %(count)d seconds, then try again.",
            seconds,
        ) % {"count": seconds}
    minutes = math.ceil(seconds / 60)
    return ngettext(
        "Too many wrong codes. Wait %(count)d minute, then try again.",
        "Too many wrong codes. Wait %(count)d minutes, then try again.",
        minutes,
    ) % {"count": minutes}
