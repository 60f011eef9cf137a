"""What a partnership's archive holds of this app (core/portability.py): frameworks, outcomes,
indicators with their targets and readings, development actions with their updates and
reminders, performance reports, projects and joint resources."""

from core.portability import Owned
from outcomes.models import (
    ActionUpdate,
    AreaForImprovement,
    Contribution,
    DevelopmentAction,
    Indicator,
    Milestone,
    Outcome,
    OutcomeFramework,
    PerformanceReport,
    Project,
    Reading,
    Reminder,
    ReminderPolicy,
    Spend,
    Target,
)

SECTIONS = [
    Owned(OutcomeFramework, lambda p: OutcomeFramework.objects.filter(partnership=p)),
    Owned(Outcome, lambda p: Outcome.objects.filter(framework__partnership=p)),
    Owned(Indicator, lambda p: Indicator.objects.filter(outcome__framework__partnership=p)),
    Owned(Target, lambda p: Target.objects.filter(indicator__outcome__framework__partnership=p)),
    Owned(Reading, lambda p: Reading.objects.filter(indicator__outcome__framework__partnership=p)),
    Owned(
        AreaForImprovement, lambda p: AreaForImprovement.objects.filter(framework__partnership=p)
    ),
    Owned(DevelopmentAction, lambda p: DevelopmentAction.objects.filter(partnership=p)),
    Owned(ActionUpdate, lambda p: ActionUpdate.objects.filter(action__partnership=p)),
    Owned(ReminderPolicy, lambda p: ReminderPolicy.objects.filter(partnership=p)),
    # Reminders already sent travel, so that the next run does not send them again.
    Owned(Reminder, lambda p: Reminder.objects.filter(action__partnership=p)),
    Owned(PerformanceReport, lambda p: PerformanceReport.objects.filter(framework__partnership=p)),
    Owned(Project, lambda p: Project.objects.filter(partnership=p)),
    Owned(Milestone, lambda p: Milestone.objects.filter(project__partnership=p)),
    Owned(Contribution, lambda p: Contribution.objects.filter(partnership=p)),
    Owned(Spend, lambda p: Spend.objects.filter(project__partnership=p)),
]
