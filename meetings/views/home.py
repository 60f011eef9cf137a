"""The home page: what needs a signed-in person's attention across the apps."""

from django.utils import timezone
from django.views.generic import TemplateView

from governance.models import BoardMembership, JointAppointment
from meetings.models import Meeting
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
    """What a person's home page shows: their seats, their boards' meetings, actions due, and
    to an officer the reviews of their partnerships' joint appointments coming due."""
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
    reviews_due = (
        JointAppointment.objects.filter(partnership_id__in=officer_of)
        .reviews_coming_due(today)
        .select_related("partnership", "holder")
        .order_by("review_due_on", "post_title")
    )
    return {
        "person": person,
        "seats": seats,
        "next_meetings": meetings.upcoming().order_by("starts_at")[:5],
        "recent_meetings": meetings.filter(starts_at__lt=timezone.now()).order_by("-starts_at")[:5],
        "actions_due": mine.order_by("deadline", "reference")[:10],
        "reviews_due": reviews_due[:10],
        "today": today,
    }
