import datetime

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin

from core.models import AuditedModel
from governance.models import (
    Circulation,
    CirculationRecipient,
    JointAppointment,
    JointAppointmentShare,
)
from meetings.models import AgendaPack, ProjectDecision, RenderedSection
from outcomes.models import Milestone, PerformanceReport, Reminder
from partnership.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint
from tests.factories import (
    AgendaItemFactory,
    BoardMembershipFactory,
    DevelopmentActionFactory,
    JointAppointmentFactory,
    MinuteFactory,
    OrganisationFactory,
    PersonFactory,
)
from tests.two_factor import VERIFIED_SESSION_QUERIES

pytestmark = pytest.mark.django_db

# Shares are edited only with their appointment, where they can be checked to add up to 100%;
# a circulation's recipients are shown only with it; a milestone only in its project's plan.
INLINE_ONLY_MODELS = {JointAppointmentShare, CirculationRecipient, Milestone, WebhookAttempt}
REGISTERED_MODELS = [
    model
    for app_label in ["partnership", "governance", "outcomes", "meetings"]
    for model in apps.get_app_config(app_label).get_models()
    if not model.__name__.startswith("Historical") and model not in INLINE_ONLY_MODELS
]
# Written only by services.
READ_ONLY_MODELS = {
    AgendaPack,
    RenderedSection,
    Reminder,
    PerformanceReport,
    Circulation,
    ProjectDecision,
    WebhookEndpoint,
    WebhookDelivery,
}


def admin_url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize("model", REGISTERED_MODELS, ids=lambda model: model._meta.label)
def test_every_domain_model_has_an_admin_showing_its_history(model):
    model_admin = admin.site.get_model_admin(model)

    assert isinstance(model_admin, SimpleHistoryAdmin) == issubclass(model, AuditedModel)


def test_joint_appointment_shares_are_edited_only_with_their_appointment():
    appointment_admin = admin.site.get_model_admin(JointAppointment)

    assert not admin.site.is_registered(JointAppointmentShare)
    assert [inline.model for inline in appointment_admin.inlines] == [JointAppointmentShare]


@pytest.mark.parametrize("model", REGISTERED_MODELS, ids=lambda model: model._meta.label)
def test_superuser_can_open_the_list_search_and_add_pages(admin_client, model):
    list_page = admin_client.get(admin_url(model, "changelist"))
    search_page = admin_client.get(admin_url(model, "changelist"), {"q": "Hereford 86"})
    add_page = admin_client.get(admin_url(model, "add"))

    assert list_page.status_code == 200
    assert search_page.status_code == 200
    assert add_page.status_code == (403 if model in READ_ONLY_MODELS else 200)


def make_reminder():
    action = DevelopmentActionFactory(deadline=datetime.date(2014, 3, 31))
    return Reminder.objects.create(
        action=action, deadline=action.deadline, days_from_deadline=-14, recipient=PersonFactory()
    )


# One maker of a row per model, with the most queries its list page may take: the session, the
# user, the counts, the page of rows and one query per list filter, but none per row.
ROWS_AND_BUDGETS = [
    pytest.param(
        lambda: BoardMembershipFactory(organisation=OrganisationFactory()), 6, id="memberships"
    ),
    pytest.param(lambda: JointAppointmentFactory(holder=PersonFactory()), 6, id="appointments"),
    pytest.param(lambda: DevelopmentActionFactory(lead_person=PersonFactory()), 6, id="actions"),
    pytest.param(make_reminder, 6, id="reminders"),
    pytest.param(MinuteFactory, 7, id="minutes"),
    pytest.param(lambda: AgendaItemFactory().meeting, 8, id="meetings"),
]


@pytest.mark.parametrize(("make_row", "budget"), ROWS_AND_BUDGETS)
def test_list_page_queries_stay_within_budget(
    admin_client, django_assert_max_num_queries, make_row, budget
):
    model = type(make_row())
    make_row()

    with django_assert_max_num_queries(budget + VERIFIED_SESSION_QUERIES):
        response = admin_client.get(admin_url(model, "changelist"))

    assert response.status_code == 200
    assert response.context["cl"].result_count == 2


@pytest.mark.parametrize(("make_row", "budget"), ROWS_AND_BUDGETS)
def test_superuser_can_open_a_rows_page(admin_client, make_row, budget):
    row = make_row()

    response = admin_client.get(admin_url(type(row), "change", row.pk))

    assert response.status_code == 200
    assert str(row) in response.content.decode()
