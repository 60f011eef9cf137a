"""axe-core over a listed page of every type, public and signed in, in English and Welsh.

The lists name one page of each kind the product serves; a new kind of page belongs here.
Each page must answer 200 and have no WCAG 2.2 AA violation.
"""

import pytest
from django.urls import reverse

from demo.herefordshire import EXEMPT_MARKER
from demo.users import PASSWORDS
from governance.models import Board, JointAppointment
from meetings.models import Meeting, Minute, Report, Resolution
from outcomes.models import DevelopmentAction, Indicator, OutcomeFramework, Project
from partnership.models import Organisation, Person
from tests.e2e.accessibility import violations
from tests.e2e.conftest import sign_in

pytestmark = [pytest.mark.e2e]


def _demo_records() -> dict:
    cabinet = Board.objects.get(partnership__slug="herefordshire", slug="cabinet")
    cog = Board.objects.get(partnership__slug="highland-cpp", slug="chief-officers-group")
    soa = OutcomeFramework.objects.get(slug="highland-soa-2013-2019")
    return {
        "cabinet": cabinet,
        "cog": cog,
        "soa": soa,
        "february": Meeting.objects.get(board=cabinet, starts_at__month=2),
        "march": Meeting.objects.get(board=cabinet, starts_at__month=3),
        "ipoc_meeting": Meeting.objects.get(board__slug="ipoc", minutes_status="published"),
        "open_report": Report.objects.get(title="Locality Strategy for Herefordshire"),
        "minute_93": Minute.objects.get(meeting__board=cabinet, number=93),
        "resolution": Resolution.objects.filter(development_action__isnull=False).first(),
        "indicator": Indicator.objects.filter(outcome__framework=soa).first(),
        "action": DevelopmentAction.objects.filter(partnership__slug="highland-cpp").first(),
        "project": Project.objects.get(slug="health-walks"),
        "organisation": Organisation.objects.get(name="Herefordshire Council"),
        "person": Person.objects.get(name="Sally Cole"),
        "appointment": JointAppointment.objects.first(),
    }


def public_pages(r: dict) -> list[str]:
    hfd, hcpp, soa = "herefordshire", "highland-cpp", r["soa"]
    theme = soa.outcomes.exclude(theme=None).first().theme
    return [
        "/",
        reverse("partnership:partnership_list"),
        reverse("partnership:partnership_detail", args=[hfd]),
        reverse("partnership:organisation_detail", args=[r["organisation"].pk]),
        reverse("partnership:person_detail", args=[r["person"].pk]),
        reverse("governance:partnership_structure", args=[hcpp]),
        r["cabinet"].get_absolute_url(),
        reverse("governance:remit", args=[hcpp, r["cog"].slug]),
        reverse("governance:remit_clause", args=[hcpp, r["cog"].slug, 1]),
        reverse("outcomes:framework_detail", args=[hcpp, soa.slug]),
        reverse("outcomes:theme_dashboard", args=[hcpp, soa.slug, theme.slug]),
        reverse("outcomes:indicator_detail", args=[hcpp, soa.slug, r["indicator"].pk]),
        reverse("outcomes:project_detail", args=["cannock-chase-lsp", r["project"].slug]),
        r["february"].get_absolute_url(),
        r["march"].get_absolute_url(),
        reverse("meetings:report_detail", args=[r["open_report"].pk]),
        # A record's history of changes, the same page for every kind of record.
        reverse("meetings:report_history", args=[r["open_report"].pk]),
        reverse("meetings:meetings_calendar", args=[hfd]),
        reverse("meetings:decisions", args=[hfd]),
        reverse("meetings:decisions", args=["cardiff"]),
        reverse("meetings:forward_plan", args=[hfd]),
        reverse("search"),
        reverse("search") + "?q=health+and+wellbeing+board",
        reverse("search") + f"?q={EXEMPT_MARKER}",
        reverse("themes:theme_list"),
        reverse("login"),
    ]


def officer_pages(r: dict) -> list[str]:
    hcpp, soa, action = "highland-cpp", r["soa"], r["action"]
    return [
        reverse("my_actions"),
        reverse("outcomes:action_list", args=[hcpp]),
        reverse("outcomes:action_detail", args=[hcpp, action.pk]),
        reverse("outcomes:action_edit", args=[hcpp, action.pk]),
        reverse("outcomes:action_update_add", args=[hcpp, action.pk]),
        reverse("outcomes:reminder_policy", args=[hcpp]),
        reverse("outcomes:framework_outcomes", args=[hcpp, soa.slug]),
        reverse("outcomes:targets_edit", args=[hcpp, soa.slug, r["indicator"].pk]),
        reverse("outcomes:readings_upload", args=[hcpp, soa.slug]),
        reverse("outcomes:reading_record", args=[hcpp, soa.slug, r["indicator"].pk]),
        reverse("governance:board_edit", args=[hcpp, r["cog"].slug]),
        reverse("governance:board_seats", args=[hcpp, r["cog"].slug]),
        reverse("governance:remit_clause_add", args=[hcpp, r["cog"].slug]),
        reverse("governance:circulation_list", args=[hcpp, r["cog"].slug]),
        reverse("governance:circulation_create", args=[hcpp, r["cog"].slug]),
        reverse("governance:interest_register", args=["herefordshire"]),
        reverse("governance:person_interests", args=[r["person"].pk]),
        reverse("governance:appointment_list", args=["cannock-chase-lsp"]),
        reverse(
            "governance:appointment_detail",
            args=[r["appointment"].partnership.slug, r["appointment"].pk],
        ),
        reverse(
            "governance:appointment_history",
            args=[r["appointment"].partnership.slug, r["appointment"].pk],
        ),
        reverse("governance:engagement_list", args=["cannock-chase-lsp"]),
        reverse("governance:engagement_calendar", args=["cannock-chase-lsp"]),
        reverse("outcomes:contributions", args=["cannock-chase-lsp"]),
        reverse("partnership:webhook_list", args=[hcpp]),
        reverse("partnership:webhook_register", args=[hcpp]),
        reverse("meetings:agenda_build", args=[r["march"].pk]),
        reverse("meetings:agenda_item_add", args=[r["march"].pk]),
        reverse("meetings:meeting_record", args=[r["march"].pk]),
        reverse("meetings:attendance_record", args=[r["march"].pk]),
        reverse("meetings:minute_add", args=[r["march"].pk]),
        # The meeting page with the pack panel and the officer's actions.
        r["march"].get_absolute_url(),
        reverse("meetings:report_list", args=[r["cabinet"].pk]),
        reverse("meetings:report_create", args=[r["cabinet"].pk]),
        reverse("meetings:board_health", args=[r["cabinet"].pk]),
        reverse("meetings:meeting_schedule", args=[r["cabinet"].pk]),
    ]


def scrutiny_pages(r: dict) -> list[str]:
    return [
        reverse("meetings:scrutiny"),
        reverse("meetings:decision_trail", args=[r["resolution"].pk]),
        reverse("meetings:report_detail", args=[r["open_report"].pk]),
    ]


def welsh_pages(r: dict) -> list[str]:
    return [
        "/",
        r["ipoc_meeting"].get_absolute_url(),
        reverse("meetings:decisions", args=["cardiff"]),
        reverse("meetings:meetings_calendar", args=["cardiff"]),
        reverse("search") + "?q=health",
    ]


def _violations(page, urls: list[str]) -> list[str]:
    found = []
    for url in urls:
        response = page.goto(url)
        if response.status != 200:
            found.append(f"{url}: status {response.status}")
        elif report := violations(page):
            found.append(f"{url}\n{report}")
    return found


def test_public_pages_pass_axe(page, demo):
    assert _violations(page, public_pages(_demo_records())) == []


def test_signed_in_pages_pass_axe(page, demo):
    sign_in(page, "admin", PASSWORDS["admin"])

    assert _violations(page, officer_pages(_demo_records())) == []


def test_scrutiny_member_pages_pass_axe(page, demo):
    sign_in(page, "scrutiny", PASSWORDS["scrutiny"])

    assert _violations(page, scrutiny_pages(_demo_records())) == []


def test_welsh_pages_pass_axe(page, demo):
    page.goto("/")
    page.get_by_role("button", name="Cymraeg").click()

    assert page.locator("html").get_attribute("lang") == "cy"
    assert _violations(page, welsh_pages(_demo_records())) == []
