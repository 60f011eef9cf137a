"""A partnership's public record: its meetings calendar, its decisions and its forward plan.

These pages show what the public sees, to everyone: the published and open record. A member
reads more on each meeting's own page, where the rules decide item by item.
"""

from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils import timezone
from django.views.generic import TemplateView

from governance.audience import BoardAudience
from governance.models import Board
from meetings.exemptions import exemption_notice
from meetings.models import AgendaItem, Meeting, Minute, Report
from meetings.notice import DECISION_NOTICE_WORKING_DAYS, decision_notice
from meetings.visibility import item_content_seen
from partnership.models import Partnership

PAST_PER_PAGE = 25
DECISION_MEETINGS_PER_PAGE = 10


class PartnershipRecordView(TemplateView):
    """A page of one partnership's record, perhaps narrowed to one of its boards."""

    def partnership(self) -> Partnership:
        if not hasattr(self, "_partnership"):
            self._partnership = get_object_or_404(Partnership, slug=self.kwargs["partnership"])
        return self._partnership

    def board(self) -> Board | None:
        """The board asked for by ?board=<slug>; an unknown one is ignored and said so."""
        slug = self.request.GET.get("board")
        return Board.objects.filter(partnership=self.partnership(), slug=slug).first()

    def meetings(self):
        meetings = Meeting.objects.filter(board__partnership=self.partnership()).select_related(
            "board__partnership"
        )
        board = self.board()
        return meetings.filter(board=board) if board else meetings

    def get_context_data(self, **kwargs):
        partnership = self.partnership()
        # The URL's slug gives way to the partnership it names.
        kwargs.update(
            partnership=partnership,
            boards=partnership.boards.order_by("name"),
            board=self.board(),
            board_asked=self.request.GET.get("board", ""),
        )
        return super().get_context_data(**kwargs)


class MeetingsCalendarView(PartnershipRecordView):
    """Meetings to come, soonest first, and meetings held, latest first, a page at a time."""

    template_name = "meetings/public/calendar.html"

    def get_context_data(self, **kwargs):
        now = timezone.now()
        meetings = self.meetings()
        past = Paginator(meetings.filter(starts_at__lt=now).order_by("-starts_at"), PAST_PER_PAGE)
        return super().get_context_data(
            upcoming=meetings.filter(starts_at__gte=now).order_by("starts_at"),
            past=past.get_page(self.request.GET.get("page")),
            **kwargs,
        )


class DecisionsView(PartnershipRecordView):
    """Decisions of every board, from published minutes of open items, latest meeting first.

    In Wales each meeting's decisions carry the seven-working-day notice check, and meetings
    whose decisions are not yet published past that deadline are listed first.
    """

    template_name = "meetings/public/decisions.html"

    def get_context_data(self, **kwargs):
        public = BoardAudience.of_public()
        open_minutes = (
            Minute.objects.filter(
                Q(agenda_item__isnull=True) | item_content_seen(public, "agenda_item")
            )
            .prefetch_related("resolutions")
            .order_by("number")
        )
        held = (
            self.meetings()
            .filter(starts_at__lt=timezone.now(), agenda_published_at__isnull=False)
            .exclude(status=Meeting.Status.CANCELLED)
        )
        published = (
            held.filter(minutes_status=Meeting.MinutesStatus.PUBLISHED)
            .prefetch_related(Prefetch("minutes", open_minutes, to_attr="open_minutes"))
            .order_by("-starts_at")
        )
        page = Paginator(published, DECISION_MEETINGS_PER_PAGE).get_page(
            self.request.GET.get("page")
        )
        for meeting in page:
            meeting.decision_notice = decision_notice(meeting)
        awaiting = []
        if self.partnership().nation in DECISION_NOTICE_WORKING_DAYS:
            for meeting in held.exclude(minutes_status=Meeting.MinutesStatus.PUBLISHED):
                meeting.decision_notice = decision_notice(meeting)
                if meeting.decision_notice.late:
                    awaiting.append(meeting)
        return super().get_context_data(page=page, awaiting=awaiting, **kwargs)


class ForwardPlanView(PartnershipRecordView):
    """Key decisions on the published agendas of meetings to come, soonest first.

    An exempt key decision is listed by its title and the paragraph that exempts it.
    """

    template_name = "meetings/public/forward_plan.html"

    def get_context_data(self, **kwargs):
        meetings = self.meetings().filter(
            starts_at__gte=timezone.now(), agenda_published_at__isnull=False
        )
        items = list(
            AgendaItem.objects.filter(meeting__in=meetings, report__is_key_decision=True)
            .select_related("meeting__board__partnership", "report__contact_officer")
            .order_by("meeting__starts_at", "position")
        )
        nation = self.partnership().nation
        for item in items:
            item.withheld = (
                item.is_exempt or item.report.classification == Report.Classification.EXEMPT
            )
            if item.is_exempt:
                item.exemption_notice = exemption_notice(nation, item.exempt_paragraph)
        return super().get_context_data(items=items, **kwargs)


urlpatterns = [
    path(
        "partnerships/<slug:partnership>/", MeetingsCalendarView.as_view(), name="meetings_calendar"
    ),
    path(
        "partnerships/<slug:partnership>/decisions/",
        DecisionsView.as_view(),
        name="decisions",
    ),
    path(
        "partnerships/<slug:partnership>/forward-plan/",
        ForwardPlanView.as_view(),
        name="forward_plan",
    ),
]
