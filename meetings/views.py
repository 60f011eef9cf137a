from django.db.models import Prefetch
from django.utils import timezone
from django.views.generic import DetailView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from governance.models import BoardMembership
from meetings.exemptions import exemption_notice
from meetings.models import AgendaItem, Meeting, Minute
from outcomes.models import DevelopmentAction
from partnership.models import Partnership, Person
from partnership.rules import officer_partnership_ids, person_of

ACTIONS_DUE_WITHIN_DAYS = 60


class HomeView(TemplateView):
    """The signed-in user's boards, meetings and actions due; the partnerships for everyone."""

    template_name = "home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["partnerships"] = Partnership.objects.all()
        person = person_of(self.request.user)
        if person is not None:
            context.update(dashboard_for(person, officer_partnership_ids(self.request.user)))
        return context


def dashboard_for(person: Person, officer_of: set[int]) -> dict:
    """What a person's home page shows: their seats, their boards' meetings, actions due."""
    today = timezone.localdate()
    seats = list(
        BoardMembership.objects.filter(person=person)
        .current(today)
        .select_related("board__partnership", "organisation")
    )
    board_ids = {seat.board_id for seat in seats}
    meetings = Meeting.objects.filter(board_id__in=board_ids).select_related("board__partnership")
    actions = DevelopmentAction.objects.due_by(
        today + timezone.timedelta(days=ACTIONS_DUE_WITHIN_DAYS)
    ).select_related("partnership", "lead_board", "lead_person", "lead_organisation")
    mine = (
        actions.filter(partnership_id__in=officer_of)
        | actions.filter(lead_person=person)
        | actions.filter(lead_board_id__in=board_ids)
    )
    return {
        "person": person,
        "seats": seats,
        "next_meetings": meetings.upcoming().order_by("starts_at")[:5],
        "recent_meetings": meetings.filter(starts_at__lt=timezone.now()).order_by("-starts_at")[:5],
        "actions_due": mine.order_by("deadline", "reference")[:10],
        "today": today,
    }


class MeetingDetailView(PermissionRequiredMixin, DetailView):
    """A meeting's agenda, attendance and minutes, as far as the reader may see them."""

    model = Meeting
    template_name = "meetings/meeting_detail.html"
    permission_required = "meetings.view_meeting"

    def get_queryset(self):
        return Meeting.objects.select_related(
            "board__partnership", "contact", "minutes_approved_at_meeting"
        ).prefetch_related(
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.select_related("report__contact_officer", "presenter"),
            ),
            "attendances__person",
            "declarations__person",
            Prefetch("minutes", queryset=Minute.objects.prefetch_related("resolutions")),
        )

    def get_object(self, queryset=None):
        # Loaded once for the permission check and the page alike.
        if not hasattr(self, "_meeting"):
            self._meeting = super().get_object(queryset)
        return self._meeting

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        items = list(self.object.agenda_items.all())
        nation = self.object.board.partnership.nation
        for item in items:
            item.can_view = user.has_perm("meetings.view_item", item)
            if item.is_exempt:
                item.exemption_notice = exemption_notice(nation, item.exempt_paragraph)
        context["items"] = items
        context["can_view_minutes"] = user.has_perm("meetings.view_minutes", self.object)
        return context
