"""Recording partners' contributions and a pooled budget's spending: bad input saves nothing."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from outcomes.models import Contribution, Outcome, Project, Spend
from outcomes.services.contributions import (
    AMOUNT_NOT_A_NUMBER,
    AMOUNT_NOT_POSITIVE,
    AMOUNT_REQUIRED,
    AMOUNT_TOO_LARGE,
    AMOUNT_TOO_MANY_PLACES,
    DESCRIPTION_REQUIRED,
    FINANCIAL_YEAR_INVALID,
    ORGANISATION_NOT_PARTNER,
    OUTCOME_ELSEWHERE,
    PROJECT_AND_OUTCOME,
    PROJECT_ELSEWHERE,
    PROJECT_OR_OUTCOME_REQUIRED,
    SPEND_OUTSIDE_YEAR,
    contribution_record,
    spend_record,
)
from partnership.models import Organisation, PartnerMembership, Partnership
from tests.factories import (
    BoardFactory,
    OrganisationFactory,
    OutcomeFactory,
    OutcomeFrameworkFactory,
    UserFactory,
)
from tests.outcomes.helpers import partner

pytestmark = pytest.mark.django_db


def project_of(partnership: Partnership, name: str, lead: Organisation) -> Project:
    """A new project of the partnership, proposed by a new board of it."""
    return Project.objects.create(
        partnership=partnership,
        proposing_board=BoardFactory(partnership=partnership),
        name=name,
        slug=name.lower().replace(" ", "-"),
        lead_organisation=lead,
    )


def outcome_of(partnership: Partnership, number: int, title: str) -> Outcome:
    framework = OutcomeFrameworkFactory(partnership=partnership)
    return OutcomeFactory(framework=framework, number=number, title=title)


@pytest.fixture
def council(highland) -> Organisation:
    return partner(highland, "The Highland Council")


@pytest.fixture
def project(highland, council) -> Project:
    return project_of(highland, "Employability Pipeline", council)


def record(highland, council, project, **changes) -> Contribution:
    fields = {
        "partnership": highland,
        "organisation": council,
        "financial_year": "2013/14",
        "kind": Contribution.Kind.CASH,
        "amount": "1000",
        "project": project,
        "by": UserFactory(),
    } | changes
    return contribution_record(**fields)


def refusal(error: pytest.ExceptionInfo[ValidationError]) -> dict[str, list[str]]:
    return error.value.message_dict


@pytest.mark.parametrize(
    ("typed", "saved"),
    [
        ("1,234.50", Decimal("1234.50")),
        ("£1,234.50", Decimal("1234.50")),
        (" £250 ", Decimal("250.00")),
        ("0.01", Decimal("0.01")),
        (Decimal("99.9"), Decimal("99.90")),
    ],
)
def test_contribution_amount_is_read_as_pounds_and_pence(highland, council, project, typed, saved):
    contribution = record(highland, council, project, amount=typed, description=" Staff ")

    contribution.refresh_from_db()
    assert contribution.amount == saved
    assert contribution.description == "Staff"
    assert contribution.financial_year == "2013/14"


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", AMOUNT_REQUIRED),
        ("-50", AMOUNT_NOT_POSITIVE),
        ("-£50", AMOUNT_NOT_POSITIVE),
        ("£-50", AMOUNT_NOT_POSITIVE),
        ("0", AMOUNT_NOT_POSITIVE),
        ("0.00", AMOUNT_NOT_POSITIVE),
        (Decimal("-1"), AMOUNT_NOT_POSITIVE),
        ("ten pounds", AMOUNT_NOT_A_NUMBER),
        ("12.5.0", AMOUNT_NOT_A_NUMBER),
        ("1e3", AMOUNT_NOT_A_NUMBER),
        ("12,34", AMOUNT_NOT_A_NUMBER),
        ("--50", AMOUNT_NOT_A_NUMBER),
        (Decimal("NaN"), AMOUNT_NOT_A_NUMBER),
        ("10.005", AMOUNT_TOO_MANY_PLACES),
        ("1000000000000", AMOUNT_TOO_LARGE),
    ],
)
def test_bad_amount_is_refused_and_nothing_saved(highland, council, project, typed, message):
    with pytest.raises(ValidationError) as error:
        record(highland, council, project, amount=typed)

    assert refusal(error) == {"amount": [message]}
    assert not Contribution.objects.exists()


def test_float_amount_is_refused_as_a_programming_error(highland, council, project):
    with pytest.raises(TypeError, match="never a float"):
        record(highland, council, project, amount=0.1)
    assert not Contribution.objects.exists()


@pytest.mark.parametrize("year", ["2013/15", "2013-14", "13/14", "2013/2014", "2099/00x", ""])
def test_financial_year_that_does_not_exist_is_refused(highland, council, project, year):
    with pytest.raises(ValidationError) as error:
        record(highland, council, project, financial_year=year)

    assert refusal(error) == {"financial_year": [FINANCIAL_YEAR_INVALID]}
    assert not Contribution.objects.exists()


def test_year_across_a_century_is_accepted(highland, council, project):
    contribution = record(highland, council, project, financial_year="1999/00")

    assert contribution.financial_year == "1999/00"


def test_organisation_outside_the_partnership_is_refused(highland, project):
    stranger = OrganisationFactory(name="Fife Council")

    with pytest.raises(ValidationError) as error:
        record(highland, stranger, project)

    assert refusal(error) == {
        "organisation": [ORGANISATION_NOT_PARTNER.format(organisation=stranger, year="2013/14")]
    }
    assert refusal(error)["organisation"] == [
        "Fife Council was not a partner of this partnership in 2013/14."
    ]
    assert not Contribution.objects.exists()


def test_partner_is_checked_for_the_financial_year(highland, project):
    police = OrganisationFactory(name="Police Scotland")
    PartnerMembership.objects.create(
        partnership=highland, organisation=police, joined_on=datetime.date(2014, 4, 1)
    )

    with pytest.raises(ValidationError) as error:
        record(highland, police, project, financial_year="2013/14")
    accepted = record(highland, police, project, financial_year="2014/15")

    assert refusal(error) == {
        "organisation": ["Police Scotland was not a partner of this partnership in 2013/14."]
    }
    assert list(Contribution.objects.all()) == [accepted]


def test_contribution_is_to_a_project_or_an_outcome(highland, council, project):
    outcome = outcome_of(highland, 1, "More people in work")

    with pytest.raises(ValidationError) as neither:
        record(highland, council, None)
    with pytest.raises(ValidationError) as both:
        record(highland, council, project, outcome=outcome)
    to_outcome = record(highland, council, None, outcome=outcome)

    assert refusal(neither) == {"project": [PROJECT_OR_OUTCOME_REQUIRED]}
    assert refusal(both) == {"project": [PROJECT_AND_OUTCOME]}
    assert list(Contribution.objects.all()) == [to_outcome]
    assert to_outcome.project is None


def test_project_or_outcome_of_another_partnership_is_refused(highland, elsewhere, council):
    their_project = project_of(elsewhere, "Their Project", partner(elsewhere, "Their Council"))
    their_outcome = outcome_of(elsewhere, 1, "Their outcome")

    with pytest.raises(ValidationError) as project_error:
        record(highland, council, their_project)
    with pytest.raises(ValidationError) as outcome_error:
        record(highland, council, None, outcome=their_outcome)

    assert refusal(project_error) == {"project": [PROJECT_ELSEWHERE]}
    assert refusal(outcome_error) == {"outcome": [OUTCOME_ELSEWHERE]}
    assert not Contribution.objects.exists()


def test_every_problem_is_reported_at_once(highland, project):
    with pytest.raises(ValidationError) as error:
        record(highland, OrganisationFactory(), None, amount="-1", financial_year="2013/15")

    assert refusal(error) == {
        "amount": [AMOUNT_NOT_POSITIVE],
        "financial_year": [FINANCIAL_YEAR_INVALID],
        "project": [PROJECT_OR_OUTCOME_REQUIRED],
    }


def test_unknown_kind_is_refused_by_the_model(highland, council, project):
    with pytest.raises(ValidationError) as error:
        record(highland, council, project, kind="favours")

    assert refusal(error) == {"kind": ["Value 'favours' is not a valid choice."]}
    assert not Contribution.objects.exists()


def spend(project, **changes) -> Spend:
    fields = {
        "project": project,
        "financial_year": "2013/14",
        "spent_on": datetime.date(2013, 9, 2),
        "amount": "£2,500.00",
        "description": "Job coaches",
        "by": UserFactory(),
    } | changes
    return spend_record(**fields)


@pytest.mark.parametrize("day", [datetime.date(2013, 4, 1), datetime.date(2014, 3, 31)])
def test_spending_is_recorded_within_its_financial_year(project, day):
    recorded = spend(project, spent_on=day)

    recorded.refresh_from_db()
    assert recorded.amount == Decimal("2500.00")
    assert recorded.spent_on == day
    assert recorded.description == "Job coaches"


@pytest.mark.parametrize("day", [datetime.date(2013, 3, 31), datetime.date(2014, 4, 1)])
def test_spending_outside_its_financial_year_is_refused(project, day):
    with pytest.raises(ValidationError) as error:
        spend(project, spent_on=day)

    assert refusal(error) == {
        "spent_on": [SPEND_OUTSIDE_YEAR.format(year="2013/14", start=2013, end=2014)]
    }
    assert refusal(error)["spent_on"] == [
        "The date of the spending must be in 2013/14: 1 April 2013 to 31 March 2014."
    ]
    assert not Spend.objects.exists()


def test_bad_spending_is_refused_with_every_message(project):
    with pytest.raises(ValidationError) as error:
        spend(project, amount="lots", financial_year="2013-14", description="  ")

    assert refusal(error) == {
        "amount": [AMOUNT_NOT_A_NUMBER],
        "financial_year": [FINANCIAL_YEAR_INVALID],
        "description": [DESCRIPTION_REQUIRED],
    }
    assert not Spend.objects.exists()
