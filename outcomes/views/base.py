"""What the outcomes pages share: finding the framework, and its indicator, the address names."""

from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property

from outcomes.models import Indicator, OutcomeFramework


class FrameworkLookupMixin:
    """Finds the framework by its partnership's slug and its own."""

    @cached_property
    def framework(self) -> OutcomeFramework:
        return get_object_or_404(
            OutcomeFramework.objects.select_related("partnership"),
            partnership__slug=self.kwargs["partnership"],
            slug=self.kwargs["slug"],
        )


class IndicatorLookupMixin:
    """Finds the indicator by its key, among the framework's only; with a framework mixin."""

    @cached_property
    def indicator(self) -> Indicator:
        return get_object_or_404(
            Indicator.objects.select_related("outcome"),
            outcome__framework=self.framework,
            pk=self.kwargs["pk"],
        )
