"""Cardiff's officer circulates a consultation to the IPOC in headless Chromium, as they would."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from playwright.sync_api import expect

from governance import circulations, tasks
from governance.models import Board, BoardMembership
from partnership.models import Person
from tests.e2e.accessibility import assert_accessible
from tests.e2e.conftest import sign_in

pytestmark = [pytest.mark.e2e]

IPOC = "/partnerships/cardiff/boards/ipoc/"
PASSWORD = "circulate-it-2026"


@pytest.fixture
def cardiff_officer(demo, monkeypatch, settings):
    """Christine Jenkins signs in; two strategy leads hold seats on the IPOC and its task group;
    the worker's task runs at once, in the server's thread, as the post commits."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    monkeypatch.setattr(tasks.deliver_circulation, "delay", circulations.circulation_deliver)
    user = get_user_model().objects.create_user("christine", password=PASSWORD)
    Person.objects.filter(name="Christine Jenkins").update(user=user)
    ipoc = Board.objects.get(partnership__slug="cardiff", slug="ipoc")
    task_group = ipoc.reporting_boards.get()
    for board, name, email in [
        (ipoc, "Gareth Lloyd", "gareth.lloyd@cardiff.example.org"),
        (ipoc, "Megan Rees", ""),
        (task_group, "Owain Hughes", "owain.hughes@cardiff.example.org"),
    ]:
        BoardMembership.objects.create(
            board=board, person=Person.objects.create(name=name, email=email, capacity="public")
        )
    return user


def test_an_officer_circulates_a_consultation_and_sees_who_it_reached(page, cardiff_officer):
    sign_in(page, "christine", PASSWORD)
    page.goto(IPOC)
    page.get_by_role("link", name="Documents, links and consultations circulated").click()
    assert_accessible(page)
    page.get_by_role("link", name="Circulate a document, link or consultation").click()
    assert_accessible(page)

    page.get_by_label("Consultation").check()
    page.get_by_label("Title").fill("Draft Health, Social Care and Well-being Strategy")
    page.get_by_label("Day").fill("1")
    page.get_by_label("Month").fill("1")
    page.get_by_label("Year").fill("2001")
    page.get_by_role("button", name="Circulate by e-mail").click()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter the address of the consultation, or select its document")
    expect(summary).to_contain_text("must be today or in the future")
    assert_accessible(page)

    page.get_by_label("Web address").fill("https://www.cardiff.gov.uk/consultation")
    page.get_by_label("Year").fill("2099")
    page.get_by_label("Integrated Assessment Tool task group").check()
    page.get_by_role("button", name="Circulate by e-mail").click()

    expect(page.get_by_text("is being sent to 3 members by e-mail")).to_be_visible()
    expect(page.get_by_role("row").filter(has_text="Gareth Lloyd")).to_contain_text("Sent")
    expect(page.get_by_role("row").filter(has_text="Megan Rees")).to_contain_text(
        "Not sent: Megan Rees has no e-mail address."
    )
    expect(
        page.get_by_role("button", name="Send again to the 1 member not reached")
    ).to_be_visible()
    assert sorted(message.to[0] for message in mail.outbox) == [
        "gareth.lloyd@cardiff.example.org",
        "owain.hughes@cardiff.example.org",
    ]
    assert_accessible(page)

    page.get_by_role("link", name="Circulations").click()
    expect(page.get_by_role("row").filter(has_text="Draft Health")).to_contain_text("2 of 3")
    assert_accessible(page)
