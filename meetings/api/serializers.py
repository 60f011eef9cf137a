"""Meetings as Open Civic Data events, their agenda items, reports, and minutes."""

from rest_framework import serializers

from meetings.models import AgendaItem, Appendix, Meeting, Minute, Report, Resolution


class MeetingSerializer(serializers.ModelSerializer):
    """An OCD event: a meeting of a board (the organization)."""

    name = serializers.CharField(source="__str__")
    organization = serializers.PrimaryKeyRelatedField(source="board", read_only=True)
    start_date = serializers.DateTimeField(source="starts_at")
    end_date = serializers.DateTimeField(source="ends_at", allow_null=True)
    location = serializers.CharField(source="venue")
    web_url = serializers.CharField(source="get_absolute_url")

    class Meta:
        model = Meeting
        fields = [
            "id",
            "name",
            "organization",
            "start_date",
            "end_date",
            "location",
            "online_link",
            "status",
            "agenda_published_at",
            "minutes_status",
            "minutes_published_at",
            "web_url",
        ]


# What an exempt item shows to those who may not read it: its title and the paragraph only.
WITHHELD_FROM_EXEMPT = ("purpose", "report", "presenter")


class AgendaItemSerializer(serializers.ModelSerializer):
    """An OCD agenda item. Where the caller may not read an exempt item, its content is null."""

    event = serializers.PrimaryKeyRelatedField(source="meeting", read_only=True)
    order = serializers.IntegerField(source="position")
    themes = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    content_withheld = serializers.SerializerMethodField()

    class Meta:
        model = AgendaItem
        fields = [
            "id",
            "event",
            "order",
            "kind",
            "title",
            "is_exempt",
            "exempt_paragraph",
            "content_withheld",
            "purpose",
            "report",
            "presenter",
            "themes",
            "remit_clauses",
        ]
        extra_kwargs = {field: {"allow_null": True} for field in WITHHELD_FROM_EXEMPT}

    def get_content_withheld(self, item) -> bool:
        return not item.content_seen

    def to_representation(self, item):
        data = super().to_representation(item)
        if not item.content_seen:
            data.update(dict.fromkeys(WITHHELD_FROM_EXEMPT), remit_clauses=[])
        return data


class AppendixSerializer(serializers.ModelSerializer):
    has_file = serializers.SerializerMethodField()

    class Meta:
        model = Appendix
        fields = ["label", "title", "has_file"]

    def get_has_file(self, appendix) -> bool:
        return bool(appendix.file)


class ReportSerializer(serializers.ModelSerializer):
    """A report with its cover sheet; `body` is sanitised HTML."""

    agenda_item = serializers.IntegerField(source="item_id", read_only=True, allow_null=True)
    appendices = AppendixSerializer(many=True, read_only=True)

    class Meta:
        model = Report
        fields = [
            "id",
            "board",
            "agenda_item",
            "reference",
            "title",
            "report_by",
            "portfolio_area",
            "classification",
            "wards_affected",
            "purpose",
            "is_key_decision",
            "key_decision_note",
            "recommendations",
            "key_points_summary",
            "alternative_options",
            "reasons_for_recommendations",
            "introduction_and_background",
            "key_considerations",
            "community_impact",
            "financial_implications",
            "legal_implications",
            "risk_management",
            "consultees",
            "background_papers",
            "body",
            "contact_officer",
            "appendices",
        ]


class ResolutionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Resolution
        fields = ["position", "label", "text", "development_action"]


class MinuteSerializer(serializers.ModelSerializer):
    """A numbered minute with its resolutions, as its meeting's minutes stand."""

    event = serializers.PrimaryKeyRelatedField(source="meeting", read_only=True)
    organization = serializers.PrimaryKeyRelatedField(source="board", read_only=True)
    status = serializers.CharField(source="meeting.minutes_status")
    published_at = serializers.DateTimeField(source="meeting.minutes_published_at", allow_null=True)
    resolutions = ResolutionSerializer(many=True, read_only=True)

    class Meta:
        model = Minute
        fields = [
            "id",
            "event",
            "organization",
            "municipal_year",
            "number",
            "title",
            "body",
            "agenda_item",
            "resolution_preamble",
            "resolutions",
            "status",
            "published_at",
        ]
