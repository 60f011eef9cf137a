"""Authenticator apps for tests: a confirmed one for a user, and the code it would show now."""

import time

from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice


def authenticator_for(user) -> TOTPDevice:
    """The user's confirmed authenticator; one is set up if they have none."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)


def code_now(device: TOTPDevice) -> str:
    """The 6-digit code the device's app shows now. A code is accepted once only: when this time
    step's code has been used, the next step's, which the server accepts (one step's tolerance),
    or else the code once the clock has moved on."""
    while True:
        device.refresh_from_db()
        totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
        ahead = device.last_t + 1 - totp.t()
        if ahead <= device.tolerance:
            totp.drift += max(ahead, 0)
            return f"{totp.token():0{device.digits}d}"
        time.sleep(1)


# What a request of a session verified by a second factor reads besides: django-otp loads the
# device that verified it, so that a session whose device was removed (reset) ends at once.
VERIFIED_SESSION_QUERIES = 1
