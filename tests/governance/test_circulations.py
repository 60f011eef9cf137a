"""Circulating a document, link or consultation by e-mail to the members of boards."""

import datetime
import io
import smtplib
import threading
import time
from unittest import mock

import openpyxl
import pypdf
import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.mail.backends import locmem
from django.db import OperationalError, connection
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerUnreachable

from governance import circulations, tasks
from governance.circulations import (
    CONSULTATION_NEEDS_LINK_OR_DOCUMENT,
    DOCUMENT_REQUIRED,
    LINK_REQUIRED,
    NOBODY_TO_SEND_TO,
    NOT_A_CIRCULATED_FILE,
    OTHER_PARTNERSHIP_BOARD,
    RESPOND_BY_IN_PAST,
    circulation_deliver,
    circulation_deliveries_resend,
    circulation_resend,
    circulation_send,
)
from governance.models import BoardMembership, Circulation, CirculationRecipient
from partnership.models import PartnerMembership, Person
from tests.factories import (
    BoardFactory,
    BoardMembershipFactory,
    OrganisationFactory,
    PartnershipFactory,
    PersonFactory,
    UserFactory,
)
from tests.pages import error_summary, text_of

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
REFUSED_ADDRESS = "refused@example.org"


class RefusingBackend(locmem.EmailBackend):
    """Keeps messages in the outbox, refuses one address, and may be slow about it."""

    delay = 0.0

    def send_messages(self, messages):
        for message in messages:
            time.sleep(self.delay)
            if REFUSED_ADDRESS in message.to:
                raise smtplib.SMTPRecipientsRefused({REFUSED_ADDRESS: (550, b"No such mailbox")})
        return super().send_messages(messages)


@pytest.fixture(autouse=True)
def storage(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "tests.governance.test_circulations.RefusingBackend"
    settings.SITE_URL = "https://governance.example.org"


@pytest.fixture
def queued(monkeypatch) -> mock.Mock:
    """The delivery task's `delay`, replaced: what the services queue, without a worker."""
    delay = mock.Mock()
    monkeypatch.setattr(tasks.deliver_circulation, "delay", delay)
    return delay


@pytest.fixture
def council():
    return OrganisationFactory(name="Cardiff Council")


@pytest.fixture
def board(council):
    partnership = PartnershipFactory(name="Cardiff Partnership", slug="cardiff")
    PartnerMembership.objects.create(partnership=partnership, organisation=council)
    return BoardFactory(partnership=partnership, name="Internal Policy Officers Group", slug="ipoc")


@pytest.fixture
def task_group(board):
    return BoardFactory(
        partnership=board.partnership, name="Integrated Assessment Tool task group", slug="iat"
    )


@pytest.fixture
def officer(council):
    return PersonFactory(
        name="Christine Jenkins",
        job_title="Health Partnership Manager",
        organisation=council,
        capacity=Person.Capacity.OFFICER,
        email="cjenkins@cardiff.example.org",
        user=UserFactory(username="christine"),
    )


def seat(board, name: str, email: str = "", **fields) -> Person:
    person = PersonFactory(name=name, email=email)
    BoardMembershipFactory(board=board, person=person, **fields)
    return person


@pytest.fixture
def members(board, task_group):
    """Two seated on the IPOC, one on both boards, one on the task group only; and two not
    seated now."""
    seat(board, "Alys Evans", "alys@example.org", role=BoardMembership.Role.CHAIR)
    both = seat(board, "Bryn Davies", "bryn@example.org")
    BoardMembershipFactory(board=task_group, person=both)
    seat(task_group, "Carys Price", "carys@example.org")
    seat(board, "Dewi Former", "dewi@example.org", ended_on=TODAY - datetime.timedelta(days=1))
    seat(board, "Elin Future", "elin@example.org", started_on=TODAY + datetime.timedelta(days=1))
    BoardMembershipFactory(board=board, person=None, office="Lead officer, Housing Strategy")


def pdf_file(name: str = "Strategy.pdf") -> SimpleUploadedFile:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/pdf")


def workbook_file(name: str = "Figures.xlsx") -> SimpleUploadedFile:
    workbook = openpyxl.Workbook()
    workbook.active.append(["Ward", "Rate"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def png_named_pdf() -> SimpleUploadedFile:
    return SimpleUploadedFile("Strategy.pdf", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))


def send(board, officer, **fields) -> Circulation:
    fields.setdefault("kind", Circulation.Kind.LINK)
    fields.setdefault("title", "Welsh Government consultation on well-being")
    if fields["kind"] == Circulation.Kind.LINK:
        fields.setdefault("link", "https://gov.wales/consultation")
    return circulation_send(board=board, by=officer, **fields)


def addressees() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


# Who it goes to


def test_it_goes_once_to_each_current_member_of_the_board_and_the_other_boards(
    board, task_group, officer, members, queued, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        circulation = send(board, officer, also_to=[task_group])

    queued.assert_called_once_with(circulation.pk)
    assert [(r.person.name, r.email, r.sent_at) for r in circulation.recipients.all()] == [
        ("Alys Evans", "alys@example.org", None),
        ("Bryn Davies", "bryn@example.org", None),
        ("Carys Price", "carys@example.org", None),
    ]
    assert list(circulation.also_to.all()) == [task_group]
    assert circulation.status == Circulation.Status.QUEUED

    assert circulation_deliver(circulation.pk) == 3

    assert addressees() == ["alys@example.org", "bryn@example.org", "carys@example.org"]
    circulation.refresh_from_db()
    assert circulation.status == Circulation.Status.SENT
    assert circulation.sent_at == max(r.sent_at for r in circulation.recipients.all())


def test_the_address_recorded_is_the_one_the_member_had_when_it_was_circulated(
    board, officer, members, queued
):
    circulation = send(board, officer)
    Person.objects.filter(name="Alys Evans").update(email="alys.new@example.org")

    circulation_deliver(circulation.pk)

    assert addressees() == ["alys@example.org", "bryn@example.org"]


# The e-mail


def test_the_email_says_what_it_is_from_whom_and_by_when_with_the_document_attached(
    board, task_group, officer, members, queued
):
    circulation = send(
        board,
        officer,
        kind=Circulation.Kind.CONSULTATION,
        title="Draft Health, Social Care and Well-being Strategy",
        summary="Comments from each strategy lead, please.",
        link="https://www.cardiff.gov.uk/consultation",
        document=pdf_file("draft strategy.PDF"),
        respond_by=datetime.date(2099, 3, 31),
        also_to=[task_group],
    )

    circulation_deliver(circulation.pk)

    message = next(m for m in mail.outbox if m.to == ["alys@example.org"])
    assert message.subject == (
        "Consultation: Draft Health, Social Care and Well-being Strategy (respond by 31 March 2099)"
    )
    assert message.reply_to == ["cjenkins@cardiff.example.org"]
    page = f"https://governance.example.org/partnerships/cardiff/boards/ipoc/circulations/{circulation.pk}/"
    assert message.body == (
        "Dear Alys Evans,\n\n"
        "Christine Jenkins, Health Partnership Manager, Cardiff Council, has circulated this "
        "consultation to the members of Internal Policy Officers Group and Integrated "
        "Assessment Tool task group.\n\n"
        "Draft Health, Social Care and Well-being Strategy\n\n"
        "Comments from each strategy lead, please.\n\n"
        "Read it at https://www.cardiff.gov.uk/consultation\n\n"
        "The document is attached.\n\n"
        "Responses are due by 31 March 2099.\n\n"
        f"This circulation is kept at {page}\n"
    )
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert (
        '<h1 style="font-size: 24px;">Draft Health, Social Care and Well-being Strategy</h1>'
        in html
    )
    assert '<a href="https://www.cardiff.gov.uk/consultation">' in html
    assert "<strong>Responses are due by 31 March 2099.</strong>" in html
    assert f'<a href="{page}">' in html
    [(filename, content, attachment_type)] = message.attachments
    assert filename == "Draft Health, Social Care and Well-being Strategy.pdf"
    assert content.startswith(b"%PDF-")
    assert attachment_type == "application/pdf"


def test_a_document_over_the_attachment_limit_goes_as_a_link_to_its_download_page(
    board, officer, members, queued, monkeypatch
):
    monkeypatch.setattr(circulations, "ATTACHMENT_LIMIT_BYTES", 100)
    circulation = send(
        board,
        officer,
        kind=Circulation.Kind.DOCUMENT,
        title="Ward figures",
        document=workbook_file(),
    )

    circulation_deliver(circulation.pk)

    message = mail.outbox[0]
    assert message.attachments == []
    download = (
        "https://governance.example.org/partnerships/cardiff/boards/ipoc/circulations/"
        f"{circulation.pk}/document/"
    )
    assert f"The document is too large to attach. Download it at {download}\n" in message.body
    assert f'<a href="{download}">Download the document</a>' in message.alternatives[0][0]


# Bad input: a clear message, and nothing saved


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        ({"kind": "document"}, {"document": [DOCUMENT_REQUIRED]}),
        (
            {"kind": "document", "document": png_named_pdf()},
            {"document": [NOT_A_CIRCULATED_FILE]},
        ),
        ({"kind": "link", "link": ""}, {"link": [LINK_REQUIRED]}),
        (
            {
                "kind": "consultation",
                "link": "https://gov.wales/consultation",
                "respond_by": TODAY - datetime.timedelta(days=1),
            },
            {"respond_by": [RESPOND_BY_IN_PAST]},
        ),
        (
            {"kind": "consultation", "respond_by": TODAY},
            {"link": [CONSULTATION_NEEDS_LINK_OR_DOCUMENT]},
        ),
    ],
)
def test_bad_input_is_refused_with_its_message_and_saves_nothing(
    board, officer, members, queued, storage, fields, errors, settings
):
    with pytest.raises(circulations.ValidationError) as refusal:
        send(board, officer, **fields)

    assert refusal.value.message_dict == errors
    assert Circulation.objects.count() == 0
    assert CirculationRecipient.objects.count() == 0
    assert not (settings.MEDIA_ROOT / "circulations").exists() or not any(
        (settings.MEDIA_ROOT / "circulations").iterdir()
    )
    queued.assert_not_called()


def test_another_partnerships_board_is_refused(board, officer, members, queued):
    elsewhere = BoardFactory(name="Highland Partnership Board")

    with pytest.raises(circulations.ValidationError) as refusal:
        send(board, officer, also_to=[elsewhere])

    assert refusal.value.message_dict == {
        "also_to": [
            OTHER_PARTNERSHIP_BOARD.format(board=elsewhere, partnership="Cardiff Partnership")
        ]
    }
    assert Circulation.objects.count() == 0


def test_a_board_nobody_sits_on_is_refused(board, officer, queued):
    with pytest.raises(circulations.ValidationError) as refusal:
        send(board, officer)

    assert refusal.value.messages == [NOBODY_TO_SEND_TO]
    assert Circulation.objects.count() == 0


# Refusals, repeats, re-sends


def test_a_refused_address_is_recorded_and_the_others_are_sent(board, officer, queued):
    seat(board, "Alys Evans", "alys@example.org")
    seat(board, "Bryn Davies", REFUSED_ADDRESS)
    seat(board, "Carys Price")
    circulation = send(board, officer)

    assert circulation_deliver(circulation.pk) == 1

    assert addressees() == ["alys@example.org"]
    recipients = {r.person.name: r for r in circulation.recipients.all()}
    assert recipients["Bryn Davies"].sent_at is None
    assert recipients["Bryn Davies"].failed_attempts == 1
    assert "No such mailbox" in recipients["Bryn Davies"].last_error
    assert recipients["Carys Price"].sent_at is None
    assert recipients["Carys Price"].last_error == "Carys Price has no e-mail address."
    circulation.refresh_from_db()
    assert circulation.status == Circulation.Status.PARTLY_SENT


def test_delivering_twice_sends_nothing_twice(board, officer, members, queued):
    circulation = send(board, officer)

    assert circulation_deliver(circulation.pk) == 2
    assert circulation_deliver(circulation.pk) == 0

    assert addressees() == ["alys@example.org", "bryn@example.org"]


def test_the_task_delivers_and_a_database_failure_is_retried(board, officer, members, queued):
    circulation = send(board, officer)

    tasks.deliver_circulation.apply(args=[circulation.pk])
    assert addressees() == ["alys@example.org", "bryn@example.org"]

    # Run eagerly, the retries follow at once: the first attempt and three more, then it fails.
    with mock.patch.object(
        circulations, "circulation_deliver", side_effect=OperationalError("server closed")
    ) as deliver:
        result = tasks.deliver_circulation.apply(args=[circulation.pk])
    assert deliver.call_count == 1 + tasks.DELIVERY_RETRIES
    assert result.state == "FAILURE"


def test_circulated_while_the_broker_is_down_it_is_kept_and_the_sweep_sends_it(
    board, officer, members, queued, django_capture_on_commit_callbacks, settings
):
    queued.side_effect = BrokerUnreachable("Error 111 connecting to 127.0.0.1:6379.")
    with django_capture_on_commit_callbacks(execute=True):
        circulation = send(board, officer)
    queued.side_effect = None
    queued.reset_mock()
    moment = datetime.timedelta(seconds=1)

    # Until it has been queued longer than any delivery may run, it may be on its way.
    soon = circulation_deliveries_resend(now=timezone.now() + settings.TASK_STALLED_AFTER - moment)
    later = circulation_deliveries_resend(now=timezone.now() + settings.TASK_STALLED_AFTER + moment)

    assert (soon, later) == ([], [circulation.pk])
    queued.assert_called_once_with(circulation.pk)
    circulation_deliver(circulation.pk)
    # Delivered, it is left alone.
    assert circulation_deliveries_resend(now=timezone.now() + settings.TASK_STALLED_AFTER * 2) == []
    assert addressees() == ["alys@example.org", "bryn@example.org"]


def test_a_resend_goes_only_to_those_not_reached_at_their_address_now(
    board, officer, queued, django_capture_on_commit_callbacks
):
    seat(board, "Alys Evans", "alys@example.org")
    bryn = seat(board, "Bryn Davies", REFUSED_ADDRESS)
    circulation = send(board, officer)
    circulation_deliver(circulation.pk)
    bryn.email = "bryn@example.org"
    bryn.save()
    queued.reset_mock()

    with django_capture_on_commit_callbacks(execute=True):
        assert circulation_resend(circulation=circulation) == 1
    queued.assert_called_once_with(circulation.pk)
    circulation_deliver(circulation.pk)

    assert addressees() == ["alys@example.org", "bryn@example.org"]
    circulation.refresh_from_db()
    assert circulation.status == Circulation.Status.SENT


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_deliveries_at_once_send_each_member_exactly_once(board, officer, queued):
    for number in range(12):
        seat(board, f"Member {number:02}", f"member{number:02}@example.org")
    circulation = send(board, officer)
    # Slow mail, so that each delivery is still sending when the other starts.
    RefusingBackend.delay = 0.05
    sent = []

    def deliver() -> None:
        try:
            sent.append(circulation_deliver(circulation.pk))
        finally:
            connection.close()

    try:
        threads = [threading.Thread(target=deliver) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        RefusingBackend.delay = 0.0

    assert sorted(sent)[0] > 0
    assert sum(sent) == 12
    assert addressees() == [f"member{number:02}@example.org" for number in range(12)]
    circulation.refresh_from_db()
    assert circulation.status == Circulation.Status.SENT


# Pages


def signed_in(client, person) -> None:
    if person.user is None:
        person.user = UserFactory()
        person.save()
    client.force_login(person.user)


def board_url(name: str, board, *args) -> str:
    return reverse(f"governance:{name}", args=[board.partnership.slug, board.slug, *args])


def test_an_officer_circulates_a_document_from_the_form(
    client, board, task_group, officer, members, queued, django_capture_on_commit_callbacks
):
    signed_in(client, officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            board_url("circulation_create", board),
            {
                "kind": "document",
                "title": "Cardiff Health Alliance annual report",
                "summary": "For information.",
                "document": pdf_file(),
                "also_to": [task_group.pk],
            },
            follow=True,
        )

    circulation = Circulation.objects.get()
    assert response.redirect_chain == [
        (board_url("circulation_detail", board, circulation.pk), 302)
    ]
    assert "Cardiff Health Alliance annual report is being sent to 3 members by e-mail." in (
        text_of(response)
    )
    assert circulation.circulated_by == officer
    assert circulation.document.name.endswith(".pdf")
    queued.assert_called_once_with(circulation.pk)


def test_the_form_shows_the_services_messages_and_saves_nothing(client, board, officer, members):
    signed_in(client, officer)

    response = client.post(
        board_url("circulation_create", board),
        {
            "kind": "consultation",
            "title": "Consultation",
            "respond_by_0": "1",
            "respond_by_1": "1",
            "respond_by_2": "2001",
        },
    )

    assert response.status_code == 200
    assert error_summary(response) == [
        CONSULTATION_NEEDS_LINK_OR_DOCUMENT,
        RESPOND_BY_IN_PAST,
    ]
    assert Circulation.objects.count() == 0


def test_the_list_shows_the_boards_circulations_and_those_it_received_newest_first(
    client, board, task_group, officer, members, queued, django_assert_max_num_queries
):
    first = send(board, officer, title="Older circulation")
    circulation_deliver(first.pk)
    send(task_group, officer, title="From the task group", also_to=[board])
    elsewhere = BoardFactory(partnership=board.partnership)
    seat(elsewhere, "Ffion Other", "ffion@example.org")
    send(elsewhere, officer, title="Not to this board")
    signed_in(client, Person.objects.get(name="Bryn Davies"))

    with django_assert_max_num_queries(10):
        response = client.get(board_url("circulation_list", board))

    text = text_of(response)
    assert response.status_code == 200
    assert text.count("Christine Jenkins") == 2
    assert "Not to this board" not in text
    assert text.index("From the task group From Integrated Assessment Tool task group") < (
        text.index("Older circulation Link Christine Jenkins 2 of 2")
    )
    assert "Circulate a document, link or consultation" not in text


def test_the_detail_page_lists_each_member_and_why_one_was_not_sent(
    client, board, officer, queued, django_assert_max_num_queries
):
    seat(board, "Alys Evans", "alys@example.org")
    seat(board, "Carys Price")
    circulation = send(board, officer, summary="Please read before the next meeting.")
    circulation_deliver(circulation.pk)
    signed_in(client, officer)

    with django_assert_max_num_queries(12):
        response = client.get(board_url("circulation_detail", board, circulation.pk))

    text = text_of(response)
    assert "Circulated by Christine Jenkins, Health Partnership Manager, Cardiff Council" in text
    assert "Status Partly sent" in text
    assert "Please read before the next meeting." in text
    assert "Alys Evans alys@example.org Sent " in text
    assert "Carys Price None recorded Not sent: Carys Price has no e-mail address." in text
    assert "Send again to the 1 member not reached" in text


def test_an_officer_resends_with_a_post(client, board, officer, queued):
    seat(board, "Carys Price")
    circulation = send(board, officer)
    circulation_deliver(circulation.pk)
    signed_in(client, officer)

    assert client.get(board_url("circulation_resend", board, circulation.pk)).status_code == 405
    response = client.post(board_url("circulation_resend", board, circulation.pk), follow=True)

    assert "It is being sent again to 1 member not yet reached." in text_of(response)


def test_the_document_is_served_to_readers_only(client, board, officer, members, queued):
    circulation = send(
        board,
        officer,
        kind=Circulation.Kind.DOCUMENT,
        title="Ward figures",
        document=workbook_file(),
    )
    url = board_url("circulation_document", board, circulation.pk)
    signed_in(client, Person.objects.get(name="Bryn Davies"))

    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="Ward figures.xlsx"'
    assert b"".join(response.streaming_content).startswith(b"PK")
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403


def test_a_member_of_another_board_can_read_what_was_sent_to_them(
    client, board, task_group, officer, members, queued
):
    circulation = send(board, officer, also_to=[task_group])
    signed_in(client, Person.objects.get(name="Carys Price"))

    assert client.get(board_url("circulation_detail", board, circulation.pk)).status_code == 200
    assert client.get(board_url("circulation_detail", task_group, circulation.pk)).status_code == (
        200
    )
    assert client.get(board_url("circulation_list", board)).status_code == 403


@pytest.mark.parametrize(
    ("who", "create", "view"),
    [
        ("officer", 200, 200),
        ("chair", 200, 200),
        ("member", 403, 200),
        ("stranger", 403, 403),
        ("officer elsewhere", 403, 403),
    ],
)
def test_who_may_circulate_and_read_circulations(
    client, board, officer, members, who, create, view
):
    people = {
        "officer": officer,
        "chair": Person.objects.get(name="Alys Evans"),
        "member": Person.objects.get(name="Bryn Davies"),
        "stranger": PersonFactory(),
        "officer elsewhere": PersonFactory(
            capacity=Person.Capacity.OFFICER, organisation=OrganisationFactory()
        ),
    }
    signed_in(client, people[who])

    assert client.get(board_url("circulation_create", board)).status_code == create
    assert client.get(board_url("circulation_list", board)).status_code == view


def test_the_board_page_links_to_its_circulations_for_its_readers_only(
    client, board, officer, members
):
    link = "Documents, links and consultations circulated to its members"
    assert link not in text_of(client.get(board.get_absolute_url()))

    signed_in(client, officer)

    assert link in text_of(client.get(board.get_absolute_url()))
