from django.db.models import Prefetch
from django.urls import path
from django.views.generic import DetailView
from rules.contrib.views import PermissionRequiredMixin

from meetings.exemptions import exemption_notice
from meetings.interests import interest_prompts
from meetings.models import AgendaItem, Meeting, Minute
from meetings.notice import agenda_notice
from meetings.services.minutes import quorum_check


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
        prompts = interest_prompts(principal=user, meeting=self.object, items=items)
        for item in items:
            item.can_view = user.has_perm("meetings.view_item", item)
            item.interest_prompts = prompts.get(item.pk, [])
            if item.is_exempt:
                item.exemption_notice = exemption_notice(nation, item.exempt_paragraph)
        context["items"] = items
        context["can_view_minutes"] = user.has_perm("meetings.view_minutes", self.object)
        context["agenda_notice"] = agenda_notice(self.object)
        if user.has_perm("meetings.change_meeting", self.object):
            context["quorum"] = quorum_check(self.object)
        return context


urlpatterns = [
    path("<int:pk>/", MeetingDetailView.as_view(), name="meeting_detail"),
]
