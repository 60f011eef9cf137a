from django.views.generic import DetailView, ListView

from partnership.models import Organisation, Partnership, Person


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
    """An organisation, its partnerships and its line of succession through mergers."""

    model = Organisation
    template_name = "partnership/organisation_detail.html"

    def get_queryset(self):
        return Organisation.objects.select_related("area").prefetch_related(
            "formed_by_mergers__predecessors", "merged_into__successor", "partnerships"
        )


class PersonDetailView(DetailView):
    """A person and every seat they hold or have held."""

    model = Person
    template_name = "partnership/person_detail.html"

    def get_queryset(self):
        return Person.objects.select_related("organisation").prefetch_related(
            "board_memberships__board__partnership", "board_memberships__organisation"
        )
