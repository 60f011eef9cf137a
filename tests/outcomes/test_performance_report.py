"""The performance report: asked for by an officer, rendered to PDF by the worker, downloaded."""

import datetime
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import OperationalError
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerUnreachable

from outcomes import reporting, tasks
from outcomes.models import PerformanceReport
from outcomes.services.reports import (
    AS_OF_BEFORE_FRAMEWORK,
    AS_OF_IN_FUTURE,
    performance_report_request,
    performance_reports_resend,
)
from partnership.models import PartnerMembership
from tests.factories import OrganisationFactory, PersonFactory, UserFactory
from tests.outcomes.helpers import AS_OF, rendered
from tests.pages import page_texts, pdf_reader

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def storage(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def officer(card):
    council = OrganisationFactory(name="Herefordshire Council")
    PartnerMembership.objects.create(partnership=card.partnership, organisation=council)
    user = UserFactory()
    PersonFactory(user=user, name="Jane Jones", organisation=council, capacity="officer")
    return user


@pytest.fixture
def sent(monkeypatch) -> mock.Mock:
    delay = mock.Mock()
    monkeypatch.setattr(tasks.render_performance_report, "delay", delay)
    return delay


def test_an_officer_asks_and_the_render_task_is_sent_once_committed(
    card, officer, sent, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        report = performance_report_request(framework=card.framework, by=officer, as_of=AS_OF)

    assert (report.status, report.as_of) == (PerformanceReport.Status.QUEUED, AS_OF)
    assert report.requested_by.name == "Jane Jones"
    sent.assert_called_once_with(report.pk)


def test_asked_for_while_the_broker_is_down_it_is_kept_and_the_sweep_sends_it(
    card, officer, sent, django_capture_on_commit_callbacks, settings
):
    sent.side_effect = BrokerUnreachable("Error 111 connecting to 127.0.0.1:6379.")
    with django_capture_on_commit_callbacks(execute=True):
        report = performance_report_request(framework=card.framework, by=officer, as_of=AS_OF)
    sent.side_effect = None
    sent.reset_mock()
    moment = datetime.timedelta(seconds=1)

    soon = performance_reports_resend(now=timezone.now() + settings.TASK_STALLED_AFTER - moment)
    later = performance_reports_resend(now=timezone.now() + settings.TASK_STALLED_AFTER + moment)

    assert (soon, later) == ([], [report.pk])
    sent.assert_called_once_with(report.pk)
    tasks.render_performance_report.apply(args=[report.pk])
    report.refresh_from_db()
    assert report.status == PerformanceReport.Status.READY
    # Finished, it is left alone.
    assert performance_reports_resend(now=timezone.now() + settings.TASK_STALLED_AFTER * 2) == []


def test_asking_again_while_one_is_on_its_way_reuses_it(card, officer, sent):
    first = performance_report_request(framework=card.framework, by=officer, as_of=AS_OF)

    again = performance_report_request(framework=card.framework, by=officer, as_of=AS_OF)

    assert again == first
    assert PerformanceReport.objects.count() == 1


@pytest.mark.parametrize(
    ("as_of", "message"),
    [
        (datetime.date(2999, 1, 1), AS_OF_IN_FUTURE),
        (datetime.date(2013, 3, 31), AS_OF_BEFORE_FRAMEWORK.format(starts_on="1 April 2013")),
    ],
)
def test_a_report_as_of_a_day_outside_the_framework_or_to_come_is_refused(
    card, officer, sent, as_of, message
):
    with pytest.raises(ValidationError) as refusal:
        performance_report_request(framework=card.framework, by=officer, as_of=as_of)

    assert refusal.value.message_dict == {"as_of": [message]}
    assert PerformanceReport.objects.count() == 0
    sent.assert_not_called()


def test_only_an_officer_of_the_partnership_may_ask(card, sent):
    with pytest.raises(PermissionDenied):
        performance_report_request(framework=card.framework, by=UserFactory(), as_of=AS_OF)

    assert PerformanceReport.objects.count() == 0


def test_rendered_report_has_a_summary_the_dashboard_and_a_page_per_indicator(card):
    report = rendered(card)

    texts = page_texts(pdf_reader(report))
    assert report.status == PerformanceReport.Status.READY
    assert report.page_count == len(texts) == 6
    assert report.rendered_at is not None
    assert texts[0].startswith(
        "HEREFORDSHIRE PARTNERSHIP Herefordshire local area agreement "
        "Performance report as of 30 June 2015"
    )
    assert "1 green, 1 amber, 1 red, 1 no data." in texts[0]
    assert "E1 Employment rate" in texts[1]
    assert "Amber" in texts[1]
    assert "V1 People who volunteer" in texts[1]
    assert texts[2].startswith("Outcome 1")
    assert "Amber: 72.5% against a target of 74%, within the 5% tolerance." in texts[2]
    assert "2014/15 72.5 74 Amber" in texts[2]
    assert "Red: 22% against a target of 19%, beyond the 5% tolerance." in texts[3]
    assert "No data: There is no reading yet." in texts[5]
    assert [text.rsplit("Page ", 1)[-1] for text in texts] == [f"{n} of 6" for n in range(1, 7)]


def test_readings_after_the_as_of_day_are_left_out(card):
    report = PerformanceReport.objects.create(
        framework=card.framework, as_of=datetime.date(2014, 6, 30)
    )
    reporting.performance_report_render(report)
    report.refresh_from_db()

    texts = page_texts(pdf_reader(report))
    assert "E1 Employment rate" in texts[1]
    assert "2013/14 71 71 Green" in texts[2]
    assert "72.5" not in texts[2]


def test_a_report_that_cannot_be_typeset_fails_with_the_reason(card, monkeypatch):
    monkeypatch.setattr(reporting, "html_to_pdf", mock.Mock(side_effect=ValueError("bad SVG")))

    report = rendered(card)

    assert report.status == PerformanceReport.Status.FAILED
    assert report.failure_reason == "The performance report could not be rendered: bad SVG"
    assert report.file.name == ""


def test_the_task_renders_the_report_and_leaves_a_finished_one_alone(card, storage):
    report = PerformanceReport.objects.create(framework=card.framework, as_of=AS_OF)

    tasks.render_performance_report.apply(args=[report.pk])
    report.refresh_from_db()
    first_file = report.file.name
    tasks.render_performance_report.apply(args=[report.pk])

    report.refresh_from_db()
    assert report.status == PerformanceReport.Status.READY
    assert report.file.name == first_file
    assert len(list(storage.rglob("*.pdf"))) == 1


def test_passing_faults_are_retried_a_few_times_then_recorded(card, monkeypatch):
    report = PerformanceReport.objects.create(framework=card.framework, as_of=AS_OF)
    render = mock.Mock(side_effect=OperationalError("server closed the connection"))
    monkeypatch.setattr(reporting, "html_to_pdf", render)

    tasks.render_performance_report.apply(args=[report.pk])

    report.refresh_from_db()
    assert render.call_count == tasks.RENDER_RETRIES + 1
    assert report.status == PerformanceReport.Status.FAILED
    assert report.failure_reason == (
        "The report could not be rendered after 4 attempts: server closed the connection"
    )


def test_framework_page_shows_the_latest_report_and_lets_an_officer_ask(client, card, officer):
    rendered(card)
    client.force_login(officer)

    page = client.get(card.url()).content.decode()

    assert "Download the performance report as of 30 June 2015 (PDF, 6 pages)" in page
    assert "Produce a performance report as of today" in page


def test_the_public_sees_a_failed_report_with_its_reason_but_cannot_ask(client, card):
    PerformanceReport.objects.create(
        framework=card.framework,
        as_of=AS_OF,
        status=PerformanceReport.Status.FAILED,
        failure_reason="The worker ran out of memory.",
    )

    page = client.get(card.url()).content.decode()

    assert "could not be produced. The worker ran out of memory." in page
    assert "Produce a performance report" not in page


def test_posting_asks_for_a_report_and_comes_back_to_the_panel(client, card, officer, sent):
    client.force_login(officer)

    response = client.post(card.url("performance-reports/"), follow=True)

    report = PerformanceReport.objects.get()
    assert response.redirect_chain == [(card.url() + "#performance-report", 302)]
    assert "The performance report is being produced." in response.content.decode()
    assert report.status == PerformanceReport.Status.QUEUED


def test_anyone_else_cannot_ask(client, card, sent):
    client.force_login(UserFactory())

    response = client.post(card.url("performance-reports/"))

    assert response.status_code == 403
    assert PerformanceReport.objects.count() == 0


def test_anyone_may_download_a_ready_report_but_not_one_in_progress(client, card):
    ready = rendered(card)
    queued = PerformanceReport.objects.create(framework=card.framework, as_of=AS_OF)

    response = client.get(card.url(f"performance-reports/{ready.pk}.pdf"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert (
        "herefordshire-local-area-agreement-performance-report-2015-06-30.pdf"
        in (response["Content-Disposition"])
    )
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert client.get(card.url(f"performance-reports/{queued.pk}.pdf")).status_code == 404
