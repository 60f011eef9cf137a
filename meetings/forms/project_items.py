"""Choosing the projects a board's meeting is to decide, and recording what it resolved."""

from crispy_forms_gds.layout import Field
from django import forms
from django.db import models
from django.db.models import Q, QuerySet
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.forms import CHOICE_INVALID, form_helper
from governance.models import Board
from meetings.models import Meeting, Resolution
from outcomes.models import Project

PROJECTS_REQUIRED = _("Choose at least one project to put on the agenda.")
PROJECT_REQUIRED = _("Choose the project the resolution decided.")
DECISION_REQUIRED = _("Choose what the resolution decided.")
# The agenda item's words are the record's English, whatever language the clerk reads.
PROJECTS_ITEM_TITLE = "Projects for approval"
TO_DECIDE = "To approve or refuse {project}, proposed by {board}."
TO_PROPOSE = "To propose {project} for approval."


def boards_below(board: Board) -> set[int]:
    """The boards that report to this one, at any depth."""
    children: dict[int, list[int]] = {}
    for pk, parent in Board.objects.filter(partnership=board.partnership_id).values_list(
        "pk", "reports_to"
    ):
        children.setdefault(parent, []).append(pk)
    below: set[int] = set()
    waiting = list(children.get(board.pk, []))
    while waiting:
        pk = waiting.pop()
        if pk not in below and pk != board.pk:
            below.add(pk)
            waiting.extend(children.get(pk, []))
    return below


def projects_awaiting(board: Board) -> QuerySet[Project]:
    """Proposed projects of boards below this one, and this board's own drafts to propose."""
    return (
        Project.objects.filter(partnership=board.partnership_id)
        .filter(
            Q(status=Project.Status.PROPOSED, proposing_board__in=boards_below(board))
            | Q(status=Project.Status.DRAFT, proposing_board=board)
        )
        .select_related("proposing_board")
        .order_by("name")
    )


def _project_label(project: Project) -> str:
    """A project with where it stands: "Health walks (proposed, Cannock Chase Delivery Board)"."""
    return f"{project} ({project.get_status_display().lower()}, {project.proposing_board})"


class ProjectChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, project: Project) -> str:
        return _project_label(project)


class ProjectMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, project: Project) -> str:
        return _project_label(project)


class ProjectsForApprovalForm(forms.Form):
    """The projects awaiting the board's decision, some of which go on the agenda as one item."""

    projects = ProjectMultipleChoiceField(
        label=_("Projects"),
        queryset=Project.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": PROJECTS_REQUIRED, "invalid_choice": CHOICE_INVALID},
    )

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.board = meeting.board
        self.fields["projects"].queryset = projects_awaiting(self.board)
        self.helper = form_helper(
            Field.checkboxes("projects", legend_size="m"), button=gettext("Add to the agenda")
        )

    def item_details(self) -> dict:
        """The agenda item's title, and a purpose naming each project and what is to be done."""
        purposes = [
            TO_PROPOSE.format(project=project)
            if project.proposing_board_id == self.board.pk
            else TO_DECIDE.format(project=project, board=project.proposing_board)
            for project in self.cleaned_data["projects"]
        ]
        return {"title": PROJECTS_ITEM_TITLE, "purpose": " ".join(purposes)}


class ProjectDecisionForm(forms.Form):
    """The project a resolution decided, and what it decided."""

    class Decision(models.TextChoices):
        PROPOSE = "propose", _("Proposed by this board")
        APPROVE = "approve", _("Approved")
        REFUSE = "refuse", _("Refused")
        SIGN_OFF = "sign_off", _("Its performance framework signed off")

    project = ProjectChoiceField(
        label=_("Project"),
        queryset=Project.objects.none(),
        empty_label=_("Choose a project"),
        error_messages={"required": PROJECT_REQUIRED, "invalid_choice": CHOICE_INVALID},
    )
    decision = forms.ChoiceField(
        label=_("What the resolution decided"),
        choices=Decision.choices,
        widget=forms.RadioSelect,
        error_messages={"required": DECISION_REQUIRED, "invalid_choice": CHOICE_INVALID},
    )

    def __init__(self, *args, resolution: Resolution, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = (
            Project.objects.filter(partnership=resolution.minute.board.partnership_id)
            .exclude(status=Project.Status.CLOSED)
            .select_related("proposing_board")
            .order_by("name")
        )
        self.helper = form_helper(
            Field.select("project"),
            Field.radios("decision", legend_size="s"),
            button=gettext("Record the decision"),
        )
