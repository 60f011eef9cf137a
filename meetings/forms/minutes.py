"""Forms for the meeting's record: attendance, declarations, minutes and what follows them.

They parse and present; the rules (numbering, approval, corrections, the register of
interests) are the services', whose refusals the views put back on these forms.
"""

import re

from crispy_forms_gds.layout import Field
from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.dates import long_date
from core.forms import CHOICE_INVALID, form_helper, optional_choice
from governance.models import Board, BoardMembership, Interest
from meetings.forms.reports import RICH_TEXT_HINT, RichTextField
from meetings.models import AgendaItem, Attendance, Declaration, Meeting, Minute, Resolution
from meetings.services.minutes import AttendanceEntry, ResolutionText
from outcomes.models import OutcomeFramework
from partnership.models import Organisation, Person

MINUTE_TITLE_REQUIRED = _("Enter the minute's title.")
WELSH_RESOLUTIONS_MISMATCH = _(
    "Give the Welsh of every resolution, in the same order, or none: there are {english} in "
    "English and {welsh} in Welsh."
)
PERSON_REQUIRED = _("Choose who declared the interest.")
KIND_REQUIRED = _("Choose the kind of interest.")
DESCRIPTION_REQUIRED = _("Describe the interest as it was declared.")
MEETING_REQUIRED = _("Choose the meeting at which the minutes were approved.")
REASON_REQUIRED = _("Say why the minute is corrected.")
REFERENCE_REQUIRED = _("Enter a reference for the action, for example LDF1.")
OTHER_STATUS_REQUIRED = _("Choose whether {person} was present, sent apologies or was absent.")

# Rows for people not holding a seat, such as officers or councillors in attendance.
OTHER_ROWS = 3
# How a resolution's printed label starts it: a) (a) 1. (iv) ...
_RESOLUTION_LABEL = re.compile(r"^(\(?[A-Za-z0-9]{1,4}[.)])\s+")
_ROLE_ORDER = [role for role, _label in BoardMembership.Role.choices]


def partnership_people(board: Board) -> QuerySet[Person]:
    """People of the partnership's organisations and anyone sitting on one of its boards."""
    return Person.objects.of_partnerships([board.partnership_id])


def later_meetings(meeting: Meeting) -> QuerySet[Meeting]:
    """The board's meetings after this one that have taken place: where minutes are approved."""
    return Meeting.objects.filter(
        board_id=meeting.board_id, starts_at__gt=meeting.starts_at, starts_at__lte=timezone.now()
    ).order_by("starts_at")


def _meeting_choice(meeting: Meeting) -> str:
    return long_date(timezone.localtime(meeting.starts_at))


class AttendanceForm(forms.Form):
    """One row per seat held on the day (with its status), and rows to add others."""

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        recorded = {a.person_id: a for a in meeting.attendances.select_related("person")}
        seats = sorted(
            BoardMembership.objects.filter(board_id=meeting.board_id)
            .held()
            .current(timezone.localdate(meeting.starts_at))
            .select_related("person"),
            key=lambda seat: (_ROLE_ORDER.index(seat.role), seat.person.name),
        )
        # Everyone with a seat, then anyone recorded without one.
        self.people = [(seat.person, _seat_words(seat)) for seat in seats]
        seated = {seat.person_id for seat in seats}
        self.people += [
            (attendance.person, "") for pk, attendance in recorded.items() if pk not in seated
        ]
        statuses = [*Attendance.Status.choices, ("", gettext("Not recorded"))]
        for person, _seat in self.people:
            attendance = recorded.get(person.pk)
            self.fields[f"status_{person.pk}"] = forms.ChoiceField(
                label=str(person),
                choices=statuses,
                required=False,
                initial=attendance.status if attendance else "",
                widget=forms.RadioSelect(attrs={"class": "govuk-radios__input"}),
            )
            self.fields[f"capacity_{person.pk}"] = forms.CharField(
                label=gettext("Capacity (optional)"),
                max_length=200,
                required=False,
                initial=attendance.capacity if attendance else "",
                widget=forms.TextInput(attrs={"class": "govuk-input"}),
            )
        listed = [person.pk for person, _seat in self.people]
        others = partnership_people(meeting.board).exclude(pk__in=listed).order_by("name")
        for row in range(1, OTHER_ROWS + 1):
            self.fields[f"other_{row}_person"] = forms.ModelChoiceField(
                label=gettext("Name"),
                queryset=others,
                required=False,
                empty_label=gettext("Choose a person"),
                error_messages={"invalid_choice": CHOICE_INVALID},
                widget=forms.Select(attrs={"class": "govuk-select"}),
            )
            self.fields[f"other_{row}_status"] = forms.ChoiceField(
                label=gettext("Attendance"),
                choices=Attendance.Status.choices,
                initial=Attendance.Status.IN_ATTENDANCE,
                required=False,
                widget=forms.Select(attrs={"class": "govuk-select"}),
            )
            self.fields[f"other_{row}_capacity"] = forms.CharField(
                label=gettext("Capacity (optional)"),
                max_length=200,
                required=False,
                widget=forms.TextInput(attrs={"class": "govuk-input"}),
            )
        # Rendered row by row by its template; the helper gives the error summary.
        self.helper = form_helper(button=gettext("Save attendance"))

    def seat_rows(self) -> list[tuple[Person, str, forms.BoundField, forms.BoundField]]:
        return [
            (person, seat, self[f"status_{person.pk}"], self[f"capacity_{person.pk}"])
            for person, seat in self.people
        ]

    def other_rows(self) -> list[tuple[forms.BoundField, ...]]:
        return [
            (
                self[f"other_{row}_person"],
                self[f"other_{row}_status"],
                self[f"other_{row}_capacity"],
            )
            for row in range(1, OTHER_ROWS + 1)
        ]

    def clean(self):
        data = super().clean()
        for row in range(1, OTHER_ROWS + 1):
            person = data.get(f"other_{row}_person")
            if person is not None and not data.get(f"other_{row}_status"):
                self.add_error(f"other_{row}_status", OTHER_STATUS_REQUIRED.format(person=person))
        return data

    def entries(self) -> list[AttendanceEntry]:
        """The service's entries: every listed person, and each other person chosen."""
        data = self.cleaned_data
        entries = [
            AttendanceEntry(person, data[f"status_{person.pk}"], data[f"capacity_{person.pk}"])
            for person, _seat in self.people
        ]
        entries += [
            AttendanceEntry(
                data[f"other_{row}_person"],
                data[f"other_{row}_status"],
                data[f"other_{row}_capacity"],
            )
            for row in range(1, OTHER_ROWS + 1)
            if data.get(f"other_{row}_person") is not None
        ]
        return entries


def _seat_words(seat: BoardMembership) -> str:
    """A seat as the attendance form describes it: 'Member (Cabinet Member Children's ...)'."""
    return seat.get_role_display() + (f" ({seat.office})" if seat.office else "")


class InterestChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, interest: Interest) -> str:
        return f"{interest.person}: {interest.get_kind_display()} ({interest.description[:80]})"


class DeclarationForm(forms.Form):
    person = forms.ModelChoiceField(
        label=_("Who declared the interest"),
        queryset=Person.objects.none(),
        empty_label=_("Choose a person"),
        error_messages={"required": PERSON_REQUIRED, "invalid_choice": CHOICE_INVALID},
    )
    agenda_item = forms.ModelChoiceField(
        label=_("Item (optional)"),
        queryset=AgendaItem.objects.none(),
        required=False,
        empty_label=_("The meeting as a whole"),
        error_messages={"invalid_choice": CHOICE_INVALID},
    )
    kind = forms.ChoiceField(
        label=_("Kind of interest"),
        choices=Declaration.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": KIND_REQUIRED, "invalid_choice": CHOICE_INVALID},
    )
    interest = InterestChoiceField(
        label=_("Registered interest (optional)"),
        queryset=Interest.objects.none(),
        required=False,
        empty_label=_("Not on the register"),
        help_text=_("The entry in the register of interests that the declaration is about."),
        error_messages={"invalid_choice": CHOICE_INVALID},
    )
    description = forms.CharField(
        label=_("The interest, as declared"),
        widget=forms.Textarea,
        error_messages={"required": DESCRIPTION_REQUIRED},
    )
    left_the_meeting = forms.BooleanField(
        label=_("They left the meeting while the item was discussed"), required=False
    )

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        day = timezone.localdate(meeting.starts_at)
        people = Person.objects.filter(
            Q(attendances__meeting=meeting)
            | Q(board_memberships__in=meeting.board.memberships.current(day))
        ).distinct()
        self.fields["person"].queryset = people.order_by("name")
        self.fields["agenda_item"].queryset = meeting.agenda_items.all()
        self.fields["interest"].queryset = (
            Interest.objects.filter(person__in=people, registered_on__lte=day)
            .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=day))
            .select_related("person")
        )
        self.helper = form_helper(
            Field.select("person"),
            Field.select("agenda_item"),
            Field.radios("kind", small=True),
            Field.select("interest"),
            Field.textarea("description", rows=3),
            Field.checkbox("left_the_meeting"),
            button=gettext("Record declaration"),
        )


class MinuteForm(forms.Form):
    title = forms.CharField(
        label=_("Title"), max_length=300, error_messages={"required": MINUTE_TITLE_REQUIRED}
    )
    agenda_item = forms.ModelChoiceField(
        label=_("Agenda item (optional)"),
        queryset=AgendaItem.objects.none(),
        required=False,
        empty_label=_("Not an agenda item"),
        error_messages={"invalid_choice": CHOICE_INVALID},
    )
    body = RichTextField(label=_("What was said"), help_text=RICH_TEXT_HINT)
    resolution_preamble = forms.CharField(
        label=_("Words after RESOLVED (optional)"),
        max_length=200,
        required=False,
        help_text=_("For example: That Cabinet: or That it be recommended to Council that:"),
    )
    resolutions = forms.CharField(
        label=_("Resolutions (optional)"),
        required=False,
        widget=forms.Textarea,
        help_text=_(
            "One resolution to a paragraph, with a blank line between them. Start each "
            "with its label if it has one, for example a) or 1."
        ),
    )

    def __init__(self, *args, meeting: Meeting, minute: Minute | None = None, **kwargs):
        if minute is not None:
            kwargs["initial"] = {**_minute_initial(minute), **kwargs.get("initial", {})}
        super().__init__(*args, **kwargs)
        # Items not yet minuted, and the one this minute is about.
        minuted = Minute.objects.filter(meeting=meeting, agenda_item__isnull=False)
        if minute is not None:
            minuted = minuted.exclude(pk=minute.pk)
        self.fields["agenda_item"].queryset = meeting.agenda_items.exclude(
            pk__in=minuted.values("agenda_item")
        )
        welsh = meeting.board.partnership.writes_in_welsh
        if welsh:
            self.fields["title_cy"] = forms.CharField(
                label=gettext("Title in Welsh (optional)"), max_length=300, required=False
            )
            self.fields["body_cy"] = RichTextField(
                label=gettext("What was said, in Welsh (optional)"), required=False
            )
            self.fields["resolutions_cy"] = forms.CharField(
                label=gettext("Resolutions in Welsh (optional)"),
                required=False,
                widget=forms.Textarea,
                help_text=gettext(
                    "In the same order as the English, one to a paragraph, without labels."
                ),
            )
        self.helper = form_helper(
            Field.text("title"),
            *([Field.text("title_cy")] if welsh else []),
            Field.select("agenda_item"),
            Field.textarea("body", rows=10),
            *([Field.textarea("body_cy", rows=10)] if welsh else []),
            Field.text("resolution_preamble"),
            Field.textarea("resolutions", rows=8),
            *([Field.textarea("resolutions_cy", rows=8)] if welsh else []),
            button=gettext("Save minute"),
        )

    def clean(self):
        data = super().clean()
        english = _paragraphs(data.get("resolutions", ""))
        welsh = _paragraphs(data.get("resolutions_cy", ""))
        if welsh and len(welsh) != len(english):
            self.add_error(
                "resolutions_cy",
                WELSH_RESOLUTIONS_MISMATCH.format(english=len(english), welsh=len(welsh)),
            )
        return data

    def minute_details(self) -> dict:
        """The service's arguments, with the resolutions read from their paragraphs and each
        paired with its Welsh, if given."""
        data = dict(self.cleaned_data)
        english = _paragraphs(data["resolutions"])
        welsh = _paragraphs(data.pop("resolutions_cy", "")) or [""] * len(english)
        data["resolutions"] = [
            _resolution_from(paragraph)._replace(text_cy=text_cy)
            for paragraph, text_cy in zip(english, welsh, strict=True)
        ]
        return data


def _paragraphs(text: str) -> list[str]:
    return [paragraph for paragraph in re.split(r"\n\s*\n", text.strip()) if paragraph.strip()]


def _resolution_from(paragraph: str) -> ResolutionText:
    paragraph = paragraph.strip()
    match = _RESOLUTION_LABEL.match(paragraph)
    if match is None:
        return ResolutionText("", paragraph)
    return ResolutionText(match.group(1), paragraph[match.end() :])


def _minute_initial(minute: Minute) -> dict:
    return {
        "title": minute.title,
        "title_cy": minute.title_cy,
        "agenda_item": minute.agenda_item_id,
        "body": minute.body,
        "body_cy": minute.body_cy,
        "resolution_preamble": minute.resolution_preamble,
        "resolutions": "\n\n".join(
            f"{resolution.label} {resolution.text}".strip()
            for resolution in minute.resolutions.all()
        ),
        "resolutions_cy": "\n\n".join(
            resolution.text_cy for resolution in minute.resolutions.all() if resolution.text_cy
        ),
    }


class MinutesApproveForm(forms.Form):
    at_meeting = forms.ModelChoiceField(
        label=_("Meeting at which they were approved"),
        queryset=Meeting.objects.none(),
        empty_label=None,
        error_messages={"required": MEETING_REQUIRED, "invalid_choice": CHOICE_INVALID},
    )

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["at_meeting"]
        field.queryset = later_meetings(meeting)
        field.label_from_instance = _meeting_choice
        self.helper = form_helper(Field.select("at_meeting"), button=gettext("Approve the minutes"))


class MinuteCorrectionForm(forms.Form):
    corrected_body = RichTextField(label=_("Corrected text"), help_text=RICH_TEXT_HINT)
    reason = forms.CharField(
        label=_("Why it is corrected"),
        widget=forms.Textarea,
        error_messages={"required": REASON_REQUIRED},
    )
    agreed_at = forms.ModelChoiceField(
        label=_("Meeting that agreed the correction (optional)"),
        queryset=Meeting.objects.none(),
        required=False,
        empty_label=_("Not agreed at a meeting"),
        error_messages={"invalid_choice": CHOICE_INVALID},
    )

    def __init__(self, *args, minute: Minute, **kwargs):
        kwargs["initial"] = {"corrected_body": minute.body, **kwargs.get("initial", {})}
        super().__init__(*args, **kwargs)
        field = self.fields["agreed_at"]
        field.queryset = later_meetings(minute.meeting)
        field.label_from_instance = _meeting_choice
        self.helper = form_helper(
            Field.textarea("corrected_body", rows=10),
            Field.textarea("reason", rows=3),
            Field.select("agreed_at"),
            button=gettext("Record the correction"),
        )


class ResolutionActionForm(forms.Form):
    reference = forms.CharField(
        label=_("Reference"),
        max_length=20,
        error_messages={"required": REFERENCE_REQUIRED},
    )
    activity = forms.CharField(
        label=_("Improvement activity"),
        widget=forms.Textarea,
        required=False,
        help_text=_("Leave as it is to use the resolution's words."),
    )
    framework = optional_choice(_("Outcome framework (optional)"), OutcomeFramework)
    lead_person = optional_choice(_("Lead person (optional)"), Person)
    lead_organisation = optional_choice(_("Lead organisation (optional)"), Organisation)
    lead_board = optional_choice(_("Lead board (optional)"), Board)
    deadline_wording = forms.CharField(
        label=_("Deadline, as agreed (optional)"),
        max_length=100,
        required=False,
        help_text=_("For example, Before March 2014 or September/October 2014."),
    )

    def __init__(self, *args, resolution: Resolution, **kwargs):
        minute = resolution.minute
        kwargs["initial"] = {
            "reference": f"{minute.number}{resolution.label}".replace(" ", ""),
            "activity": resolution.text,
            **kwargs.get("initial", {}),
        }
        super().__init__(*args, **kwargs)
        partnership = minute.board.partnership
        self.fields["framework"].queryset = OutcomeFramework.objects.filter(partnership=partnership)
        self.fields["lead_person"].queryset = partnership_people(minute.board).order_by("name")
        self.fields["lead_organisation"].queryset = partnership.organisations.distinct()
        self.fields["lead_board"].queryset = partnership.boards.all()
        self.helper = form_helper(
            Field.text("reference", field_width=10),
            Field.textarea("activity", rows=4),
            Field.select("framework"),
            Field.select("lead_person"),
            Field.select("lead_organisation"),
            Field.select("lead_board"),
            Field.text("deadline_wording"),
            button=gettext("Create the action"),
        )
