"""Rate limits per API client, announced in the RateLimit headers of every answer.

The headers are those of the IETF draft "RateLimit header fields for HTTP" that API
gateways use: RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset (seconds until the
window frees a request), with Retry-After on a 429.
"""

import logging
import math

from redis.exceptions import RedisError
from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from partnership.models import PartnerSystem

log = logging.getLogger(__name__)


class ClientRateThrottle(SimpleRateThrottle):
    """Counts a partner system's, a user's or an anonymous address's requests apart."""

    def __init__(self):
        # The scope, and so the rate, depends on who calls: set per request below.
        pass

    def allow_request(self, request, view) -> bool:
        self.scope = "anonymous" if not request.user.is_authenticated else "client"
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        try:
            allowed = super().allow_request(request, view)
        except RedisError as error:
            # The counts live in the cache, which is Redis in production. While it is away the
            # API goes on answering, uncounted, rather than failing every call: the limits
            # guard against excess, and the partner systems' work must not stop with them.
            log.warning("API rate limits not counted: the cache is unavailable (%s)", error)
            return True
        # On success the history already holds this request.
        remaining = self.num_requests - len(self.history)
        reset = self.duration - (self.now - self.history[-1]) if self.history else self.duration
        request.rate_limit_headers = {
            "RateLimit-Limit": str(self.num_requests),
            "RateLimit-Remaining": str(max(remaining, 0)),
            "RateLimit-Reset": str(max(math.ceil(reset), 0)),
        }
        return allowed

    def get_rate(self) -> str:
        # Read when asked, not when the class was defined, so that a changed setting holds.
        return api_settings.DEFAULT_THROTTLE_RATES[self.scope]

    def get_cache_key(self, request, view) -> str:
        user = request.user
        if isinstance(user, PartnerSystem):
            ident = f"system-{user.pk}"
        elif user.is_authenticated:
            ident = f"user-{user.pk}"
        else:
            ident = f"address-{self.get_ident(request)}"
        return self.cache_format % {"scope": self.scope, "ident": ident}
