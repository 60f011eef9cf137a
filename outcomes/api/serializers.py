"""Outcome frameworks, their indicators and readings, development actions and projects."""

from rest_framework import serializers

from outcomes.models import (
    ActionUpdate,
    Contribution,
    DevelopmentAction,
    Indicator,
    Outcome,
    OutcomeFramework,
    Project,
    Reading,
    Target,
)


class StrictSerializer(serializers.Serializer):
    """Refuses fields it does not know, so that a misspelt field is not silently dropped."""

    UNKNOWN_FIELD = "This field is not one this endpoint takes."

    def to_internal_value(self, data):
        if isinstance(data, dict):
            unknown = set(data) - set(self.fields)
            if unknown:
                raise serializers.ValidationError(
                    {field: [self.UNKNOWN_FIELD] for field in sorted(unknown)}
                )
        return super().to_internal_value(data)


class FrameworkSerializer(serializers.ModelSerializer):
    themes = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    web_url = serializers.CharField(source="get_absolute_url")

    class Meta:
        model = OutcomeFramework
        fields = [
            "id",
            "partnership",
            "name",
            "slug",
            "kind",
            "status",
            "starts_on",
            "ends_on",
            "themes",
            "summary",
            "web_url",
        ]


class OutcomeSerializer(serializers.ModelSerializer):
    theme = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    cross_cutting_themes = serializers.SlugRelatedField(
        slug_field="slug", many=True, read_only=True
    )

    class Meta:
        model = Outcome
        fields = [
            "id",
            "framework",
            "number",
            "title",
            "description",
            "theme",
            "cross_cutting_themes",
        ]


class TargetSerializer(serializers.ModelSerializer):
    class Meta:
        model = Target
        fields = ["period_start", "period_end", "value"]


class IndicatorSerializer(serializers.ModelSerializer):
    framework = serializers.IntegerField(source="outcome.framework_id", read_only=True)
    targets = TargetSerializer(many=True, read_only=True)

    class Meta:
        model = Indicator
        fields = [
            "id",
            "framework",
            "outcome",
            "code",
            "name",
            "unit",
            "polarity",
            "frequency",
            "source",
            "lead_organisation",
            "lead_board",
            "baseline_value",
            "baseline_date",
            "tolerance_percent",
            "targets",
        ]


class ReadingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Reading
        fields = ["id", "indicator", "period_start", "period_end", "value", "note", "modified_at"]


class ReadingEntrySerializer(StrictSerializer):
    """A reading to record; (indicator, period_start) names the reading it creates or updates."""

    indicator = serializers.IntegerField(min_value=1)
    period_start = serializers.DateField()
    period_end = serializers.DateField()
    value = serializers.DecimalField(
        max_digits=Reading._meta.get_field("value").max_digits,
        decimal_places=Reading._meta.get_field("value").decimal_places,
    )
    note = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class ReadingsRecorded(serializers.Serializer):
    created = serializers.IntegerField()
    updated = serializers.IntegerField()


class ActionUpdateSerializer(serializers.ModelSerializer):
    class Meta:
        model = ActionUpdate
        fields = ["id", "action", "written_on", "author", "text", "status"]


class ActionUpdateEntrySerializer(StrictSerializer):
    """Progress on a development action; a partner system names the person reporting it."""

    text = serializers.CharField(max_length=10000)
    status = serializers.ChoiceField(choices=DevelopmentAction.Status.choices)
    written_on = serializers.DateField(required=False)
    author = serializers.IntegerField(
        min_value=1,
        required=False,
        help_text="The person reporting, for a partner system; a signed-in user reports as "
        "themselves.",
    )


class DevelopmentActionSerializer(serializers.ModelSerializer):
    class Meta:
        model = DevelopmentAction
        fields = [
            "id",
            "partnership",
            "framework",
            "area_for_improvement",
            "remit_clause",
            "reference",
            "activity",
            "lead_person",
            "lead_organisation",
            "lead_board",
            "deadline",
            "deadline_wording",
            "status",
        ]


class ProjectSerializer(serializers.ModelSerializer):
    web_url = serializers.CharField(source="get_absolute_url")

    class Meta:
        model = Project
        fields = [
            "id",
            "partnership",
            "proposing_board",
            "name",
            "slug",
            "summary",
            "outcomes",
            "lead_organisation",
            "lead_officer",
            "performance_framework",
            "framework_signed_off_on",
            "status",
            "is_demonstration",
            "web_url",
        ]


class ContributionSerializer(serializers.ModelSerializer):
    organization = serializers.PrimaryKeyRelatedField(source="organisation", read_only=True)

    class Meta:
        model = Contribution
        fields = [
            "id",
            "partnership",
            "organization",
            "project",
            "outcome",
            "financial_year",
            "kind",
            "amount",
            "description",
        ]
