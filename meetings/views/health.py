"""A board's health over a chosen period: attendance, topics and circulations, as charts and
tables, for the board's members and the partnership's officers."""

import datetime

from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from core.charts import bar_chart_svg
from core.dates import short_date
from governance.models import Board
from meetings.forms.health import PeriodForm
from meetings.health import BoardHealth, board_health


def last_twelve_months() -> dict[str, datetime.date]:
    today = timezone.localdate()
    return {"start": today.replace(year=today.year - 1) + datetime.timedelta(days=1), "end": today}


class BoardHealthView(PermissionRequiredMixin, TemplateView):
    """Attendance by meeting and by member, topics by kind and theme, and items circulated."""

    template_name = "meetings/health/board_health.html"
    permission_required = "meetings.view_board_health"

    @cached_property
    def board(self) -> Board:
        return get_object_or_404(
            Board.objects.select_related("partnership"), pk=self.kwargs["board_pk"]
        )

    def get_permission_object(self) -> Board:
        return self.board

    def get_context_data(self, **kwargs):
        asked = "start" in self.request.GET or "end" in self.request.GET
        form = PeriodForm(self.request.GET) if asked else PeriodForm(initial=last_twelve_months())
        period = form.cleaned_data if form.is_bound and form.is_valid() else form.initial
        context = super().get_context_data(board=self.board, form=form, **kwargs)
        if not form.errors:
            health = board_health(self.board, start=period["start"], end=period["end"])
            context.update(health=health, charts=_charts(health, nonce=self.request.csp_nonce))
        return context


def _charts(health: BoardHealth, *, nonce: str) -> dict[str, str]:
    rows = health.meetings
    return {
        "meetings": bar_chart_svg(
            title=gettext("Attendance by meeting"),
            unit=gettext("members"),
            labels=[short_date(timezone.localdate(row.meeting.starts_at)) for row in rows],
            series=[
                (gettext("Present"), [row.present for row in rows]),
                (gettext("Apologies"), [row.apologies for row in rows]),
                (gettext("Absent"), [row.absent for row in rows]),
            ],
            stacked=True,
            nonce=nonce,
        ),
        "members": bar_chart_svg(
            title=gettext("Attendance by member"),
            # xgettext:no-python-format
            unit=gettext("% of meetings attended"),
            labels=[row.name for row in health.members],
            series=[(gettext("Attended"), [row.percent for row in health.members])],
            horizontal=True,
            maximum=100,
            nonce=nonce,
        ),
        "kinds": _count_chart(
            gettext("Agenda items by kind"),
            gettext("agenda items"),
            health.topics_by_kind,
            nonce=nonce,
        ),
        "themes": _count_chart(
            gettext("Agenda items by theme"),
            gettext("agenda items"),
            health.topics_by_theme,
            nonce=nonce,
        ),
        "circulated": _count_chart(
            gettext("Items circulated"), gettext("items"), health.circulated_by_kind, nonce=nonce
        ),
    }


def _count_chart(title: str, unit: str, counts: list[tuple[str, int]], *, nonce: str) -> str:
    return bar_chart_svg(
        title=title,
        unit=unit,
        labels=[label for label, _ in counts],
        series=[(unit.capitalize(), [count for _, count in counts])],
        horizontal=True,
        nonce=nonce,
    )


urlpatterns = [
    path("boards/<int:board_pk>/health/", BoardHealthView.as_view(), name="board_health"),
]
