"""The admin's formsets: a joint appointment's shares and a board's seats, checked together."""

from django.core.exceptions import ValidationError
from django.forms import BaseInlineFormSet, ModelForm, inlineformset_factory

from governance.models import (
    CHAIR_OVERLAPS,
    SEAT_OVERLAPS,
    Board,
    BoardMembership,
    JointAppointment,
    JointAppointmentShare,
)
from governance.services import joint_appointment_shares_check


def _kept_forms(formset: BaseInlineFormSet) -> list[ModelForm]:
    """The filled-in forms of a valid formset that are not marked for deletion."""
    return [
        form
        for form in formset.forms
        if form.cleaned_data and not formset._should_delete_form(form)
    ]


class BaseJointAppointmentShareFormSet(BaseInlineFormSet):
    """The employers' shares of a joint appointment, which must add up to 100%."""

    def clean(self) -> None:
        super().clean()
        if any(self.errors):
            return
        joint_appointment_shares_check(
            form.cleaned_data["cost_share_percent"] for form in _kept_forms(self)
        )


JointAppointmentShareFormSet = inlineformset_factory(
    JointAppointment,
    JointAppointmentShare,
    formset=BaseJointAppointmentShareFormSet,
    fields=["organisation", "cost_share_percent", "accountable_to", "contact_email"],
    extra=2,
)


def _held_together(seat: BoardMembership, other: BoardMembership) -> bool:
    """Whether two seats are held at the same time; a missing date runs on without end."""
    starts_in_time = (
        seat.started_on is None or other.ended_on is None or seat.started_on <= other.ended_on
    )
    ends_in_time = (
        other.started_on is None or seat.ended_on is None or other.started_on <= seat.ended_on
    )
    return starts_in_time and ends_in_time


class BaseBoardMembershipFormSet(BaseInlineFormSet):
    """A board's seats, checked against each other as BoardMembership.clean() checks saved ones."""

    def clean(self) -> None:
        super().clean()
        if any(self.errors):
            return
        seats = [form.instance for form in _kept_forms(self) if form.instance.person_id]
        for i, seat in enumerate(seats):
            for other in seats[:i]:
                if not _held_together(seat, other):
                    continue
                if seat.person_id == other.person_id:
                    raise ValidationError(
                        SEAT_OVERLAPS.format(person=seat.person, board=self.instance)
                    )
                if seat.role == other.role == BoardMembership.Role.CHAIR:
                    raise ValidationError(CHAIR_OVERLAPS.format(board=self.instance))


BoardMembershipFormSet = inlineformset_factory(
    Board,
    BoardMembership,
    formset=BaseBoardMembershipFormSet,
    fields=["person", "organisation", "office", "role", "started_on", "ended_on"],
    extra=0,
)
