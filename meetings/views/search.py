"""The search page: published minutes, resolutions and open reports, for anyone to search."""

import math

from django.views.generic import TemplateView

from governance.audience import BoardAudience
from meetings.forms.search import SearchForm
from meetings.search import search

PAGE_SIZE = 20
# Beyond this a page number is surely mistyped; it also keeps the database's OFFSET in range.
PAGE_MAX = 10_000


class SearchView(TemplateView):
    """Results best first, a page at a time; a page past the end shows the last page."""

    template_name = "meetings/search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = SearchForm(self.request.GET or None)
        context["form"] = form
        if not (form.is_bound and form.is_valid() and form.cleaned_data["q"]):
            return context
        audience = BoardAudience.of(self.request)
        page = _page_number(self.request.GET.get("page"))

        def page_of_results(number):
            return search(
                form.cleaned_data["q"],
                audience=audience,
                filters=form.filters(),
                offset=(number - 1) * PAGE_SIZE,
                limit=PAGE_SIZE,
            )

        results = page_of_results(page)
        pages = max(1, math.ceil(results.total / PAGE_SIZE))
        if page > pages:
            page = pages
            results = page_of_results(page)
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(
            results=results,
            page=page,
            pages=pages,
            first_shown=(page - 1) * PAGE_SIZE + 1,
            last_shown=(page - 1) * PAGE_SIZE + len(results.hits),
            query_string=query.urlencode(),
        )
        return context


def _page_number(value: str | None) -> int:
    """The page asked for; anything that is not a positive whole number is the first page."""
    try:
        return min(max(1, int(value or 1)), PAGE_MAX)
    except ValueError:
        return 1
