"""Progress on development actions, reported by a partner system or a signed-in lead."""

import pytest

from outcomes.api.views import AUTHOR_ELSEWHERE, AUTHOR_REQUIRED, MAY_NOT_UPDATE
from outcomes.models import ActionUpdate
from outcomes.services.actions import UPDATE_IN_FUTURE
from partnership.models import Person

pytestmark = pytest.mark.django_db


def _url(action) -> str:
    return f"/api/v1/development-actions/{action.pk}/updates/"


def _updates(action):
    return list(action.updates.order_by("pk").values_list("text", "status"))


def test_a_partner_system_reports_progress_for_a_person_of_its_partnership(estate):
    action, author = estate.a.action, estate.a.author
    response = estate.callers["system_a_write"].post(
        _url(action),
        {"text": "Plans agreed by all seven themes.", "status": "done", "author": author.pk},
        format="json",
    )

    update = ActionUpdate.objects.get(pk=response.json()["id"])
    action.refresh_from_db()
    assert response.status_code == 201
    assert response.json() == {
        "id": update.pk,
        "action": action.pk,
        "written_on": update.written_on.isoformat(),
        "author": author.pk,
        "text": "Plans agreed by all seven themes.",
        "status": "done",
    }
    assert action.status == "done"


def test_a_partner_system_must_name_the_author_from_its_partnership(estate):
    client, action = estate.callers["system_a_write"], estate.a.action
    before = _updates(action)
    missing = client.post(_url(action), {"text": "Done", "status": "done"}, format="json")
    elsewhere = client.post(
        _url(action),
        {"text": "Done", "status": "done", "author": estate.b.author.pk},
        format="json",
    )

    assert missing.json()["fields"] == {"author": [AUTHOR_REQUIRED]}
    assert elsewhere.json()["fields"] == {
        "author": [AUTHOR_ELSEWHERE.format(id=estate.b.author.pk)]
    }
    assert _updates(action) == before


def test_an_action_of_another_partnership_is_not_found(estate):
    before = _updates(estate.a.action)
    response = estate.callers["system_b"].post(
        _url(estate.a.action),
        {"text": "Done", "status": "done", "author": estate.b.author.pk},
        format="json",
    )

    assert (response.status_code, response.json()["code"]) == (404, "not_found")
    assert _updates(estate.a.action) == before


def test_an_officer_reports_as_themselves_and_a_future_date_is_refused(estate):
    client, action = estate.callers["officer_a"], estate.a.action
    future = client.post(
        _url(action),
        {"text": "Will be done", "status": "in_progress", "written_on": "2099-01-01"},
        format="json",
    )
    today = client.post(_url(action), {"text": "Half done", "status": "in_progress"}, format="json")

    assert future.json()["fields"] == {"written_on": [UPDATE_IN_FUTURE]}
    assert today.status_code == 201
    assert today.json()["author"] == Person.objects.get(user__username="officer-a").pk


def test_a_scrutiny_member_may_not_report_progress(estate):
    response = estate.callers["scrutiny_a"].post(
        _url(estate.a.action), {"text": "Done", "status": "done"}, format="json"
    )

    assert (response.status_code, response.json()["detail"]) == (403, MAY_NOT_UPDATE)


def test_a_wrong_status_is_refused_with_the_choices(estate):
    response = estate.callers["officer_a"].post(
        _url(estate.a.action), {"text": "Done", "status": "finished"}, format="json"
    )

    assert response.json()["fields"] == {"status": ['"finished" is not a valid choice.']}


def test_progress_is_reported_through_the_json_suffix_as_without_it(estate):
    # The router also answers .../updates.json; its write once failed with a server error.
    action, author = estate.a.action, estate.a.author

    response = estate.callers["system_a_write"].post(
        f"/api/v1/development-actions/{action.pk}/updates.json",
        {"text": "Plans agreed.", "status": "in_progress", "author": author.pk},
        format="json",
    )

    assert response.status_code == 201
    assert _updates(action)[-1] == ("Plans agreed.", "in_progress")
