"""Forged requests, redirects off the site, and paths out of the download views.

A form posted from another site carries the victim's session but not their CSRF token: it is
refused, and changes nothing. Every redirect that takes an address (sign-in, sign-out, the
language switch) stays on this site whatever it is given. No download view serves a file by a
path it is sent, and nothing serves the media folder.
"""

import html
import re
from urllib.parse import quote, urljoin, urlsplit

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client
from django.urls import get_resolver
from django.views.static import serve

from governance.models import RemitClause
from tests.access.abuse_world import build_abuse_world

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"


def _csrf_client(user: User) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.get("/")  # the page's forms set the CSRF cookie
    return client


def test_a_form_posted_without_its_csrf_token_is_refused_and_changes_nothing(world):
    client = _csrf_client(world.users["officer"])
    url = "/partnerships/highland/boards/cog/remit/add/"
    data = {"heading": "Planning", "text": "To plan the partnership's work."}

    forged = client.post(url, data)
    token = client.cookies[settings.CSRF_COOKIE_NAME].value
    genuine = client.post(url, {**data, "csrfmiddlewaretoken": token})

    assert forged.status_code == 403
    assert genuine.status_code == 302
    assert list(RemitClause.objects.values_list("text", flat=True)) == [data["text"]]


@pytest.mark.parametrize("url", ["/sign-out/", "/i18n/setlang/"])
def test_signing_out_and_the_language_switch_need_the_csrf_token_too(world, url):
    client = _csrf_client(world.users["officer"])

    assert client.post(url, {"language": "cy"}).status_code == 403
    assert client.get("/my-actions/").status_code == 200


# Open redirects. Each address below is one a browser would follow off the site.
OFF_SITE = [
    "//evil.example",
    "//evil.example/sign-in/",
    "https://evil.example",
    "http://evil.example/",
    "https:evil.example",
    "https:/evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    "///evil.example",
    "////evil.example",
    "/\t/evil.example",
    "\t//evil.example",
    " //evil.example",
    "https://testserver@evil.example",
    "https://evil.example\\@testserver",
    "javascript:alert(document.domain)",
    "data:text/html,<script>alert(1)</script>",
    "%2F%2Fevil.example",
    "%252F%252Fevil.example",
    "/%2F%2Fevil.example",
    "%5C%5Cevil.example",
    "/%5Cevil.example",
    "https%3A%2F%2Fevil.example",
]


def _stays_on_site(location: str, here: str) -> bool:
    """Whether a browser following Location stays on testserver: as a browser reads it, with
    tabs and newlines dropped, backslashes taken for slashes and percent-escapes left alone."""
    read = re.sub(r"[\t\n\r]", "", location).strip(" \x00-\x1f").replace("\\", "/")
    # Any run of two or more slashes opens an address on another host.
    read = re.sub(r"^/{2,}", "//", read)
    followed = urlsplit(urljoin(f"http://testserver{here}", read))
    return (
        followed.scheme in ("http", "https")
        and followed.hostname == "testserver"
        and not followed.username
    )


@pytest.fixture
def user():
    return User.objects.create_user("reader", password=PASSWORD)


@pytest.mark.parametrize("target", OFF_SITE)
def test_signing_in_never_redirects_off_the_site(client, user, target):
    asked = client.get(f"/sign-in/?next={quote(target, safe='%')}")
    signed_in = client.post(
        f"/sign-in/?next={quote(target, safe='%')}",
        {"username": "reader", "password": PASSWORD},
    )

    # The form carries on only an address on this site (the language switch's is the page's own).
    hidden = re.findall(r'name="next" value="([^"]*)"', asked.content.decode())
    assert hidden
    assert all(_stays_on_site(html.unescape(value), "/sign-in/") for value in hidden), hidden
    assert signed_in.status_code == 302
    assert _stays_on_site(signed_in["Location"], "/sign-in/"), signed_in["Location"]


@pytest.mark.parametrize("target", OFF_SITE)
def test_signing_in_with_next_in_the_form_never_redirects_off_the_site(client, user, target):
    signed_in = client.post(
        "/sign-in/", {"username": "reader", "password": PASSWORD, "next": target}
    )

    assert _stays_on_site(signed_in["Location"], "/sign-in/"), signed_in["Location"]


@pytest.mark.parametrize("target", OFF_SITE)
def test_signing_out_never_redirects_off_the_site(client, user, target):
    client.force_login(user)

    signed_out = client.post("/sign-out/", {"next": target})
    by_query = client.post(f"/sign-out/?next={quote(target, safe='%')}")

    for response in (signed_out, by_query):
        assert response.status_code == 302
        assert _stays_on_site(response["Location"], "/sign-out/"), response["Location"]


@pytest.mark.parametrize("target", OFF_SITE)
def test_the_language_switch_never_redirects_off_the_site(client, target):
    by_form = client.post("/i18n/setlang/", {"language": "cy", "next": target})
    by_referer = client.post("/i18n/setlang/", {"language": "cy"}, headers={"Referer": target})
    by_query = client.post(f"/i18n/setlang/?next={quote(target, safe='%')}", {"language": "cy"})

    for response in (by_form, by_referer, by_query):
        assert response.status_code == 302
        assert _stays_on_site(response["Location"], "/i18n/setlang/"), response["Location"]


@pytest.mark.parametrize("target", OFF_SITE)
def test_the_admin_sign_in_never_redirects_off_the_site(client, target):
    User.objects.create_superuser("root", password=PASSWORD)

    response = client.post(
        f"/admin/login/?next={quote(target, safe='%')}",
        {"username": "root", "password": PASSWORD, "next": target},
    )

    assert response.status_code == 302
    assert _stays_on_site(response["Location"], "/admin/login/"), response["Location"]


def test_the_redirect_check_itself_catches_each_way_off_the_site():
    assert not any(_stays_on_site(target, "/sign-in/") for target in OFF_SITE[:18])
    assert _stays_on_site("/meetings/", "/sign-in/")
    assert _stays_on_site("%2F%2Fevil.example", "/sign-in/")


# Path traversal.
TRAVERSALS = [
    "../../../../../../etc/passwd",
    "..%2f..%2f..%2f..%2fetc%2fpasswd",
    "%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "%2e%2e/%2e%2e/%2e%2e/config/settings.py",
    "..%5c..%5c..%5cconfig%5csettings.py",
    "%252e%252e%252fetc%252fpasswd",
    "....//....//etc/passwd",
    "..;/..;/etc/passwd",
]


def test_no_url_serves_files_from_a_folder():
    served = [
        str(pattern.pattern)
        for pattern in get_resolver().url_patterns
        if getattr(pattern, "callback", None) is serve
    ]

    assert served == []


def test_no_download_view_serves_a_file_by_a_path_it_is_sent(demo, settings, tmp_path, client):
    world = build_abuse_world(settings, tmp_path)
    a = world.a
    downloads = [
        f"/meetings/reports/{a.open_report.pk}/appendices/{a.extras['open_appendix'].pk}/file/",
        f"/meetings/reports/{a.exempt_report.pk}/word/source/",
        f"/meetings/packs/{a.extras['public_pack'].pk}/download/",
        f"/meetings/{a.published.pk}/minutes.pdf",
        f"/partnerships/{a.partnership.slug}/joint-appointments/"
        f"{a.extras['appointment'].pk}/memorandum/",
        f"/partnerships/{a.partnership.slug}/boards/{a.board.slug}/circulations/"
        f"{a.extras['circulation'].pk}/document/",
        f"/partnerships/{a.partnership.slug}/frameworks/{a.framework.slug}/performance-reports/"
        f"{a.extras['performance_report'].pk}.pdf",
    ]
    stored = [
        a.extras["open_appendix"].file.name,
        a.extras["appointment"].memorandum_of_understanding.name,
    ]
    asked = [
        *(url + traversal for url in downloads for traversal in TRAVERSALS),
        *(f"/media/{name}" for name in stored),
        *(f"/media/{traversal}" for traversal in TRAVERSALS),
        *(f"/static/{traversal}" for traversal in TRAVERSALS),
        "/static/../config/settings.py",
        "/static/%2e%2e/config/settings.py",
        "/static/govuk/../../config/settings.py",
    ]
    for url in asked:
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert response.status_code == 404, url
        assert b"root:" not in body, url
        assert b"SECRET_KEY" not in body, url
        assert b"PUBLIC-A" not in body, url
