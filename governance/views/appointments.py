"""The joint appointments register: posts held across employers, and their reviews."""

from pathlib import PurePath

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.views.generic import DetailView, FormView, ListView, View
from rules.contrib.views import PermissionRequiredMixin

from core.service_views import show_errors
from governance.forms.appointments import JointAppointmentForm, ShareFormSet
from governance.models import JointAppointment, JointAppointmentShare
from governance.querysets import REVIEWS_DUE_WITHIN_DAYS, reviews_due_by
from governance.services import joint_appointment_save
from partnership.lookups import PartnershipLookupMixin

# The register, like the API, is for the partnership's officers: it names posts, holders and
# what each employer pays.
VIEW_APPOINTMENTS = "governance.view_joint_appointments"


class PartnershipMixin(PartnershipLookupMixin, PermissionRequiredMixin):
    """The partnership the address names; only its officers (or an administrator) pass."""

    permission_required = VIEW_APPOINTMENTS

    def appointments(self):
        shares = JointAppointmentShare.objects.select_related("organisation")
        return (
            JointAppointment.objects.filter(partnership=self.partnership)
            .select_related("holder")
            .prefetch_related(Prefetch("shares", queryset=shares))
        )

    @cached_property
    def appointment(self) -> JointAppointment:
        return get_object_or_404(self.appointments(), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        return super().get_context_data(today=today, due_by=reviews_due_by(today), **kwargs)


class AppointmentListView(PartnershipMixin, ListView):
    """Every joint appointment of the partnership, with the reviews overdue and coming due."""

    template_name = "governance/appointments/appointment_list.html"
    context_object_name = "appointments"

    def get_queryset(self):
        return self.appointments()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = context["today"]
        reviewed = [
            appointment
            for appointment in context["appointments"]
            if appointment.review_due_on and appointment.ended_on is None
        ]
        reviewed.sort(key=lambda appointment: appointment.review_due_on)
        context.update(
            window_days=REVIEWS_DUE_WITHIN_DAYS,
            overdue=[a for a in reviewed if a.review_due_on < today],
            due_soon=[a for a in reviewed if today <= a.review_due_on <= context["due_by"]],
        )
        return context


class AppointmentDetailView(PartnershipMixin, DetailView):
    """A joint appointment: its employers and their shares, accountability, objectives."""

    template_name = "governance/appointments/appointment_detail.html"
    context_object_name = "appointment"

    def get_object(self, queryset=None) -> JointAppointment:
        return self.appointment


class MemorandumView(PartnershipMixin, View):
    """The memorandum of understanding, served only after the register's permission check."""

    def get(self, request, *args, **kwargs):
        memorandum = self.appointment.memorandum_of_understanding
        if not memorandum:
            raise Http404("This appointment has no memorandum of understanding.")
        suffix = PurePath(memorandum.name).suffix
        return FileResponse(
            memorandum.open("rb"),
            as_attachment=suffix != ".pdf",
            filename=f"Memorandum of understanding, {self.appointment.post_title}{suffix}",
        )


class AppointmentFormView(PartnershipMixin, FormView):
    """The post and its employers' shares on one page; a refusal saves nothing."""

    form_class = JointAppointmentForm
    template_name = "governance/appointments/appointment_form.html"

    def editing(self) -> JointAppointment:
        return JointAppointment(partnership=self.partnership)

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "partnership": self.partnership,
            "instance": self.editing(),
        }

    @cached_property
    def shares(self) -> ShareFormSet:
        instance = self.editing()
        initial = [
            {
                "organisation": share.organisation,
                "cost_share_percent": f"{share.cost_share_percent.normalize():f}",
                "accountable_to": share.accountable_to,
                "contact_email": share.contact_email,
            }
            for share in (instance.shares.all() if instance.pk else [])
        ]
        return ShareFormSet(
            self.request.POST if self.request.method == "POST" else None,
            initial=initial,
            prefix="shares",
            form_kwargs={"partnership": self.partnership},
        )

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        # Both are checked, so that every mistake on the page is listed at once.
        if form.is_valid() & self.shares.is_valid():
            return self.form_valid(form)
        return self.form_invalid(form)

    def form_valid(self, form):
        try:
            appointment = joint_appointment_save(
                appointment=form.save(commit=False), shares=self.shares.rows()
            )
        except ValidationError as error:
            show_errors(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            gettext("{post_title} has been saved.").format(post_title=appointment.post_title),
        )
        return redirect(
            "governance:appointment_detail", partnership=self.partnership.slug, pk=appointment.pk
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            shares=self.shares, heading=self.heading(), cancel_url=self.cancel_url(), **kwargs
        )

    def heading(self) -> str:
        return gettext("New joint appointment")

    def cancel_url(self) -> str:
        return reverse("governance:appointment_list", args=[self.partnership.slug])


class AppointmentEditView(AppointmentFormView):
    def editing(self) -> JointAppointment:
        return self.appointment

    def heading(self) -> str:
        return gettext("Edit {post_title}").format(post_title=self.appointment.post_title)

    def cancel_url(self) -> str:
        return reverse(
            "governance:appointment_detail", args=[self.partnership.slug, self.appointment.pk]
        )


APPOINTMENTS = "<slug:partnership>/joint-appointments"

urlpatterns = [
    path(f"{APPOINTMENTS}/", AppointmentListView.as_view(), name="appointment_list"),
    path(f"{APPOINTMENTS}/new/", AppointmentFormView.as_view(), name="appointment_create"),
    path(f"{APPOINTMENTS}/<int:pk>/", AppointmentDetailView.as_view(), name="appointment_detail"),
    path(f"{APPOINTMENTS}/<int:pk>/edit/", AppointmentEditView.as_view(), name="appointment_edit"),
    path(
        f"{APPOINTMENTS}/<int:pk>/memorandum/",
        MemorandumView.as_view(),
        name="appointment_memorandum",
    ),
]
