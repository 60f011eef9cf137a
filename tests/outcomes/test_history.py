"""History pages of frameworks, indicators, development actions and projects, linked from
their pages and read by whoever reads the record."""

import pytest

from outcomes.models import Project
from tests.factories import (
    BoardFactory,
    DevelopmentActionFactory,
    IndicatorFactory,
    OrganisationFactory,
    PartnershipFactory,
)
from tests.outcomes.helpers import officer_of
from tests.pages import text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicator():
    return IndicatorFactory(
        outcome__framework__partnership=PartnershipFactory(slug="highland"),
        outcome__framework__slug="soa",
        code="1.2",
        name="Adults who smoke",
    )


def test_every_outcomes_page_links_to_its_history_which_the_public_reads(client, indicator):
    framework = indicator.outcome.framework
    partnership = framework.partnership
    action = DevelopmentActionFactory(partnership=partnership, framework=framework)
    Project.objects.create(
        partnership=partnership,
        proposing_board=BoardFactory(partnership=partnership),
        name="Healthy Highland walks",
        slug="walks",
        lead_organisation=OrganisationFactory(),
    )
    pages = {
        "/partnerships/highland/frameworks/soa/": "/partnerships/highland/frameworks/soa/history/",
        f"/partnerships/highland/frameworks/soa/indicators/{indicator.pk}/": (
            f"/partnerships/highland/frameworks/soa/indicators/{indicator.pk}/history/"
        ),
        f"/partnerships/highland/actions/{action.pk}/": (
            f"/partnerships/highland/actions/{action.pk}/history/"
        ),
        "/partnerships/highland/projects/walks/": "/partnerships/highland/projects/walks/history/",
    }

    for page, history in pages.items():
        assert f'href="{history}"' in client.get(page).content.decode()
        assert client.get(history).status_code == 200
    assert client.get(f"/partnerships/elsewhere/actions/{action.pk}/history/").status_code == 404
    assert "Healthy Highland walks History of changes" in text_of(client.get(history))


def test_an_officers_change_to_an_action_shows_with_their_name(client, indicator):
    partnership = indicator.outcome.framework.partnership
    action = DevelopmentActionFactory(
        partnership=partnership,
        reference="2.3",
        activity="Improvement activity 1",
        deadline_wording="Before March 2014",
    )
    officer = officer_of(partnership, "carron")
    client.force_login(officer)

    client.post(
        f"/partnerships/highland/actions/{action.pk}/edit/",
        {
            "reference": "2.3",
            "activity": "Recruit walk co-ordinators",
            "lead_person": officer.person.pk,
            "deadline_wording": "On-going",
        },
    )
    text = text_of(client.get(f"/partnerships/highland/actions/{action.pk}/history/"))

    action.refresh_from_db()
    assert action.deadline_wording == "On-going"
    assert f"Changed By {officer.person.name}" in text
    assert (
        "Activity The activity before and after Before Improvement activity 1 "
        "After Recruit walk co-ordinators"
    ) in text
    assert f"Lead person (blank) → changed to {officer.person}" in text
    assert "Deadline wording Before March 2014 → changed to On-going" in text
