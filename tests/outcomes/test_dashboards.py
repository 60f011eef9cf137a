"""The framework dashboard, a theme's dashboard and an indicator's page."""

import re
from decimal import Decimal

import pytest

from partnership.models import Theme
from tests.factories import (
    IndicatorFactory,
    OutcomeFactory,
    PartnershipFactory,
    ReadingFactory,
    TargetFactory,
)
from tests.outcomes.helpers import year
from tests.pages import text_of

pytestmark = pytest.mark.django_db


def test_framework_dashboard_counts_each_status_and_groups_indicators_by_theme(client, card):
    response = client.get(card.url())

    text = text_of(response)
    assert response.status_code == 200
    assert "1 green, 1 amber, 1 red, 1 no data." in text
    assert text.index("Economy Indicator") < text.index("Health Indicator")
    assert text.index("Health Indicator") < text.index("Other outcomes Indicator")
    assert "E1 Employment rate Outcome 1 – 72.5% 2014/15 74% Amber ↑ Improving" in text
    assert "H1 Adults who smoke Outcome 2 – 22% 2014/15 19% Red ↓ Worsening" in text
    assert (
        "H2 Falls prevented Outcome 2 – 10 per 1,000 people 2014/15 9 per 1,000 people "
        "Green No data" in text
    )
    assert "V1 People who volunteer Outcome 3 – No reading – No data No data" in text


def test_dashboard_status_tags_are_coloured_and_worded(client, card):
    page = client.get(card.url()).content.decode()

    assert '<strong class="govuk-tag govuk-tag--yellow">Amber</strong>' in page
    assert '<strong class="govuk-tag govuk-tag--red">Red</strong>' in page
    assert '<strong class="govuk-tag govuk-tag--green">Green</strong>' in page
    assert '<strong class="govuk-tag govuk-tag--grey">No data</strong>' in page


def test_dashboard_links_to_indicator_and_theme_pages_and_draws_sparklines(client, card):
    page = client.get(card.url()).content.decode()

    assert f'href="{card.url(f"indicators/{card.employment.pk}/")}"' in page
    assert f'href="{card.url("themes/health/")}"' in page
    assert page.count('class="app-sparkline"') == 3  # none for the indicator without readings
    assert 'aria-label="Recent readings of E1"' in page


@pytest.mark.parametrize("extra_indicators", [5, 50])
def test_framework_dashboard_queries_do_not_grow_with_indicators(
    client, card, extra_indicators, django_assert_max_num_queries
):
    outcome = OutcomeFactory(framework=card.framework, number=9)
    for number in range(extra_indicators):
        indicator = IndicatorFactory(outcome=outcome, code=f"X{number}")
        for start in (2011, 2012, 2013, 2014):
            ReadingFactory(indicator=indicator, value=Decimal(number + start), **year(start))
            TargetFactory(indicator=indicator, value=Decimal(number + 2013), **year(start))

    with django_assert_max_num_queries(7):
        response = client.get(card.url())

    assert response.status_code == 200
    assert text_of(response).count("Improving") == 1 + extra_indicators


def test_theme_dashboard_shows_only_that_themes_indicators(client, card):
    response = client.get(card.url("themes/health/"))

    text = text_of(response)
    assert response.status_code == 200
    assert "Health" in text
    assert "1 green, 0 amber, 1 red, 0 no data." in text
    assert "H1 Adults who smoke" in text
    assert "H2 Falls prevented" in text
    assert "E1 Employment rate" not in text


def test_theme_of_another_partnership_is_not_found(client, card):
    other = PartnershipFactory()
    Theme.objects.create(partnership=other, name="Transport", slug="transport")

    assert client.get(card.url("themes/transport/")).status_code == 404


def test_indicator_page_explains_its_status_beside_its_chart_and_data(client, card):
    response = client.get(card.url(f"indicators/{card.employment.pk}/"))

    text = text_of(response)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Amber 72.5% against a target of 74%, within the 5% tolerance." in text
    assert "Trend against the previous reading: ↑ Improving." in text
    assert "Polarity Higher is better" in text
    assert "Source Annual Population Survey" in text
    assert "Baseline 70%, measured 31 March 2013" in text
    assert "Tolerance 5% short of target still counts as amber" in text
    chart = re.search(r'<svg [^>]*class="pygal-chart app-chart".*?</svg>', page, re.S).group()
    assert 'role="img" aria-label="E1 Employment rate"' in chart
    assert "<script" not in chart
    assert (
        "Period Reading (%) Target (%) Status "
        "2013/14 71 71 Green 2014/15 72.5 74 Amber 2015/16 – 76 No data" in text
    )


def test_red_and_green_explanations_name_the_tolerance_or_the_met_target(client, card):
    red = text_of(client.get(card.url(f"indicators/{card.smoking.pk}/")))
    green = text_of(client.get(card.url(f"indicators/{card.fractures.pk}/")))
    empty = text_of(client.get(card.url(f"indicators/{card.volunteers.pk}/")))

    assert "Red 22% against a target of 19%, beyond the 5% tolerance." in red
    assert "Green 10 per 1,000 people against a target of 9 per 1,000 people, so the " in green
    assert "No data There is no reading yet." in empty
    assert "No readings or targets yet." in empty


def test_indicator_of_another_framework_is_not_found(client, card):
    elsewhere = IndicatorFactory()

    assert client.get(card.url(f"indicators/{elsewhere.pk}/")).status_code == 404
