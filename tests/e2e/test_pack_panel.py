"""In the browser: the clerk asks for a pack, the panel shows it queued, then the download."""

import pytest
from playwright.sync_api import expect

from demo.users import PASSWORDS
from meetings.models import AgendaPack, Meeting
from meetings.packs import build
from tests.e2e.conftest import sign_in

pytestmark = [pytest.mark.e2e]


def test_the_panel_follows_a_pack_from_queued_to_its_download(page, demo):
    march = Meeting.objects.get(board__slug="cabinet", starts_at__month=3)
    sign_in(page, "clerk", PASSWORDS["clerk"])
    page.goto(march.get_absolute_url())

    page.get_by_role("button", name="Generate the public pack").click()
    expect(page.get_by_text("Queued Waiting for a worker to start.")).to_be_visible()
    # The worker's part, done here; the page is not reloaded, the panel polls.
    build.render_pack(AgendaPack.objects.get().pk)

    download = page.get_by_role("link", name="Download the public agenda pack")
    expect(download).to_be_visible(timeout=15_000)
    expect(page.get_by_text("Waiting for a worker")).to_have_count(0)
    with page.expect_download() as pending:
        download.click()
    assert pending.value.suggested_filename == "cabinet-2011-03-17-public-agenda-pack.pdf"
