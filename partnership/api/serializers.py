"""Partnerships, organisations and people, named as Popolo names them where it can."""

from rest_framework import serializers

from partnership.models import Organisation, Partnership, Person


class PartnershipSerializer(serializers.ModelSerializer):
    classification = serializers.CharField(source="kind")
    founding_date = serializers.DateField(source="established_on", allow_null=True)
    area = serializers.StringRelatedField(allow_null=True)
    web_url = serializers.CharField(source="get_absolute_url")

    class Meta:
        model = Partnership
        fields = [
            "id",
            "name",
            "slug",
            "short_name",
            "classification",
            "nation",
            "area",
            "description",
            "founding_date",
            "municipal_year_start_month",
            "web_url",
        ]


class OrganisationSerializer(serializers.ModelSerializer):
    """A Popolo organization: a council, an NHS body, police, a charity."""

    classification = serializers.CharField(source="kind")
    founding_date = serializers.DateField(source="founded_on", allow_null=True)
    dissolution_date = serializers.DateField(source="dissolved_on", allow_null=True)
    area = serializers.StringRelatedField(allow_null=True)
    partnerships = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    web_url = serializers.CharField(source="get_absolute_url")

    class Meta:
        model = Organisation
        fields = [
            "id",
            "name",
            "short_name",
            "classification",
            "area",
            "website",
            "founding_date",
            "dissolution_date",
            "partnerships",
            "web_url",
        ]


class PersonSerializer(serializers.ModelSerializer):
    """A Popolo person, by the fields the person's public page shows: no address or phone."""

    organization = serializers.PrimaryKeyRelatedField(
        source="organisation", read_only=True, allow_null=True
    )
    web_url = serializers.CharField(source="get_absolute_url")

    class Meta:
        model = Person
        fields = [
            "id",
            "name",
            "honorific_prefix",
            "job_title",
            "capacity",
            "organization",
            "web_url",
        ]
