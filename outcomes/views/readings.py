"""Recording readings one at a time and in bulk from a CSV file or an Excel sheet."""

import csv
import datetime

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.urls import path, reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import View

from core.dates import long_date
from core.service_views import ServiceFormView
from outcomes.forms.readings import ReadingForm, ReadingsUploadForm
from outcomes.models import Indicator
from outcomes.readings_files import COLUMNS, MAX_ROWS
from outcomes.services.readings import ReadingsFileInvalid, reading_record, readings_import
from outcomes.views.base import IndicatorLookupMixin
from outcomes.views.editing import FrameworkMixin

RECORD_READING = "outcomes.record_reading"
MONTHS_IN_PERIOD = {
    Indicator.Frequency.MONTHLY: 1,
    Indicator.Frequency.QUARTERLY: 3,
    Indicator.Frequency.ANNUAL: 12,
}
ROWS_INVALID = _(
    "The file has {count}, listed below. Nothing has been saved: correct the file and upload "
    "it again."
)


def errors_in_words(count: int) -> str:
    return ngettext("{count:,} error", "{count:,} errors", count).format(count=count)


def readings_in_words(created: int, updated: int) -> str:
    """What an upload did, as its success message says it: 12 readings added, 3 updated."""
    return ngettext(
        "{created:,} reading added, {updated:,} updated",
        "{created:,} readings added, {updated:,} updated",
        created,
    ).format(created=created, updated=updated)


def first_period_end(start: datetime.date, frequency: str) -> datetime.date:
    """The last day of the month, quarter or year that starts on the first of a month."""
    months = start.month - 1 + MONTHS_IN_PERIOD[frequency]
    next_start = start.replace(year=start.year + months // 12, month=months % 12 + 1)
    return next_start - datetime.timedelta(days=1)


class ReadingsMixin(FrameworkMixin):
    """A page for those who may record the framework's readings."""

    permission_required = RECORD_READING


class ReadingsUploadView(ReadingsMixin, ServiceFormView):
    """A file of readings: saved whole, or refused with every row's errors listed."""

    form_class = ReadingsUploadForm
    template_name = "outcomes/readings/upload.html"
    heading = _("Upload readings")
    row_errors: tuple = ()

    def get_context_data(self, **kwargs):
        indicators = Indicator.objects.filter(outcome__framework=self.framework).order_by("code")
        return super().get_context_data(
            columns=COLUMNS,
            max_rows=MAX_ROWS,
            indicators=indicators,
            row_errors=self.row_errors,
            **kwargs,
        )

    def act(self, form) -> None:
        try:
            self.result = readings_import(
                framework=self.framework, upload=form.cleaned_data["upload"], by=self.request.user
            )
        except ReadingsFileInvalid as refusal:
            self.row_errors = refusal.row_errors
            count = errors_in_words(len(refusal.row_errors))
            raise ValidationError({"upload": ROWS_INVALID.format(count=count)}) from refusal
        except ValidationError as refusal:
            raise ValidationError({"upload": refusal.messages}) from refusal

    def success_message(self) -> str:
        return readings_in_words(self.result.created, self.result.updated)


class ReadingsTemplateView(ReadingsMixin, View):
    """A CSV file to fill in: the header, and a row for each of the framework's indicators."""

    def get(self, request, *args, **kwargs) -> HttpResponse:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="{self.framework.slug}-readings.csv"'
        )
        # Excel reads a CSV file as UTF-8 only when it starts with a byte order mark.
        response.write("\ufeff")
        writer = csv.writer(response)
        writer.writerow([*COLUMNS, "note"])
        indicators = Indicator.objects.filter(outcome__framework=self.framework).order_by("code")
        start = self.framework.starts_on.replace(day=1)
        for code, frequency in indicators.values_list("code", "frequency"):
            end = first_period_end(start, frequency)
            writer.writerow([code, start.isoformat(), end.isoformat(), "", ""])
        return response


class ReadingRecordView(IndicatorLookupMixin, ReadingsMixin, ServiceFormView):
    """One reading of an indicator; one for a period already read replaces it."""

    form_class = ReadingForm

    @property
    def heading(self) -> str:
        return gettext("Record a reading of {indicator}").format(indicator=self.indicator)

    def get_permission_object(self) -> Indicator:
        return self.indicator

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "unit": self.indicator.unit}

    def get_context_data(self, **kwargs):
        return super().get_context_data(indicator=self.indicator, **kwargs)

    def act(self, form) -> None:
        self.reading = reading_record(
            indicator=self.indicator, by=self.request.user, **form.cleaned_data
        )

    def success_message(self) -> str:
        reading = self.reading
        return gettext(
            "The reading of {code} for {period_start} to {period_end} has been saved."
        ).format(
            code=self.indicator.code,
            period_start=long_date(reading.period_start),
            period_end=long_date(reading.period_end),
        )

    def get_success_url(self) -> str:
        return reverse(
            "outcomes:indicator_detail",
            args=[self.framework.partnership.slug, self.framework.slug, self.indicator.pk],
        )


urlpatterns = [
    path(
        "<slug:partnership>/frameworks/<slug:slug>/readings/upload/",
        ReadingsUploadView.as_view(),
        name="readings_upload",
    ),
    path(
        "<slug:partnership>/frameworks/<slug:slug>/readings/template.csv",
        ReadingsTemplateView.as_view(),
        name="readings_template",
    ),
    path(
        "<slug:partnership>/frameworks/<slug:slug>/indicators/<int:pk>/readings/new/",
        ReadingRecordView.as_view(),
        name="reading_record",
    ),
]
