"""The security headers on every answer, and the deploy checklist with production settings."""

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent.parent
# What the policy refuses in a page: style and event-handler attributes, javascript: links,
# and <script> or <style> elements written in the page without the nonce.
REFUSED_IN_PAGES = re.compile(
    r"""\sstyle=|\son[a-z]+=|javascript:|<script(?![^>]*\b(?:src|nonce)=)|<style(?![^>]*\bnonce=)""",
    re.IGNORECASE,
)


def _policy(response) -> dict[str, list[str]]:
    """The Content-Security-Policy header as each directive's sources, whatever their order."""
    directives = [part.split() for part in response["Content-Security-Policy"].split(";")]
    return {name: sources for name, *sources in directives}


def _nonce(response) -> str:
    return re.fullmatch(r"'nonce-([A-Za-z0-9+/]+={0,2})'", _policy(response)["script-src"][1])[1]


def test_a_page_carries_the_content_security_policy_enforced_with_a_nonce(client):
    response = client.get("/sign-in/")

    nonce = _nonce(response)
    assert _policy(response) == {
        "default-src": ["'self'"],
        "script-src": ["'self'", f"'nonce-{nonce}'"],
        "style-src": ["'self'", f"'nonce-{nonce}'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
    assert "Content-Security-Policy-Report-Only" not in response


def test_each_answer_has_a_nonce_of_its_own(client):
    assert _nonce(client.get("/sign-in/")) != _nonce(client.get("/sign-in/"))


def test_the_nonce_in_the_header_is_the_one_on_the_pages_scripts(client):
    response = client.get("/sign-in/")

    page = response.content.decode()
    assert re.findall(r'<script [^>]*nonce="([^"]*)"', page) == [_nonce(response)] * 2


def test_no_page_template_writes_what_the_policy_refuses():
    """Pages only: PDFs (WeasyPrint) and e-mails are read under no policy."""
    templates = [
        path
        for path in (ROOT / "templates").rglob("*.html")
        if not {"pdf", "email"} & set(path.relative_to(ROOT / "templates").parts)
    ]
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in templates
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if REFUSED_IN_PAGES.search(line)
    ]

    assert len(templates) > 100
    assert found == []


def test_a_page_carries_the_other_security_headers(client):
    response = client.get("/sign-in/", secure=True)

    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Permissions-Policy"] == (
        "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
        "magnetometer=(), microphone=(), midi=(), payment=(), usb=()"
    )


def test_an_api_answer_carries_the_policy_too(client):
    response = client.get("/api/v1/partnerships/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert _policy(response)["script-src"] == ["'self'"]
    assert _policy(response)["frame-ancestors"] == ["'none'"]


@pytest.mark.parametrize(
    ("preload", "silenced"),
    [
        pytest.param({}, 0, id="preloaded by default"),
        # Turned off on purpose, so the check's warning about it (security.W021) is silenced.
        pytest.param({"DJANGO_SECURE_HSTS_PRELOAD": "false"}, 1, id="preload turned off"),
    ],
)
def test_the_deploy_checklist_is_clean_with_production_settings(preload, silenced):
    check = _in_production(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **preload)

    assert check.returncode == 0, check.stderr
    assert f"System check identified no issues ({silenced} silenced)." in check.stdout


# Asks for the sign-in page and the Welsh version of the site over HTTPS, as a browser would,
# and prints each cookie set with its attributes.
COOKIES_SET = """
import django, json
django.setup()
from django.conf import settings
from django.test import Client
# Pages only: the static files' manifest is made by collectstatic, which is not run here.
settings.STORAGES["staticfiles"] = {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
browser = Client(HTTP_HOST="governance.example.org")
answers = [
    browser.get("/sign-in/", secure=True),
    browser.post("/i18n/setlang/", {"language": "cy"}, secure=True),
]
cookies = {}
for answer in answers:
    cookies |= {name: dict(cookie.items()) for name, cookie in answer.cookies.items()}
print(json.dumps(cookies))
"""


def test_in_production_each_cookie_is_bound_to_the_host_secure_and_same_site():
    answer = _in_production(["-c", COOKIES_SET])

    assert answer.returncode == 0, answer.stderr
    cookies = json.loads(answer.stdout.splitlines()[-1])
    assert set(cookies) == {"__Host-csrftoken", "__Host-language"}
    for name, attributes in cookies.items():
        # What a browser requires of a __Host- cookie: Secure, the path /, no Domain.
        assert attributes["secure"] is True, name
        assert attributes["path"] == "/", name
        assert attributes["domain"] == "", name
        assert attributes["samesite"] == "Lax", name
    assert cookies["__Host-language"]["httponly"] is True


def _in_production(arguments: list[str], **extra: str) -> subprocess.CompletedProcess:
    """Runs Python in the repository with the production settings (DEBUG off, a fresh key)."""
    environment = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "API_", "WEBHOOK_"))
    }
    environment |= {
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "governance.example.org",
        **extra,
    }
    return subprocess.run(
        [sys.executable, *arguments],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("method", "path"),
    [("get", "/api/v1/partnerships/"), ("post", "/api/oauth/token/"), ("get", "/api/schema/")],
)
def test_over_plain_http_the_api_is_refused_rather_than_redirected(settings, client, method, path):
    settings.SECURE_SSL_REDIRECT = True

    response = getattr(client, method)(path)

    assert response.status_code == 403
    assert response.json() == {
        "status": 403,
        "code": "https_required",
        "detail": "Use https:// for the API.",
    }


def test_over_https_the_api_answers(settings, client):
    settings.SECURE_SSL_REDIRECT = True

    assert client.get("/api/v1/partnerships/", secure=True).status_code == 200


@pytest.mark.parametrize("path", ["/", "/api/docs/", "/sign-in/"])
def test_over_plain_http_pages_for_people_are_redirected_to_https(settings, client, path):
    settings.SECURE_SSL_REDIRECT = True

    response = client.get(path)

    assert (response.status_code, response["Location"]) == (301, f"https://testserver{path}")
