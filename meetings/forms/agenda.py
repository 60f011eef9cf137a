"""Forms for scheduling a meeting and building its agenda, in the GOV.UK style.

They parse and present; the rules (an exempt item's paragraph, a report's board, the notice
period) are the services', whose errors the views put back on these forms' fields.
"""

import datetime

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Layout
from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.forms import CHOICE_INVALID, DayMonthYearField, form_helper, optional_choice
from governance.models import RemitClause
from meetings.exemptions import exempt_paragraph_choices
from meetings.models import AgendaItem, Meeting, Report
from partnership.models import Person, Theme

DATE_REQUIRED = _("Enter the date of the meeting.")
DATE_INVALID = _("The date of the meeting must be a real date, for example 17 3 2011.")
TIME_INVALID = _("Enter a time like 14:00 or 2pm.")
TIME_REQUIRED = _("Enter the time the meeting starts.")
TITLE_REQUIRED = _("Enter the title of the item.")
POSITION_INVALID = _("Enter the new position as a whole number, for example 2.")

# Clerks write times as 14:00, 14.00, 2pm or 2.30pm; spaces and case do not matter.
TIME_FORMATS = ["%H:%M", "%H.%M", "%I:%M%p", "%I.%M%p", "%I%p"]


class MeetingTimeField(forms.TimeField):
    # A text input: the GOV.UK styles, and a browser's time picker would hide the hint's forms.
    widget = forms.TextInput

    def __init__(self, **kwargs):
        super().__init__(input_formats=TIME_FORMATS, **kwargs)
        self.error_messages.update(invalid=TIME_INVALID, required=TIME_REQUIRED)
        self.widget.attrs.update(spellcheck="false", autocomplete="off")

    def to_python(self, value):
        if isinstance(value, str):
            value = "".join(value.split()).upper()
        return super().to_python(value)


class MeetingForm(forms.Form):
    """When and where a board meets, and whom to ask about it."""

    date = DayMonthYearField(
        label=_("Date"),
        help_text=_("For example, 17 3 2011"),
        required_message=DATE_REQUIRED,
        invalid_message=DATE_INVALID,
    )
    starts_at = MeetingTimeField(label=_("Start time"), help_text=_("For example, 14:00 or 2pm"))
    ends_at = MeetingTimeField(label=_("End time (optional)"), required=False)
    venue = forms.CharField(
        label=_("Venue"),
        max_length=300,
        required=False,
        help_text=_("For example, The Council Chamber, Brockington, Hereford"),
    )
    online_link = forms.URLField(
        label=_("Online link (optional)"),
        required=False,
        assume_scheme="https",
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "url"}),
        help_text=_("Needed if there is no venue. For example, https://meet.example/cabinet"),
    )
    contact = forms.ModelChoiceField(
        label=_("Contact (optional)"),
        queryset=Person.objects.none(),
        required=False,
        empty_label=_("No contact"),
        help_text=_("Who to ask about the meeting, usually the clerk."),
        error_messages={"invalid_choice": CHOICE_INVALID},
    )

    def __init__(self, *args, board, meeting: Meeting | None = None, button: str, **kwargs):
        if meeting is not None:
            kwargs["initial"] = {**_meeting_initial(meeting), **kwargs.get("initial", {})}
        super().__init__(*args, **kwargs)
        self.fields["contact"].queryset = Person.objects.filter(
            board_memberships__in=board.memberships.current(timezone.localdate())
        ).distinct()
        self.helper = form_helper(
            Field("date"),
            Field.text("starts_at", field_width=5),
            Field.text("ends_at", field_width=5),
            Field.text("venue"),
            Field.text("online_link"),
            Field.select("contact"),
            button=button,
        )

    def meeting_details(self) -> dict:
        """The service's arguments: aware start and end times on the meeting's date."""
        data = self.cleaned_data

        def on_the_day(time: datetime.time | None) -> datetime.datetime | None:
            if time is None:
                return None
            return timezone.make_aware(datetime.datetime.combine(data["date"], time))

        return {
            "starts_at": on_the_day(data["starts_at"]),
            "ends_at": on_the_day(data["ends_at"]),
            "venue": data["venue"],
            "online_link": data["online_link"],
            "contact": data["contact"],
        }


def _meeting_initial(meeting: Meeting) -> dict:
    starts_at = timezone.localtime(meeting.starts_at)
    ends_at = timezone.localtime(meeting.ends_at) if meeting.ends_at else None
    return {
        "date": starts_at.date(),
        "starts_at": f"{starts_at:%H:%M}",
        "ends_at": f"{ends_at:%H:%M}" if ends_at else "",
        "venue": meeting.venue,
        "online_link": meeting.online_link,
        "contact": meeting.contact_id,
    }


def _partnership_people(meeting: Meeting) -> QuerySet[Person]:
    """People of the partnership's organisations and anyone sitting on one of its boards."""
    return Person.objects.of_partnerships([meeting.board.partnership_id])


def _available_reports(meeting: Meeting, item: AgendaItem | None) -> QuerySet[Report]:
    """The board's reports not yet on an agenda, and the one the item already carries."""
    on_this_item = Q(agenda_item=item) if item is not None else Q(pk__in=[])
    return Report.objects.filter(board=meeting.board).filter(
        Q(agenda_item__isnull=True) | on_this_item
    )


class AgendaItemForm(forms.Form):
    """What an item is about, who presents it, its report, and whether it is exempt."""

    title = forms.CharField(
        label=_("Title"), max_length=300, error_messages={"required": TITLE_REQUIRED}
    )
    kind = forms.ChoiceField(
        label=_("Kind of item"),
        choices=AgendaItem.Kind.choices,
        initial=AgendaItem.Kind.REPORT,
        error_messages={"invalid_choice": CHOICE_INVALID},
    )
    purpose = forms.CharField(
        label=_("Purpose (optional)"),
        required=False,
        widget=forms.Textarea,
        help_text=_(
            "What the board is asked to do, for example: To approve the Locality Strategy."
        ),
    )
    report = optional_choice(
        _("Report (optional)"),
        Report,
        empty_label=_("No report"),
        help_text=_("Only the board's reports that are not on an agenda are listed."),
    )
    presenter = optional_choice(_("Presenter (optional)"), Person, empty_label=_("No presenter"))
    themes = forms.ModelMultipleChoiceField(
        label=_("Cross-cutting themes (optional)"),
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": CHOICE_INVALID},
    )
    remit_clauses = forms.ModelMultipleChoiceField(
        label=_("Remit clauses it serves (optional)"),
        queryset=RemitClause.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": CHOICE_INVALID},
    )
    is_exempt = forms.BooleanField(
        label=_("Exempt: the public is excluded while it is discussed"),
        required=False,
    )
    exempt_paragraph = forms.ChoiceField(
        label=_("Exempt-information paragraph"),
        required=False,
        error_messages={"invalid_choice": CHOICE_INVALID},
    )

    def __init__(self, *args, meeting: Meeting, item: AgendaItem | None = None, **kwargs):
        if item is not None:
            kwargs["initial"] = {**_item_initial(item), **kwargs.get("initial", {})}
        super().__init__(*args, **kwargs)
        partnership = meeting.board.partnership
        self.fields["report"].queryset = _available_reports(meeting, item)
        self.fields["presenter"].queryset = _partnership_people(meeting)
        themes = Theme.objects.filter(partnership=partnership)
        # A partnership without themes is not asked about them.
        if themes.exists():
            self.fields["themes"].queryset = themes
        else:
            del self.fields["themes"]
        clauses = meeting.board.remit_clauses.all()
        # Likewise a board without a remit.
        if clauses.exists():
            self.fields["remit_clauses"].queryset = clauses
        else:
            del self.fields["remit_clauses"]
        paragraph = self.fields["exempt_paragraph"]
        paragraph.choices = [
            ("", gettext("Not exempt")),
            *exempt_paragraph_choices(partnership.nation),
        ]
        paragraph.help_text = gettext(
            "Required for an exempt item; the paragraphs are those that apply in {nation}."
        ).format(nation=partnership.get_nation_display())
        welsh = partnership.writes_in_welsh
        if welsh:
            self.fields["title_cy"] = forms.CharField(
                label=gettext("Title in Welsh (optional)"), max_length=300, required=False
            )
            self.fields["purpose_cy"] = forms.CharField(
                label=gettext("Purpose in Welsh (optional)"), required=False, widget=forms.Textarea
            )
        self.helper = form_helper(
            Field.text("title"),
            *([Field.text("title_cy")] if welsh else []),
            Field.select("kind"),
            Field.textarea("purpose", rows=3),
            *([Field.textarea("purpose_cy", rows=3)] if welsh else []),
            Field.select("report"),
            Field.select("presenter"),
            *([Field.checkboxes("themes", small=True)] if "themes" in self.fields else []),
            *(
                [Field.checkboxes("remit_clauses", small=True)]
                if "remit_clauses" in self.fields
                else []
            ),
            Field.checkbox("is_exempt"),
            Field.select("exempt_paragraph"),
            button=gettext("Save item"),
        )

    def item_details(self) -> dict:
        """The service's arguments."""
        details = dict(self.cleaned_data)
        details.setdefault("themes", [])
        details.setdefault("remit_clauses", [])
        return details


def _item_initial(item: AgendaItem) -> dict:
    return {
        "title": item.title,
        "title_cy": item.title_cy,
        "kind": item.kind,
        "purpose": item.purpose,
        "purpose_cy": item.purpose_cy,
        "report": item.report_id,
        "presenter": item.presenter_id,
        "themes": list(item.themes.all()),
        "remit_clauses": list(item.remit_clauses.all()),
        "is_exempt": item.is_exempt,
        "exempt_paragraph": item.exempt_paragraph,
    }


class AgendaItemMoveForm(forms.Form):
    position = forms.IntegerField(
        label=_("New position"),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
        error_messages={"required": POSITION_INVALID, "invalid": POSITION_INVALID},
    )

    def __init__(self, *args, count: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["position"].help_text = gettext("From 1 to {count}.").format(count=count)
        self.helper = form_helper(
            Field.text("position", field_width=3), button=gettext("Move item")
        )


class AgendaItemRemoveForm(forms.Form):
    """Nothing to fill in: the button confirms."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.layout = Layout(Button.warning("submit", gettext("Remove item")))


class AgendaPublishForm(forms.Form):
    urgency_reason = forms.CharField(
        label=_("Why must the agenda be published late?"),
        required=False,
        widget=forms.Textarea,
        help_text=_("Say why the business is urgent. It is recorded with the agenda."),
    )

    def __init__(self, *args, late: bool, **kwargs):
        super().__init__(*args, **kwargs)
        # Asked only when the notice period has passed; on time, there is nothing to explain.
        if not late:
            del self.fields["urgency_reason"]
        fields = [Field.textarea("urgency_reason", rows=4)] if late else []
        self.helper = form_helper(*fields, button=gettext("Publish the agenda"))
