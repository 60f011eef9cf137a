from django.db.models import Prefetch
from django.urls import path
from django.views.generic import DetailView
from rules.contrib.views import PermissionRequiredMixin

from meetings.exemptions import exemption_notice
from meetings.history import item_was_ever_exempt, minute_was_ever_of_exempt_item
from meetings.interests import interest_prompts
from meetings.models import AgendaItem, Meeting, Minute
from meetings.notice import agenda_notice
from meetings.rules import reads_exempt_minutes
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
                queryset=AgendaItem.objects.select_related(
                    "report__contact_officer", "presenter"
                ).annotate(was_ever_exempt=item_was_ever_exempt()),
            ),
            "attendances__person",
            "declarations__person",
            Prefetch(
                "minutes",
                queryset=Minute.objects.prefetch_related("resolutions").annotate(
                    was_ever_of_exempt_item=minute_was_ever_of_exempt_item()
                ),
            ),
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
        withheld = {}
        for item in items:
            item.can_view = user.has_perm("meetings.view_item", item)
            # meetings.view_item_history: an item exempt in any version as exempt items are.
            item.can_view_history = item.can_view and (
                not item.was_ever_exempt or user.has_perm("meetings.view_exempt_item", item)
            )
            item.interest_prompts = prompts.get(item.pk, [])
            if item.is_exempt:
                item.exemption_notice = exemption_notice(nation, item.exempt_paragraph)
                if not user.has_perm("meetings.view_exempt_item", item):
                    withheld[item.pk] = item.exemption_notice
        context["items"] = items
        context["can_view_minutes"] = user.has_perm("meetings.view_minutes", self.object)
        # The minute of an exempt item is noted, as the minutes PDF notes it, to whoever may not
        # read the item: published minutes are public, their exempt minutes are not.
        minutes = list(self.object.minutes.all())
        for minute in minutes:
            minute.withheld_notice = withheld.get(minute.agenda_item_id)
        context["minutes"] = minutes
        context["minutes_with_history"] = (
            self.minutes_with_history() if context["can_view_minutes"] else set()
        )
        context["agenda_notice"] = agenda_notice(self.object)
        if user.has_perm("meetings.change_meeting", self.object):
            context["quorum"] = quorum_check(self.object)
        return context

    def minutes_with_history(self) -> set[int]:
        """The minutes whose history the reader may see (meetings.view_minute_history, for all
        the meeting's minutes at once): one ever of an exempt item only if the reader may read
        exempt minutes."""
        minutes = list(self.object.minutes.all())
        if any(minute.was_ever_of_exempt_item for minute in minutes) and not (
            reads_exempt_minutes(self.request.user, self.object)
        ):
            return {minute.pk for minute in minutes if not minute.was_ever_of_exempt_item}
        return {minute.pk for minute in minutes}


urlpatterns = [
    path("<int:pk>/", MeetingDetailView.as_view(), name="meeting_detail"),
]
