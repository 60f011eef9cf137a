"""Boards, seats, remits, joint appointments and engagement, in Popolo's terms where it has them."""

from rest_framework import serializers

from governance.models import (
    Board,
    BoardMembership,
    EngagementActivity,
    JointAppointment,
    JointAppointmentShare,
    RemitClause,
)


class BoardSerializer(serializers.ModelSerializer):
    """A board as a Popolo organization; `parent` is the board it reports to."""

    classification = serializers.CharField(source="kind")
    parent = serializers.PrimaryKeyRelatedField(
        source="reports_to", read_only=True, allow_null=True
    )
    scrutinises = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    theme = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    cross_cutting_themes = serializers.SlugRelatedField(
        slug_field="slug", many=True, read_only=True
    )
    founding_date = serializers.DateField(source="established_on", allow_null=True)
    dissolution_date = serializers.DateField(source="dissolved_on", allow_null=True)
    web_url = serializers.CharField(source="get_absolute_url")

    class Meta:
        model = Board
        fields = [
            "id",
            "partnership",
            "name",
            "slug",
            "classification",
            "status",
            "parent",
            "scrutinises",
            "theme",
            "cross_cutting_themes",
            "cadence",
            "quorum",
            "terms_of_reference",
            "measures_of_success",
            "founding_date",
            "dissolution_date",
            "web_url",
        ]


class MembershipSerializer(serializers.ModelSerializer):
    """A Popolo membership: a person's seat on a board (organization), on behalf of a body."""

    organization = serializers.PrimaryKeyRelatedField(source="board", read_only=True)
    on_behalf_of = serializers.PrimaryKeyRelatedField(
        source="organisation", read_only=True, allow_null=True
    )
    label = serializers.CharField(source="office")
    start_date = serializers.DateField(source="started_on", allow_null=True)
    end_date = serializers.DateField(source="ended_on", allow_null=True)

    class Meta:
        model = BoardMembership
        fields = [
            "id",
            "organization",
            "person",
            "on_behalf_of",
            "label",
            "role",
            "start_date",
            "end_date",
        ]


class RemitClauseSerializer(serializers.ModelSerializer):
    class Meta:
        model = RemitClause
        fields = ["id", "board", "number", "heading", "text"]


class JointAppointmentShareSerializer(serializers.ModelSerializer):
    organization = serializers.PrimaryKeyRelatedField(source="organisation", read_only=True)

    class Meta:
        model = JointAppointmentShare
        fields = ["organization", "cost_share_percent", "accountable_to", "contact_email"]


class JointAppointmentSerializer(serializers.ModelSerializer):
    """A Popolo post held across employers; the memorandum itself is downloaded from its page."""

    label = serializers.CharField(source="post_title")
    start_date = serializers.DateField(source="started_on", allow_null=True)
    end_date = serializers.DateField(source="ended_on", allow_null=True)
    has_memorandum_of_understanding = serializers.SerializerMethodField()
    shares = JointAppointmentShareSerializer(many=True, read_only=True)

    class Meta:
        model = JointAppointment
        fields = [
            "id",
            "partnership",
            "label",
            "holder",
            "start_date",
            "end_date",
            "review_due_on",
            "annual_objectives",
            "notes",
            "has_memorandum_of_understanding",
            "shares",
        ]

    def get_has_memorandum_of_understanding(self, appointment) -> bool:
        return bool(appointment.memorandum_of_understanding)


class EngagementActivitySerializer(serializers.ModelSerializer):
    organization = serializers.PrimaryKeyRelatedField(source="organisation", read_only=True)
    area = serializers.StringRelatedField(allow_null=True)
    start_date = serializers.DateField(source="starts_on")
    end_date = serializers.DateField(source="ends_on")

    class Meta:
        model = EngagementActivity
        fields = [
            "id",
            "partnership",
            "organization",
            "topic",
            "audience",
            "area",
            "start_date",
            "end_date",
            "method",
            "contact",
            "findings",
            "reported_to",
        ]
