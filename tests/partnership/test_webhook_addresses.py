"""Webhooks go only to https addresses on the internet: checked when an endpoint is registered
and again on each delivery, to the address checked, with no redirect followed."""

import ipaddress
import socket
from dataclasses import dataclass, field

import pytest
from django.core.exceptions import ValidationError

import config.settings as production_settings
from partnership import webhooks
from partnership.forms import WebhookEndpointForm
from partnership.models import WebhookDelivery, WebhookEndpoint
from partnership.services import webhook_endpoint_register, webhook_event_emit
from partnership.webhook_addresses import (
    DELIVERY_PRIVATE_ADDRESS,
    DELIVERY_REDIRECTED,
    URL_NOT_HTTPS,
    URL_PRIVATE_ADDRESS,
    address_is_public,
    webhook_url_check,
)
from tests.factories import PartnershipFactory, PersonFactory
from tests.receiver import start_receiver

pytestmark = pytest.mark.django_db

PUBLIC = "93.184.215.14"


@pytest.fixture
def production(settings):
    """The settings a deployment runs with: https only, no private address let through."""
    settings.WEBHOOK_ALLOW_INSECURE = False
    settings.WEBHOOK_ALLOWED_PRIVATE_ADDRESSES = []
    return settings


@dataclass
class FakeDns:
    """Names that resolve as the test says, and the lookups made of them."""

    names: dict[str, str] = field(default_factory=dict)
    lookups: list[str] = field(default_factory=list)


@pytest.fixture
def dns(monkeypatch) -> FakeDns:
    fake = FakeDns()
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        if host not in fake.names:
            return real(host, port, *args, **kwargs)
        fake.lookups.append(host)
        address = fake.names[host]
        family = socket.AF_INET6 if ":" in address else socket.AF_INET
        return [(family, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (address, port))]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return fake


def _register(url, partnership=None):
    return webhook_endpoint_register(
        partnership=partnership or PartnershipFactory(),
        url=url,
        events=["minutes.published"],
        description="Performance system",
        by=PersonFactory(email="officer@example.org", capacity="officer"),
    )


def _deliver(endpoint):
    webhook_event_emit(
        partnership_id=endpoint.partnership_id, event="minutes.published", key="1", data={}
    )
    [attempt] = [webhooks.webhook_deliver(delivery_id=pk) for pk in webhooks.deliveries_due()]
    return attempt


def _form_errors(url):
    form = WebhookEndpointForm(
        data={"url": url, "description": "", "events": ["minutes.published"]}
    )
    assert not form.is_valid()
    return form.errors


REFUSED_AT_REGISTRATION = [
    ("http://127.0.0.1:6379/", URL_NOT_HTTPS),
    ("http://performance.example.nhs.uk/hooks", URL_NOT_HTTPS),
    ("ftp://10.0.0.1/hooks", URL_NOT_HTTPS),
    ("https://127.0.0.1:6379/", URL_PRIVATE_ADDRESS),
    ("https://localhost/hooks", URL_PRIVATE_ADDRESS),
    ("https://169.254.169.254/latest/meta-data/", URL_PRIVATE_ADDRESS),
    ("https://10.1.2.3/hooks", URL_PRIVATE_ADDRESS),
    ("https://172.16.0.1/hooks", URL_PRIVATE_ADDRESS),
    ("https://192.168.1.1/hooks", URL_PRIVATE_ADDRESS),
    ("https://100.64.0.1/hooks", URL_PRIVATE_ADDRESS),
    ("https://0.0.0.0/hooks", URL_PRIVATE_ADDRESS),
    ("https://224.0.0.1/hooks", URL_PRIVATE_ADDRESS),
    ("https://240.0.0.1/hooks", URL_PRIVATE_ADDRESS),
    ("https://[::1]/hooks", URL_PRIVATE_ADDRESS),
    ("https://[::]/hooks", URL_PRIVATE_ADDRESS),
    ("https://[fe80::1]/hooks", URL_PRIVATE_ADDRESS),
    ("https://[fd00::1]/hooks", URL_PRIVATE_ADDRESS),
    ("https://[ff02::1]/hooks", URL_PRIVATE_ADDRESS),
    ("https://[::ffff:127.0.0.1]/hooks", URL_PRIVATE_ADDRESS),
    ("https://[::ffff:169.254.169.254]/hooks", URL_PRIVATE_ADDRESS),
    ("https://[64:ff9b::a00:1]/hooks", URL_PRIVATE_ADDRESS),
    ("https://[2002:7f00:1::1]/hooks", URL_PRIVATE_ADDRESS),
]


@pytest.mark.usefixtures("production")
@pytest.mark.parametrize(("url", "message"), REFUSED_AT_REGISTRATION)
def test_an_address_into_a_network_is_refused_on_the_form(url, message):
    assert _form_errors(url) == {"url": [message]}


@pytest.mark.usefixtures("production")
@pytest.mark.parametrize(("url", "message"), REFUSED_AT_REGISTRATION)
def test_an_address_into_a_network_is_refused_by_the_service_and_nothing_saved(url, message):
    with pytest.raises(ValidationError) as refused:
        _register(url)

    assert refused.value.message_dict == {"url": [message]}
    assert not WebhookEndpoint.objects.exists()


@pytest.mark.usefixtures("production")
def test_a_name_that_resolves_into_a_network_is_refused_at_registration(dns):
    dns.names["metadata.partner.example"] = "169.254.169.254"

    assert _form_errors("https://metadata.partner.example/hooks") == {"url": [URL_PRIVATE_ADDRESS]}
    with pytest.raises(ValidationError) as refused:
        _register("https://metadata.partner.example/hooks")
    assert refused.value.message_dict == {"url": [URL_PRIVATE_ADDRESS]}


@pytest.mark.usefixtures("production")
def test_a_numeric_form_of_loopback_is_refused():
    with pytest.raises(ValidationError) as refused:
        webhook_url_check("https://2130706433/hooks")

    assert refused.value.messages == [URL_PRIVATE_ADDRESS]


@pytest.mark.usefixtures("production")
def test_an_https_address_on_the_internet_is_registered(dns):
    dns.names["performance.example.nhs.uk"] = PUBLIC

    endpoint = _register("https://performance.example.nhs.uk/hooks")

    assert endpoint.url == "https://performance.example.nhs.uk/hooks"


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("8.8.8.8", True),
        ("2001:4860:4860::8888", True),
        ("127.0.0.1", False),
        ("10.0.0.1", False),
        ("169.254.169.254", False),
        ("::ffff:10.0.0.1", False),
        ("::ffff:8.8.8.8", False),
        ("::127.0.0.1", False),
        ("2001:0:4136:e378:8000:63bf:3fff:fdd2", False),
        ("fe80::1", False),
    ],
)
def test_only_addresses_on_the_internet_are_public(address, public):
    assert address_is_public(ipaddress.ip_address(address)) is public


def test_production_sends_only_https_to_the_internet():
    assert production_settings.WEBHOOK_ALLOW_INSECURE is False
    assert production_settings.WEBHOOK_ALLOWED_PRIVATE_ADDRESSES == []


def test_a_name_repointed_into_the_network_is_refused_at_delivery_without_connecting(
    production, dns, receiver
):
    # Plain http here only because the receiver listens without TLS.
    production.WEBHOOK_ALLOW_INSECURE = True
    port = receiver.url.split(":")[2].split("/")[0]
    dns.names["performance.example.nhs.uk"] = PUBLIC
    endpoint = _register(f"http://performance.example.nhs.uk:{port}/hooks")
    dns.names["performance.example.nhs.uk"] = "127.0.0.1"

    attempt = _deliver(endpoint)

    delivery = WebhookDelivery.objects.get()
    endpoint.refresh_from_db()
    assert (attempt.status_code, attempt.error) == (None, str(DELIVERY_PRIVATE_ADDRESS))
    assert (delivery.status, delivery.attempts) == ("pending", 1)
    assert [t.error for t in delivery.tries.all()] == [str(DELIVERY_PRIVATE_ADDRESS)]
    assert endpoint.consecutive_failures == 1
    assert receiver.requests == []


def test_a_registered_private_address_is_refused_at_delivery(settings, receiver):
    endpoint = _register(receiver.url)
    settings.WEBHOOK_ALLOWED_PRIVATE_ADDRESSES = []

    attempt = _deliver(endpoint)

    assert (attempt.status_code, attempt.error) == (None, str(DELIVERY_PRIVATE_ADDRESS))
    assert receiver.requests == []


def test_the_delivery_connects_to_the_address_it_checked(dns, receiver):
    port = receiver.url.split(":")[2].split("/")[0]
    dns.names["performance.example.nhs.uk"] = "127.0.0.1"
    endpoint = _register(f"http://performance.example.nhs.uk:{port}/hooks")
    dns.lookups.clear()

    attempt = _deliver(endpoint)

    # One lookup, checked and connected to: none left for the DNS to answer differently.
    assert dns.lookups == ["performance.example.nhs.uk"]
    assert attempt.status_code == 204
    [request] = receiver.requests
    assert request.headers["host"] == f"performance.example.nhs.uk:{port}"


def test_a_redirect_is_not_followed_and_the_delivery_fails(receiver):
    elsewhere, server = start_receiver()
    try:
        receiver.answer_status = 302
        receiver.answer_headers = {"Location": elsewhere.url}
        endpoint = _register(receiver.url)

        attempt = _deliver(endpoint)
    finally:
        server.shutdown()

    delivery = WebhookDelivery.objects.get()
    assert (attempt.status_code, attempt.error) == (
        302,
        DELIVERY_REDIRECTED.format(status=302),
    )
    assert (delivery.status, delivery.attempts) == ("pending", 1)
    assert len(receiver.requests) == 1
    assert elsewhere.requests == []
