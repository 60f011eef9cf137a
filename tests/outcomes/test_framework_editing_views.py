import datetime
import re
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from core.forms import CHOICE_INVALID, DATE_INVALID
from governance.models import Board
from outcomes.forms.frameworks import (
    FrameworkForm,
    IndicatorForm,
    OutcomeForm,
    TargetRowForm,
)
from outcomes.models import INDICATOR_CODE_TAKEN, Indicator, Outcome, OutcomeFramework, Target
from outcomes.services import frameworks
from outcomes.services.frameworks import (
    BASELINE_NEEDS_DATE,
    FRAMEWORK_ENDS_BEFORE_START,
    OUTCOME_NUMBER_TAKEN,
)
from partnership.models import Person
from tests.factories import (
    BoardFactory,
    BoardMembershipFactory,
    IndicatorFactory,
    OutcomeFactory,
    OutcomeFrameworkFactory,
    PersonFactory,
    TargetFactory,
    UserFactory,
)
from tests.outcomes.helpers import officer_of, partner, theme
from tests.pages import error_summary, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def soa(highland, employability) -> OutcomeFramework:
    framework = OutcomeFrameworkFactory(partnership=highland, name="Highland SOA", slug="soa")
    framework.themes.set([employability])
    return framework


@pytest.fixture
def outcome(soa, employability) -> Outcome:
    return OutcomeFactory(framework=soa, number=1, title="More people in work", theme=employability)


@pytest.fixture
def indicator(outcome) -> Indicator:
    return IndicatorFactory(outcome=outcome, code="EMP-1", name="Employment rate", unit="%")


@pytest.fixture
def officer(client, highland):
    user = officer_of(highland, "carron")
    client.force_login(user)
    return user


def scrutiny_member_of(partnership):
    """A councillor of a partner council sitting on the partnership's scrutiny committee."""
    user = UserFactory(username="councillor")
    person = PersonFactory(
        capacity=Person.Capacity.ELECTED_MEMBER,
        organisation=partner(partnership, "Scrutinised council"),
        user=user,
    )
    committee = BoardFactory(partnership=partnership, kind=Board.Kind.SCRUTINY_COMMITTEE)
    BoardMembershipFactory(board=committee, person=person)
    return user


def page_urls(framework, outcome, indicator) -> dict[str, str]:
    args = [framework.partnership.slug, framework.slug]
    return {
        "framework_create": reverse("outcomes:framework_create", args=args[:1]),
        "framework_edit": reverse("outcomes:framework_edit", args=args),
        "framework_outcomes": reverse("outcomes:framework_outcomes", args=args),
        "outcome_create": reverse("outcomes:outcome_create", args=args),
        "outcome_edit": reverse("outcomes:outcome_edit", args=[*args, outcome.pk]),
        "indicator_create": reverse("outcomes:indicator_create", args=[*args, outcome.pk]),
        "indicator_edit": reverse("outcomes:indicator_edit", args=[*args, indicator.pk]),
        "targets_edit": reverse("outcomes:targets_edit", args=[*args, indicator.pk]),
    }


PAGES = [
    "framework_create",
    "framework_edit",
    "framework_outcomes",
    "outcome_create",
    "outcome_edit",
    "indicator_create",
    "indicator_edit",
    "targets_edit",
]


def indicator_page(indicator) -> str:
    framework = indicator.outcome.framework
    return reverse(
        "outcomes:indicator_detail", args=[framework.partnership.slug, framework.slug, indicator.pk]
    )


@pytest.mark.parametrize("name", PAGES)
def test_anonymous_visitors_are_sent_to_sign_in(client, indicator, name):
    url = page_urls(indicator.outcome.framework, indicator.outcome, indicator)[name]

    response = client.get(url)

    assert response.status_code == 302
    assert response.url == f"{reverse('login')}?next={url}"


@pytest.mark.parametrize("name", PAGES)
def test_an_officer_of_another_partnership_may_not(client, indicator, elsewhere, name):
    client.force_login(officer_of(elsewhere, "hereford"))

    response = client.get(
        page_urls(indicator.outcome.framework, indicator.outcome, indicator)[name]
    )

    assert response.status_code == 403


@pytest.mark.parametrize("name", PAGES)
def test_a_scrutiny_member_may_not(client, indicator, highland, name):
    client.force_login(scrutiny_member_of(highland))

    response = client.get(
        page_urls(indicator.outcome.framework, indicator.outcome, indicator)[name]
    )

    assert response.status_code == 403


@pytest.mark.parametrize("name", PAGES)
def test_an_officer_of_the_partnership_may(client, officer, indicator, name):
    response = client.get(
        page_urls(indicator.outcome.framework, indicator.outcome, indicator)[name]
    )

    assert response.status_code == 200


def test_no_form_asks_for_rag_status_or_trend():
    names = {
        name
        for form in (FrameworkForm, OutcomeForm, IndicatorForm, TargetRowForm)
        for name in form.base_fields
    }

    assert not {name for name in names if "rag" in name or "trend" in name}
    assert set(IndicatorForm.base_fields) == set(frameworks.INDICATOR_FIELDS)


def test_an_officer_starts_a_framework(client, officer, highland, employability):
    response = client.post(
        reverse("outcomes:framework_create", args=[highland.slug]),
        {
            "name": "Highland Single Outcome Agreement",
            "kind": "soa",
            "status": "draft",
            "starts_on_0": "1",
            "starts_on_1": "4",
            "starts_on_2": "2013",
            "ends_on_0": "31",
            "ends_on_1": "3",
            "ends_on_2": "2019",
            "themes": [employability.pk],
        },
    )

    framework = OutcomeFramework.objects.get(partnership=highland)
    assert response.status_code == 302
    assert (
        response.url == "/partnerships/highland-cpp/frameworks/highland-single-outcome-agreement/"
    )
    assert framework.starts_on == datetime.date(2013, 4, 1)
    assert framework.ends_on == datetime.date(2019, 3, 31)
    assert list(framework.themes.all()) == [employability]


def test_a_framework_ending_before_it_starts_is_refused_on_the_page(client, officer, highland):
    response = client.post(
        reverse("outcomes:framework_create", args=[highland.slug]),
        {
            "name": "Highland Single Outcome Agreement",
            "kind": "soa",
            "status": "draft",
            "starts_on_0": "1",
            "starts_on_1": "4",
            "starts_on_2": "2013",
            "ends_on_0": "1",
            "ends_on_1": "4",
            "ends_on_2": "2012",
        },
    )

    assert response.status_code == 200
    assert error_summary(response) == [FRAMEWORK_ENDS_BEFORE_START]
    assert not OutcomeFramework.objects.exists()


def test_the_framework_form_offers_only_the_partnership_themes(
    client, officer, soa, employability, elsewhere
):
    localities = theme(elsewhere, "Localities")
    url = reverse("outcomes:framework_edit", args=[soa.partnership.slug, soa.slug])

    page = text_of(client.get(url))
    response = client.post(
        url,
        {
            "name": "Highland SOA",
            "kind": "soa",
            "status": "agreed",
            "starts_on_0": "1",
            "starts_on_1": "4",
            "starts_on_2": "2013",
            "ends_on_0": "31",
            "ends_on_1": "3",
            "ends_on_2": "2019",
            "themes": [localities.pk],
        },
    )

    assert "Employability" in page
    assert "Localities" not in page
    assert error_summary(response) == [CHOICE_INVALID]
    assert list(soa.themes.all()) == [employability]
    assert OutcomeFramework.objects.get(pk=soa.pk).status == OutcomeFramework.Status.DRAFT


def test_a_repeated_outcome_number_is_refused_on_the_page(client, officer, outcome):
    soa = outcome.framework

    response = client.post(
        reverse("outcomes:outcome_create", args=[soa.partnership.slug, soa.slug]),
        {"number": "1", "title": "Healthier lives"},
    )

    assert error_summary(response) == [OUTCOME_NUMBER_TAKEN.format(number=1)]
    assert list(soa.outcomes.values_list("title", flat=True)) == ["More people in work"]


def test_a_new_outcome_is_numbered_next_and_leads_back_to_the_framework(client, officer, outcome):
    soa = outcome.framework
    url = reverse("outcomes:outcome_create", args=[soa.partnership.slug, soa.slug])

    form = client.get(url).context["form"]
    response = client.post(url, {"number": "2", "title": "Healthier lives"})

    assert form.initial["number"] == 2
    assert response.url == soa.get_absolute_url()
    assert soa.outcomes.get(number=2).title == "Healthier lives"


def test_an_outcome_or_indicator_of_another_framework_is_not_found(client, officer, indicator):
    other = OutcomeFrameworkFactory(partnership=indicator.outcome.framework.partnership)
    args = [other.partnership.slug, other.slug]

    assert client.get(
        reverse("outcomes:outcome_edit", args=[*args, indicator.outcome.pk])
    ).status_code == (404)
    assert client.get(
        reverse("outcomes:indicator_create", args=[*args, indicator.outcome.pk])
    ).status_code == (404)
    assert client.get(
        reverse("outcomes:indicator_edit", args=[*args, indicator.pk])
    ).status_code == (404)
    assert client.get(reverse("outcomes:targets_edit", args=[*args, indicator.pk])).status_code == (
        404
    )


INDICATOR_FIELDS = {
    "code": "EMP-2",
    "name": "Young people in work",
    "unit": "%",
    "polarity": "higher",
    "frequency": "annual",
    "tolerance_percent": "5",
}


def test_an_officer_adds_an_indicator_and_sees_its_page(client, officer, outcome, highland):
    board = BoardFactory(partnership=highland, name="Employability Group")
    soa = outcome.framework

    response = client.post(
        reverse("outcomes:indicator_create", args=[highland.slug, soa.slug, outcome.pk]),
        {
            **INDICATOR_FIELDS,
            "lead_board": board.pk,
            "baseline_value": "61.5",
            "baseline_date_0": "31",
            "baseline_date_1": "3",
            "baseline_date_2": "2013",
        },
    )

    indicator = Indicator.objects.get(code="EMP-2")
    assert response.url == indicator_page(indicator)
    assert indicator.outcome == outcome
    assert indicator.lead_board == board
    assert indicator.baseline_value == Decimal("61.5")
    assert indicator.baseline_date == datetime.date(2013, 3, 31)


def test_an_indicator_lead_is_chosen_from_the_partnership(
    client, officer, outcome, highland, elsewhere
):
    BoardFactory(partnership=highland, name="Employability Group")
    other_board = BoardFactory(partnership=elsewhere, name="Hereford Cabinet")
    url = reverse(
        "outcomes:indicator_create", args=[highland.slug, outcome.framework.slug, outcome.pk]
    )

    page = text_of(client.get(url))
    response = client.post(url, {**INDICATOR_FIELDS, "lead_board": other_board.pk})

    assert "Employability Group" in page
    assert "Hereford Cabinet" not in page
    assert error_summary(response) == [CHOICE_INVALID]
    assert not Indicator.objects.exists()


def test_a_baseline_without_its_date_is_refused_on_the_page(client, officer, outcome, highland):
    response = client.post(
        reverse(
            "outcomes:indicator_create", args=[highland.slug, outcome.framework.slug, outcome.pk]
        ),
        {**INDICATOR_FIELDS, "baseline_value": "61.5"},
    )

    assert error_summary(response) == [BASELINE_NEEDS_DATE]
    assert not Indicator.objects.exists()


def test_a_half_typed_baseline_date_is_refused_on_the_page(client, officer, outcome, highland):
    response = client.post(
        reverse(
            "outcomes:indicator_create", args=[highland.slug, outcome.framework.slug, outcome.pk]
        ),
        {
            **INDICATOR_FIELDS,
            "baseline_value": "61.5",
            "baseline_date_0": "",
            "baseline_date_1": "3",
            "baseline_date_2": "2013",
        },
    )

    assert error_summary(response) == [DATE_INVALID]
    assert not Indicator.objects.exists()


def test_a_repeated_indicator_code_is_refused_on_the_page(client, officer, indicator, highland):
    other = IndicatorFactory(outcome=indicator.outcome, code="EMP-2")

    response = client.post(
        reverse("outcomes:indicator_edit", args=[highland.slug, "soa", other.pk]),
        {**INDICATOR_FIELDS, "code": "emp-1"},
    )

    assert error_summary(response) == [INDICATOR_CODE_TAKEN]
    assert Indicator.objects.get(pk=other.pk).code == "EMP-2"


def targets_form(rows: list[tuple[str, str, str, bool]], *, initial: int) -> dict[str, str]:
    data = {
        "targets-TOTAL_FORMS": str(len(rows)),
        "targets-INITIAL_FORMS": str(initial),
        "targets-MIN_NUM_FORMS": "0",
        "targets-MAX_NUM_FORMS": "1000",
    }
    for number, (start, end, value, remove) in enumerate(rows):
        data |= {
            f"targets-{number}-period_start": start,
            f"targets-{number}-period_end": end,
            f"targets-{number}-value": value,
        }
        if remove:
            data[f"targets-{number}-DELETE"] = "on"
    return data


@pytest.fixture
def targets(indicator) -> list[Target]:
    return [
        TargetFactory(
            indicator=indicator,
            period_start=datetime.date(year, 4, 1),
            period_end=datetime.date(year + 1, 3, 31),
            value=value,
        )
        for year, value in [(2013, 60), (2014, 62)]
    ]


def test_the_targets_page_shows_each_period_and_blank_rows(client, officer, indicator, targets):
    response = client.get(
        reverse("outcomes:targets_edit", args=["highland-cpp", "soa", indicator.pk])
    )

    page = response.content.decode()
    assert 'value="1/4/2013"' in page
    assert 'value="31/3/2015"' in page
    assert response.context["form"].total_form_count() == 5


def test_targets_are_updated_added_and_removed_without_duplicates(
    client, officer, indicator, targets
):
    response = client.post(
        reverse("outcomes:targets_edit", args=["highland-cpp", "soa", indicator.pk]),
        targets_form(
            [
                ("1/4/2013", "31/3/2014", "61", False),
                ("1/4/2014", "31/3/2015", "62", True),
                ("1 4 2015", "31 3 2016", "64.5", False),
                ("", "", "", False),
            ],
            initial=2,
        ),
    )

    assert response.status_code == 302
    assert response.url == indicator_page(indicator)
    assert list(
        Target.objects.filter(indicator=indicator)
        .order_by("period_start")
        .values_list("pk", "period_start", "value")
    ) == [
        (targets[0].pk, datetime.date(2013, 4, 1), Decimal(61)),
        (
            Target.objects.get(period_start=datetime.date(2015, 4, 1)).pk,
            datetime.date(2015, 4, 1),
            Decimal("64.5"),
        ),
    ]


def test_targets_with_a_bad_row_save_nothing_and_say_which_row(client, officer, indicator, targets):
    response = client.post(
        reverse("outcomes:targets_edit", args=["highland-cpp", "soa", indicator.pk]),
        targets_form(
            [
                ("1/4/2013", "31/3/2014", "70", False),
                ("1/4/2014", "31/3/2015", "62", False),
                ("1/4/2016", "31/3/2015", "66", False),
                ("1/4/2013", "31/3/2014", "65", False),
                ("31/2/2017", "31/3/2018", "lots", False),
            ],
            initial=2,
        ),
    )

    assert response.status_code == 200
    assert error_summary(response) == [
        "Row 5: Enter a real date, for example 1/4/2014.",
        "Row 5: Enter a number, for example 61.5.",
    ]
    assert list(indicator.targets.order_by("period_start").values_list("value", flat=True)) == [
        60,
        62,
    ]


def test_targets_the_service_refuses_are_shown_on_their_rows(client, officer, indicator, targets):
    response = client.post(
        reverse("outcomes:targets_edit", args=["highland-cpp", "soa", indicator.pk]),
        targets_form(
            [
                ("1/4/2013", "31/3/2014", "70", False),
                ("1/4/2014", "31/3/2015", "62", True),
                ("1/4/2016", "31/3/2015", "66", False),
                ("1/4/2013", "31/3/2014", "65", False),
            ],
            initial=2,
        ),
    )

    assert error_summary(response) == [
        "Row 3: A period cannot end before it starts.",
        "Row 4: Another row starts on the same day.",
    ]
    assert list(indicator.targets.order_by("period_start").values_list("value", flat=True)) == [
        60,
        62,
    ]


def test_the_edit_links_show_only_to_those_who_may_keep_the_framework(indicator, highland):
    framework = indicator.outcome.framework

    def links(user) -> str:
        context = {"user": user, "framework": framework, "indicator": indicator}
        request = RequestFactory().get("/")
        return render_to_string(
            "outcomes/includes/framework_edit_links.html", context, request
        ) + render_to_string("outcomes/includes/indicator_edit_links.html", context, request)

    officers = " ".join(re.sub(r"<[^>]+>", " ", links(officer_of(highland, "carron"))).split())
    scrutiny = links(scrutiny_member_of(highland)).strip()

    assert officers == (
        "Edit framework Add an outcome Outcomes and indicators: add and edit "
        "Edit indicator Edit targets"
    )
    assert scrutiny == ""


def test_the_partnership_page_offers_a_new_framework_to_its_officers(client, highland):
    url = highland.get_absolute_url()

    before = text_of(client.get(url))
    client.force_login(officer_of(highland, "carron"))
    after = text_of(client.get(url))

    assert "New outcome framework" not in before
    assert "New outcome framework" in after


def test_the_outcomes_page_lists_each_outcome_with_its_links(
    client, officer, indicator, django_assert_max_num_queries
):
    OutcomeFactory(framework=indicator.outcome.framework, number=2, title="Healthier lives")

    with django_assert_max_num_queries(12):
        response = client.get(reverse("outcomes:framework_outcomes", args=["highland-cpp", "soa"]))

    text = text_of(response)
    assert "Outcome 1: More people in work Employability" in text
    assert "EMP-1 Employment rate %, higher is better, annual" in text
    assert "Outcome 2: Healthier lives" in text
    assert text.count("Add an indicator") == 2
