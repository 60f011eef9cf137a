"""Circulating documents, links and consultations by e-mail to the members of boards.

`circulation_send` writes the circulation and, in the same transaction, one recipient row per
member seated on its boards at that moment, then queues the worker. The rows are an outbox:
`circulation_deliver` sends each unsent one in a transaction of its own, holding that row's
lock, and marks it sent there, so a delivery run twice, or twice at once, sends each member
one e-mail; a refused address is recorded and the others still go.
"""

import datetime
import logging
import mimetypes
import smtplib
from collections.abc import Iterable
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.broker import task_send_on_commit, tasks_resend
from core.dates import long_date
from core.uploads import check_document, check_spreadsheet
from governance import tasks
from governance.models import Board, BoardMembership, Circulation, CirculationRecipient
from partnership.models import Person

logger = logging.getLogger(__name__)

DOCUMENT_REQUIRED = _("Select the document to circulate.")
LINK_REQUIRED = _("Enter the address of the page to circulate, starting https://")
RESPOND_BY_REQUIRED = _("Enter the date responses are due by.")
RESPOND_BY_IN_PAST = _("The date responses are due by must be today or in the future.")
CONSULTATION_NEEDS_LINK_OR_DOCUMENT = _(
    "Enter the address of the consultation, or select its document, or both."
)
RESPOND_BY_ONLY_FOR_CONSULTATION = _("Only a consultation has a date responses are due by.")
OTHER_PARTNERSHIP_BOARD = _("{board} is not a board of {partnership}.")
NOBODY_TO_SEND_TO = _("Nobody sits on the chosen boards now, so there is nobody to send it to.")
NOT_A_CIRCULATED_FILE = _(
    "The selected file must be a PDF, a Word document (.docx), "
    "or a spreadsheet (.xlsx, or .csv saved as UTF-8)."
)
NO_EMAIL_ADDRESS = "{person} has no e-mail address."

# What a mail server's refusal looks like; the recipient stays unsent, for a re-send.
MAIL_REFUSED = (smtplib.SMTPException, OSError)
# Larger documents go as a link to their download page, as many mail servers refuse more.
ATTACHMENT_LIMIT_BYTES = 5 * 1024 * 1024
LAST_ERROR_LENGTH = CirculationRecipient._meta.get_field("last_error").max_length


def check_circulated_file(upload: File) -> str:
    """A PDF, Word document or spreadsheet, checked by its content; returns its extension."""
    try:
        return check_document(upload)
    except ValidationError as error:
        if error.code not in {"not_pdf_or_docx", "not_docx"}:
            raise
    try:
        return check_spreadsheet(upload)
    except ValidationError as error:
        if error.code != "not_csv_or_xlsx":
            raise
        raise ValidationError(NOT_A_CIRCULATED_FILE, code="not_circulated_file") from error


def current_members(boards: Iterable[Board], today: datetime.date) -> list[Person]:
    """The people seated on any of the boards today, each once, by name."""
    person_ids = (
        BoardMembership.objects.filter(board__in=boards).held().current(today).values("person_id")
    )
    return list(Person.objects.filter(pk__in=person_ids).order_by("name", "pk"))


@transaction.atomic
def circulation_send(
    *,
    board: Board,
    by: Person,
    kind: str,
    title: str,
    summary: str = "",
    link: str = "",
    document: File | None = None,
    respond_by: datetime.date | None = None,
    also_to: Iterable[Board] = (),
) -> Circulation:
    """Circulates to everyone seated on the board and the other boards now, each once, by
    e-mail from the worker; a document is checked by its content first."""
    today = timezone.localdate()
    also_to = [other for other in also_to if other.pk != board.pk]
    circulation = Circulation(
        board=board,
        kind=kind,
        title=title,
        summary=summary,
        link=link,
        respond_by=respond_by,
        circulated_by=by,
    )
    errors: dict[str, list[str]] = {}

    def refuse(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    try:
        circulation.full_clean(exclude={"document"})
    except ValidationError as error:
        errors.update(error.message_dict)
    if document is not None:
        try:
            extension = check_circulated_file(document)
        except ValidationError as error:
            refuse("document", error.messages[0])
    if kind == Circulation.Kind.DOCUMENT and document is None:
        refuse("document", DOCUMENT_REQUIRED)
    if kind == Circulation.Kind.LINK and not link:
        refuse("link", LINK_REQUIRED)
    if kind == Circulation.Kind.CONSULTATION:
        if respond_by is None:
            refuse("respond_by", RESPOND_BY_REQUIRED)
        elif respond_by < today:
            refuse("respond_by", RESPOND_BY_IN_PAST)
        if not link and document is None:
            refuse("link", CONSULTATION_NEEDS_LINK_OR_DOCUMENT)
    elif respond_by is not None:
        refuse("respond_by", RESPOND_BY_ONLY_FOR_CONSULTATION)
    for other in also_to:
        if other.partnership_id != board.partnership_id:
            refuse(
                "also_to",
                OTHER_PARTNERSHIP_BOARD.format(board=other, partnership=board.partnership),
            )
    members = current_members([board, *also_to], today)
    if not members and not errors:
        refuse("__all__", NOBODY_TO_SEND_TO)
    if errors:
        raise ValidationError(errors)

    if document is not None:
        stem = slugify(PurePath(document.name or "").stem) or "document"
        # Named by what the content is, whatever the uploader called it.
        circulation.document.save(f"{stem}.{extension}", document, save=False)
    try:
        circulation.save()
        circulation.also_to.set(also_to)
        CirculationRecipient.objects.bulk_create(
            CirculationRecipient(circulation=circulation, person=person, email=person.email)
            for person in members
        )
    except Exception:
        # A refused circulation leaves no file behind.
        if circulation.document:
            circulation.document.storage.delete(circulation.document.name)
        raise
    _queue_delivery(circulation)
    return circulation


def _queue_delivery(circulation: Circulation) -> None:
    # Not sent if the broker is down: the circulation stays queued for the sweep below.
    task_send_on_commit(tasks.deliver_circulation, circulation.pk)


def circulation_deliveries_resend(*, now: datetime.datetime | None = None) -> list[int]:
    """Sends the delivery task again for each circulation still queued, untouched for longer
    than any task may run: its task was lost (the broker was down when it was circulated, or
    Redis restarted empty) or its worker was killed mid-delivery. Delivering twice is safe."""
    now = now or timezone.now()
    stalled = Circulation.objects.filter(
        status=Circulation.Status.QUEUED, modified_at__lt=now - settings.TASK_STALLED_AFTER
    )
    return tasks_resend(tasks.deliver_circulation, stalled)


@transaction.atomic
def circulation_resend(*, circulation: Circulation) -> int:
    """Queues the circulation again for the members it has not reached, each at their address
    as it is now; returns how many that is."""
    unsent = list(circulation.recipients.filter(sent_at__isnull=True).select_related("person"))
    for recipient in unsent:
        if recipient.email != recipient.person.email:
            recipient.email = recipient.person.email
            recipient.save(update_fields=["email"])
    if unsent:
        _queue_delivery(circulation)
    return len(unsent)


def circulation_deliver(circulation_id: int) -> int:
    """Sends the circulation to each member it has not reached, each in a transaction of its
    own; returns how many e-mails went. Safe to run twice, or twice at once."""
    circulation = (
        Circulation.objects.select_related("board__partnership", "circulated_by__organisation")
        .prefetch_related("also_to")
        .filter(pk=circulation_id)
        .first()
    )
    if circulation is None:
        return 0
    unsent = circulation.recipients.filter(sent_at__isnull=True).order_by("pk")
    sent = sum(
        _deliver_to(circulation, recipient_id)
        for recipient_id in list(unsent.values_list("pk", flat=True))
    )
    _record_progress(circulation_id)
    return sent


def _deliver_to(circulation: Circulation, recipient_id: int) -> bool:
    """Sends one member their e-mail, holding their row; False if it did not go now."""
    with transaction.atomic():
        # A delivery running at the same time that holds this row is sending it: skip it.
        recipient = (
            CirculationRecipient.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("person")
            .filter(pk=recipient_id, sent_at__isnull=True)
            .first()
        )
        if recipient is None:
            return False
        refusal: Exception | str | None = None
        if recipient.email:
            try:
                circulation_message(circulation=circulation, recipient=recipient).send()
            except MAIL_REFUSED as error:
                recipient.failed_attempts += 1
                refusal = error
        else:
            refusal = NO_EMAIL_ADDRESS.format(person=recipient.person)
        if refusal is None:
            recipient.sent_at = timezone.now()
            recipient.last_error = ""
        else:
            logger.warning("Circulation %s to %s not sent: %s", circulation.pk, recipient, refusal)
            recipient.last_error = str(refusal)[:LAST_ERROR_LENGTH]
        recipient.save(update_fields=["sent_at", "failed_attempts", "last_error"])
        return refusal is None


@transaction.atomic
def _record_progress(circulation_id: int) -> None:
    """Sent once every member has it, partly sent until then."""
    # Locked, so that of two deliveries the one finishing last, having seen all the other's
    # rows, writes the status.
    circulation = Circulation.objects.select_for_update().get(pk=circulation_id)
    recipients = circulation.recipients.all()
    reached = recipients.aggregate(last=Max("sent_at"))["last"]
    circulation.status = (
        Circulation.Status.PARTLY_SENT
        if recipients.filter(sent_at__isnull=True).exists()
        else Circulation.Status.SENT
    )
    circulation.sent_at = reached
    circulation.save(update_fields=["status", "sent_at", "modified_at"])


def circulation_url(circulation: Circulation, name: str = "circulation_detail") -> str:
    """The full address of the circulation's page (or another of its views), for an e-mail."""
    board = circulation.board
    return settings.SITE_URL.rstrip("/") + reverse(
        f"governance:{name}", args=[board.partnership.slug, board.slug, circulation.pk]
    )


def circulation_message(
    *, circulation: Circulation, recipient: CirculationRecipient
) -> EmailMultiAlternatives:
    """One member's e-mail: what it is, from whom, its summary, link, document and due date."""
    document_size = circulation.document.size if circulation.document else 0
    attached = bool(circulation.document) and document_size <= ATTACHMENT_LIMIT_BYTES
    url = circulation_url(circulation)
    by = circulation.circulated_by
    context = {
        "circulation": circulation,
        "recipient": recipient.person,
        "url": url,
        "document_attached": attached,
        "document_url": (
            circulation_url(circulation, "circulation_document") if circulation.document else ""
        ),
        "boards": [circulation.board, *circulation.also_to.all()],
    }
    kind, title = circulation.get_kind_display(), circulation.title
    if circulation.respond_by:
        subject = gettext("{kind}: {title} (respond by {date})").format(
            kind=kind, title=title, date=long_date(circulation.respond_by)
        )
    else:
        subject = gettext("{kind}: {title}").format(kind=kind, title=title)
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string("governance/email/circulation.txt", context),
        to=[recipient.email],
        reply_to=[by.email] if by.email else None,
    )
    message.attach_alternative(
        render_to_string("governance/email/circulation.html", context), "text/html"
    )
    if attached:
        name = document_filename(circulation)
        with circulation.document.open("rb") as document:
            message.attach(name, document.read(), mimetypes.guess_type(name)[0])
    return message


def document_filename(circulation: Circulation) -> str:
    """The document's name for its readers: the circulation's title, with the file's type."""
    return circulation.title + PurePath(circulation.document.name).suffix
