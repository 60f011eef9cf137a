"""Putting an outcome framework's performance report on a board's agenda, as a report whose
appendix is the report's PDF, merged into the agenda pack as it is."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import translation
from django.utils.dateformat import format as date_format
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from meetings.models import AgendaItem, Meeting, Report
from meetings.services.agenda import agenda_item_add
from meetings.services.reports import appendix_add, report_create
from outcomes.models import PerformanceReport
from outcomes.performance import framework_performance
from outcomes.reporting import rag_summary
from partnership.rules import person_of

NOT_ALLOWED_TO_ADD = _("Only those who may build the agenda of {board} may add items to it.")
PERFORMANCE_REPORT_NOT_READY = _(
    "That performance report is {status}: only a report that is ready can go on an agenda."
)
PERFORMANCE_REPORT_OF_ANOTHER_PARTNERSHIP = _(
    "That performance report is of {partnership}'s framework, not of this board's partnership."
)
# The item's, report's and appendix's words are stored in their English fields, and printed
# in the pack, so they are not in the language of whoever adds them.
PERFORMANCE_REPORT_TITLE = "Performance report: {framework}"
PERFORMANCE_REPORT_PURPOSE = (
    "To note how the indicators of the {framework} stand as of {as_of}: {summary}. The full "
    "report, with each indicator's chart and figures, is appended."
)
ITEM_PURPOSE = "To note the performance of the {framework} as of {as_of}."
APPENDIX_TITLE = "Performance report of the {framework} as of {as_of}"


@transaction.atomic
def agenda_item_add_performance_report(
    *, meeting: Meeting, performance_report: PerformanceReport, by: AbstractUser
) -> AgendaItem:
    """Adds a ready performance report of the board's partnership at the end of the agenda."""
    if not by.has_perm("meetings.change_meeting", meeting):
        raise PermissionDenied(NOT_ALLOWED_TO_ADD.format(board=meeting.board))
    framework = performance_report.framework
    if performance_report.status != PerformanceReport.Status.READY:
        raise ValidationError(
            {
                "performance_report": PERFORMANCE_REPORT_NOT_READY.format(
                    status=performance_report.get_status_display().lower()
                )
            }
        )
    if framework.partnership_id != meeting.board.partnership_id:
        raise ValidationError(
            {
                "performance_report": PERFORMANCE_REPORT_OF_ANOTHER_PARTNERSHIP.format(
                    partnership=framework.partnership
                )
            }
        )
    # The words below are stored in the records' English fields, whoever's language is active.
    with translation.override(settings.LANGUAGE_CODE):
        as_of = date_format(performance_report.as_of, "j F Y")
        summary = rag_summary(framework_performance(framework, as_of=performance_report.as_of))
    person = person_of(by)
    report = report_create(
        board=meeting.board,
        fields={
            "title": PERFORMANCE_REPORT_TITLE.format(framework=framework),
            "report_by": (person.job_title or person.name) if person else "",
            "classification": Report.Classification.OPEN,
            "purpose": "<p>{}</p>".format(
                escape(
                    PERFORMANCE_REPORT_PURPOSE.format(
                        framework=framework, as_of=as_of, summary=summary
                    )
                )
            ),
        },
    )
    with performance_report.file.open("rb") as stored:
        # A copy, so the appendix stays as it was put on the agenda whatever becomes of the
        # report it came from.
        pdf = ContentFile(stored.read(), name=f"{slugify(str(framework))}-performance.pdf")
    appendix_add(
        report=report,
        label="1",
        title=APPENDIX_TITLE.format(framework=framework, as_of=as_of),
        upload=pdf,
    )
    return agenda_item_add(
        meeting=meeting,
        title=report.title,
        kind=AgendaItem.Kind.REPORT,
        purpose=ITEM_PURPOSE.format(framework=framework, as_of=as_of),
        report=report,
        presenter=person,
    )
