"""The API's documentation page, as a partner system's developer reads it."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e]


def test_the_docs_page_renders_every_endpoint_from_the_schema(page, demo, tmp_path):
    page.goto("/api/docs/")

    readings = page.get_by_text("/api/v1/readings/", exact=True).first
    expect(readings).to_be_visible(timeout=15000)
    for path in ("/api/v1/meetings/", "/api/v1/minutes/", "/api/v1/joint-appointments/"):
        expect(page.get_by_text(path, exact=True).first).to_be_visible()
    expect(page.get_by_role("button", name="Authorize")).to_be_visible()
    page.screenshot(path=tmp_path / "api-docs.png", full_page=False)


def test_an_anonymous_reader_gets_the_published_minutes_as_json(page, demo):
    response = page.request.get("/api/v1/minutes/?status=published&page_size=200")

    minutes = response.json()["results"]
    assert response.status == 200
    assert {"number": 88, "title": "Minutes"} in [
        {"number": row["number"], "title": row["title"]} for row in minutes
    ]
