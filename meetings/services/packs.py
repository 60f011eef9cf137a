"""Agenda packs: asking for one, and the states its rendering passes through."""

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

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


def _send_render_task(pack: AgendaPack) -> None:
    transaction.on_commit(lambda: tasks.render_agenda_pack.delay(pack.pk))


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
    """Records how far rendering has got, for the page that shows progress."""
    # A plain update: progress is not worth a row of history each step.
    AgendaPack.objects.filter(pk=pack_id, status=AgendaPack.Status.RENDERING).update(
        sections_done=done, sections_total=total
    )


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
