"""Where webhooks may be sent: to systems on the internet over HTTPS, never inside our network.

An officer types the address, and the worker, which sits inside the network, posts to it and
shows how each try went; so an address that leads to a loopback, private, link-local or other
reserved address would let the page probe and reach internal services. The address is checked
when it is registered (partnership.services webhook_endpoint_register) and again on each
delivery, when the connection is made to the very address that was checked, so that a name
re-pointed in the DNS between the check and the connection gains nothing. Redirects are not
followed (partnership.webhooks).
"""

import http.client
import ipaddress
import socket
import urllib.parse
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

URL_NOT_HTTPS = _("Enter an address starting https://, for example https://example.org/hooks.")
URL_MALFORMED = _("Enter a web address, for example https://example.org/hooks.")
URL_PRIVATE_ADDRESS = _(
    "Enter the address of a system on the internet: events are not sent to loopback, private, "
    "link-local, multicast or reserved network addresses."
)

DELIVERY_NOT_HTTPS = _("Not sent: the address does not start https://.")
DELIVERY_PRIVATE_ADDRESS = _(
    "Not sent: the address leads to a loopback, private, link-local, multicast or reserved "
    "network address."
)
DELIVERY_UNRESOLVED = _("Not sent: the address's host name could not be found.")
DELIVERY_UNREACHABLE = _("The partner's system could not be reached.")
DELIVERY_REDIRECTED = _(
    "HTTP {status}: the partner's system answered with a redirect, not followed."
)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
# IPv6 prefixes that carry an IPv4 address in their last 32 bits (NAT64, RFC 6052).
NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


class DeliveryRefused(Exception):
    """The address may not be posted to; nothing was sent."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def address_is_public(address: IPAddress) -> bool:
    """True for an address on the internet; false for any that reaches into a network."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is None and address.teredo:
            embedded = address.teredo[1]
        if embedded is None and address in NAT64:
            embedded = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if embedded is not None and not address_is_public(embedded):
            return False
    return address.is_global and not (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
    )


def address_allowed(address: IPAddress) -> bool:
    """Public, or in a network that settings.WEBHOOK_ALLOWED_PRIVATE_ADDRESSES lets through."""
    if address_is_public(address):
        return True
    return any(
        address in ipaddress.ip_network(allowed, strict=False)
        for allowed in settings.WEBHOOK_ALLOWED_PRIVATE_ADDRESSES
    )


@dataclass(frozen=True)
class Target:
    scheme: str
    host: str
    port: int
    path: str


def _target(url: str) -> Target:
    """The parts of the address that are posted to; ValueError when it has no host or port."""
    parts = urllib.parse.urlsplit(url)
    scheme = parts.scheme.lower()
    if not parts.hostname:
        raise ValueError(url)
    port = parts.port or (443 if scheme == "https" else 80)
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return Target(scheme, parts.hostname, port, path)


def _scheme_allowed(scheme: str) -> bool:
    # Plain http only where settings allow it: a developer's machine or the test suite.
    return scheme == "https" or (scheme == "http" and settings.WEBHOOK_ALLOW_INSECURE)


def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address the host stands for (socket.gaierror when the name is unknown).

    Numeric forms that are not plain dotted quads ("2130706433", "0x7f.1") are resolved by
    getaddrinfo too, so they are checked as the address they stand for.
    """
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    # The scope of a link-local IPv6 address ("fe80::1%eth0") is dropped: it is refused anyway.
    return [ipaddress.ip_address(info[4][0].split("%")[0]) for info in found]


def webhook_url_check(url: str) -> None:
    """Refuses an address that is not https or that leads into a network, as registered.

    A name that cannot be resolved now is let through: the partner's system may not be up yet,
    and each delivery resolves and checks it again before anything is sent.
    """
    try:
        target = _target(url)
    except ValueError:
        raise ValidationError(URL_MALFORMED, code="invalid") from None
    if not _scheme_allowed(target.scheme):
        raise ValidationError(URL_NOT_HTTPS, code="scheme")
    try:
        addresses = resolve(target.host, target.port)
    except (OSError, UnicodeError):
        return
    if not all(address_allowed(address) for address in addresses):
        raise ValidationError(URL_PRIVATE_ADDRESS, code="private_address")


class _PinnedMixin:
    """Connects to the address that was checked; the name still goes in Host and in TLS."""

    def __init__(self, *args, address: IPAddress, **kwargs):
        super().__init__(*args, **kwargs)
        self._create_connection = lambda destination, timeout, source: socket.create_connection(
            (str(address), destination[1]), timeout, source
        )


class PinnedHTTPConnection(_PinnedMixin, http.client.HTTPConnection):
    pass


class PinnedHTTPSConnection(_PinnedMixin, http.client.HTTPSConnection):
    pass


def webhook_connection(url: str, *, timeout: float) -> tuple[http.client.HTTPConnection, str]:
    """A connection to the endpoint's checked address, and the path to post to.

    Raises DeliveryRefused, before connecting, when the address is not https or any address
    its host stands for is not allowed.
    """
    try:
        target = _target(url)
    except ValueError:
        raise DeliveryRefused(str(URL_MALFORMED)) from None
    if not _scheme_allowed(target.scheme):
        raise DeliveryRefused(str(DELIVERY_NOT_HTTPS))
    try:
        addresses = resolve(target.host, target.port)
    except (OSError, UnicodeError):
        raise DeliveryRefused(str(DELIVERY_UNRESOLVED)) from None
    if not addresses or not all(address_allowed(address) for address in addresses):
        raise DeliveryRefused(str(DELIVERY_PRIVATE_ADDRESS))
    kind = PinnedHTTPSConnection if target.scheme == "https" else PinnedHTTPConnection
    connection = kind(target.host, target.port, timeout=timeout, address=addresses[0])
    return connection, target.path
