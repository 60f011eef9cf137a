"""A partnership's joint resources: what each partner puts in, added up, charted and exported."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.safestring import SafeString
from django.utils.translation import gettext
from django.views.generic import TemplateView

from core.charts import bar_chart_svg
from outcomes.resource_exports import XLSX_CONTENT_TYPE, contributions_csv, contributions_xlsx
from outcomes.resources import PartnerYearTable, resource_totals
from partnership.models import Partnership


class ContributionsView(TemplateView):
    """The totals by partner and year, outcome, project and kind; ?format=csv or xlsx downloads."""

    template_name = "outcomes/contributions/contributions.html"

    @cached_property
    def partnership(self) -> Partnership:
        return get_object_or_404(Partnership, slug=self.kwargs["partnership"])

    def get(self, request, *args, **kwargs) -> HttpResponse:
        export = request.GET.get("format")
        if export not in {"csv", "xlsx"}:
            return super().get(request, *args, **kwargs)
        filename = f"{self.partnership.slug}-contributions-{timezone.localdate().isoformat()}"
        if export == "csv":
            # A byte-order mark, so that Excel opening the file reads it as UTF-8.
            body, content_type = (
                "\ufeff" + contributions_csv(self.partnership),
                "text/csv; charset=utf-8",
            )
        else:
            body, content_type = contributions_xlsx(self.partnership), XLSX_CONTENT_TYPE
        return HttpResponse(
            body,
            content_type=content_type,
            headers={"Content-Disposition": f'attachment; filename="{filename}.{export}"'},
        )

    def get_context_data(self, **kwargs):
        totals = resource_totals(partnership=self.partnership)
        table = totals.by_partner_and_year
        # The address's partnership slug is among kwargs; the page needs the partnership.
        context = super().get_context_data(**kwargs)
        context.update(
            partnership=self.partnership,
            totals=totals,
            chart=partner_year_chart(table, nonce=self.request.csp_nonce) if table.rows else "",
        )
        return context


def partner_year_chart(table: PartnerYearTable, *, nonce: str) -> SafeString:
    """Each partner's contributions as bars, one for each financial year."""
    return bar_chart_svg(
        title=gettext("Contributions by partner and financial year"),
        unit=gettext("Pounds (£)"),
        labels=[row.partner for row in table.rows],
        series=[
            (year, [row.amounts[column] for row in table.rows])
            for column, year in enumerate(table.years)
        ],
        horizontal=True,
        nonce=nonce,
    )


urlpatterns = [
    path("<slug:partnership>/contributions/", ContributionsView.as_view(), name="contributions"),
]
