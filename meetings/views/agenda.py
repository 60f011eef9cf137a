"""Scheduling meetings and building and publishing their agendas."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from core.dates import long_date
from meetings.exemptions import exemption_notice
from meetings.forms.agenda import (
    AgendaItemForm,
    AgendaItemMoveForm,
    AgendaItemRemoveForm,
    AgendaPublishForm,
    MeetingForm,
)
from meetings.interests import interest_prompts
from meetings.models import AgendaItem
from meetings.notice import agenda_notice
from meetings.services.agenda import (
    agenda_item_add,
    agenda_item_move,
    agenda_item_remove,
    agenda_item_update,
    agenda_publish,
    meeting_schedule,
    meeting_update,
)
from meetings.views.base import BoardMixin, MeetingMixin, ServiceFormView
from partnership.models import Theme


class ItemMixin(MeetingMixin):
    @cached_property
    def item(self) -> AgendaItem:
        return get_object_or_404(AgendaItem, meeting=self.meeting, pk=self.kwargs["item_pk"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(item=self.item, **kwargs)


class MeetingScheduleView(BoardMixin, ServiceFormView):
    form_class = MeetingForm

    @property
    def heading(self) -> str:
        return gettext("Schedule a meeting of {board}").format(board=self.board)

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "board": self.board,
            "button": gettext("Schedule meeting"),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(board=self.board, **kwargs)

    def act(self, form) -> None:
        self.meeting = meeting_schedule(board=self.board, **form.meeting_details())

    def success_message(self) -> str:
        day = long_date(timezone.localtime(self.meeting.starts_at))
        return gettext("Meeting scheduled for {day}. Now build its agenda.").format(day=day)

    def get_success_url(self) -> str:
        return reverse("meetings:agenda_build", args=[self.meeting.pk])


class MeetingEditView(MeetingMixin, ServiceFormView):
    form_class = MeetingForm
    heading = _("Change the date, time or place")

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "board": self.meeting.board,
            "meeting": self.meeting,
            "button": gettext("Save changes"),
        }

    def act(self, form) -> None:
        meeting_update(meeting=self.meeting, **form.meeting_details())

    def success_message(self) -> str:
        return gettext("The meeting's details have been changed.")

    def get_success_url(self) -> str:
        return self.meeting.get_absolute_url()

    def cancel_url(self) -> str:
        return self.meeting.get_absolute_url()


class AgendaBuildView(MeetingMixin, TemplateView):
    """The agenda in order, with what can be done to each item, and its publication."""

    template_name = "meetings/agenda/agenda_build.html"

    def get_context_data(self, **kwargs):
        nation = self.meeting.board.partnership.nation
        items = list(
            self.meeting.agenda_items.select_related(
                "report__contact_officer", "presenter"
            ).prefetch_related(Prefetch("themes", queryset=Theme.objects.order_by("name")))
        )
        prompts = interest_prompts(principal=self.request.user, meeting=self.meeting, items=items)
        for item in items:
            item.interest_prompts = prompts.get(item.pk, [])
            if item.is_exempt:
                item.exemption_notice = exemption_notice(nation, item.exempt_paragraph)
        return super().get_context_data(
            items=items, agenda_notice=agenda_notice(self.meeting), **kwargs
        )


class AgendaItemAddView(MeetingMixin, ServiceFormView):
    form_class = AgendaItemForm
    heading = _("Add an item")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "meeting": self.meeting}

    def act(self, form) -> None:
        self.item = agenda_item_add(meeting=self.meeting, **form.item_details())

    def success_message(self) -> str:
        return gettext("Item {position}, {title}, has been added.").format(
            position=self.item.position, title=self.item.title
        )

    def get_success_url(self) -> str:
        return self.agenda_url()


class AgendaItemEditView(ItemMixin, ServiceFormView):
    form_class = AgendaItemForm

    @property
    def heading(self) -> str:
        return gettext("Change item {position}, {title}").format(
            position=self.item.position, title=self.item.title
        )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "meeting": self.meeting, "item": self.item}

    def act(self, form) -> None:
        agenda_item_update(item=self.item, **form.item_details())

    def success_message(self) -> str:
        return gettext("Item {position}, {title}, has been changed.").format(
            position=self.item.position, title=self.item.title
        )

    def get_success_url(self) -> str:
        return self.agenda_url()


class AgendaItemMoveView(ItemMixin, ServiceFormView):
    """Moves an item to a position typed in, or one up or down from the agenda's buttons."""

    form_class = AgendaItemMoveForm

    @property
    def heading(self) -> str:
        return gettext("Move item {position}, {title}").format(
            position=self.item.position, title=self.item.title
        )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "count": self.meeting.agenda_items.count()}

    def act(self, form) -> None:
        agenda_item_move(item=self.item, position=form.cleaned_data["position"])

    def success_message(self) -> str:
        return gettext("{title} is now item {position}.").format(
            title=self.item.title, position=self.item.position
        )

    def get_success_url(self) -> str:
        return self.agenda_url()


class AgendaItemRemoveView(ItemMixin, ServiceFormView):
    form_class = AgendaItemRemoveForm
    template_name = "meetings/agenda/item_remove.html"

    @property
    def heading(self) -> str:
        return gettext("Remove item {position}, {title}?").format(
            position=self.item.position, title=self.item.title
        )

    def act(self, form) -> None:
        agenda_item_remove(item=self.item)

    def success_message(self) -> str:
        return gettext("{title} has been removed from the agenda.").format(title=self.item.title)

    def get_success_url(self) -> str:
        return self.agenda_url()


class AgendaPublishView(MeetingMixin, ServiceFormView):
    permission_required = "meetings.publish_agenda"
    form_class = AgendaPublishForm
    template_name = "meetings/agenda/publish.html"
    heading = _("Publish the agenda")

    @cached_property
    def notice(self):
        return agenda_notice(self.meeting)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "late": self.notice.overdue}

    def get_context_data(self, **kwargs):
        return super().get_context_data(agenda_notice=self.notice, **kwargs)

    def act(self, form) -> None:
        agenda_publish(meeting=self.meeting, by=self.request.user, **form.cleaned_data)

    def success_message(self) -> str:
        return gettext("The agenda has been published.")

    def get_success_url(self) -> str:
        return self.meeting.get_absolute_url()

    def cancel_url(self) -> str:
        return self.meeting.get_absolute_url()


urlpatterns = [
    path("schedule/<int:board_pk>/", MeetingScheduleView.as_view(), name="meeting_schedule"),
    path("<int:pk>/edit/", MeetingEditView.as_view(), name="meeting_edit"),
    path("<int:pk>/agenda/", AgendaBuildView.as_view(), name="agenda_build"),
    path("<int:pk>/agenda/items/add/", AgendaItemAddView.as_view(), name="agenda_item_add"),
    path(
        "<int:pk>/agenda/items/<int:item_pk>/edit/",
        AgendaItemEditView.as_view(),
        name="agenda_item_edit",
    ),
    path(
        "<int:pk>/agenda/items/<int:item_pk>/move/",
        AgendaItemMoveView.as_view(),
        name="agenda_item_move",
    ),
    path(
        "<int:pk>/agenda/items/<int:item_pk>/remove/",
        AgendaItemRemoveView.as_view(),
        name="agenda_item_remove",
    ),
    path("<int:pk>/agenda/publish/", AgendaPublishView.as_view(), name="agenda_publish"),
]
