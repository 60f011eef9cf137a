"""Partnerships, the organisations that make them up, the places they serve and the people."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.bilingual import in_reader_language
from core.constraints import dates_in_order
from core.models import AuditedModel, TimeStampedModel
from partnership.querysets import OrganisationQuerySet, PartnerMembershipQuerySet, PersonQuerySet


class Nation(models.TextChoices):
    ENGLAND = "england", _("England")
    WALES = "wales", _("Wales")
    SCOTLAND = "scotland", _("Scotland")
    NORTHERN_IRELAND = "northern_ireland", _("Northern Ireland")


class Area(AuditedModel):
    """A place a partnership serves: a council area, a district, a locality or a ward."""

    class Kind(models.TextChoices):
        COUNCIL_AREA = "council_area", _("Council area")
        COUNTY = "county", _("County")
        DISTRICT = "district", _("District")
        LOCALITY = "locality", _("Locality")
        WARD = "ward", _("Ward")
        PARISH = "parish", _("Parish")

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    nation = models.CharField(max_length=20, choices=Nation.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    code = models.CharField("statistical code", max_length=20, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["name", "kind", "parent"], name="unique_area_in_parent"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_kind_display().lower()})"


class Organisation(AuditedModel):
    """A body that takes part in partnerships: a council, an NHS body, police, a charity."""

    class Kind(models.TextChoices):
        COUNCIL = "council", _("Local authority")
        NHS_BOARD = "nhs_board", _("NHS board")
        NHS_TRUST = "nhs_trust", _("NHS trust")
        PRIMARY_CARE_TRUST = "pct", _("Primary care trust")
        GP_CONSORTIUM = "gp_consortium", _("GP consortium")
        POLICE = "police", _("Police")
        FIRE = "fire", _("Fire and rescue")
        THIRD_SECTOR = "third_sector", _("Voluntary and community sector")
        BUSINESS = "business", _("Business")
        GOVERNMENT = "government", _("Government body")
        EDUCATION = "education", _("Education")
        OTHER = "other", _("Other")

    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=50, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    area = models.ForeignKey(Area, null=True, blank=True, on_delete=models.PROTECT)
    website = models.URLField(blank=True)
    email = models.EmailField(blank=True)
    founded_on = models.DateField(null=True, blank=True)
    dissolved_on = models.DateField(null=True, blank=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            dates_in_order(
                "founded_on",
                "dissolved_on",
                name="organisation_dissolved_after_founded",
                message="An organisation cannot cease before it was founded.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("partnership:organisation_detail", args=[self.pk])


class Merger(AuditedModel):
    """Several organisations succeeded by one on a date; predecessors are kept, never deleted."""

    successor = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="formed_by_mergers"
    )
    predecessors = models.ManyToManyField(Organisation, related_name="merged_into")
    effective_on = models.DateField()
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["-effective_on"]

    def __str__(self) -> str:
        return f"Merger forming {self.successor} on {self.effective_on:%-d %B %Y}"


class Partnership(AuditedModel):
    """A standing arrangement through which partner organisations govern shared work in an area."""

    class Kind(models.TextChoices):
        COMMUNITY_PLANNING = "cpp", _("Community planning partnership")
        LOCAL_STRATEGIC = "lsp", _("Local strategic partnership")
        PUBLIC_SERVICES_BOARD = "psb", _("Public services board")
        HEALTH_AND_WELLBEING = "hwb", _("Health and wellbeing partnership")
        COUNCIL = "council", _("Council and its partners")
        OTHER = "other", _("Other partnership")

    name = models.CharField(max_length=200, unique=True)
    name_cy = models.CharField("name in Welsh", max_length=200, blank=True)
    slug = models.SlugField(max_length=80, unique=True)
    short_name = models.CharField(max_length=50, blank=True)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    nation = models.CharField(max_length=20, choices=Nation.choices)
    area = models.ForeignKey(Area, null=True, blank=True, on_delete=models.PROTECT)
    description = models.TextField(blank=True)
    description_cy = models.TextField("description in Welsh", blank=True)
    established_on = models.DateField(null=True, blank=True)
    municipal_year_start_month = models.PositiveSmallIntegerField(
        default=5, help_text="Month in which the municipal year, and so minute numbering, starts."
    )
    organisations = models.ManyToManyField(
        Organisation, through="PartnerMembership", related_name="partnerships"
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(municipal_year_start_month__gte=1, municipal_year_start_month__lte=12),
                name="partnership_municipal_year_month_valid",
                violation_error_message="The municipal year starts in a month from 1 to 12.",
            ),
        ]

    def __str__(self) -> str:
        return in_reader_language(self, "name")

    def get_absolute_url(self) -> str:
        return reverse("partnership:partnership_detail", args=[self.slug])

    @property
    def writes_in_welsh(self) -> bool:
        """Welsh bodies publish in Welsh beside English, so their records carry both."""
        return self.nation == Nation.WALES

    def municipal_year_of(self, day) -> int:
        """The calendar year in which the municipal year containing `day` began."""
        if day.month >= self.municipal_year_start_month:
            return day.year
        return day.year - 1


class PartnerMembership(AuditedModel):
    """An organisation's place in a partnership, from when to when."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT)
    joined_on = models.DateField(null=True, blank=True)
    left_on = models.DateField(null=True, blank=True)

    objects = PartnerMembershipQuerySet.as_manager()

    class Meta:
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "organisation"],
                condition=Q(left_on__isnull=True),
                name="one_current_partner_membership",
                violation_error_message="This organisation is already a current partner.",
            ),
            dates_in_order(
                "joined_on",
                "left_on",
                name="partner_membership_left_after_joined",
                message="An organisation cannot leave before it joined.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} in {self.partnership}"


class Person(AuditedModel):
    """Someone who sits on boards, leads actions or writes reports; may have a login."""

    class Capacity(models.TextChoices):
        OFFICER = "officer", _("Officer")
        ELECTED_MEMBER = "elected_member", _("Elected member")
        NON_EXECUTIVE = "non_executive", _("Non-executive director")
        REPRESENTATIVE = "representative", _("Representative")
        MEMBER_OF_PUBLIC = "public", _("Member of the public")

    honorific_prefix = models.CharField(max_length=40, blank=True, help_text="e.g. Councillor")
    name = models.CharField(max_length=200)
    job_title = models.CharField(max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="people"
    )
    capacity = models.CharField(max_length=20, choices=Capacity.choices)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return f"{self.honorific_prefix} {self.name}".strip()

    def get_absolute_url(self) -> str:
        return reverse("partnership:person_detail", args=[self.pk])

    def clean(self) -> None:
        if self.capacity == self.Capacity.OFFICER and self.organisation_id is None:
            raise ValidationError({"organisation": _("An officer must belong to an organisation.")})


class Theme(AuditedModel):
    """A theme of a partnership's work, or a cross-cutting one (obesity, safeguarding)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="themes")
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80)
    description = models.TextField(blank=True)
    is_cross_cutting = models.BooleanField(default=False)

    class Meta:
        ordering = ["partnership", "name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "slug"], name="unique_theme_slug"),
        ]

    def __str__(self) -> str:
        return self.name


class PartnerSystem(AuditedModel):
    """A partner organisation's computer system that calls the API for one partnership."""

    name = models.CharField(max_length=200)
    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="partner_systems"
    )
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    can_read = models.BooleanField(default=True)
    can_write = models.BooleanField(default=False)
    is_active = models.BooleanField(default=True)
    application = models.OneToOneField(
        settings.OAUTH2_PROVIDER_APPLICATION_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="partner_system",
        help_text="The OAuth2 client whose credentials the system calls the API with.",
    )

    # A partner system is the principal of the API requests it makes, as a user is of theirs.
    is_authenticated = True
    is_anonymous = False
    is_superuser = False

    class Meta:
        ordering = ["partnership", "name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "name"], name="unique_partner_system"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})"


class WebhookEvent(models.TextChoices):
    AGENDA_PUBLISHED = "agenda.published", _("An agenda is published")
    MINUTES_PUBLISHED = "minutes.published", _("Minutes are published")
    PACK_READY = "pack.ready", _("A public agenda pack is ready")
    READING_ADDED = "reading.added", _("Indicator readings are added")
    ACTION_OVERDUE = "action.overdue", _("A development action is overdue")


class WebhookEndpoint(AuditedModel):
    """An address of a partner's system that is told of a partnership's events, signed."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="webhook_endpoints"
    )
    url = models.URLField(
        "address", max_length=500, validators=[URLValidator(schemes=["https", "http"])]
    )
    description = models.CharField(max_length=200, blank=True)
    events = models.JSONField(default=list, help_text="The events sent to it.")
    # Standard Webhooks' secret ("whsec_" and base64): it signs, so it is kept to sign with.
    secret = models.CharField(max_length=100, editable=False)
    is_active = models.BooleanField(default=True)
    consecutive_failures = models.PositiveIntegerField(default=0)
    disabled_at = models.DateTimeField(null=True, blank=True)
    registered_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["partnership", "url"]

    def __str__(self) -> str:
        return self.url

    def get_absolute_url(self) -> str:
        return reverse("partnership:webhook_detail", args=[self.partnership.slug, self.pk])

    def wants(self, event: str) -> bool:
        return self.is_active and event in self.events


class WebhookDelivery(TimeStampedModel):
    """One event to send to one endpoint, tried until it is taken or given up."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        DELIVERED = "delivered", _("Delivered")
        FAILED = "failed", _("Given up")

    endpoint = models.ForeignKey(
        WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries"
    )
    event = models.CharField(max_length=30, choices=WebhookEvent.choices)
    # Names the event itself, so that one emitted twice is delivered once.
    event_key = models.CharField(max_length=200)
    message_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    payload = models.JSONField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "webhook deliveries"
        constraints = [
            models.UniqueConstraint(
                fields=["endpoint", "event_key"], name="one_delivery_per_event_and_endpoint"
            ),
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.event} to {self.endpoint}"


class WebhookAttempt(models.Model):
    """One try at delivering: what the endpoint answered, or why it could not be reached."""

    delivery = models.ForeignKey(WebhookDelivery, on_delete=models.CASCADE, related_name="tries")
    attempted_at = models.DateTimeField(default=timezone.now)
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)
    duration_ms = models.PositiveIntegerField()

    class Meta:
        ordering = ["-attempted_at"]

    def __str__(self) -> str:
        return f"{self.delivery} at {self.attempted_at:%Y-%m-%d %H:%M}"

    @property
    def succeeded(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300
