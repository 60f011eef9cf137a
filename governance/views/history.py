"""The history of changes to boards, remit clauses, seats, circulations, joint appointments,
interests and engagement activities, each shown to whoever may see the record itself."""

from operator import attrgetter

from django.shortcuts import get_object_or_404
from django.urls import reverse

from core.history_views import history_paths
from governance.models import (
    Board,
    BoardMembership,
    Circulation,
    EngagementActivity,
    Interest,
    JointAppointment,
    RemitClause,
)
from governance.views.appointments import APPOINTMENTS, VIEW_APPOINTMENTS
from governance.views.base import CHANGE_BOARD
from governance.views.circulations import circulations_of
from governance.views.engagement import VIEW as VIEW_ENGAGEMENT
from governance.views.engagement import activity_url
from governance.views.memberships import SEAT, seats_url
from governance.views.remits import CLAUSE


def find_board(request, *, partnership: str, slug: str, **_) -> Board:
    return get_object_or_404(
        Board.objects.select_related("partnership"), partnership__slug=partnership, slug=slug
    )


def find_clause(request, *, partnership: str, slug: str, number: int, **_) -> RemitClause:
    return get_object_or_404(
        RemitClause.objects.select_related("board__partnership"),
        board__partnership__slug=partnership,
        board__slug=slug,
        number=number,
    )


def find_seat(request, *, partnership: str, slug: str, pk: int, **_) -> BoardMembership:
    return get_object_or_404(
        BoardMembership.objects.select_related("board__partnership", "person", "organisation"),
        board__partnership__slug=partnership,
        board__slug=slug,
        pk=pk,
    )


def find_circulation(request, *, partnership: str, slug: str, pk: int, **_) -> Circulation:
    board = find_board(request, partnership=partnership, slug=slug)
    return get_object_or_404(circulations_of(board).select_related("board__partnership"), pk=pk)


def find_appointment(request, *, partnership: str, pk: int, **_) -> JointAppointment:
    return get_object_or_404(
        JointAppointment.objects.select_related("partnership", "holder"),
        partnership__slug=partnership,
        pk=pk,
    )


def find_interest(request, *, pk: int, interest_pk: int, **_) -> Interest:
    return get_object_or_404(Interest.objects.select_related("person"), person=pk, pk=interest_pk)


def find_activity(request, *, partnership: str, pk: int, **_) -> EngagementActivity:
    return get_object_or_404(
        EngagementActivity.objects.select_related("partnership", "organisation"),
        partnership__slug=partnership,
        pk=pk,
    )


def clause_url(clause: RemitClause) -> str:
    board = clause.board
    return reverse(
        "governance:remit_clause", args=[board.partnership.slug, board.slug, clause.number]
    )


def seat_page_url(seat: BoardMembership) -> str:
    return seats_url(seat.board)


def circulation_url(circulation: Circulation) -> str:
    board = circulation.board
    return reverse(
        "governance:circulation_detail", args=[board.partnership.slug, board.slug, circulation.pk]
    )


def appointment_url(appointment: JointAppointment) -> str:
    return reverse(
        "governance:appointment_detail", args=[appointment.partnership.slug, appointment.pk]
    )


def interests_url(interest: Interest) -> str:
    return reverse("governance:person_interests", args=[interest.person_id])


urlpatterns = [
    *history_paths(
        "<slug:partnership>/boards/<slug:slug>/history/",
        "board_history",
        find_record=find_board,
        permission_required="governance.view_board",
    ),
    *history_paths(
        f"{CLAUSE}history/",
        "remit_clause_history",
        find_record=find_clause,
        permission_required="governance.view_board",
        permission_object=attrgetter("board"),
        record_url=clause_url,
    ),
    # A seat's history is for those who keep the board's seats, as it always has been.
    *history_paths(
        f"{SEAT}history/",
        "seat_history",
        find_record=find_seat,
        permission_required=CHANGE_BOARD,
        permission_object=attrgetter("board"),
        record_url=seat_page_url,
    ),
    *history_paths(
        "<slug:partnership>/boards/<slug:slug>/circulations/<int:pk>/history/",
        "circulation_history",
        find_record=find_circulation,
        permission_required="governance.view_circulation",
        record_url=circulation_url,
    ),
    *history_paths(
        f"{APPOINTMENTS}/<int:pk>/history/",
        "appointment_history",
        find_record=find_appointment,
        permission_required=VIEW_APPOINTMENTS,
        permission_object=attrgetter("partnership"),
        record_url=appointment_url,
    ),
    *history_paths(
        "people/<int:pk>/interests/<int:interest_pk>/history/",
        "interest_history",
        find_record=find_interest,
        permission_required="governance.view_interests",
        permission_object=attrgetter("person"),
        record_url=interests_url,
    ),
    *history_paths(
        "<slug:partnership>/engagement/<int:pk>/history/",
        "engagement_history",
        find_record=find_activity,
        permission_required=VIEW_ENGAGEMENT,
        permission_object=attrgetter("partnership"),
        record_url=activity_url,
    ),
]
