"""Recording contributions and spending in the browser; the pooled budget on a project's page."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from demo.cannock_chase import DISTRICT_COUNCIL, SOUTH_STAFFORDSHIRE_PCT
from outcomes.forms.contributions import KIND_REQUIRED, ORGANISATION_REQUIRED
from outcomes.models import Contribution, Project, Spend
from outcomes.services.contributions import (
    AMOUNT_NOT_A_NUMBER,
    AMOUNT_NOT_POSITIVE,
    DESCRIPTION_REQUIRED,
    FINANCIAL_YEAR_INVALID,
    PROJECT_OR_OUTCOME_REQUIRED,
    SPEND_OUTSIDE_YEAR,
)
from partnership.models import Organisation, Partnership
from tests.factories import BoardFactory, OutcomeFactory, OutcomeFrameworkFactory, UserFactory
from tests.outcomes.helpers import officer_of, partner
from tests.pages import error_summary, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def council(highland) -> Organisation:
    return partner(highland, "The Highland Council")


@pytest.fixture
def project(highland, council) -> Project:
    return Project.objects.create(
        partnership=highland,
        proposing_board=BoardFactory(partnership=highland),
        name="Healthy Highland walks",
        slug="healthy-walks",
        lead_organisation=council,
    )


@pytest.fixture
def officer(client, highland):
    user = officer_of(highland, "highland-officer")
    client.force_login(user)
    return user


def contribution_url(partnership: Partnership) -> str:
    return reverse("outcomes:contribution_add", args=[partnership.slug])


def spend_url(project: Project) -> str:
    return reverse("outcomes:spend_add", args=[project.partnership.slug, project.slug])


def contribution_data(council: Organisation, project: Project | None, **fields) -> dict:
    return {
        "organisation": council.pk,
        "project": project.pk if project else "",
        "financial_year": "2013/14",
        "kind": "cash",
        "amount": "£1,234.50",
        "description": "Walk leaders",
        **fields,
    }


def spend_data(**fields) -> dict:
    return {
        "financial_year": "2013/14",
        "spent_on_0": "14",
        "spent_on_1": "8",
        "spent_on_2": "2013",
        "amount": "£999.99",
        "description": "Trail signs",
        **fields,
    }


def test_a_contribution_typed_with_pound_sign_and_commas_is_saved_to_the_penny(
    client, officer, highland, council, project
):
    response = client.post(contribution_url(highland), contribution_data(council, project))

    assert response.status_code == 302
    assert response["Location"] == project.get_absolute_url()
    contribution = Contribution.objects.get()
    assert contribution.amount == Decimal("1234.50")
    assert (contribution.organisation, contribution.project) == (council, project)
    assert (contribution.financial_year, contribution.kind) == ("2013/14", "cash")
    page = text_of(client.get(response["Location"]))
    assert "The Highland Council: £1,234.50 cash, 2013/14 has been recorded." in page


def test_a_contribution_towards_an_outcome_leads_back_to_the_joint_resources(
    client, officer, highland, council
):
    outcome = OutcomeFactory(framework=OutcomeFrameworkFactory(partnership=highland), number=2)
    data = contribution_data(council, None, outcome=outcome.pk, kind="in_kind")

    response = client.post(contribution_url(highland), data)

    assert response["Location"] == reverse("outcomes:contributions", args=[highland.slug])
    assert Contribution.objects.get().outcome == outcome


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("amount", "-250", AMOUNT_NOT_POSITIVE),
        ("amount", "abc", AMOUNT_NOT_A_NUMBER),
        ("financial_year", "2013/15", FINANCIAL_YEAR_INVALID),
    ],
)
def test_a_bad_contribution_shows_the_services_message_and_saves_nothing(
    client, officer, highland, council, project, field, typed, message
):
    response = client.post(
        contribution_url(highland), contribution_data(council, project, **{field: typed})
    )

    assert response.status_code == 200
    assert error_summary(response) == [message]
    assert Contribution.objects.count() == 0
    # What was typed is shown back, to be corrected.
    assert f'value="{typed}"' in response.content.decode()


def test_a_contribution_needs_a_partner_a_kind_and_a_project_or_outcome(
    client, officer, highland, council, project
):
    data = contribution_data(council, None, organisation="", kind="")

    response = client.post(contribution_url(highland), data)

    assert error_summary(response) == [ORGANISATION_REQUIRED, KIND_REQUIRED]
    assert Contribution.objects.count() == 0
    data = contribution_data(council, None)
    assert error_summary(client.post(contribution_url(highland), data)) == [
        PROJECT_OR_OUTCOME_REQUIRED
    ]
    assert Contribution.objects.count() == 0


def test_the_form_offers_the_partnerships_partners_and_projects_only(
    client, officer, highland, elsewhere, council, project
):
    stranger = partner(elsewhere, "Herefordshire Council")
    url = f"{contribution_url(highland)}?project={project.slug}"

    response = client.get(url)

    page = response.content.decode()
    assert "The Highland Council" in page
    assert "Herefordshire Council" not in page
    assert f'<option value="{project.pk}" selected>' in page
    data = contribution_data(stranger, project)
    assert error_summary(client.post(contribution_url(highland), data)) == [
        "Choose one from the list."
    ]


def test_spending_is_recorded_against_the_project(client, officer, project):
    response = client.post(spend_url(project), spend_data())

    assert response["Location"] == project.get_absolute_url()
    spend = Spend.objects.get()
    assert (spend.amount, spend.spent_on) == (Decimal("999.99"), datetime.date(2013, 8, 14))
    assert spend.description == "Trail signs"
    page = text_of(client.get(response["Location"]))
    assert "£999.99 on Trail signs has been recorded against the pooled budget." in page


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"amount": "-1"}, AMOUNT_NOT_POSITIVE),
        ({"amount": "abc"}, AMOUNT_NOT_A_NUMBER),
        ({"financial_year": "2013/15"}, FINANCIAL_YEAR_INVALID),
        ({"description": " "}, DESCRIPTION_REQUIRED),
        (
            {"spent_on_2": "2015"},
            SPEND_OUTSIDE_YEAR.format(year="2013/14", start=2013, end=2014),
        ),
    ],
)
def test_bad_spending_shows_the_services_message_and_saves_nothing(
    client, officer, project, fields, message
):
    response = client.post(spend_url(project), spend_data(**fields))

    assert error_summary(response) == [message]
    assert Spend.objects.count() == 0


def test_only_the_partnerships_officers_may_record_money(client, highland, elsewhere, project):
    assert client.get(contribution_url(highland))["Location"].startswith("/sign-in/")
    assert client.get(spend_url(project))["Location"].startswith("/sign-in/")
    client.force_login(officer_of(elsewhere, "hereford-officer"))

    assert client.get(contribution_url(highland)).status_code == 403
    assert client.post(spend_url(project), spend_data()).status_code == 403
    assert Spend.objects.count() == 0
    assert "Record spending" not in text_of(client.get(project.get_absolute_url()))
    client.force_login(UserFactory(is_superuser=True))
    assert client.get(spend_url(project)).status_code == 200


def test_the_joint_resources_page_links_the_form_for_officers_only(client, highland):
    url = reverse("outcomes:contributions", args=[highland.slug])
    assert "Record a contribution" not in text_of(client.get(url))

    client.force_login(officer_of(highland, "highland-officer"))

    assert "Record a contribution" in text_of(client.get(url))


def test_the_demo_projects_page_shows_its_pooled_budget_to_the_penny(client, demo):
    project = Project.objects.get(partnership__slug="cannock-chase-lsp", slug="health-walks")

    text = text_of(client.get(project.get_absolute_url()))

    assert (
        "Cash pooled by partner and financial year Partner 2008/09 Total "
        f"{DISTRICT_COUNCIL} £25,000.00 £25,000.00 All partners £25,000.00 £25,000.00"
    ) in text
    assert SOUTH_STAFFORDSHIRE_PCT not in text.split("Cash pooled")[1].split("Pooled cash")[0]
    assert "Pooled cash £25,000.00 Spent £0.00 Remaining £25,000.00" in text
    assert "Contributions by kind Kind Amount Cash £25,000.00 Staff time £12,500.50" in text
    assert "Record a contribution" not in text


def test_spending_recorded_on_the_demo_project_leaves_what_remains(client, demo):
    project = Project.objects.get(partnership__slug="cannock-chase-lsp", slug="health-walks")
    client.force_login(UserFactory(is_superuser=True))
    data = spend_data(financial_year="2008/09", spent_on_2="2008", amount="£4,999.49")

    response = client.post(spend_url(project), data, follow=True)

    text = text_of(response)
    assert "Pooled cash £25,000.00 Spent £4,999.49 Remaining £20,000.51" in text
    assert "Record a contribution Record spending" in text
