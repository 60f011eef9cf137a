"""Officers record readings on the pages: one typed in, or a file of them uploaded."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.urls import reverse

from core.uploads import FILE_IS_EMPTY, NOT_A_CSV_OR_WORKBOOK
from outcomes.forms.readings import FILE_REQUIRED, VALUE_REQUIRED
from outcomes.models import Indicator, OutcomeFramework, Reading
from tests.factories import (
    IndicatorFactory,
    OutcomeFactory,
    OutcomeFrameworkFactory,
    PartnershipFactory,
    ReadingFactory,
    UserFactory,
)
from tests.outcomes.helpers import HEADER, csv_upload, officer_of, xlsx_upload
from tests.pages import error_summary, text_of
from tests.two_factor import VERIFIED_SESSION_QUERIES

pytestmark = pytest.mark.django_db

APRIL_2014 = datetime.date(2014, 4, 1)
MARCH_2015 = datetime.date(2015, 3, 31)


@pytest.fixture
def soa() -> OutcomeFramework:
    highland = PartnershipFactory(name="Highland Community Planning Partnership", slug="highland")
    framework = OutcomeFrameworkFactory(
        partnership=highland, name="Highland SOA", slug="soa", starts_on=datetime.date(2013, 4, 1)
    )
    outcome = OutcomeFactory(framework=framework, number=1)
    IndicatorFactory(
        outcome=outcome, code="EMP-1", name="Employment rate", unit="%", frequency="annual"
    )
    IndicatorFactory(
        outcome=outcome, code="EMP-2", name="Claimants", unit="people", frequency="quarterly"
    )
    IndicatorFactory(outcome=outcome, code="A-1", name="Admissions", unit="", frequency="monthly")
    return framework


@pytest.fixture
def employment_rate(soa) -> Indicator:
    return Indicator.objects.get(code="EMP-1")


@pytest.fixture
def officer(client, soa):
    user = officer_of(soa.partnership, "officer")
    client.force_login(user)
    return user


def upload_url(framework: OutcomeFramework) -> str:
    return reverse("outcomes:readings_upload", args=[framework.partnership.slug, framework.slug])


def record_url(indicator: Indicator) -> str:
    framework = indicator.outcome.framework
    return reverse(
        "outcomes:reading_record", args=[framework.partnership.slug, framework.slug, indicator.pk]
    )


def readings() -> list[tuple]:
    return list(
        Reading.objects.order_by("indicator__code", "period_start").values_list(
            "indicator__code", "period_start", "period_end", "value", "note"
        )
    )


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_an_officer_uploads_a_file_of_readings(client, officer, soa):
    upload = csv_upload(
        [
            HEADER,
            ["EMP-1", "2014-04-01", "2015-03-31", "61.5", "Annual Population Survey"],
            ["EMP-2", "2014-04-01", "2014-06-30", "1,234", ""],
        ]
    )

    response = client.post(upload_url(soa), {"upload": upload})

    assert response.status_code == 302
    assert response.url == soa.get_absolute_url()
    assert messages_of(response) == ["2 readings added, 0 updated"]
    assert readings() == [
        ("EMP-1", APRIL_2014, MARCH_2015, Decimal("61.5"), "Annual Population Survey"),
        ("EMP-2", APRIL_2014, datetime.date(2014, 6, 30), Decimal("1234"), ""),
    ]
    assert Reading.history.filter(history_user=officer).count() == 2


def test_uploading_a_sheet_again_updates_the_readings(client, officer, soa):
    rows = [
        HEADER,
        ["EMP-1", datetime.date(2014, 4, 1), datetime.date(2015, 3, 31), 61.5, None],
        ["EMP-2", datetime.date(2014, 4, 1), datetime.date(2014, 6, 30), 1234, None],
    ]
    client.post(upload_url(soa), {"upload": xlsx_upload(rows)})

    response = client.post(upload_url(soa), {"upload": xlsx_upload(rows)})

    assert messages_of(response) == [
        "2 readings added, 0 updated",
        "0 readings added, 2 updated",
    ]
    assert Reading.objects.count() == 2


def test_a_file_with_bad_rows_is_refused_with_every_row_error_listed(client, officer, soa):
    ReadingFactory(indicator=Indicator.objects.get(code="EMP-1"), value=50)
    upload = csv_upload(
        [
            HEADER,
            ["EMP-1", "2014-04-01", "2015-03-31", "61.5", ""],
            ["H9.9", "2014-04-01", "2015-03-31", "n/a", ""],
            ["EMP-2", "2014-04-01", "2014-06-30", "12", ""],
            ["EMP-1", "2014-04-01", "2015-03-31", "62", ""],
        ]
    )

    response = client.post(upload_url(soa), {"upload": upload})

    page = text_of(response)
    assert response.status_code == 200
    assert error_summary(response) == [
        "The file has 3 errors, listed below. Nothing has been saved: correct the file and "
        "upload it again."
    ]
    assert (
        "Errors in the file Row Error "
        "3 Unknown indicator 'H9.9' "
        "3 The value 'n/a' is not a number "
        "5 Indicator 'EMP-1' has another reading for the period starting 2014-04-01, in row 2"
    ) in page
    assert readings() == [("EMP-1", APRIL_2014, MARCH_2015, Decimal("50"), "")]


@pytest.mark.parametrize(
    ("upload", "error"),
    [
        (SimpleUploadedFile("readings.csv", b"\x89PNG\r\n\x1a\n\x00\x00"), NOT_A_CSV_OR_WORKBOOK),
        (
            csv_upload([["code", "start", "value"], ["EMP-1", "2014-04-01", "1"]]),
            "The first row must name the columns indicator, period_start, period_end and value, "
            "and may name note, in any order. It names code, start, value.",
        ),
        (SimpleUploadedFile("readings.csv", b""), FILE_IS_EMPTY),
    ],
    ids=["picture", "wrong header", "empty"],
)
def test_a_file_refused_as_a_whole_says_why_by_the_upload_field(
    client, officer, soa, upload, error
):
    response = client.post(upload_url(soa), {"upload": upload})

    assert error_summary(response) == [error]
    assert "Errors in the file" not in text_of(response)
    assert Reading.objects.count() == 0


def test_uploading_without_a_file_asks_for_one(client, officer, soa):
    response = client.post(upload_url(soa), {})

    assert error_summary(response) == [FILE_REQUIRED]


def test_the_upload_page_explains_the_columns_and_lists_the_codes(client, officer, soa):
    response = client.get(upload_url(soa))

    page = text_of(response)
    assert response.status_code == 200
    assert "Upload readings" in page
    assert "indicator The indicator's code, for example A-1" in page
    assert "A file can hold up to 20,000 readings." in page
    assert "Indicator codes of Highland SOA A-1 Admissions (monthly) EMP-1 Employment rate" in page
    assert 'accept=".csv,.xlsx,' in response.content.decode()


def test_the_template_has_a_row_for_each_indicator_of_the_framework(client, officer, soa):
    IndicatorFactory(code="ELSEWHERE")

    response = client.get(
        reverse("outcomes:readings_template", args=[soa.partnership.slug, soa.slug])
    )

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="soa-readings.csv"'
    assert response.content.decode("utf-8") == (
        "\ufeffindicator,period_start,period_end,value,note\r\n"
        "A-1,2013-04-01,2013-04-30,,\r\n"
        "EMP-1,2013-04-01,2014-03-31,,\r\n"
        "EMP-2,2013-04-01,2013-06-30,,\r\n"
    )


def test_an_officer_records_one_reading_and_returns_to_the_indicator(
    client, officer, soa, employment_rate
):
    response = client.post(
        record_url(employment_rate),
        {
            "period_start_0": "1",
            "period_start_1": "4",
            "period_start_2": "2014",
            "period_end_0": "31",
            "period_end_1": "3",
            "period_end_2": "2015",
            "value": "1,234.50",
            "note": "Provisional",
        },
    )

    assert response.status_code == 302
    assert response.url == reverse(
        "outcomes:indicator_detail", args=["highland", "soa", employment_rate.pk]
    )
    assert messages_of(response) == [
        "The reading of EMP-1 for 1 April 2014 to 31 March 2015 has been saved."
    ]
    assert readings() == [("EMP-1", APRIL_2014, MARCH_2015, Decimal("1234.5"), "Provisional")]


def test_recording_a_period_already_read_replaces_its_reading(
    client, officer, soa, employment_rate
):
    ReadingFactory(indicator=employment_rate, value=50, note="Provisional")

    client.post(
        record_url(employment_rate),
        {
            "period_start_0": "1",
            "period_start_1": "4",
            "period_start_2": "2014",
            "period_end_0": "31",
            "period_end_1": "3",
            "period_end_2": "2015",
            "value": "52",
        },
    )

    assert readings() == [("EMP-1", APRIL_2014, MARCH_2015, Decimal("52"), "")]


@pytest.mark.parametrize(
    ("value", "end_year", "error"),
    [
        ("52", "2013", "A period cannot end before it starts."),
        ("n/a", "2015", "Enter a number, for example 61.5."),
        ("", "2015", VALUE_REQUIRED),
        (
            "12345678901",
            "2015",
            "Enter a value with at most 10 digits before the decimal point and 4 after it.",
        ),
    ],
    ids=["ends before it starts", "not a number", "no value", "too many digits"],
)
def test_a_bad_reading_is_refused_with_the_reason(
    client, officer, soa, employment_rate, value, end_year, error
):
    response = client.post(
        record_url(employment_rate),
        {
            "period_start_0": "1",
            "period_start_1": "4",
            "period_start_2": "2014",
            "period_end_0": "31",
            "period_end_1": "3",
            "period_end_2": end_year,
            "value": value,
        },
    )

    assert response.status_code == 200
    assert error_summary(response) == [error]
    assert Reading.objects.count() == 0


def test_the_reading_page_names_the_indicator_and_its_unit(client, officer, employment_rate):
    response = client.get(record_url(employment_rate))

    page = text_of(response)
    assert "Highland SOA Record a reading of EMP-1 Employment rate" in page
    assert "Value In %" in page


def test_an_indicator_of_another_framework_is_not_found_here(client, officer, soa):
    elsewhere = IndicatorFactory(code="EMP-1")
    url = reverse("outcomes:reading_record", args=["highland", "soa", elsewhere.pk])

    assert client.get(url).status_code == 404


@pytest.mark.parametrize("page", ["upload", "template", "record"])
def test_only_those_who_may_record_readings_reach_the_pages(client, soa, employment_rate, page):
    url = {
        "upload": upload_url(soa),
        "template": reverse("outcomes:readings_template", args=["highland", "soa"]),
        "record": record_url(employment_rate),
    }[page]
    elsewhere = officer_of(PartnershipFactory(), "elsewhere")
    administrator = UserFactory(username="admin", is_superuser=True)

    anonymous = client.get(url)
    client.force_login(UserFactory(username="member"))
    member = client.get(url)
    client.force_login(elsewhere)
    other_officer = client.get(url)
    client.force_login(officer_of(soa.partnership, "officer"))
    officer = client.get(url)
    client.force_login(administrator)
    admin = client.get(url)

    assert anonymous.status_code == 302
    assert anonymous.url.startswith(reverse("login"))
    assert (member.status_code, other_officer.status_code) == (403, 403)
    assert (officer.status_code, admin.status_code) == (200, 200)


def test_an_upload_refused_to_a_user_saves_nothing(client, soa):
    client.force_login(UserFactory(username="member"))
    upload = csv_upload([HEADER, ["EMP-1", "2014-04-01", "2015-03-31", "61.5", ""]])

    response = client.post(upload_url(soa), {"upload": upload})

    assert response.status_code == 403
    assert Reading.objects.count() == 0


def test_an_upload_of_fifty_readings_takes_a_handful_of_queries(
    client, officer, soa, django_assert_max_num_queries
):
    rows = [
        [code, (APRIL_2014 + datetime.timedelta(days=day)).isoformat(), "2100-01-01", "1", ""]
        for day in range(25)
        for code in ("EMP-1", "EMP-2")
    ]

    # One of them finds the partnership's webhook endpoints, to announce the new readings.
    with django_assert_max_num_queries(13 + VERIFIED_SESSION_QUERIES):
        response = client.post(upload_url(soa), {"upload": csv_upload([HEADER, *rows])})

    assert messages_of(response) == ["50 readings added, 0 updated"]


def links(user, framework: OutcomeFramework, indicator: Indicator | None = None) -> str:
    html = render_to_string(
        "outcomes/includes/reading_links.html",
        {"user": user, "framework": framework, "indicator": indicator},
    )
    return " ".join(html.split())


def test_officers_see_the_links_to_record_readings_and_others_do_not(soa, employment_rate):
    officer = officer_of(soa.partnership, "officer")
    member = UserFactory(username="member")
    upload_link = f'<a class="govuk-link" href="{upload_url(soa)}">Upload readings</a>'
    record_link = f'<a class="govuk-link" href="{record_url(employment_rate)}">Record a reading</a>'

    on_framework = links(officer, soa)
    on_indicator = links(officer, soa, employment_rate)

    assert upload_link in on_framework
    assert "Record a reading" not in on_framework
    assert record_link in on_indicator
    assert upload_link in on_indicator
    assert links(member, soa, employment_rate) == ""
