from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView
from rules.contrib.views import PermissionRequiredMixin

from core.service_views import ServiceFormView
from partnership.forms import MergerForm
from partnership.models import Organisation, Partnership, Person
from partnership.rules import is_administrator, officer_partnership_ids
from partnership.services import merger_record
from partnership.succession import organisation_succession


class PartnershipListView(ListView):
    model = Partnership
    template_name = "partnership/partnership_list.html"

    def get_queryset(self):
        return Partnership.objects.select_related("area")


class PartnershipDetailView(DetailView):
    """The partnership's partners, its boards as a tree, and its outcome frameworks."""

    model = Partnership
    template_name = "partnership/partnership_detail.html"

    def get_queryset(self):
        # Three levels of reporting lines cover every structure in the seeds.
        children = "boards__reporting_boards__reporting_boards__reporting_boards"
        return Partnership.objects.select_related("area").prefetch_related(
            "partnermembership_set__organisation", children, "frameworks"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        boards = list(self.object.boards.all())
        self._share_partnership(boards)
        context["top_boards"] = [board for board in boards if board.reports_to_id is None]
        return context

    def _share_partnership(self, boards) -> None:
        # Every board's link names the partnership: give them the one already loaded.
        for board in boards:
            board.partnership = self.object
            self._share_partnership(board.reporting_boards.all())


class OrganisationDetailView(DetailView):
    """An organisation, its line of succession through mergers, its partnerships, and the board
    seats and joint appointments it holds or held: a merger keeps them all as history."""

    model = Organisation
    template_name = "partnership/organisation_detail.html"

    def get_queryset(self):
        return Organisation.objects.select_related("area").prefetch_related("partnerships")

    def get_context_data(self, **kwargs):
        organisation = self.object
        user = self.request.user
        today = timezone.localdate()
        seats = organisation.seats.held().select_related("board__partnership", "person")
        shares = organisation.jointappointmentshare_set.select_related(
            "appointment__partnership", "appointment__holder"
        ).order_by("-appointment__started_on", "appointment__post_title")
        if not is_administrator(user):
            # The register of joint appointments is for the partnership's officers only.
            shares = shares.filter(appointment__partnership_id__in=officer_partnership_ids(user))
        current_seats = list(seats.exclude(ended_on__lt=today).order_by("board__name"))
        past_seats = list(seats.filter(ended_on__lt=today).order_by("-ended_on"))
        return super().get_context_data(
            succession=organisation_succession(organisation),
            seat_groups=[
                (gettext("Current seats"), current_seats),
                (gettext("Past seats"), past_seats),
            ],
            current_seats=current_seats,
            past_seats=past_seats,
            shares=list(shares),
            may_record_merger=user.has_perm("partnership.record_merger", organisation),
            **kwargs,
        )


class MergerRecordView(PermissionRequiredMixin, ServiceFormView):
    """Records the organisations that merged to form this one."""

    permission_required = "partnership.record_merger"
    form_class = MergerForm
    template_name = "partnership/merger_form.html"
    heading = _("Record a merger")

    @cached_property
    def successor(self) -> Organisation:
        return get_object_or_404(Organisation, pk=self.kwargs["pk"])

    def get_permission_object(self) -> Organisation:
        return self.successor

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "successor": self.successor}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            organisation=self.successor, caption=str(self.successor), **kwargs
        )

    def act(self, form) -> None:
        merger_record(successor=self.successor, by=self.request.user, **form.cleaned_data)

    def success_message(self) -> str:
        return gettext("The merger forming {successor} has been recorded.").format(
            successor=self.successor
        )

    def cancel_url(self) -> str:
        return self.successor.get_absolute_url()

    def get_success_url(self) -> str:
        return self.cancel_url()


class PersonDetailView(DetailView):
    """A person and every seat they hold or have held."""

    model = Person
    template_name = "partnership/person_detail.html"

    def get_queryset(self):
        # Partnership imports nothing of governance: the relation names the seat's model.
        seats = Prefetch(
            "board_memberships",
            queryset=self.model.board_memberships.rel.related_model.objects.select_related(
                "board__partnership", "organisation"
            ).order_by("-started_on", "board__name"),
        )
        return Person.objects.select_related("organisation").prefetch_related(seats)

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        seats = list(self.object.board_memberships.all())
        return super().get_context_data(
            current_seats=[seat for seat in seats if not seat.ended_on or seat.ended_on >= today],
            past_seats=[seat for seat in seats if seat.ended_on and seat.ended_on < today],
            **kwargs,
        )
