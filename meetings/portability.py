"""What a partnership's archive holds of this app (core/portability.py): meetings with their
agendas, reports and appendices, attendance, declarations, minutes, resolutions, corrections,
agenda packs (with their files) and the decisions on projects."""

from core.portability import LeftOut, Owned
from meetings.models import (
    AgendaItem,
    AgendaPack,
    Appendix,
    Attendance,
    Declaration,
    Meeting,
    Minute,
    MinuteCorrection,
    ProjectDecision,
    RenderedSection,
    Report,
    Resolution,
)

SECTIONS = [
    Owned(Meeting, lambda p: Meeting.objects.filter(board__partnership=p)),
    Owned(Report, lambda p: Report.objects.filter(board__partnership=p)),
    Owned(Appendix, lambda p: Appendix.objects.filter(report__board__partnership=p)),
    Owned(AgendaItem, lambda p: AgendaItem.objects.filter(meeting__board__partnership=p)),
    Owned(Attendance, lambda p: Attendance.objects.filter(meeting__board__partnership=p)),
    Owned(Declaration, lambda p: Declaration.objects.filter(meeting__board__partnership=p)),
    Owned(Minute, lambda p: Minute.objects.filter(meeting__board__partnership=p)),
    Owned(Resolution, lambda p: Resolution.objects.filter(minute__meeting__board__partnership=p)),
    Owned(
        MinuteCorrection,
        lambda p: MinuteCorrection.objects.filter(minute__meeting__board__partnership=p),
    ),
    # The packs as they were published, files and all: a pack rendered again from today's
    # templates would not be the one the public and members were given.
    Owned(AgendaPack, lambda p: AgendaPack.objects.filter(meeting__board__partnership=p)),
    Owned(ProjectDecision, lambda p: ProjectDecision.objects.filter(project__partnership=p)),
    LeftOut(
        RenderedSection,
        "Rendered sections are a cache of the pack renderer, made again when a pack is asked for.",
    ),
]
