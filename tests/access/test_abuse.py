"""The abuse walk: every address the site answers, asked by everyone who may not use it.

Each URL pattern (walked from the resolver) and each operation of the API's OpenAPI schema is
asked, with its parameters filled from the demo and two marked partnerships, by five roles:
nobody signed in, a signed-in user with no role, a scrutiny member, an officer of another
partnership and a partner system of another partnership (tests/access/abuse_world.py). Nothing
may show a role a marker it may not read (the demo's exempt report, an exempt or unpublished
record of A or B), every POST, PUT, PATCH and DELETE is refused, and the database is the same
after as before: row counts after each page and role, every row of every table after each page.

A URL or API operation added without a place in the walk fails the coverage tests below.
"""

import contextlib
import io
import re
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.cache import cache
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.utils import timezone
from drf_spectacular.generators import SchemaGenerator
from pypdf import PdfReader

from tests.access.abuse_urls import OWN, REFUSED, WEB
from tests.access.abuse_world import (
    MARKERS,
    MAY_READ,
    ROLES,
    AbuseWorld,
    build_abuse_world,
    fingerprint,
    row_counts,
)

WRITES = ("post", "put", "patch", "delete")
# django-otp's devices: a role's own, which its own sign-in pages may change.
OWN_ACCOUNT_TABLES = "otp_"
JSON = "application/json"
# Where a role that is not signed in is sent to sign in: a refusal too.
SIGN_IN_PAGES = ("/sign-in/", "/admin/login/")
# API operations that write, and a body each that is valid but for its target's partnership.
API_WRITES = {
    ("/api/v1/readings/", "post"),
    ("/api/v1/development-actions/{id}/updates/", "post"),
}


def _join(prefix: str, route: str) -> str:
    """As Django joins a resolver's route and its pattern's (ResolverMatch.route)."""
    return prefix + route.removeprefix("^") if prefix else route


def _patterns(resolver=None, prefix: str = "", namespace: str = ""):
    """Every URL pattern: (route, name with its namespaces, the pattern)."""
    for entry in (resolver or get_resolver()).url_patterns:
        route = _join(prefix, str(entry.pattern))
        if isinstance(entry, URLResolver):
            inner = ":".join(filter(None, [namespace, entry.namespace]))
            yield from _patterns(entry, route, inner)
        elif isinstance(entry, URLPattern):
            name = ":".join(filter(None, [namespace, entry.name])) if entry.name else ""
            yield route, name, entry


def _site_patterns() -> dict[str, str]:
    """The routes of the site's own pages, by route: not the API's, nor the admin's."""
    return {
        route: name for route, name, _ in _patterns() if not route.startswith(("api/", "admin/"))
    }


def _schema_operations() -> dict[tuple[str, str], dict]:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return {
        (path, method): operation
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
    }


def test_every_page_is_in_the_walk():
    names = set(_site_patterns().values())

    assert names - set(WEB) == set(), "pages the walk does not aim at: add them to WEB"
    assert set(WEB) - names == set(), "pages in WEB that the site no longer has"


def test_every_api_operation_is_in_the_walk():
    writes = {key for key in _schema_operations() if key[1] != "get"}

    assert writes == API_WRITES, "API writes the walk has no body for: add them to API_WRITES"


# The walk.


@pytest.fixture
def world(demo, settings, tmp_path) -> AbuseWorld:
    return build_abuse_world(settings, tmp_path)


class Walk:
    """What the walk asked, and every way an answer broke the rules."""

    def __init__(self, world: AbuseWorld) -> None:
        self.world = world
        self.problems: list[str] = []
        self.routes: set[str] = set()
        self.seen: dict[str, set[str]] = {role: set() for role in ROLES}

    def ask(self, role: str, method: str, url: str, **kwargs):
        client = self.world.clients[role]
        response = getattr(client, method)(url, **kwargs)
        self.routes.add(resolve(urlsplit(url).path).route)
        if response.status_code >= 500:
            self.problem(role, method, url, f"server error {response.status_code}")
        markers = _markers_in(response)
        self.seen[role] |= markers
        leaked = markers - MAY_READ[role]
        if leaked:
            self.problem(role, method, url, f"shows {sorted(leaked)}")
        return response

    def refused(self, role: str, method: str, url: str, response, *, also=()) -> None:
        status = response.status_code
        if status in (401, 403, 404, 405, *also):
            return
        if status == 302 and urlsplit(response["Location"]).path in SIGN_IN_PAGES:
            return
        where = f" to {response['Location']}" if status in (301, 302) else ""
        self.problem(role, method, url, f"not refused: {status}{where}")

    def problem(self, role: str, method: str, url: str, what: str) -> None:
        self.problems.append(f"{role} {method.upper()} {url}: {what}")


def _markers_in(response) -> set[str]:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    text = content.decode(errors="replace")
    if content.startswith(b"%PDF-"):
        # A real PDF's text is compressed; the tests' own stand-in files are not real PDFs.
        with contextlib.suppress(Exception):
            text += "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return {marker for marker in MARKERS if marker in text}


def _changed(before: dict, after: dict) -> list[str]:
    """The tables whose rows differ between two fingerprints."""
    return sorted(t for t in after if after[t] != before.get(t))


def _unchanged(walk: Walk, before, after, what: str) -> None:
    if before != after:
        walk.problems.append(f"{what}: the database changed")


def test_no_role_sees_or_changes_what_it_may_not_on_any_page(world):
    walk = Walk(world)
    before = fingerprint(audited=False)
    everything = fingerprint(OWN_ACCOUNT_TABLES)
    for name, (kind, targets) in WEB.items():
        # A role's own second factor may change on its own sign-in pages; nothing else may.
        ignoring = OWN_ACCOUNT_TABLES if kind == OWN else ""
        urls = [reverse(name, kwargs=kwargs) for kwargs in targets(world)]
        assert urls, name
        for role in ROLES:
            counts = row_counts(ignoring)
            for index, url in enumerate(urls):
                _ask_page(walk, role, kind, url, first=index == 0)
            _unchanged(walk, counts, row_counts(ignoring), f"{role} on {name}")
        after = fingerprint(audited=False)
        changed = [t for t in _changed(before, after) if not (ignoring and t.startswith(ignoring))]
        if changed:
            walk.problems.append(f"{name}: rows changed in {changed}")
        before = after
    changed = _changed(everything, fingerprint(OWN_ACCOUNT_TABLES))

    assert walk.problems == [], "\n".join(walk.problems)
    assert changed == []
    assert set(_site_patterns()) - walk.routes == set()
    # The walk reached what each role may read: it is not passing by seeing nothing.
    assert walk.seen == MAY_READ


def _ask_page(walk: Walk, role: str, kind: str, url: str, *, first: bool) -> None:
    response = walk.ask(role, "get", url)
    if kind == REFUSED:
        walk.refused(role, "get", url, response)
    if kind == OWN:
        _own(walk, role, url)
        return
    # Every write to every target; the rarer methods to one target of each page.
    for method in WRITES if first else ("post",):
        walk.refused(role, method, url, walk.ask(role, method, url))


def _own(walk: Walk, role: str, url: str) -> None:
    """Sign-in, sign-out and the language: any role may post; nothing of the record changes."""
    client = walk.world.clients[role]
    for method in WRITES:
        walk.ask(role, method, url)
        if url == reverse("logout"):
            walk.world.sign_in_again(role)
    client.cookies.pop(settings.LANGUAGE_COOKIE_NAME, None)


# The API.


def _sensitive_ids(world: AbuseWorld) -> dict[str, list[int]]:
    """Per endpoint, the records an administrator reads with a marker in them, and one
    without: the records the walk asks for one by one."""
    admin = User.objects.get(username="admin")
    client = world.clients["anonymous"].__class__()
    client.force_login(admin)
    ids = {}
    for path, method in _schema_operations():
        if method != "get" or "{" in path or not path.startswith("/api/v1/") or path == "/api/v1/":
            continue
        marked, plain, url = [], [], f"{path}?page_size=200"
        while url:
            body = client.get(url).json()
            for row in body["results"]:
                text = str(row)
                (marked if any(m in text for m in MARKERS if "PUBLIC" not in m) else plain).append(
                    row["id"]
                )
            url = body.get("next")
        ids[path] = marked + plain[:1]
    return ids


def _filled(path: str, ids: dict[str, list[int]]) -> list[str]:
    if "{id}" not in path:
        return [path]
    collection = path[: path.index("{id}")]
    return [path.replace("{id}", str(pk)) for pk in ids[collection]]


def _write_bodies(world: AbuseWorld, path: str) -> list:
    """For each of A and B, a body its own partnership's officer could send."""
    sides = (world.a, world.b)
    if path == "/api/v1/readings/":
        return [
            [
                {
                    "indicator": side.framework.outcomes.first().indicators.first().pk,
                    "period_start": "2014-04-01",
                    "period_end": "2015-03-31",
                    "value": "1",
                }
            ]
            for side in sides
        ]
    today = timezone.localdate().isoformat()
    return [
        {"text": "Overwritten", "status": "done", "written_on": today, "author": side.author.pk}
        for side in sides
    ]


def test_no_role_sees_or_changes_what_it_may_not_through_the_api(world):
    walk = Walk(world)
    ids = _sensitive_ids(world)
    before = fingerprint()
    operations = _schema_operations()
    for (path, method), _operation in sorted(operations.items()):
        # Each operation starts with the rate limits' counts at nought.
        cache.clear()
        for role in ROLES:
            counts = row_counts()
            urls = _filled(path, ids)
            if method == "get":
                for url in urls:
                    response = walk.ask(
                        role, "get", url + ("?page_size=200" if "{" not in path else "")
                    )
                    if response.status_code not in (200, 404):
                        walk.problem(role, "get", url, f"answered {response.status_code}")
                walk.ask(role, "get", urls[0].rstrip("/") + ".json")
                # No record is written through a read-only address, by any method.
                for write in WRITES:
                    response = walk.ask(role, write, urls[0], data={}, content_type=JSON)
                    # An empty body where a list of readings is taken: a 400, and nothing saved.
                    walk.refused(role, write, urls[0], response, also=(400,))
            else:
                for url in [*urls, urls[0].rstrip("/") + ".json"]:
                    for body in _write_bodies(world, path):
                        response = walk.ask(role, method, url, data=body, content_type=JSON)
                        walk.refused(role, method, url, response, also=(400,))
            _unchanged(walk, counts, row_counts(), f"{role} {method.upper()} {path}")
    cache.clear()
    for role in ROLES:
        for url in API_PAGES:
            walk.ask(role, "get", url)
            for write in WRITES:
                response = walk.ask(role, write, url, data={}, content_type=JSON)
                walk.refused(role, write, url, response)
        for url in (reverse("oauth2_provider:token"), reverse("oauth2_provider:revoke-token")):
            walk.refused(
                role,
                "post",
                url,
                walk.ask(
                    role,
                    "post",
                    url,
                    data={"grant_type": "client_credentials", "token": world.system_token},
                ),
                also=(400,),
            )
    changed = _changed(before, fingerprint())

    assert walk.problems == [], "\n".join(walk.problems)
    assert changed == []
    api_routes = {route for route, _, _ in _patterns() if route.startswith("api/")}
    assert api_routes - walk.routes == set()


# The administration pages: for staff only, and none of the roles is staff.


# The API's pages beside its operations: the schema, its two readers, the root of v1 (also as
# JSON by its suffix), and an address under /api/ that names nothing.
API_PAGES = ("/api/schema/", "/api/docs/", "/api/redoc/", "/api/v1/", "/api/v1/.json", "/api/x/")
# The admin's parameters that are not record ids: an app's label, the catch-all's address.
ADMIN_PARAMETERS = {"app_label": "meetings", "url": "no-such-page/"}


def _admin_urls() -> list[tuple[str, str]]:
    urls = []
    for route, name, pattern in _patterns():
        if not route.startswith("admin/"):
            continue
        regex = pattern.pattern.regex
        named = {*pattern.pattern.converters, *regex.groupindex}
        if not name and "<" in route:
            # The admin's unnamed redirects from an object's old address to its change page.
            urls.append((name, "/" + re.sub(r"<[^>]+>", "1", route)))
        elif not name:
            urls.append((name, "/admin/no-such-page/"))
        elif named:
            kwargs = {key: ADMIN_PARAMETERS.get(key, "1") for key in named}
            urls.append((name, reverse(name, kwargs=kwargs)))
        else:
            urls.append((name, reverse(name, args=["1"] * regex.groups)))
    return urls


def test_no_role_reaches_the_administration_pages(world):
    walk = Walk(world)
    before = fingerprint()
    for role in ROLES:
        counts = row_counts()
        for name, url in _admin_urls():
            if name == "admin:login":
                walk.ask(role, "get", url)
                walk.ask(role, "post", url)
                continue
            if name == "admin:logout":
                walk.ask(role, "post", url)
                world.sign_in_again(role)
                continue
            for method in ("get", "post"):
                walk.refused(role, method, url, walk.ask(role, method, url))
        _unchanged(walk, counts, row_counts(), f"{role} in the admin")
    changed = _changed(before, fingerprint())

    assert walk.problems == [], "\n".join(walk.problems)
    assert changed == []
    admin_routes = {route for route, _, _ in _patterns() if route.startswith("admin/")}
    assert admin_routes - walk.routes == set()
