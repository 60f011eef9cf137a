import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from outcomes.models import INDICATOR_CODE_TAKEN, Indicator, Outcome, OutcomeFramework, Target
from outcomes.services.frameworks import (
    BASELINE_DATE_WITHOUT_VALUE,
    BASELINE_NEEDS_DATE,
    FRAMEWORK_ENDS_BEFORE_START,
    LEAD_BOARD_OF_ANOTHER_PARTNERSHIP,
    LEAD_ORGANISATION_NOT_PARTNER,
    OUTCOME_THEME_NOT_IN_FRAMEWORK,
    TARGET_PERIOD_REPEATED,
    THEME_IN_USE,
    THEME_OF_ANOTHER_PARTNERSHIP,
    TOLERANCE_NEGATIVE,
    TargetRow,
    framework_create,
    framework_edit,
    indicator_create,
    indicator_edit,
    outcome_create,
    outcome_edit,
    targets_set,
)
from partnership.models import Organisation, Person
from tests.factories import (
    BoardFactory,
    IndicatorFactory,
    OutcomeFactory,
    OutcomeFrameworkFactory,
    PersonFactory,
    TargetFactory,
    UserFactory,
)
from tests.outcomes.helpers import partner, theme

pytestmark = pytest.mark.django_db

APRIL_2013 = datetime.date(2013, 4, 1)
MARCH_2014 = datetime.date(2014, 3, 31)
APRIL_2014 = datetime.date(2014, 4, 1)
MARCH_2015 = datetime.date(2015, 3, 31)
APRIL_2015 = datetime.date(2015, 4, 1)
MARCH_2016 = datetime.date(2016, 3, 31)


@pytest.fixture
def council(highland) -> Organisation:
    return partner(highland, "The Highland Council")


@pytest.fixture
def officer(council):
    user = UserFactory(username="carron")
    PersonFactory(
        name="Carron McDiarmid", capacity=Person.Capacity.OFFICER, organisation=council, user=user
    )
    return user


@pytest.fixture
def soa(highland, employability) -> OutcomeFramework:
    framework = OutcomeFrameworkFactory(
        partnership=highland, name="Highland SOA", slug="highland-soa"
    )
    framework.themes.set([employability])
    return framework


@pytest.fixture
def outcome(soa, employability) -> Outcome:
    return OutcomeFactory(framework=soa, number=1, title="More people in work", theme=employability)


@pytest.fixture
def indicator(outcome) -> Indicator:
    return IndicatorFactory(outcome=outcome, code="EMP-1", name="Employment rate")


def refusal(excinfo) -> dict[str, list[str]]:
    return excinfo.value.message_dict


def test_an_officer_starts_a_framework_under_the_partnership_themes(
    highland, employability, officer
):
    framework = framework_create(
        partnership=highland,
        by=officer,
        name="Highland Single Outcome Agreement 2013/14",
        kind=OutcomeFramework.Kind.SINGLE_OUTCOME_AGREEMENT,
        status=OutcomeFramework.Status.DRAFT,
        starts_on=APRIL_2013,
        ends_on=datetime.date(2019, 3, 31),
        summary="",
        themes=[employability],
    )

    framework.refresh_from_db()
    assert framework.slug == "highland-single-outcome-agreement-201314"
    assert list(framework.themes.all()) == [employability]
    assert framework.history.get().history_user == officer


def test_a_framework_takes_a_free_address(highland, officer):
    OutcomeFrameworkFactory(partnership=highland, slug="community-plan")
    fields = {
        "kind": OutcomeFramework.Kind.LOCAL_AREA_AGREEMENT,
        "starts_on": APRIL_2013,
        "ends_on": MARCH_2016,
    }

    taken = framework_create(partnership=highland, by=officer, name="Community plan", **fields)
    reserved = framework_create(partnership=highland, by=officer, name="New", **fields)

    assert taken.slug == "community-plan-2"
    assert reserved.slug == "new-2"


def test_a_framework_ending_before_it_starts_is_refused(highland, officer):
    with pytest.raises(ValidationError) as excinfo:
        framework_create(
            partnership=highland,
            by=officer,
            name="Highland SOA",
            kind=OutcomeFramework.Kind.SINGLE_OUTCOME_AGREEMENT,
            starts_on=APRIL_2014,
            ends_on=APRIL_2013,
        )

    assert refusal(excinfo) == {"ends_on": [FRAMEWORK_ENDS_BEFORE_START]}
    assert not OutcomeFramework.objects.exists()


def test_a_framework_refuses_another_partnership_theme(highland, elsewhere, officer):
    with pytest.raises(ValidationError) as excinfo:
        framework_create(
            partnership=highland,
            by=officer,
            name="Highland SOA",
            kind=OutcomeFramework.Kind.SINGLE_OUTCOME_AGREEMENT,
            starts_on=APRIL_2013,
            ends_on=MARCH_2016,
            themes=[theme(elsewhere, "Localities")],
        )

    expected = THEME_OF_ANOTHER_PARTNERSHIP.format(partnership=highland)
    assert expected == "Choose only themes of Highland Community Planning Partnership."
    assert refusal(excinfo) == {"themes": [expected]}
    assert not OutcomeFramework.objects.exists()


def test_editing_a_framework_keeps_its_address(soa, officer):
    framework_edit(
        framework=soa,
        by=officer,
        name="Highland SOA 2013/14 to 2018/19",
        status=OutcomeFramework.Status.AGREED,
    )

    soa.refresh_from_db()
    assert soa.name == "Highland SOA 2013/14 to 2018/19"
    assert soa.status == OutcomeFramework.Status.AGREED
    assert soa.slug == "highland-soa"


def test_editing_a_framework_refuses_end_before_start_and_saves_nothing(soa, officer):
    with pytest.raises(ValidationError) as excinfo:
        framework_edit(framework=soa, by=officer, name="Renamed", ends_on=datetime.date(2012, 1, 1))

    soa.refresh_from_db()
    assert refusal(excinfo) == {"ends_on": [FRAMEWORK_ENDS_BEFORE_START]}
    assert soa.name == "Highland SOA"


def test_a_theme_an_outcome_comes_under_stays(soa, outcome, officer, employability):
    with pytest.raises(ValidationError) as excinfo:
        framework_edit(framework=soa, by=officer, themes=[])

    assert refusal(excinfo) == {"themes": [THEME_IN_USE.format(theme="Employability", number=1)]}
    assert list(soa.themes.all()) == [employability]


def test_an_outcome_number_is_unique_within_its_framework(soa, outcome, officer):
    with pytest.raises(ValidationError) as excinfo:
        outcome_create(framework=soa, by=officer, number=1, title="Healthier lives")

    assert refusal(excinfo) == {"number": ["This framework already has an outcome 1."]}
    assert list(soa.outcomes.values_list("title", flat=True)) == ["More people in work"]


def test_the_same_outcome_number_may_be_used_in_another_framework(outcome, highland, officer):
    other = OutcomeFrameworkFactory(partnership=highland)

    created = outcome_create(framework=other, by=officer, number=1, title="Healthier lives")

    assert created.number == 1


def test_an_outcome_comes_under_one_of_its_framework_themes(soa, outcome, highland, officer):
    with pytest.raises(ValidationError) as excinfo:
        outcome_edit(outcome=outcome, by=officer, theme=theme(highland, "Health"))

    outcome.refresh_from_db()
    assert refusal(excinfo) == {"theme": [OUTCOME_THEME_NOT_IN_FRAMEWORK]}
    assert outcome.theme.name == "Employability"


def test_an_officer_adds_an_indicator_with_its_baseline_and_lead(outcome, council, officer):
    board = BoardFactory(partnership=outcome.framework.partnership, name="Employability Group")

    indicator = indicator_create(
        outcome=outcome,
        by=officer,
        code="EMP-2",
        name="Young people in work",
        unit="%",
        polarity=Indicator.Polarity.HIGHER_IS_BETTER,
        frequency=Indicator.Frequency.ANNUAL,
        lead_organisation=council,
        lead_board=board,
        baseline_value=Decimal("61.5"),
        baseline_date=APRIL_2013,
        tolerance_percent=Decimal("2.5"),
    )

    indicator.refresh_from_db()
    assert indicator.outcome == outcome
    assert indicator.lead_organisation == council
    assert indicator.lead_board == board
    assert indicator.baseline_value == Decimal("61.5")
    assert indicator.tolerance_percent == Decimal("2.5")


def test_an_indicator_code_is_unique_within_the_framework(indicator, soa, officer):
    second_outcome = OutcomeFactory(framework=soa, number=2)

    with pytest.raises(ValidationError) as excinfo:
        indicator_create(
            outcome=second_outcome,
            by=officer,
            code="emp-1",
            name="Claimant count",
            unit="people",
            polarity=Indicator.Polarity.LOWER_IS_BETTER,
            frequency=Indicator.Frequency.MONTHLY,
        )

    assert refusal(excinfo) == {"code": [INDICATOR_CODE_TAKEN]}
    assert list(Indicator.objects.values_list("code", flat=True)) == ["EMP-1"]


def test_an_indicator_keeps_its_own_code_when_edited(indicator, officer):
    indicator_edit(indicator=indicator, by=officer, code="EMP-1", name="Employment rate, 16-64")

    indicator.refresh_from_db()
    assert indicator.name == "Employment rate, 16-64"


def test_an_indicator_is_led_only_by_a_partner_or_board_of_the_partnership(
    indicator, elsewhere, highland, officer
):
    with pytest.raises(ValidationError) as excinfo:
        indicator_edit(
            indicator=indicator,
            by=officer,
            lead_organisation=partner(elsewhere, "Herefordshire Council"),
            lead_board=BoardFactory(partnership=elsewhere),
        )

    indicator.refresh_from_db()
    assert refusal(excinfo) == {
        "lead_organisation": [LEAD_ORGANISATION_NOT_PARTNER.format(partnership=highland)],
        "lead_board": [LEAD_BOARD_OF_ANOTHER_PARTNERSHIP.format(partnership=highland)],
    }
    assert indicator.lead_organisation is None
    assert indicator.lead_board is None


def test_a_baseline_needs_its_date_and_a_date_its_value(indicator, officer):
    with pytest.raises(ValidationError) as without_date:
        indicator_edit(indicator=indicator, by=officer, baseline_value=Decimal(60))
    with pytest.raises(ValidationError) as without_value:
        indicator_edit(
            indicator=indicator, by=officer, baseline_value=None, baseline_date=APRIL_2013
        )

    indicator.refresh_from_db()
    assert refusal(without_date) == {"baseline_date": [BASELINE_NEEDS_DATE]}
    assert refusal(without_value) == {"baseline_value": [BASELINE_DATE_WITHOUT_VALUE]}
    assert (indicator.baseline_value, indicator.baseline_date) == (None, None)


def test_a_negative_tolerance_is_refused(indicator, officer):
    with pytest.raises(ValidationError) as excinfo:
        indicator_edit(indicator=indicator, by=officer, tolerance_percent=Decimal(-1))

    indicator.refresh_from_db()
    assert refusal(excinfo) == {"tolerance_percent": [TOLERANCE_NEGATIVE]}
    assert indicator.tolerance_percent == 5


def test_a_refused_edit_leaves_the_record_as_it_is_stored(indicator, officer):
    with pytest.raises(ValidationError):
        indicator_edit(indicator=indicator, by=officer, code="EMP-9", tolerance_percent=-1)

    assert (indicator.code, indicator.tolerance_percent) == ("EMP-1", 5)


def test_targets_are_set_by_period_start_updating_adding_and_removing(indicator, officer):
    kept = TargetFactory(indicator=indicator, period_start=APRIL_2013, period_end=MARCH_2014)
    TargetFactory(indicator=indicator, period_start=APRIL_2014, period_end=MARCH_2015)

    targets_set(
        indicator=indicator,
        rows=[
            TargetRow(APRIL_2013, MARCH_2014, Decimal(62)),
            TargetRow(APRIL_2015, MARCH_2016, Decimal(65)),
        ],
        by=officer,
    )

    assert list(
        indicator.targets.order_by("period_start").values_list("pk", "period_start", "value")
    ) == [
        (kept.pk, APRIL_2013, Decimal(62)),
        (indicator.targets.get(period_start=APRIL_2015).pk, APRIL_2015, Decimal(65)),
    ]
    assert Target.history.filter(period_start=APRIL_2014, history_type="-").get().history_user == (
        officer
    )


def test_targets_with_a_bad_row_save_nothing_and_name_each_row(indicator, officer):
    TargetFactory(indicator=indicator, period_start=APRIL_2013, period_end=MARCH_2014, value=60)

    with pytest.raises(ValidationError) as excinfo:
        targets_set(
            indicator=indicator,
            rows=[
                (APRIL_2013, MARCH_2014, Decimal(70)),
                (APRIL_2015, APRIL_2014, Decimal(65)),
                (APRIL_2013, MARCH_2015, Decimal(66)),
            ],
            by=officer,
        )

    assert excinfo.value.messages == [
        "Row 2: A period cannot end before it starts.",
        "Row 3: Another row starts on the same day.",
    ]
    assert [error.params["field"] for error in excinfo.value.error_list] == [
        "period_end",
        "period_start",
    ]
    assert TARGET_PERIOD_REPEATED in excinfo.value.messages[1]
    assert list(indicator.targets.values_list("period_start", "value")) == [
        (APRIL_2013, Decimal(60))
    ]


def test_no_rows_remove_every_target(indicator, officer):
    TargetFactory(indicator=indicator)

    targets_set(indicator=indicator, rows=[], by=officer)

    assert not indicator.targets.exists()
