"""Agenda packs: asking for one, and the states its rendering passes through."""

import datetime
import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from core.broker import task_send_on_commit
from meetings import tasks
from meetings.models import AgendaPack, Meeting
from meetings.services.announcements import announce_pack_ready
from partnership.models import Person

# Marked only, and translated where raised: a plain string, so that it can be looked for in a page.
PACK_NEEDS_ITEMS = gettext_noop("Add items to the agenda before generating its pack.")
PACK_NOT_FAILED = _("Only a pack that failed can be tried again.")
PACK_ABANDONED = (
    "The pack was started {attempts} times without finishing: the worker rendering it stopped "
    "each time, perhaps for lack of memory. Try again, or ask an administrator to look at it."
)
# Counted from the pack's history: a worker that is killed mid-render gets the task again, and
# a pack that kills every worker must fail instead of going round for ever.
MAX_RENDER_ATTEMPTS = 4
# A pack whose task could not be handed to the broker is sent again by the sweep after this:
# long enough that the sweep never races the request that is sending it.
UNSENT_GRACE = datetime.timedelta(seconds=30)

logger = logging.getLogger(__name__)


def _send_render_task(pack: AgendaPack) -> None:
    pack_id = pack.pk
    task_send_on_commit(
        tasks.render_agenda_pack, pack_id, then=lambda: agenda_pack_sent(pack_id=pack_id)
    )


def agenda_pack_sent(*, pack_id: int) -> None:
    """Records that the pack's render task is with the broker, for the sweep that resends."""
    # A plain update, like progress: bookkeeping of the queue, not a version of the pack.
    AgendaPack.objects.filter(pk=pack_id).update(task_sent_at=timezone.now())


@transaction.atomic
def agenda_pack_request(*, meeting: Meeting, variant: str, by: Person) -> AgendaPack:
    """Queues a pack of the agenda; one already on its way for the same audience is reused."""
    if not meeting.agenda_items.exists():
        raise ValidationError(gettext(PACK_NEEDS_ITEMS))
    pack = AgendaPack(meeting=meeting, variant=variant, requested_by=by)
    pack.full_clean()
    in_progress = (
        AgendaPack.objects.select_for_update()
        .filter(
            meeting=meeting,
            variant=variant,
            status__in=[AgendaPack.Status.QUEUED, AgendaPack.Status.RENDERING],
        )
        .first()
    )
    if in_progress is not None:
        return in_progress
    pack.save()
    _send_render_task(pack)
    return pack


@transaction.atomic
def agenda_pack_retry(*, pack: AgendaPack) -> AgendaPack:
    """Queues a failed pack again, from the start."""
    pack = AgendaPack.objects.select_for_update().get(pk=pack.pk)
    if pack.status != AgendaPack.Status.FAILED:
        raise ValidationError(PACK_NOT_FAILED)
    pack.status = AgendaPack.Status.QUEUED
    pack.failure_reason = ""
    pack.sections_done = 0
    pack.finished_at = None
    pack.full_clean()
    pack.save()
    _send_render_task(pack)
    return pack


@transaction.atomic
def agenda_pack_start(*, pack_id: int) -> AgendaPack | None:
    """Marks a pack as rendering; None if it is finished, or has been tried too often."""
    pack = AgendaPack.objects.select_for_update().select_related("meeting").get(pk=pack_id)
    if pack.status in {AgendaPack.Status.READY, AgendaPack.Status.FAILED}:
        return None
    attempts = _attempts_since_queued(pack)
    if attempts >= MAX_RENDER_ATTEMPTS:
        _fail(pack, PACK_ABANDONED.format(attempts=attempts))
        return None
    pack.status = AgendaPack.Status.RENDERING
    pack.sections_done = 0
    pack.full_clean()
    pack.save()
    return pack


def _attempts_since_queued(pack: AgendaPack) -> int:
    # Each start saves a history row in the rendering state; progress is recorded without one.
    attempts = 0
    for status in pack.history.order_by("-history_date", "-history_id").values_list(
        "status", flat=True
    ):
        if status != AgendaPack.Status.RENDERING:
            break
        attempts += 1
    return attempts


def agenda_pack_progress(*, pack_id: int, done: int, total: int) -> None:
    """Records how far rendering has got, for the page that shows progress, and that the
    worker rendering it is alive, for the sweep."""
    # A plain update: progress is not worth a row of history each step.
    AgendaPack.objects.filter(pk=pack_id, status=AgendaPack.Status.RENDERING).update(
        sections_done=done, sections_total=total, modified_at=timezone.now()
    )


@transaction.atomic
def agenda_packs_resend(*, now: datetime.datetime | None = None) -> list[int]:
    """Sends the render task again for each pack that lost it: one whose task the broker never
    had (it was down when the pack was asked for), and one queued or rendering with no sign of
    life for longer than any task may run (Redis restarted empty, or the worker was killed).

    The task is safe to run twice, and a pack started too often without finishing fails
    (MAX_RENDER_ATTEMPTS), so a pack that kills its workers is not sent round for ever.
    """
    now = now or timezone.now()
    silent_since = now - settings.TASK_STALLED_AFTER
    never_sent = Q(
        status=AgendaPack.Status.QUEUED,
        task_sent_at__isnull=True,
        modified_at__lt=now - UNSENT_GRACE,
    )
    silent = Q(
        status__in=[AgendaPack.Status.QUEUED, AgendaPack.Status.RENDERING],
        modified_at__lt=silent_since,
    ) & (Q(task_sent_at__isnull=True) | Q(task_sent_at__lt=silent_since))
    # A pack being started or finished right now is locked by its worker: alive, so skipped.
    packs = list(
        AgendaPack.objects.select_for_update(skip_locked=True)
        .filter(never_sent | silent)
        .order_by("pk")
    )
    for pack in packs:
        logger.warning(
            "Agenda pack %s (%s, task last sent %s): sending its render task again",
            pack.pk,
            pack.status,
            pack.task_sent_at or "never",
            extra={"pack_id": pack.pk},
        )
        _send_render_task(pack)
    return [pack.pk for pack in packs]


@transaction.atomic
def agenda_pack_complete(*, pack_id: int, file_name: str, page_count: int) -> AgendaPack:
    """Points a pack at its stored file; if another run finished it first, keeps that one."""
    pack = AgendaPack.objects.select_for_update().get(pk=pack_id)
    if pack.status != AgendaPack.Status.RENDERING:
        transaction.on_commit(lambda: default_storage.delete(file_name))
        return pack
    pack.status = AgendaPack.Status.READY
    pack.file.name = file_name
    pack.page_count = page_count
    pack.sections_done = pack.sections_total
    pack.finished_at = timezone.now()
    pack.full_clean()
    pack.save()
    announce_pack_ready(pack)
    return pack


@transaction.atomic
def agenda_pack_fail(*, pack_id: int, reason: str) -> AgendaPack:
    """Records why a pack could not be rendered; a ready pack stays ready."""
    pack = AgendaPack.objects.select_for_update().get(pk=pack_id)
    if pack.status != AgendaPack.Status.READY:
        _fail(pack, reason)
    return pack


def _fail(pack: AgendaPack, reason: str) -> None:
    pack.status = AgendaPack.Status.FAILED
    pack.failure_reason = reason
    pack.finished_at = timezone.now()
    pack.full_clean()
    pack.save()
