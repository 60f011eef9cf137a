"""The register of interests: members' registered interests beside their declarations."""

from collections import defaultdict

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView
from rules.contrib.views import PermissionRequiredMixin

from core.service_views import ServiceFormView
from governance.forms.interests import InterestEndForm, InterestForm
from governance.interests import interest_end, interest_register, interests_current_on
from governance.models import BoardMembership, Interest
from partnership.models import Partnership, Person
from partnership.rules import person_of


class PersonInterestsView(PermissionRequiredMixin, DetailView):
    """A person's interests, current and ended, each with the declarations that cite it."""

    permission_required = "governance.view_interests"
    model = Person
    template_name = "governance/interests/person_interests.html"
    context_object_name = "person"

    def get_object(self, queryset=None):
        if not hasattr(self, "_person"):
            self._person = get_object_or_404(
                Person.objects.select_related("organisation"), pk=self.kwargs["pk"]
            )
        return self._person

    def get_context_data(self, **kwargs):
        person = self.object
        user = self.request.user
        declarations = person.declarations.select_related(
            "meeting__board__partnership", "agenda_item"
        ).order_by("-meeting__starts_at", "pk")
        if not (user.is_superuser or person_of(user) == person):
            # What a member declared is public once the minutes recording it are.
            declarations = declarations.filter(meeting__minutes_status="published")
        by_interest = defaultdict(list)
        for declaration in declarations:
            by_interest[declaration.interest_id].append(declaration)
        interests = list(
            person.interests.select_related("organisation", "area").order_by(
                "ended_on", "-registered_on", "pk"
            )
        )
        for interest in interests:
            interest.declarations_made = by_interest[interest.pk]
        return super().get_context_data(
            interests=interests,
            unregistered_declarations=by_interest[None],
            can_change=user.has_perm("governance.change_interests", person),
            today=timezone.localdate(),
            **kwargs,
        )


class PartnershipInterestsView(DetailView):
    """The current interests of everyone sitting on the partnership's boards."""

    model = Partnership
    slug_url_kwarg = "partnership"
    template_name = "governance/interests/interest_register.html"
    context_object_name = "partnership"

    def get_context_data(self, **kwargs):
        partnership = self.object
        today = timezone.localdate()
        show_officers = self.request.user.has_perm(
            "governance.view_officers_interests", partnership
        )
        seats = BoardMembership.objects.current(today).filter(board__partnership=partnership)
        members = (
            Person.objects.filter(board_memberships__in=seats)
            .distinct()
            .select_related("organisation")
            .prefetch_related(
                Prefetch(
                    "board_memberships",
                    queryset=seats.select_related("board").order_by("board__name"),
                    to_attr="seats_here",
                ),
                Prefetch(
                    "interests",
                    queryset=Interest.objects.filter(interests_current_on(today))
                    .select_related("organisation", "area")
                    .order_by("-registered_on", "pk"),
                    to_attr="current_interests",
                ),
            )
            .order_by("name")
        )
        if not show_officers:
            members = members.exclude(capacity=Person.Capacity.OFFICER)
        return super().get_context_data(members=members, show_officers=show_officers, **kwargs)


class PersonMixin(PermissionRequiredMixin):
    permission_required = "governance.change_interests"

    @cached_property
    def person(self) -> Person:
        return get_object_or_404(Person, pk=self.kwargs["pk"])

    def get_permission_object(self) -> Person:
        return self.person

    def get_context_data(self, **kwargs):
        return super().get_context_data(caption=str(self.person), **kwargs)

    def cancel_url(self) -> str:
        return reverse("governance:person_interests", args=[self.person.pk])

    def get_success_url(self) -> str:
        return self.cancel_url()


class InterestRegisterView(PersonMixin, ServiceFormView):
    form_class = InterestForm
    heading = _("Register an interest")

    def act(self, form) -> None:
        interest_register(person=self.person, **form.cleaned_data)

    def success_message(self) -> str:
        return gettext("The interest has been registered.")


class InterestEndView(PersonMixin, ServiceFormView):
    form_class = InterestEndForm

    @cached_property
    def interest(self) -> Interest:
        return get_object_or_404(self.person.interests, pk=self.kwargs["interest_pk"])

    @property
    def heading(self) -> str:
        return gettext("End the interest: {description}").format(
            description=self.interest.description[:80]
        )

    def act(self, form) -> None:
        interest_end(interest=self.interest, **form.cleaned_data)

    def success_message(self) -> str:
        return gettext("The interest has been ended. It stays on the register as a past interest.")


urlpatterns = [
    path("people/<int:pk>/interests/", PersonInterestsView.as_view(), name="person_interests"),
    path("people/<int:pk>/interests/new/", InterestRegisterView.as_view(), name="interest_add"),
    path(
        "people/<int:pk>/interests/<int:interest_pk>/end/",
        InterestEndView.as_view(),
        name="interest_end",
    ),
    path(
        "<slug:partnership>/interests/",
        PartnershipInterestsView.as_view(),
        name="interest_register",
    ),
]
