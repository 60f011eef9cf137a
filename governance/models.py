"""Boards and who sits on them, their remits, joint appointments and the register of interests."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.bilingual import in_reader_language
from core.constraints import dates_in_order
from core.models import AuditedModel
from governance.querysets import BoardMembershipQuerySet, JointAppointmentQuerySet
from partnership.models import Area, Organisation, Partnership, Person, Theme

SEAT_OVERLAPS = _("{person} already holds a seat on {board} then.")
CHAIR_OVERLAPS = _("{board} already has a chair then.")
# A board reporting to itself, or to a board below it, would make its lines of reporting go round.
BOARD_REPORTING_LOOP = _("Boards cannot report to each other in a loop.")
BOARD_REPORTS_TO_ANOTHER_PARTNERSHIP = _("A board reports to a board of its partnership.")
BOARD_THEME_OF_ANOTHER_PARTNERSHIP = _("Choose a theme of {partnership}.")
BOARD_DISSOLVED_NEEDS_DATE = _("Enter the date the board was dissolved.")
BOARD_NOT_DISSOLVED = _("Only a dissolved board has a date it was dissolved: leave it empty.")
BOARD_DISSOLVED_BEFORE_ESTABLISHED = _("A board cannot be dissolved before it was established.")


class Board(AuditedModel):
    """A body of a partnership that meets and decides: a board, group, committee or cabinet."""

    class Kind(models.TextChoices):
        PARTNERSHIP_BOARD = "partnership_board", _("Partnership board")
        CHIEF_OFFICERS_GROUP = "chief_officers_group", _("Chief officers' group")
        THEMATIC_GROUP = "thematic_group", _("Thematic group")
        DELIVERY_BOARD = "delivery_board", _("Delivery board")
        TASK_GROUP = "task_group", _("Task group")
        OFFICERS_GROUP = "officers_group", _("Officers' group")
        HEALTH_AND_WELLBEING_BOARD = "health_and_wellbeing_board", _("Health and wellbeing board")
        SCRUTINY_COMMITTEE = "scrutiny_committee", _("Scrutiny committee")
        CABINET = "cabinet", _("Cabinet")

    class Status(models.TextChoices):
        SHADOW = "shadow", _("Shadow")
        ACTIVE = "active", _("Active")
        DISSOLVED = "dissolved", _("Dissolved")

    class Cadence(models.TextChoices):
        MONTHLY = "monthly", _("Monthly")
        SIX_WEEKLY = "six_weekly", _("Every six weeks")
        BIMONTHLY = "bimonthly", _("Every two months")
        QUARTERLY = "quarterly", _("Quarterly")
        TWICE_YEARLY = "twice_yearly", _("Twice a year")
        AS_REQUIRED = "as_required", _("As required")

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="boards")
    name = models.CharField(max_length=200)
    name_cy = models.CharField("name in Welsh", max_length=200, blank=True)
    slug = models.SlugField(max_length=80)
    kind = models.CharField(max_length=30, choices=Kind.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    reports_to = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="reporting_boards"
    )
    scrutinises = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="scrutinised_by"
    )
    theme = models.ForeignKey(Theme, null=True, blank=True, on_delete=models.PROTECT)
    cross_cutting_themes = models.ManyToManyField(
        Theme,
        blank=True,
        related_name="cross_cutting_boards",
        help_text="Cross-cutting themes the board's work touches, such as obesity or safeguarding.",
    )
    cadence = models.CharField(max_length=15, choices=Cadence.choices, blank=True)
    quorum = models.PositiveSmallIntegerField(null=True, blank=True)
    terms_of_reference = models.TextField(blank=True)
    measures_of_success = models.TextField(blank=True)
    established_on = models.DateField(null=True, blank=True)
    dissolved_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["partnership", "name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "slug"], name="unique_board_slug"),
            models.CheckConstraint(
                condition=~Q(status="dissolved") | Q(dissolved_on__isnull=False),
                name="dissolved_board_has_date",
                violation_error_message="A dissolved board needs the date it was dissolved.",
            ),
        ]

    def __str__(self) -> str:
        return in_reader_language(self, "name")

    def get_absolute_url(self) -> str:
        return reverse("governance:board_detail", args=[self.partnership.slug, self.slug])

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.status == self.Status.DISSOLVED and self.dissolved_on is None:
            errors["dissolved_on"] = BOARD_DISSOLVED_NEEDS_DATE
        elif self.status != self.Status.DISSOLVED and self.dissolved_on is not None:
            errors["dissolved_on"] = BOARD_NOT_DISSOLVED
        elif self.established_on and self.dissolved_on and self.dissolved_on < self.established_on:
            errors["dissolved_on"] = BOARD_DISSOLVED_BEFORE_ESTABLISHED
        if self.theme_id and self.theme.partnership_id != self.partnership_id:
            errors["theme"] = BOARD_THEME_OF_ANOTHER_PARTNERSHIP.format(
                partnership=self.partnership
            )
        reporting = self._reporting_error()
        if reporting:
            errors["reports_to"] = reporting
        if errors:
            raise ValidationError(errors)

    def _reporting_error(self) -> str:
        """Why the board may not report where it is set to: to a board of another partnership,
        or to itself or a board below it."""
        if self.reports_to_id is None:
            return ""
        if self.reports_to.partnership_id != self.partnership_id:
            return BOARD_REPORTS_TO_ANOTHER_PARTNERSHIP
        seen, parent = set(), self.reports_to
        while parent is not None and parent.pk not in seen:
            if self.pk is not None and parent.pk == self.pk:
                return BOARD_REPORTING_LOOP
            seen.add(parent.pk)
            parent = parent.reports_to
        return ""


class RemitClause(AuditedModel):
    """One numbered clause of a board's remit."""

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="remit_clauses")
    number = models.PositiveSmallIntegerField()
    heading = models.CharField(
        max_length=200, blank=True, help_text="Short form, e.g. 'Are we reducing inequalities?'"
    )
    text = models.TextField()

    class Meta:
        ordering = ["board", "number"]
        constraints = [
            models.UniqueConstraint(fields=["board", "number"], name="unique_remit_clause_number"),
        ]

    def __str__(self) -> str:
        return f"Remit {self.number}: {self.heading or self.text[:80]}"


class BoardMembership(AuditedModel):
    """A seat on a board: who holds it, for which organisation or office, in which role."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        VICE_CHAIR = "vice_chair", _("Vice-chair")
        MEMBER = "member", _("Member")
        LEAD_OFFICER = "lead_officer", _("Lead officer")
        IN_ATTENDANCE = "in_attendance", _("In attendance")
        EX_OFFICIO = "ex_officio", _("Ex officio")
        CLERK = "clerk", _("Clerk")

    # The board's voting members, in the order a membership list prints them. Ex officio
    # members sit by virtue of office with the same vote; a clerk or lead officer serves the
    # board and a seat "in attendance" is there to advise: none of those counts to a quorum.
    VOTING_ROLES = (Role.CHAIR, Role.VICE_CHAIR, Role.MEMBER, Role.EX_OFFICIO)

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="board_memberships",
        help_text="Leave empty for a vacant seat.",
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="seats"
    )
    office = models.CharField(
        max_length=200, blank=True, help_text="The office or remit the seat is held by."
    )
    role = models.CharField(max_length=15, choices=Role.choices, default=Role.MEMBER)
    started_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)

    objects = BoardMembershipQuerySet.as_manager()

    class Meta:
        ordering = ["board", "role", "person__name"]
        constraints = [
            dates_in_order(
                "started_on",
                "ended_on",
                name="membership_ends_after_start",
                message="A seat cannot end before it starts.",
            ),
            models.CheckConstraint(
                condition=Q(person__isnull=False) | ~Q(office="") | Q(organisation__isnull=False),
                name="membership_names_holder_office_or_organisation",
                violation_error_message="Name the person, office or organisation the seat is for.",
            ),
            models.UniqueConstraint(
                fields=["board", "person"],
                condition=Q(ended_on__isnull=True, person__isnull=False),
                name="one_open_seat_per_person_per_board",
                violation_error_message="This person already holds an open seat on this board.",
            ),
            models.UniqueConstraint(
                fields=["board"],
                condition=Q(ended_on__isnull=True, role="chair", person__isnull=False),
                name="one_open_chair_per_board",
                violation_error_message="This board already has a chair; end their seat first.",
            ),
        ]

    def __str__(self) -> str:
        holder = str(self.person) if self.person else "Vacant"
        capacity = self.office or (str(self.organisation) if self.organisation else "")
        role = self.get_role_display().lower()
        return f"{holder}, {role} of {self.board}" + (f" ({capacity})" if capacity else "")

    @property
    def is_vacant(self) -> bool:
        return self.person_id is None

    def clean(self) -> None:
        if self.person_id is None or self.board_id is None:
            return
        # A person holds one seat per board at a time; a chair is one person at a time.
        clashes = (
            BoardMembership.objects.filter(board=self.board)
            .exclude(pk=self.pk)
            .overlapping(self.started_on, self.ended_on)
        )
        if clashes.filter(person=self.person).exists():
            raise ValidationError(SEAT_OVERLAPS.format(person=self.person, board=self.board))
        if (
            self.role == self.Role.CHAIR
            and clashes.filter(role=self.Role.CHAIR, person__isnull=False).exists()
        ):
            raise ValidationError(CHAIR_OVERLAPS.format(board=self.board))


class JointAppointment(AuditedModel):
    """One post held across two or more employing bodies, with agreed shares of its cost."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="joint_appointments"
    )
    post_title = models.CharField(max_length=200)
    holder = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="joint_appointments",
    )
    started_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    review_due_on = models.DateField(null=True, blank=True)
    memorandum_of_understanding = models.FileField(upload_to="joint-appointments/mou/", blank=True)
    annual_objectives = models.TextField(blank=True)
    notes = models.TextField(blank=True)
    employers = models.ManyToManyField(
        Organisation, through="JointAppointmentShare", related_name="joint_appointments"
    )

    objects = JointAppointmentQuerySet.as_manager()

    class Meta:
        ordering = ["partnership", "post_title"]
        constraints = [
            dates_in_order(
                "started_on",
                "ended_on",
                name="joint_appointment_ends_after_start",
                message="An appointment cannot end before it starts.",
            ),
        ]

    def __str__(self) -> str:
        holder = f", {self.holder}" if self.holder else " (vacant)"
        return f"{self.post_title}{holder}"


class JointAppointmentShare(AuditedModel):
    """An employing body's part in a joint appointment: its share of cost and line of account."""

    appointment = models.ForeignKey(
        JointAppointment, on_delete=models.CASCADE, related_name="shares"
    )
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT)
    cost_share_percent = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("100"))],
    )
    accountable_to = models.CharField(
        max_length=200, help_text="The post the holder answers to at this body."
    )
    contact_email = models.EmailField(blank=True)

    class Meta:
        ordering = ["appointment", "-cost_share_percent", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["appointment", "organisation"], name="one_share_per_employer"
            ),
            models.CheckConstraint(
                condition=Q(cost_share_percent__gt=0, cost_share_percent__lte=100),
                name="cost_share_between_0_and_100",
                violation_error_message="A share of cost is more than 0% and at most 100%.",
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{self.organisation}: {self.cost_share_percent.normalize():f}% of {self.appointment}"
        )


class Interest(AuditedModel):
    """An interest a person has registered, kept beside the declarations they make."""

    class Kind(models.TextChoices):
        EMPLOYMENT = "employment", _("Employment, office or trade")
        SPONSORSHIP = "sponsorship", _("Sponsorship")
        CONTRACT = "contract", _("Contract")
        LAND = "land", _("Land or property")
        CORPORATE_TENANCY = "tenancy", _("Corporate tenancy")
        SECURITIES = "securities", _("Securities")
        MEMBERSHIP = "membership", _("Membership of a body")
        GIFT = "gift", _("Gift or hospitality")
        OTHER = "other", _("Other")

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="interests")
    kind = models.CharField(max_length=15, choices=Kind.choices)
    description = models.TextField()
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    area = models.ForeignKey(
        Area, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    registered_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["person__name", "-registered_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("registered_on")),
                name="interest_ends_after_registered",
                violation_error_message="An interest cannot end before it was registered.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_kind_display()} ({self.description[:60]})"


class Circulation(AuditedModel):
    """A document, link or consultation sent by e-mail to the members of one or more boards."""

    class Kind(models.TextChoices):
        DOCUMENT = "document", _("Document")
        LINK = "link", _("Link")
        CONSULTATION = "consultation", _("Consultation")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENT = "sent", _("Sent")
        PARTLY_SENT = "partly_sent", _("Partly sent")

    board = models.ForeignKey(Board, on_delete=models.PROTECT, related_name="circulations")
    also_to = models.ManyToManyField(
        Board, blank=True, related_name="circulations_received", help_text="Other boards sent it."
    )
    kind = models.CharField(max_length=15, choices=Kind.choices)
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    link = models.URLField(blank=True)
    document = models.FileField(upload_to="circulations/", blank=True)
    respond_by = models.DateField(null=True, blank=True, help_text="For a consultation.")
    circulated_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=15, choices=Status.choices, default=Status.QUEUED)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class CirculationRecipient(models.Model):
    """One member a circulation went to, by e-mail, and whether it went."""

    circulation = models.ForeignKey(
        Circulation, on_delete=models.CASCADE, related_name="recipients"
    )
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="circulations")
    email = models.EmailField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    failed_attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["circulation", "person__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["circulation", "person"], name="one_recipient_per_circulation_person"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.circulation} to {self.person}"


class EngagementActivity(AuditedModel):
    """A consultation or engagement activity a partner runs, logged so partners can see overlaps
    and combine them."""

    class Method(models.TextChoices):
        SURVEY = "survey", _("Survey")
        PUBLIC_MEETING = "public_meeting", _("Public meeting")
        FOCUS_GROUP = "focus_group", _("Focus group")
        CITIZENS_PANEL = "citizens_panel", _("Citizens' panel")
        ONLINE = "online", _("Online consultation")
        DROP_IN = "drop_in", _("Drop-in session")
        OTHER = "other", _("Other")

    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="engagement_activities"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="engagement_activities"
    )
    topic = models.CharField(max_length=300)
    audience = models.CharField(max_length=200, help_text="e.g. older people, young carers")
    area = models.ForeignKey(
        Area, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    starts_on = models.DateField()
    ends_on = models.DateField()
    method = models.CharField(max_length=20, choices=Method.choices)
    contact = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    contact_email = models.EmailField(blank=True)
    findings = models.TextField(blank=True)
    reported_to = models.ForeignKey(
        Board, null=True, blank=True, on_delete=models.PROTECT, related_name="engagement_reports"
    )

    class Meta:
        ordering = ["partnership", "starts_on", "topic"]
        verbose_name_plural = "engagement activities"
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="engagement_ends_after_start",
                violation_error_message="An activity cannot end before it starts.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.topic} ({self.organisation})"
