"""The governance endpoints: boards and their seats are public; joint appointments are not."""

from core.api.pagination import CursorPagePagination
from governance.api.filters import (
    BoardFilter,
    EngagementActivityFilter,
    JointAppointmentFilter,
    MembershipFilter,
)
from governance.api.serializers import (
    BoardSerializer,
    EngagementActivitySerializer,
    JointAppointmentSerializer,
    MembershipSerializer,
    RemitClauseSerializer,
)
from governance.models import (
    Board,
    BoardMembership,
    EngagementActivity,
    JointAppointment,
    RemitClause,
)
from partnership.api.views import AudienceViewSet


class BoardViewSet(AudienceViewSet):
    serializer_class = BoardSerializer
    filterset_class = BoardFilter
    ordering_fields = ["name", "established_on"]
    ordering = ["partnership_id", "name"]

    def visible_to(self, audience):
        boards = Board.objects.select_related("theme", "partnership").prefetch_related(
            "scrutinises", "cross_cutting_themes"
        )
        return audience.in_scope(boards, "partnership")


class MembershipViewSet(AudienceViewSet):
    serializer_class = MembershipSerializer
    filterset_class = MembershipFilter
    pagination_class = CursorPagePagination
    ordering_fields = ["id", "started_on"]
    ordering = ["id"]

    def visible_to(self, audience):
        return audience.in_scope(BoardMembership.objects.all(), "board__partnership")


class RemitClauseViewSet(AudienceViewSet):
    serializer_class = RemitClauseSerializer
    filterset_fields = ["board"]
    ordering_fields = ["number"]
    ordering = ["board_id", "number"]

    def visible_to(self, audience):
        return audience.in_scope(RemitClause.objects.all(), "board__partnership")


class JointAppointmentViewSet(AudienceViewSet):
    """Joint appointments: for the officers of the appointment's partnership only."""

    serializer_class = JointAppointmentSerializer
    filterset_class = JointAppointmentFilter
    ordering_fields = ["review_due_on", "post_title"]
    ordering = ["post_title"]

    def visible_to(self, audience):
        appointments = JointAppointment.objects.prefetch_related("shares").filter(
            audience.officer("partnership")
        )
        return audience.in_scope(appointments, "partnership")


class EngagementActivityViewSet(AudienceViewSet):
    serializer_class = EngagementActivitySerializer
    filterset_class = EngagementActivityFilter
    ordering_fields = ["starts_on", "topic"]
    ordering = ["-starts_on", "id"]

    def visible_to(self, audience):
        activities = EngagementActivity.objects.select_related("area")
        return audience.in_scope(activities, "partnership")
