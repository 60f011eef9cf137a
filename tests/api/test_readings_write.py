"""Partner systems and officers record readings in bulk; bad input changes nothing."""

import datetime

import pytest

from outcomes.models import Reading
from outcomes.services.readings import (
    DUPLICATE_ENTRY,
    NO_SUCH_INDICATOR,
    PERIOD_OUTSIDE_FRAMEWORK,
)
from partnership.api.permissions import WRITE_SCOPE_REQUIRED

pytestmark = pytest.mark.django_db

URL = "/api/v1/readings/"


def _entry(indicator, start="2014-04-01", end="2015-03-31", value="61.5", **extra):
    return {
        "indicator": indicator.pk,
        "period_start": start,
        "period_end": end,
        "value": value,
        **extra,
    }


def _readings(indicator):
    return list(
        Reading.objects.filter(indicator=indicator)
        .order_by("period_start")
        .values_list("period_start", "value", "note")
    )


def test_system_with_write_scope_records_and_then_updates_by_indicator_and_period(estate):
    client, indicator = estate.callers["system_a_write"], estate.a.indicator
    first = client.post(URL, [_entry(indicator, note="Provisional")], format="json")
    again = client.post(URL, [_entry(indicator, value="62", note="Final")], format="json")

    assert (first.status_code, first.json()) == (201, {"created": 1, "updated": 0})
    assert (again.status_code, again.json()) == (200, {"created": 0, "updated": 1})
    assert _readings(indicator)[-1] == (datetime.date(2014, 4, 1), 62, "Final")
    assert Reading.objects.filter(indicator=indicator).count() == 2


def test_sending_the_same_batch_twice_changes_nothing_the_second_time(estate):
    client, indicator = estate.callers["officer_a"], estate.a.indicator
    batch = [_entry(indicator), _entry(indicator, "2015-04-01", "2016-03-31", "64")]
    client.post(URL, batch, format="json")
    before = _readings(indicator)

    response = client.post(URL, batch, format="json")

    assert response.json() == {"created": 0, "updated": 2}
    assert _readings(indicator) == before


def test_a_batch_with_one_bad_row_saves_nothing_and_names_the_row(estate):
    client, indicator = estate.callers["system_a_write"], estate.a.indicator
    before = _readings(indicator)
    batch = [
        _entry(indicator),
        _entry(indicator, "2015-04-01", "2016-03-31", "not a number"),
        _entry(indicator, "2012-04-01", "2013-03-31"),
    ]

    response = client.post(URL, batch, format="json")

    body = response.json()
    assert response.status_code == 400
    assert body["code"] == "invalid"
    assert body["fields"] == {"1.value": ["A valid number is required."]}
    assert _readings(indicator) == before


def test_a_period_outside_the_framework_is_refused(estate):
    client, indicator = estate.callers["system_a_write"], estate.a.indicator
    before = _readings(indicator)

    response = client.post(URL, [_entry(indicator, "2012-04-01", "2013-03-31")], format="json")

    framework = indicator.outcome.framework
    assert response.status_code == 400
    assert response.json()["fields"] == {
        "0.period_start": [
            PERIOD_OUTSIDE_FRAMEWORK.format(
                framework=framework, starts=framework.starts_on, ends=framework.ends_on
            )
        ]
    }
    assert _readings(indicator) == before


def test_two_entries_for_one_period_are_refused(estate):
    indicator = estate.a.indicator
    response = estate.callers["officer_a"].post(
        URL, [_entry(indicator), _entry(indicator, value="70")], format="json"
    )

    assert response.json()["fields"] == {
        "1.period_start": [DUPLICATE_ENTRY.format(start="2014-04-01", earlier=0)]
    }


def test_an_indicator_of_another_partnership_is_refused_and_nothing_saved(estate):
    client = estate.callers["system_b"]
    theirs, ours = estate.a.indicator, estate.b.indicator
    before = (_readings(theirs), _readings(ours))

    response = client.post(URL, [_entry(ours), _entry(theirs)], format="json")

    assert response.status_code == 400
    assert response.json()["fields"] == {"1.indicator": [NO_SUCH_INDICATOR.format(id=theirs.pk)]}
    assert (_readings(theirs), _readings(ours)) == before


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"indicator": 1}, "non_field_errors", "Send a JSON list of readings, even of one."),
        ([], "non_field_errors", "This list may not be empty."),
        (["a reading"], "0.non_field_errors", "Invalid data. Expected a dictionary, but got str."),
        ([{"indicator": "one"}], "0.indicator", "A valid integer is required."),
    ],
)
def test_malformed_batches_are_refused_with_the_field_named(estate, body, field, message):
    response = estate.callers["officer_a"].post(URL, body, format="json")

    assert response.status_code == 400
    assert message in response.json()["fields"][field]


def test_an_unknown_field_is_refused_not_dropped(estate):
    response = estate.callers["officer_a"].post(
        URL, [_entry(estate.a.indicator, vaule="3")], format="json"
    )

    assert response.status_code == 400
    assert response.json()["fields"] == {"0.vaule": ["This field is not one this endpoint takes."]}
    assert Reading.objects.filter(indicator=estate.a.indicator).count() == 1


def test_malformed_json_is_refused_in_the_error_shape(estate):
    response = estate.callers["officer_a"].post(
        URL, data='[{"indicator": 1,', content_type="application/json"
    )

    body = response.json()
    assert response.status_code == 400
    assert body["status"] == 400
    assert body["code"] == "parse_error"
    assert body["detail"].startswith("JSON parse error")


@pytest.mark.parametrize(
    ("caller", "status", "detail"),
    [
        ("anonymous", 401, "Authentication credentials were not provided."),
        ("system_a_read", 403, WRITE_SCOPE_REQUIRED),
    ],
)
def test_callers_that_may_not_write_are_refused(estate, caller, status, detail):
    before = _readings(estate.a.indicator)

    response = estate.callers[caller].post(URL, [_entry(estate.a.indicator)], format="json")

    assert (response.status_code, response.json()["detail"]) == (status, detail)
    assert _readings(estate.a.indicator) == before


def test_a_scrutiny_member_may_record_for_no_indicator(estate):
    response = estate.callers["scrutiny_a"].post(URL, [_entry(estate.a.indicator)], format="json")

    assert response.status_code == 400
    assert response.json()["fields"] == {
        "0.indicator": [NO_SUCH_INDICATOR.format(id=estate.a.indicator.pk)]
    }


def test_readings_are_recorded_through_the_json_suffix_as_without_it(estate):
    # The router also answers /api/v1/readings.json; its write once failed with a server error.
    client, indicator = estate.callers["system_a_write"], estate.a.indicator

    response = client.post("/api/v1/readings.json", [_entry(indicator)], format="json")

    assert (response.status_code, response.json()) == (201, {"created": 1, "updated": 0})
