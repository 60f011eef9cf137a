"""Meetings of boards, their agendas, reports, attendance, minutes and agenda packs."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.bilingual import in_reader_language
from core.models import AuditedModel, TimeStampedModel
from governance.models import Board, Interest, RemitClause
from meetings.querysets import MeetingQuerySet, MinuteQuerySet
from outcomes.models import DevelopmentAction, Project
from partnership.models import Person, Theme


class Meeting(AuditedModel):
    """A meeting of a board, with its agenda and, once held, its minutes."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        HELD = "held", _("Held")
        POSTPONED = "postponed", _("Postponed")
        CANCELLED = "cancelled", _("Cancelled")

    class MinutesStatus(models.TextChoices):
        NONE = "none", _("Not yet drafted")
        DRAFT = "draft", _("Draft")
        APPROVED = "approved", _("Approved")
        PUBLISHED = "published", _("Published")

    board = models.ForeignKey(Board, on_delete=models.PROTECT, related_name="meetings")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField(null=True, blank=True)
    venue = models.CharField(max_length=300, blank=True)
    online_link = models.URLField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SCHEDULED)
    contact = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Who to ask about the meeting (usually the clerk).",
    )
    agenda_published_at = models.DateTimeField(null=True, blank=True)
    urgency_reason = models.TextField(
        blank=True, help_text="Why the agenda was published later than the notice period allows."
    )
    minutes_status = models.CharField(
        max_length=10, choices=MinutesStatus.choices, default=MinutesStatus.NONE
    )
    minutes_approved_at_meeting = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="approved_minutes_of",
        help_text="The meeting at which these minutes were approved.",
    )
    minutes_published_at = models.DateTimeField(null=True, blank=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        # Calendars and the API list meetings by date, newest first, a page at a time.
        indexes = [models.Index(fields=["starts_at"], name="meeting_starts_at")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gt=models.F("starts_at")),
                name="meeting_ends_after_start",
                violation_error_message="A meeting cannot end before it starts.",
            ),
            models.CheckConstraint(
                condition=~Q(venue="") | ~Q(online_link=""),
                name="meeting_has_venue_or_link",
                violation_error_message="Give a venue, an online link, or both.",
            ),
            models.CheckConstraint(
                condition=~Q(minutes_status="published") | Q(minutes_published_at__isnull=False),
                name="published_minutes_have_date",
                violation_error_message="Published minutes need the date they were published.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.board}, {timezone.localtime(self.starts_at):%-d %B %Y}"

    def get_absolute_url(self) -> str:
        return reverse("meetings:meeting_detail", args=[self.pk])

    @property
    def is_agenda_published(self) -> bool:
        return self.agenda_published_at is not None


class Report(AuditedModel):
    """A report to a board, with the cover sheet of a council committee report."""

    class Classification(models.TextChoices):
        OPEN = "open", _("Open")
        EXEMPT = "exempt", _("Exempt")

    board = models.ForeignKey(Board, on_delete=models.PROTECT, related_name="reports")
    reference = models.CharField(max_length=40, blank=True, help_text="e.g. COG/1/13")
    title = models.CharField(max_length=300)
    report_by = models.CharField(max_length=200, blank=True, help_text="Author's office")
    portfolio_area = models.CharField(max_length=200, blank=True)
    classification = models.CharField(
        max_length=10, choices=Classification.choices, default=Classification.OPEN
    )
    wards_affected = models.CharField(max_length=300, blank=True)
    purpose = models.TextField(blank=True)
    is_key_decision = models.BooleanField(default=False)
    key_decision_note = models.CharField(max_length=300, blank=True)
    recommendations = models.TextField(blank=True)
    key_points_summary = models.TextField(blank=True)
    alternative_options = models.TextField(blank=True)
    reasons_for_recommendations = models.TextField(blank=True)
    introduction_and_background = models.TextField(blank=True)
    key_considerations = models.TextField(blank=True)
    community_impact = models.TextField(blank=True)
    financial_implications = models.TextField(blank=True)
    legal_implications = models.TextField(blank=True)
    risk_management = models.TextField(blank=True)
    consultees = models.TextField(blank=True)
    background_papers = models.TextField(blank=True)
    body = models.TextField(
        blank=True, help_text="The report's own text beyond its cover sheet, e.g. from Word."
    )
    source_document = models.FileField(
        upload_to="reports/sources/", blank=True, help_text="The Word file the body came from."
    )
    contact_officer = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="reports"
    )

    # The cover sheet's rich-text sections and the body, in the order the cover sheet prints them.
    RICH_TEXT_FIELDS = (
        "purpose",
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
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class Appendix(AuditedModel):
    """A document appended to a report: a PDF merged as it is, or text typeset with the report."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="appendices")
    label = models.CharField(max_length=10, help_text="e.g. (a) or 1")
    title = models.CharField(max_length=300)
    file = models.FileField(upload_to="reports/appendices/", blank=True)
    body = models.TextField(blank=True)

    class Meta:
        ordering = ["report", "label"]
        verbose_name_plural = "appendices"
        constraints = [
            models.UniqueConstraint(fields=["report", "label"], name="unique_appendix_label"),
        ]

    def __str__(self) -> str:
        return f"Appendix {self.label}: {self.title}"


class AgendaItem(AuditedModel):
    """An item of a meeting's agenda, open or exempt, perhaps carrying a report."""

    class Kind(models.TextChoices):
        APOLOGIES = "apologies", _("Apologies for absence")
        DECLARATIONS = "declarations", _("Declarations of interest")
        MINUTES = "minutes", _("Minutes")
        REPORT = "report", _("Report")
        OTHER = "other", _("Other business")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    position = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=15, choices=Kind.choices, default=Kind.REPORT)
    title = models.CharField(max_length=300)
    title_cy = models.CharField("title in Welsh", max_length=300, blank=True)
    purpose = models.TextField(blank=True)
    purpose_cy = models.TextField("purpose in Welsh", blank=True)
    report = models.OneToOneField(
        Report, null=True, blank=True, on_delete=models.PROTECT, related_name="agenda_item"
    )
    presenter = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    themes = models.ManyToManyField(
        Theme, blank=True, related_name="agenda_items", help_text="Cross-cutting themes it touches."
    )
    remit_clauses = models.ManyToManyField(
        RemitClause, blank=True, related_name="agenda_items", help_text="Remit clauses it serves."
    )
    is_exempt = models.BooleanField(default=False)
    exempt_paragraph = models.CharField(
        max_length=10,
        blank=True,
        help_text="The paragraph of the exempt-information schedule that applies.",
    )

    class Meta:
        ordering = ["meeting", "position"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "position"], name="unique_agenda_position"),
            models.CheckConstraint(
                condition=Q(is_exempt=False) | ~Q(exempt_paragraph=""),
                name="exempt_item_names_paragraph",
                violation_error_message="An exempt item must name the paragraph that exempts it.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.position}. {in_reader_language(self, 'title')}"


class Attendance(AuditedModel):
    """Whether a person was present at a meeting, sent apologies, or attended without a seat."""

    class Status(models.TextChoices):
        PRESENT = "present", _("Present")
        APOLOGIES = "apologies", _("Apologies")
        ABSENT = "absent", _("Absent")
        IN_ATTENDANCE = "in_attendance", _("In attendance")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="attendances")
    status = models.CharField(max_length=15, choices=Status.choices)
    capacity = models.CharField(max_length=200, blank=True, help_text="e.g. Chairman")

    class Meta:
        ordering = ["meeting", "status", "person__name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="one_attendance_per_person"),
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_status_display().lower()} at {self.meeting}"


class Declaration(AuditedModel):
    """An interest declared by a person at a meeting, on an item."""

    class Kind(models.TextChoices):
        PERSONAL = "personal", _("Personal")
        PREJUDICIAL = "prejudicial", _("Personal and prejudicial")
        DISCLOSABLE_PECUNIARY = "dpi", _("Disclosable pecuniary")
        OTHER_REGISTRABLE = "other_registrable", _("Other registrable")
        NON_REGISTRABLE = "non_registrable", _("Non-registrable")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="declarations")
    agenda_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.CASCADE, related_name="declarations"
    )
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="declarations")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    interest = models.ForeignKey(
        Interest, null=True, blank=True, on_delete=models.PROTECT, related_name="declarations"
    )
    description = models.TextField()
    left_the_meeting = models.BooleanField(default=False)

    class Meta:
        ordering = ["meeting", "person__name"]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_kind_display().lower()} interest at {self.meeting}"

    def clean(self) -> None:
        if self.agenda_item_id and self.agenda_item.meeting_id != self.meeting_id:
            raise ValidationError({"agenda_item": _("The item is on another meeting's agenda.")})


class Minute(AuditedModel):
    """A numbered minute; numbers run on per board through its municipal year (86, 87, ...)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="minutes")
    board = models.ForeignKey(Board, on_delete=models.PROTECT, related_name="+", editable=False)
    municipal_year = models.PositiveSmallIntegerField(
        editable=False, help_text="The year in which the municipal year began."
    )
    number = models.PositiveIntegerField()
    agenda_item = models.OneToOneField(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="minute"
    )
    title = models.CharField(max_length=300)
    title_cy = models.CharField("title in Welsh", max_length=300, blank=True)
    body = models.TextField(blank=True)
    body_cy = models.TextField("body in Welsh", blank=True)
    resolution_preamble = models.CharField(
        max_length=200,
        blank=True,
        help_text="Printed after RESOLVED, e.g. 'That Cabinet:' or 'That it be recommended to "
        "Council that:'.",
    )

    objects = MinuteQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "municipal_year", "number"],
                name="unique_minute_number_per_year",
                violation_error_message="The board has used this minute number this year.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {in_reader_language(self, 'title')}"

    def clean(self) -> None:
        # The board and municipal year are the meeting's; they are stored for the constraint.
        if self.meeting_id:
            self.board_id = self.meeting.board_id
            self.municipal_year = self.meeting.board.partnership.municipal_year_of(
                timezone.localdate(self.meeting.starts_at)
            )


class Resolution(AuditedModel):
    """A resolution recorded under a minute, in order: (a), (b), ... or 1, 2, ..."""

    minute = models.ForeignKey(Minute, on_delete=models.CASCADE, related_name="resolutions")
    position = models.PositiveSmallIntegerField()
    label = models.CharField(max_length=10, blank=True, help_text="As printed, e.g. a) or 2.")
    text = models.TextField()
    text_cy = models.TextField("text in Welsh", blank=True)
    development_action = models.OneToOneField(
        DevelopmentAction,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="resolution",
        help_text="The development action this resolution created.",
    )

    class Meta:
        ordering = ["minute", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["minute", "position"], name="unique_resolution_position"
            ),
        ]

    def __str__(self) -> str:
        return f"Minute {self.minute.number} resolution {self.label or self.position}"


class MinuteCorrection(AuditedModel):
    """A recorded correction to a published minute: the only way published minutes change."""

    minute = models.ForeignKey(Minute, on_delete=models.PROTECT, related_name="corrections")
    reason = models.TextField()
    previous_body = models.TextField()
    corrected_body = models.TextField()
    made_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    agreed_at = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The meeting that agreed the correction, if any.",
    )

    class Meta:
        ordering = ["minute", "created_at"]

    def __str__(self) -> str:
        return f"Correction to minute {self.minute.number} ({self.created_at:%-d %B %Y})"


class AgendaPack(AuditedModel):
    """One rendering of a meeting's agenda pack as a PDF, public or for members."""

    class Variant(models.TextChoices):
        PUBLIC = "public", _("Public")
        MEMBERS = "members", _("Members (includes exempt items)")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RENDERING = "rendering", _("Rendering")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_packs")
    variant = models.CharField(max_length=10, choices=Variant.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    requested_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    file = models.FileField(upload_to="packs/", blank=True)
    page_count = models.PositiveIntegerField(null=True, blank=True)
    sections_total = models.PositiveSmallIntegerField(default=0)
    sections_done = models.PositiveSmallIntegerField(default=0)
    finished_at = models.DateTimeField(null=True, blank=True)
    failure_reason = models.TextField(blank=True)
    task_sent_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When the render task was last handed to the broker; empty if it could not be.",
    )

    class Meta:
        ordering = ["meeting", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="ready") | ~Q(file=""),
                name="ready_pack_has_file",
                violation_error_message="A ready pack must have its file.",
            ),
            models.CheckConstraint(
                condition=~Q(status="failed") | ~Q(failure_reason=""),
                name="failed_pack_has_reason",
                violation_error_message="A failed pack must record why it failed.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_variant_display()} agenda pack for {self.meeting} ({self.status})"


class RenderedSection(TimeStampedModel):
    """A rendered section of an agenda pack, reused while its content is unchanged."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=64, help_text="Digest of everything the section shows.")
    file = models.FileField(upload_to="packs/sections/")
    page_count = models.PositiveIntegerField()

    class Meta:
        ordering = ["meeting", "created_at"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "key"], name="one_rendering_per_section"),
        ]

    def __str__(self) -> str:
        return f"Rendered section {self.key[:12]} of {self.meeting} ({self.page_count} pages)"


class ProjectDecision(AuditedModel):
    """A step of a project's route through the boards, with the meeting and resolution that
    decided it."""

    class Step(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Refused")
        FRAMEWORK_SIGNED_OFF = "framework_signed_off", _("Performance framework signed off")

    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="decisions")
    step = models.CharField(max_length=25, choices=Step.choices)
    board = models.ForeignKey(Board, on_delete=models.PROTECT, related_name="project_decisions")
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.PROTECT, related_name="project_decisions"
    )
    resolution = models.ForeignKey(
        Resolution,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="project_decisions",
    )
    decided_on = models.DateField()
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["project", "decided_on", "created_at"]

    def __str__(self) -> str:
        return f"{self.project}: {self.get_step_display().lower()} by {self.board}"
