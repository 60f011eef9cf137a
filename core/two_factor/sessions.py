"""How long a session that has given its code lasts: it ends after SESSION_IDLE_SECONDS without a
request, and SESSION_COOKIE_AGE after the code was given, whichever comes first.

The time of the last request is written at most every few minutes, not on every request, so
that reading a page costs no write to the session store.
"""

import time

import django_otp
from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.models import Device

VERIFIED_AT = "two_factor_verified_at"
LAST_SEEN = "two_factor_last_seen"
# How stale the last-seen time may grow before a request writes it again.
LAST_SEEN_PRECISION_SECONDS = 5 * 60


def session_verify(request: HttpRequest, device: Device) -> None:
    """Marks the session verified by `device`, under a new session key."""
    django_otp.login(request, device)
    session_mark_verified(request.session, device)
    request.session.cycle_key()


def session_mark_verified(session: SessionBase, device: Device) -> None:
    now = int(time.time())
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session[VERIFIED_AT] = now
    session[LAST_SEEN] = now


def session_has_lapsed(session: SessionBase) -> bool:
    """Whether a verified session has been idle, or alive, too long; if not, notes this
    request as its last."""
    now = int(time.time())
    verified_at = session.get(VERIFIED_AT, now)
    last_seen = session.get(LAST_SEEN, now)
    if (
        now - last_seen > settings.SESSION_IDLE_SECONDS
        or now - verified_at > settings.SESSION_COOKIE_AGE
    ):
        return True
    if LAST_SEEN not in session or now - last_seen > LAST_SEEN_PRECISION_SECONDS:
        session[LAST_SEEN] = now
        session.setdefault(VERIFIED_AT, now)
    return False
