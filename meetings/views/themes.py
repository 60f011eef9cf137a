"""Cross-cutting themes (obesity, safeguarding, teenage pregnancy...) across partnerships: the
boards, outcomes and agenda items each partnership has tagged with them.

A theme is found by its slug, which partnerships share for the same concern: "obesity" in one
is "obesity" in every other. The pages live here, in the last app, because they gather from
all the others.
"""

import itertools

from django.db.models import Prefetch
from django.http import Http404
from django.urls import path
from django.views.generic import TemplateView

from meetings.exemptions import exemption_notice
from meetings.models import AgendaItem
from outcomes.models import Outcome
from partnership.models import Theme


class ThemeListView(TemplateView):
    """Every cross-cutting theme, with the partnerships that work on it."""

    template_name = "meetings/themes/theme_list.html"

    def get_context_data(self, **kwargs):
        themes = (
            Theme.objects.filter(is_cross_cutting=True)
            .select_related("partnership")
            .order_by("slug", "partnership__name")
        )
        grouped = [
            (slug, list(same)) for slug, same in itertools.groupby(themes, key=lambda t: t.slug)
        ]
        grouped.sort(key=lambda group: group[1][0].name.lower())
        return super().get_context_data(themes=grouped, **kwargs)


class ThemeDetailView(TemplateView):
    """What every partnership has tagged with the theme, as far as the reader may see it."""

    template_name = "meetings/themes/theme_detail.html"

    def get_context_data(self, **kwargs):
        themes = list(
            Theme.objects.filter(slug=self.kwargs["slug"], is_cross_cutting=True)
            .select_related("partnership")
            .prefetch_related(
                "cross_cutting_boards",
                Prefetch(
                    "cross_cutting_outcomes",
                    queryset=Outcome.objects.select_related("framework__partnership").order_by(
                        "framework__name", "number"
                    ),
                ),
                Prefetch(
                    "agenda_items",
                    queryset=AgendaItem.objects.select_related(
                        "meeting__board__partnership"
                    ).order_by("-meeting__starts_at", "position"),
                ),
            )
            .order_by("partnership__name")
        )
        if not themes:
            raise Http404("No cross-cutting theme has this address.")
        for theme in themes:
            theme.visible_items = self._visible(theme.agenda_items.all())
        return super().get_context_data(theme=themes[0], themes=themes, **kwargs)

    def _visible(self, items) -> list[AgendaItem]:
        """The items the reader may see, and the exempt items of published agendas, whose
        title and exempting paragraph are public though their content is not."""
        user = self.request.user
        # The permissions turn only on the item's board, its agenda being published and its
        # being exempt: asked once for each such kind of item, not once for every item.
        asked: dict[tuple, bool] = {}
        visible = []
        for item in items:
            meeting = item.meeting
            key = (meeting.board_id, meeting.is_agenda_published, item.is_exempt)
            if key not in asked:
                asked[key] = user.has_perm("meetings.view_item", item)
            item.can_view = asked[key]
            if item.is_exempt:
                item.exemption_notice = exemption_notice(
                    meeting.board.partnership.nation, item.exempt_paragraph
                )
            if item.can_view or (item.is_exempt and meeting.is_agenda_published):
                visible.append(item)
        return visible


urlpatterns = [
    path("", ThemeListView.as_view(), name="theme_list"),
    path("<slug:slug>/", ThemeDetailView.as_view(), name="theme_detail"),
]
