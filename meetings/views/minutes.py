"""At and after the meeting: attendance, declarations, minutes and resolutions."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from meetings.forms.minutes import (
    AttendanceForm,
    DeclarationForm,
    MinuteCorrectionForm,
    MinuteForm,
    MinutesApproveForm,
    ResolutionActionForm,
)
from meetings.forms.reports import ConfirmationForm
from meetings.models import Declaration, Meeting, Minute, MinuteCorrection, Resolution
from meetings.services.minutes import (
    attendance_record,
    declaration_record,
    declaration_remove,
    minute_correct,
    minute_record,
    minute_update,
    minutes_approve,
    minutes_publish,
    quorum_check,
    resolution_create_action,
)
from meetings.views.base import MeetingMixin, ServiceFormView
from partnership.rules import person_of


class RecordMixin(MeetingMixin):
    """A page of the meeting's record; it leads back to the record's overview."""

    def record_url(self) -> str:
        return reverse("meetings:meeting_record", args=[self.meeting.pk])

    def cancel_url(self) -> str:
        return self.record_url()

    def get_success_url(self) -> str:
        return self.record_url()

    def person(self):
        return person_of(self.request.user)


class MeetingRecordView(RecordMixin, TemplateView):
    """Attendance, the quorum, declarations and the minutes, with what can be done to them."""

    template_name = "meetings/minutes/record.html"

    def get_context_data(self, **kwargs):
        minutes = self.meeting.minutes.select_related("agenda_item").prefetch_related(
            Prefetch(
                "resolutions", queryset=Resolution.objects.select_related("development_action")
            ),
            Prefetch("corrections", queryset=MinuteCorrection.objects.select_related("made_by")),
        )
        return super().get_context_data(
            attendances=self.meeting.attendances.select_related("person"),
            quorum=quorum_check(self.meeting),
            declarations=self.meeting.declarations.select_related(
                "person", "agenda_item", "interest"
            ),
            minutes=minutes,
            is_draft=self.meeting.minutes_status
            in {Meeting.MinutesStatus.NONE, Meeting.MinutesStatus.DRAFT},
            **kwargs,
        )


class AttendanceView(RecordMixin, ServiceFormView):
    form_class = AttendanceForm
    template_name = "meetings/minutes/attendance.html"
    heading = _("Attendance")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "meeting": self.meeting}

    def act(self, form) -> None:
        attendance_record(meeting=self.meeting, entries=form.entries())

    def success_message(self) -> str:
        return gettext("Attendance has been recorded.")


class DeclarationAddView(RecordMixin, ServiceFormView):
    form_class = DeclarationForm
    heading = _("Record a declaration of interest")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "meeting": self.meeting}

    def act(self, form) -> None:
        self.declaration = declaration_record(meeting=self.meeting, **form.cleaned_data)

    def success_message(self) -> str:
        return gettext("The declaration by {person} has been recorded.").format(
            person=self.declaration.person
        )


class DeclarationRemoveView(RecordMixin, ServiceFormView):
    form_class = ConfirmationForm
    template_name = "meetings/minutes/declaration_remove.html"

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "button": gettext("Remove declaration"),
            "warning": True,
        }

    @cached_property
    def declaration(self) -> Declaration:
        return get_object_or_404(
            Declaration.objects.select_related("person"),
            meeting=self.meeting,
            pk=self.kwargs["declaration_pk"],
        )

    @property
    def heading(self) -> str:
        return gettext("Remove the declaration by {person}?").format(person=self.declaration.person)

    def act(self, form) -> None:
        declaration_remove(declaration=self.declaration)

    def success_message(self) -> str:
        return gettext("The declaration by {person} has been removed.").format(
            person=self.declaration.person
        )


class MinuteMixin(RecordMixin):
    @cached_property
    def minute(self) -> Minute:
        return get_object_or_404(
            Minute.objects.select_related("meeting"),
            meeting=self.meeting,
            pk=self.kwargs["minute_pk"],
        )


class MinuteAddView(RecordMixin, ServiceFormView):
    form_class = MinuteForm
    heading = _("Add a minute")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "meeting": self.meeting}

    def act(self, form) -> None:
        self.minute = minute_record(meeting=self.meeting, **form.minute_details())

    def success_message(self) -> str:
        return gettext("Minute {minute} has been added.").format(minute=self.minute)


class MinuteEditView(MinuteMixin, ServiceFormView):
    form_class = MinuteForm

    @property
    def heading(self) -> str:
        return gettext("Change minute {number}").format(number=self.minute.number)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "meeting": self.meeting, "minute": self.minute}

    def act(self, form) -> None:
        minute_update(minute=self.minute, **form.minute_details())

    def success_message(self) -> str:
        return gettext("Minute {minute} has been changed.").format(minute=self.minute)


class MinutesApproveView(RecordMixin, ServiceFormView):
    permission_required = "meetings.approve_minutes"
    form_class = MinutesApproveForm
    heading = _("Approve the minutes")
    template_name = "meetings/minutes/approve.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "meeting": self.meeting}

    def act(self, form) -> None:
        minutes_approve(
            meeting=self.meeting, at_meeting=form.cleaned_data["at_meeting"], by=self.person()
        )

    def success_message(self) -> str:
        return gettext("The minutes have been approved as a correct record.")


class MinutesPublishView(RecordMixin, ServiceFormView):
    permission_required = "meetings.publish_minutes"
    form_class = ConfirmationForm
    heading = _("Publish the minutes")
    template_name = "meetings/minutes/publish.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "button": gettext("Publish the minutes")}

    def act(self, form) -> None:
        minutes_publish(meeting=self.meeting, by=self.person())

    def success_message(self) -> str:
        return gettext("The minutes have been published.")

    def get_success_url(self) -> str:
        return self.meeting.get_absolute_url()


class MinuteCorrectView(MinuteMixin, ServiceFormView):
    permission_required = "meetings.correct_minutes"
    form_class = MinuteCorrectionForm
    template_name = "meetings/minutes/correct.html"

    @property
    def heading(self) -> str:
        return gettext("Correct minute {number}, {title}").format(
            number=self.minute.number, title=self.minute.title
        )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "minute": self.minute}

    def act(self, form) -> None:
        minute_correct(minute=self.minute, by=self.person(), **form.cleaned_data)

    def success_message(self) -> str:
        return gettext("The correction to minute {number} has been recorded.").format(
            number=self.minute.number
        )


class ResolutionMixin(RecordMixin):
    """A page acting on one resolution of the meeting's minutes, whose form is given it."""

    @cached_property
    def resolution(self) -> Resolution:
        return get_object_or_404(
            Resolution.objects.select_related("minute__board__partnership"),
            minute__meeting=self.meeting,
            pk=self.kwargs["resolution_pk"],
        )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "resolution": self.resolution}

    def get_context_data(self, **kwargs):
        return super().get_context_data(resolution=self.resolution, **kwargs)


class ResolutionActionView(ResolutionMixin, ServiceFormView):
    form_class = ResolutionActionForm
    template_name = "meetings/minutes/resolution_action.html"
    heading = _("Create a development action from a resolution")

    def act(self, form) -> None:
        self.action = resolution_create_action(
            resolution=self.resolution, by=self.person(), **form.cleaned_data
        )

    def success_message(self) -> str:
        return gettext("Development action {reference} has been created.").format(
            reference=self.action.reference
        )


urlpatterns = [
    path("<int:pk>/record/", MeetingRecordView.as_view(), name="meeting_record"),
    path("<int:pk>/attendance/", AttendanceView.as_view(), name="attendance_record"),
    path("<int:pk>/declarations/add/", DeclarationAddView.as_view(), name="declaration_add"),
    path(
        "<int:pk>/declarations/<int:declaration_pk>/remove/",
        DeclarationRemoveView.as_view(),
        name="declaration_remove",
    ),
    path("<int:pk>/minutes/add/", MinuteAddView.as_view(), name="minute_add"),
    path("<int:pk>/minutes/<int:minute_pk>/edit/", MinuteEditView.as_view(), name="minute_edit"),
    path(
        "<int:pk>/minutes/<int:minute_pk>/correct/",
        MinuteCorrectView.as_view(),
        name="minute_correct",
    ),
    path("<int:pk>/minutes/approve/", MinutesApproveView.as_view(), name="minutes_approve"),
    path("<int:pk>/minutes/publish/", MinutesPublishView.as_view(), name="minutes_publish"),
    path(
        "<int:pk>/resolutions/<int:resolution_pk>/action/",
        ResolutionActionView.as_view(),
        name="resolution_action",
    ),
]
