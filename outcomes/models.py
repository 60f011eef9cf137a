"""Outcome frameworks (an SOA, a local area agreement), indicators and development actions."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator, validate_comma_separated_integer_list
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import AuditedModel, TimeStampedModel
from governance.models import Board, RemitClause
from outcomes.querysets import DevelopmentActionQuerySet
from partnership.models import Organisation, Partnership, Person, Theme

INDICATOR_CODE_TAKEN = _("Another indicator of this framework already has this code.")


class OutcomeFramework(AuditedModel):
    """A partnership's agreed set of outcomes for a span of years, named by its local term."""

    class Kind(models.TextChoices):
        SINGLE_OUTCOME_AGREEMENT = "soa", _("Single Outcome Agreement")
        LOCAL_OUTCOMES_IMPROVEMENT_PLAN = "loip", _("Local Outcomes Improvement Plan")
        LOCAL_AREA_AGREEMENT = "laa", _("Local area agreement")
        HEALTH_AND_WELLBEING_STRATEGY = "jhws", _("Joint health and wellbeing strategy")
        WELLBEING_PLAN = "wellbeing_plan", _("Local well-being plan")
        COMMUNITY_STRATEGY = "community_strategy", _("Sustainable community strategy")
        PROJECT = "project", _("Project performance framework")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        AGREED = "agreed", _("Agreed")
        SUPERSEDED = "superseded", _("Superseded")

    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="frameworks"
    )
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    starts_on = models.DateField()
    ends_on = models.DateField()
    themes = models.ManyToManyField(Theme, blank=True, related_name="frameworks")
    summary = models.TextField(blank=True)

    class Meta:
        ordering = ["partnership", "-starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "slug"], name="unique_framework_slug"),
            models.CheckConstraint(
                condition=Q(ends_on__gt=models.F("starts_on")),
                name="framework_ends_after_start",
                violation_error_message="A framework must end after it starts.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("outcomes:framework_detail", args=[self.partnership.slug, self.slug])


class Outcome(AuditedModel):
    """An outcome the partners commit to, under one of the framework's themes."""

    framework = models.ForeignKey(
        OutcomeFramework, on_delete=models.CASCADE, related_name="outcomes"
    )
    theme = models.ForeignKey(Theme, null=True, blank=True, on_delete=models.PROTECT)
    cross_cutting_themes = models.ManyToManyField(
        Theme, blank=True, related_name="cross_cutting_outcomes"
    )
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["framework", "number"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "number"], name="unique_outcome_number"),
        ]

    def __str__(self) -> str:
        return f"Outcome {self.number}: {self.title}"


class Indicator(AuditedModel):
    """A measure of an outcome, with its baseline; its RAG status and trend are derived."""

    class Polarity(models.TextChoices):
        HIGHER_IS_BETTER = "higher", _("Higher is better")
        LOWER_IS_BETTER = "lower", _("Lower is better")

    class Frequency(models.TextChoices):
        MONTHLY = "monthly", _("Monthly")
        QUARTERLY = "quarterly", _("Quarterly")
        ANNUAL = "annual", _("Annual")

    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE, related_name="indicators")
    code = models.CharField(
        max_length=20,
        help_text="A short reference, unique within the framework, that uploads of readings use: "
        "e.g. 1.2 or HSC-03.",
    )
    name = models.CharField(max_length=300)
    unit = models.CharField(max_length=50, help_text="e.g. %, per 1,000 population, people")
    polarity = models.CharField(max_length=10, choices=Polarity.choices)
    frequency = models.CharField(max_length=10, choices=Frequency.choices)
    source = models.CharField(max_length=300, blank=True)
    lead_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    lead_board = models.ForeignKey(
        Board, null=True, blank=True, on_delete=models.PROTECT, related_name="indicators"
    )
    baseline_value = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    baseline_date = models.DateField(null=True, blank=True)
    tolerance_percent = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        default=5,
        help_text="How far short of target, in per cent of the target, still counts as amber.",
    )

    class Meta:
        ordering = ["outcome", "code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(baseline_value__isnull=True) | Q(baseline_date__isnull=False),
                name="indicator_baseline_has_date",
                violation_error_message="A baseline needs the date it was measured.",
            ),
            models.CheckConstraint(
                condition=Q(tolerance_percent__gte=0),
                name="indicator_tolerance_not_negative",
                violation_error_message="The tolerance cannot be negative.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def clean(self) -> None:
        if not (self.outcome_id and self.code):
            return
        same_code = Indicator.objects.filter(
            outcome__framework_id=self.outcome.framework_id, code__iexact=self.code
        ).exclude(pk=self.pk)
        if same_code.exists():
            raise ValidationError({"code": INDICATOR_CODE_TAKEN})


class PeriodValue(AuditedModel):
    """A value for one period of an indicator; (indicator, period start) is its natural key."""

    period_start = models.DateField()
    period_end = models.DateField()
    value = models.DecimalField(max_digits=14, decimal_places=4)

    class Meta:
        abstract = True
        ordering = ["indicator", "period_start"]

    def clean(self) -> None:
        if self.period_end and self.period_start and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("A period cannot end before it starts.")})


class Target(PeriodValue):
    """The value an indicator should reach in a period."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")

    class Meta(PeriodValue.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period_start"],
                name="one_target_per_period",
                violation_error_message="This indicator already has a target for this period.",
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="target_period_valid",
                violation_error_message="A period cannot end before it starts.",
            ),
        ]

    def __str__(self) -> str:
        return f"Target for {self.indicator}, {self.period_start:%b %Y}–{self.period_end:%b %Y}"


class Reading(PeriodValue):
    """The value an indicator reached in a period."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="readings")
    note = models.TextField(blank=True)

    class Meta(PeriodValue.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period_start"],
                name="one_reading_per_period",
                violation_error_message="This indicator already has a reading for this period.",
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="reading_period_valid",
                violation_error_message="A period cannot end before it starts.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator}, {self.period_start:%b %Y}–{self.period_end:%b %Y}: {self.value}"


class AreaForImprovement(AuditedModel):
    """A weakness found in a framework (e.g. by quality assurance) that actions address."""

    framework = models.ForeignKey(
        OutcomeFramework, on_delete=models.CASCADE, related_name="areas_for_improvement"
    )
    number = models.PositiveSmallIntegerField()
    text = models.TextField()

    class Meta:
        ordering = ["framework", "number"]
        verbose_name_plural = "areas for improvement"
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "number"], name="unique_area_for_improvement_number"
            ),
        ]

    def __str__(self) -> str:
        return f"Area for improvement {self.number}: {self.text[:80]}"


class DevelopmentAction(AuditedModel):
    """An improvement activity with a lead and a deadline, kept beside its original wording."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        ONGOING = "ongoing", _("On-going")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="development_actions"
    )
    framework = models.ForeignKey(
        OutcomeFramework,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="development_actions",
    )
    area_for_improvement = models.ForeignKey(
        AreaForImprovement,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="actions",
    )
    remit_clause = models.ForeignKey(
        RemitClause,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="development_actions",
    )
    reference = models.CharField(max_length=20, help_text="e.g. 2.3: area 2, activity 3")
    activity = models.TextField()
    lead_person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="led_actions"
    )
    lead_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="led_actions"
    )
    lead_board = models.ForeignKey(
        Board, null=True, blank=True, on_delete=models.PROTECT, related_name="led_actions"
    )
    deadline = models.DateField(null=True, blank=True)
    deadline_wording = models.CharField(
        max_length=100, blank=True, help_text="As agreed, e.g. 'Before March 2014', 'On-going'."
    )
    status = models.CharField(max_length=15, choices=Status.choices, default=Status.NOT_STARTED)

    objects = DevelopmentActionQuerySet.as_manager()

    class Meta:
        ordering = ["partnership", "deadline", "reference"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "framework", "reference"], name="unique_action_reference"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.activity[:80]}"

    def clean(self) -> None:
        if self.framework_id and self.framework.partnership_id != self.partnership_id:
            raise ValidationError({"framework": _("The framework belongs to another partnership.")})
        if self.area_for_improvement_id and (
            self.area_for_improvement.framework_id != self.framework_id
        ):
            raise ValidationError(
                {"area_for_improvement": _("The area for improvement is from another framework.")}
            )
        if self.remit_clause_id and (self.remit_clause.board.partnership_id != self.partnership_id):
            raise ValidationError(
                {"remit_clause": _("The remit is of another partnership's board.")}
            )


class ActionUpdate(AuditedModel):
    """A dated note of progress on a development action, with who wrote it."""

    action = models.ForeignKey(DevelopmentAction, on_delete=models.CASCADE, related_name="updates")
    written_on = models.DateField()
    author = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="action_updates")
    text = models.TextField()
    status = models.CharField(
        max_length=15,
        choices=DevelopmentAction.Status.choices,
        help_text="The action's status as of this update.",
    )

    class Meta:
        ordering = ["action", "-written_on", "-created_at"]

    def __str__(self) -> str:
        return f"Update on {self.action.reference} by {self.author}, {self.written_on:%-d %B %Y}"


class ReminderPolicy(AuditedModel):
    """When a partnership's action leads are reminded of deadlines, and when overdue actions
    escalate to the board's chair."""

    partnership = models.OneToOneField(
        Partnership, on_delete=models.CASCADE, related_name="reminder_policy"
    )
    days_before = models.CharField(
        max_length=50,
        default="14,3",
        validators=[validate_comma_separated_integer_list],
        help_text="Days before the deadline to remind the lead, e.g. 14, 3.",
    )
    on_the_day = models.BooleanField(default=True, help_text="Remind on the deadline itself.")
    overdue_every_days = models.PositiveSmallIntegerField(
        default=7, help_text="While overdue, remind again every this many days; 0 for never."
    )
    escalate_after_days = models.PositiveSmallIntegerField(
        default=28,
        help_text="Tell the chair of the lead or remit board once an action is this many days "
        "overdue; 0 for never.",
    )

    class Meta:
        verbose_name_plural = "reminder policies"

    def __str__(self) -> str:
        return f"Reminder policy of {self.partnership}"


class Reminder(TimeStampedModel):
    """A reminder about an action's deadline: at most one per action, point, deadline and kind.

    The row is written when the reminder falls due and marked sent once its digest e-mail has
    gone; a refused e-mail leaves it unsent, to go with the next run.
    """

    class Kind(models.TextChoices):
        LEAD = "lead", _("Reminder to the lead")
        ESCALATION = "escalation", _("Escalation to the chair")

    action = models.ForeignKey(
        DevelopmentAction, on_delete=models.CASCADE, related_name="reminders"
    )
    deadline = models.DateField(help_text="The deadline the reminder was about.")
    days_from_deadline = models.SmallIntegerField(
        help_text="The reminder point: negative before the deadline, positive after it."
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.LEAD)
    recipient = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="reminders")
    sent_at = models.DateTimeField(null=True, blank=True)
    failed_attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["action", "deadline", "days_from_deadline", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["action", "days_from_deadline", "deadline", "kind"],
                name="one_reminder_per_action_point_deadline_kind",
                violation_error_message="This reminder has already been sent.",
            ),
        ]
        indexes = [
            models.Index(
                fields=["recipient"], condition=Q(sent_at__isnull=True), name="reminder_unsent"
            ),
        ]

    def __str__(self) -> str:
        days = self.days_from_deadline
        when = f"{-days} days before" if days < 0 else f"{days} days after" if days else "on"
        return f"Reminder {when} the {self.deadline:%-d %B %Y} deadline of {self.action.reference}"


class PerformanceReport(TimeStampedModel):
    """A framework's performance report as of a day, rendered to PDF by the worker."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RENDERING = "rendering", _("Rendering")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    framework = models.ForeignKey(
        OutcomeFramework, on_delete=models.CASCADE, related_name="performance_reports"
    )
    as_of = models.DateField(help_text="Readings and targets up to this day are reported.")
    requested_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    file = models.FileField(upload_to="outcomes/performance-reports/", blank=True)
    page_count = models.PositiveIntegerField(null=True, blank=True)
    failure_reason = models.CharField(max_length=500, blank=True)
    rendered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["framework", "-created_at"]

    def __str__(self) -> str:
        return f"Performance report of {self.framework}, {self.as_of:%-d %B %Y}"


FINANCIAL_YEAR_PATTERN = r"^(\d{4})/(\d{2})$"


class Project(AuditedModel):
    """Partnership work a board proposes and the board above approves, serving outcomes, with a
    delivery plan and a performance framework of its own."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PROPOSED = "proposed", _("Proposed")
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Refused")
        CLOSED = "closed", _("Closed")

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="projects")
    proposing_board = models.ForeignKey(
        Board, on_delete=models.PROTECT, related_name="proposed_projects"
    )
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80)
    summary = models.TextField(blank=True)
    outcomes = models.ManyToManyField(Outcome, blank=True, related_name="projects")
    lead_organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="led_projects"
    )
    lead_officer = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="led_projects"
    )
    performance_framework = models.OneToOneField(
        OutcomeFramework,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="project",
        help_text="The project's own indicators, targets and readings.",
    )
    framework_signed_off_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    is_demonstration = models.BooleanField(
        default=False, help_text="Demo data whose figures are not from a source document."
    )

    class Meta:
        ordering = ["partnership", "name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "slug"], name="unique_project_slug"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("outcomes:project_detail", args=[self.partnership.slug, self.slug])


class Milestone(AuditedModel):
    """A dated step of a project's delivery plan."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        LATE = "late", _("Late")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(max_length=300)
    starts_on = models.DateField()
    ends_on = models.DateField()
    status = models.CharField(max_length=15, choices=Status.choices, default=Status.NOT_STARTED)

    class Meta:
        ordering = ["project", "starts_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="milestone_ends_after_start",
                violation_error_message="A milestone cannot end before it starts.",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Contribution(AuditedModel):
    """What a partner puts into a project or towards a shared outcome in a financial year."""

    class Kind(models.TextChoices):
        CASH = "cash", _("Cash")
        STAFF_TIME = "staff_time", _("Staff time")
        IN_KIND = "in_kind", _("In kind")

    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="contributions"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="contributions"
    )
    project = models.ForeignKey(
        Project, null=True, blank=True, on_delete=models.PROTECT, related_name="contributions"
    )
    outcome = models.ForeignKey(
        Outcome, null=True, blank=True, on_delete=models.PROTECT, related_name="contributions"
    )
    financial_year = models.CharField(
        max_length=7,
        validators=[RegexValidator(FINANCIAL_YEAR_PATTERN, "Enter a financial year like 2013/14.")],
        help_text="April to March, written 2013/14.",
    )
    kind = models.CharField(max_length=15, choices=Kind.choices)
    amount = models.DecimalField(
        max_digits=14, decimal_places=2, help_text="In pounds; staff time and in kind at value."
    )
    description = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["partnership", "financial_year", "organisation__name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(project__isnull=False) | Q(outcome__isnull=False),
                name="contribution_to_project_or_outcome",
                violation_error_message="A contribution is to a project or to an outcome.",
            ),
            models.CheckConstraint(
                condition=Q(amount__gt=0),
                name="contribution_amount_positive",
                violation_error_message="A contribution is an amount of more than £0.",
            ),
        ]

    def __str__(self) -> str:
        kind = self.get_kind_display().lower()
        return f"{self.organisation}: £{self.amount:,.2f} {kind}, {self.financial_year}"


class Spend(AuditedModel):
    """Money spent from a project's pooled budget."""

    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="spending")
    financial_year = models.CharField(
        max_length=7,
        validators=[RegexValidator(FINANCIAL_YEAR_PATTERN, "Enter a financial year like 2013/14.")],
    )
    spent_on = models.DateField()
    amount = models.DecimalField(max_digits=14, decimal_places=2)
    description = models.CharField(max_length=300)

    class Meta:
        ordering = ["project", "spent_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0),
                name="spend_amount_positive",
                violation_error_message="Spending is an amount of more than £0.",
            ),
        ]

    def __str__(self) -> str:
        return f"£{self.amount:,.2f} on {self.description}"
