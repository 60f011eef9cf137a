"""Nobody signed in walks every public page of the demo, with search and feeds, and never meets
the exempt demo report's marker text."""

import io
import re
from collections import Counter, deque
from urllib.parse import parse_qs, urldefrag, urljoin, urlsplit

import pytest
from pypdf import PdfReader

from demo.herefordshire import EXEMPT_MARKER
from meetings.models import AgendaItem, Resolution
from partnership.models import Partnership

pytestmark = pytest.mark.django_db

HREF = re.compile(r'href="([^"]+)"')
# Signing in, the admin and the static files are not public pages of the record.
NOT_WALKED = ("/sign-in/", "/admin/", "/static/", "/i18n/")
# Filters and pages multiply a path's links; a few of each path's variants are walked.
VARIANTS_PER_PATH = 4
# The search words most likely to surface the marker if exempt text were searched.
SEARCHES = [EXEMPT_MARKER, EXEMPT_MARKER.lower(), "AUBERGINE", "zephyr", "7731", "exempt", "tender"]


def _links(page: str, at: str) -> set[str]:
    found = set()
    for href in HREF.findall(page):
        url = urldefrag(urljoin(at, href.replace("&amp;", "&")))[0]
        parts = urlsplit(url)
        if parts.netloc in ("", "testserver") and not parts.path.startswith(NOT_WALKED):
            found.add(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found


def _text_of(response) -> str:
    """The page's text; a file's bytes, or a PDF's extracted text, where the marker would be."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if response.get("Content-Type", "").startswith("application/pdf"):
        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return content.decode(errors="replace")


def _without_the_query_echoed(body: str, url: str) -> str:
    """The search page repeats the words searched for (title, box); the results must not."""
    words = parse_qs(urlsplit(url).query).get("q", [""])[0]
    return body.replace(words, "") if words else body


def _starting_points() -> list[str]:
    starts = ["/", "/search/", "/meetings/feeds/minutes.atom", "/api/v1/"]
    starts += [f"/search/?q={words}" for words in SEARCHES]
    for slug in Partnership.objects.values_list("slug", flat=True):
        starts += [
            f"/meetings/partnerships/{slug}/",
            f"/meetings/partnerships/{slug}/decisions/",
            f"/meetings/partnerships/{slug}/forward-plan/",
            f"/meetings/calendars/{slug}.ics",
            f"/meetings/feeds/{slug}/minutes.atom",
            f"/search/?q={EXEMPT_MARKER}&partnership={slug}",
        ]
    # Decision trails of exempt minutes are asked for directly: they must be refused.
    starts += [
        f"/meetings/resolutions/{pk}/" for pk in Resolution.objects.values_list("pk", flat=True)
    ]
    return starts


def test_the_exempt_marker_is_on_no_public_page_search_or_feed(client, demo):
    exempt = AgendaItem.objects.get(report__body__contains=EXEMPT_MARKER)
    assert exempt.is_exempt
    assert exempt.meeting.is_agenda_published

    queue = deque(_starting_points())
    seen = set(queue)
    variants = Counter(urlsplit(url).path for url in queue)
    statuses = {}
    while queue:
        url = queue.popleft()
        response = client.get(url)
        statuses[url] = response.status_code
        assert response.status_code < 500, url
        body = _without_the_query_echoed(_text_of(response), url)
        assert EXEMPT_MARKER not in body, url
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            for link in sorted(_links(body, url) - seen):
                path = urlsplit(link).path
                if variants[path] < VARIANTS_PER_PATH:
                    variants[path] += 1
                    seen.add(link)
                    queue.append(link)

    walked = [url for url, status in statuses.items() if status == 200]
    # The walk reached the record itself, not just the front door.
    assert f"/meetings/{exempt.meeting.pk}/" in walked
    assert any(url.startswith("/meetings/reports/") for url in walked)
    assert any(url.endswith("/decisions/") for url in walked)
    assert len(walked) > 150
    # And the exempt report's own page is refused to the public.
    assert statuses.get(f"/meetings/reports/{exempt.report.pk}/", 302) in (302, 403)
