"""A framework's performance report put on a board's agenda, and merged into its pack."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from governance.models import BoardMembership
from meetings.models import AgendaItem, AgendaPack, Report
from meetings.packs import build
from meetings.services.performance import (
    PERFORMANCE_REPORT_NOT_READY,
    PERFORMANCE_REPORT_OF_ANOTHER_PARTNERSHIP,
    agenda_item_add_performance_report,
)
from outcomes.models import PerformanceReport
from tests.factories import (
    AgendaItemFactory,
    BoardFactory,
    BoardMembershipFactory,
    MeetingFactory,
    OutcomeFrameworkFactory,
    PersonFactory,
    UserFactory,
)
from tests.outcomes.helpers import AS_OF, rendered, scorecard
from tests.pages import page_texts, pdf_reader

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def storage(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def card():
    return scorecard()


@pytest.fixture
def report(card) -> PerformanceReport:
    return rendered(card)


@pytest.fixture
def chair(card):
    user = UserFactory()
    board = BoardFactory(partnership=card.partnership, name="Herefordshire Partnership Board")
    BoardMembershipFactory(
        board=board,
        person=PersonFactory(user=user, name="Cllr Ann Smith", job_title="Chair of the board"),
        role=BoardMembership.Role.CHAIR,
        started_on=datetime.date(2020, 1, 1),
    )
    return user


@pytest.fixture
def meeting(chair):
    board = BoardMembership.objects.get(person__user=chair).board
    meeting = MeetingFactory(
        board=board, starts_at=datetime.datetime(2015, 9, 8, 14, 0, tzinfo=datetime.UTC)
    )
    AgendaItemFactory(meeting=meeting, position=1, title="Apologies", kind="apologies")
    return meeting


def test_the_report_goes_at_the_end_of_the_agenda_with_its_pdf_appended(meeting, report, chair):
    item = agenda_item_add_performance_report(meeting=meeting, performance_report=report, by=chair)

    cover = item.report
    [appendix] = cover.appendices.all()
    assert (item.position, item.kind) == (2, AgendaItem.Kind.REPORT)
    assert item.title == "Performance report: Herefordshire local area agreement"
    assert item.purpose == (
        "To note the performance of the Herefordshire local area agreement as of 30 June 2015."
    )
    assert item.presenter.name == "Cllr Ann Smith"
    assert (cover.board, cover.report_by) == (meeting.board, "Chair of the board")
    assert cover.classification == Report.Classification.OPEN
    assert cover.purpose == (
        "<p>To note how the indicators of the Herefordshire local area agreement stand as of "
        "30 June 2015: 1 green, 1 amber, 1 red, 1 no data. The full report, with each "
        "indicator's chart and figures, is appended.</p>"
    )
    assert appendix.title == (
        "Performance report of the Herefordshire local area agreement as of 30 June 2015"
    )
    assert appendix.file.read() == report.file.open("rb").read()
    assert appendix.file.name != report.file.name


def test_the_agenda_pack_merges_the_report_pages_as_they_are(meeting, report, chair):
    agenda_item_add_performance_report(meeting=meeting, performance_report=report, by=chair)
    pack = AgendaPack.objects.create(
        meeting=meeting, variant=AgendaPack.Variant.PUBLIC, requested_by=PersonFactory()
    )

    build.render_pack(pack.pk)

    pack.refresh_from_db()
    reader = pdf_reader(pack)
    texts = page_texts(reader)
    report_pages = page_texts(pdf_reader(report))
    assert pack.status == AgendaPack.Status.READY
    assert pack.page_count >= report.page_count + 2
    appended = [text for text in texts if "Performance report as of 30 June 2015" in text]
    assert len(appended) == 1
    first = texts.index(appended[0])
    merged = texts[first : first + report.page_count]
    # Each page as the report printed it, with the pack's page number stamped after.
    assert [text.rsplit(" ", 1)[0] for text in merged] == report_pages
    numbers = [int(text.rsplit(" ", 1)[1]) for text in merged]
    assert numbers == list(range(numbers[0], numbers[0] + report.page_count))
    assert [entry.title for entry in reader.outline[-1]] == [
        "Appendix 1: Performance report of the Herefordshire local area agreement as of "
        "30 June 2015"
    ]


def test_a_report_not_yet_ready_is_refused(meeting, card, chair):
    queued = PerformanceReport.objects.create(framework=card.framework, as_of=AS_OF)

    with pytest.raises(ValidationError) as refusal:
        agenda_item_add_performance_report(meeting=meeting, performance_report=queued, by=chair)

    assert refusal.value.message_dict == {
        "performance_report": [PERFORMANCE_REPORT_NOT_READY.format(status="queued")]
    }
    assert meeting.agenda_items.count() == 1
    assert Report.objects.count() == 0


def test_a_report_of_another_partnership_is_refused(meeting, chair):
    elsewhere = OutcomeFrameworkFactory(partnership__name="Cannock Chase LSP")
    other = PerformanceReport.objects.create(
        framework=elsewhere, as_of=AS_OF, status=PerformanceReport.Status.READY
    )

    with pytest.raises(ValidationError) as refusal:
        agenda_item_add_performance_report(meeting=meeting, performance_report=other, by=chair)

    assert refusal.value.message_dict == {
        "performance_report": [
            PERFORMANCE_REPORT_OF_ANOTHER_PARTNERSHIP.format(partnership="Cannock Chase LSP")
        ]
    }
    assert Report.objects.count() == 0


def test_only_those_who_build_the_agenda_may_add_it(meeting, report):
    with pytest.raises(PermissionDenied):
        agenda_item_add_performance_report(
            meeting=meeting, performance_report=report, by=UserFactory()
        )

    assert meeting.agenda_items.count() == 1


def test_the_page_offers_ready_reports_and_adds_the_chosen_one(client, meeting, report, chair):
    PerformanceReport.objects.create(framework=report.framework, as_of=datetime.date(2015, 7, 1))
    client.force_login(chair)
    url = f"/meetings/{meeting.pk}/agenda/items/add-performance-report/"

    page = client.get(url).content.decode()
    response = client.post(url, {"performance_report": report.pk}, follow=True)

    assert "Performance report of Herefordshire local area agreement, 30 June 2015" in page
    assert "1 July 2015" not in page
    assert response.redirect_chain == [(f"/meetings/{meeting.pk}/agenda/", 302)]
    assert (
        "Item 2, Performance report: Herefordshire local area agreement, has been added."
        in response.content.decode()
    )


def test_the_page_asks_for_a_choice(client, meeting, report, chair):
    client.force_login(chair)

    response = client.post(f"/meetings/{meeting.pk}/agenda/items/add-performance-report/", {})

    assert "Choose the performance report to add." in response.content.decode()
    assert meeting.agenda_items.count() == 1


def test_the_agenda_builder_links_to_the_page(client, meeting, chair):
    client.force_login(chair)

    page = client.get(f"/meetings/{meeting.pk}/agenda/").content.decode()

    assert f'href="/meetings/{meeting.pk}/agenda/items/add-performance-report/"' in page
