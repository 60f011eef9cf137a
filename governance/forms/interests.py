"""The forms a member registers and ends an interest with, in the GOV.UK style."""

from crispy_forms_gds.layout import Field, Size
from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.forms import DayMonthYearField, form_helper, optional_choice
from governance.models import Interest
from partnership.models import Area, Organisation

KIND_REQUIRED = _("Choose the kind of interest.")
REGISTERED_ON_REQUIRED = _("Enter the date the interest was registered.")
ENDED_ON_REQUIRED = _("Enter the date the interest ended.")
# The kinds of place an interest in land or a tenancy is recorded against.
LOCAL_AREAS = (Area.Kind.WARD, Area.Kind.PARISH, Area.Kind.LOCALITY, Area.Kind.DISTRICT)


class InterestForm(forms.Form):
    """An interest as the member registers it; the service checks the dates and description."""

    kind = forms.ChoiceField(
        label=_("Kind of interest"),
        choices=Interest.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": KIND_REQUIRED},
    )
    description = forms.CharField(
        label=_("Description"),
        help_text=_("For example, Director of Hereford Futures Ltd (unpaid)."),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    organisation = optional_choice(
        _("Organisation it concerns (optional)"),
        Organisation,
        help_text=_("Members are prompted when an agenda item names this organisation."),
    )
    area = optional_choice(
        _("Ward or area it concerns (optional)"),
        Area,
        help_text=_("Members are prompted when a report affects this ward."),
    )
    registered_on = DayMonthYearField(
        label=_("Date registered"),
        help_text=_("For example, 17 3 2011."),
        required_message=REGISTERED_ON_REQUIRED,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")
        self.fields["area"].queryset = Area.objects.filter(kind__in=LOCAL_AREAS).order_by("name")
        self.helper = form_helper(
            Field.radios("kind", legend_size=Size.SMALL),
            Field.textarea("description"),
            Field.select("organisation"),
            Field.select("area"),
            Field("registered_on"),
            button=gettext("Register interest"),
        )


class InterestEndForm(forms.Form):
    ended_on = DayMonthYearField(
        label=_("Date it ended"),
        help_text=_("For example, 31 3 2012."),
        required_message=ENDED_ON_REQUIRED,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(Field("ended_on"), button=gettext("End interest"))
