"""Cross-cutting themes: what partnerships tag with them, gathered on one page per theme."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from governance.models import Board
from meetings.models import AgendaItem, Meeting
from outcomes.forms.frameworks import OutcomeForm
from outcomes.models import Outcome
from outcomes.services.frameworks import CROSS_CUTTING_THEME_INVALID, outcome_create, outcome_edit
from partnership.models import Nation, Partnership, Theme
from tests.factories import (
    AgendaItemFactory,
    BoardFactory,
    BoardMembershipFactory,
    MeetingFactory,
    OutcomeFactory,
    OutcomeFrameworkFactory,
    PartnershipFactory,
    PersonFactory,
    UserFactory,
)
from tests.pages import text_of

pytestmark = pytest.mark.django_db

PUBLISHED = datetime.datetime(2013, 11, 1, 9, tzinfo=datetime.UTC)


def cross_cutting(partnership: Partnership, name: str, slug: str = "obesity") -> Theme:
    return Theme.objects.create(
        partnership=partnership, name=name, slug=slug, is_cross_cutting=True
    )


def meeting_of(board: Board, day: int, *, published: bool = True) -> Meeting:
    return MeetingFactory(
        board=board,
        starts_at=datetime.datetime(2013, 11, day, 14, tzinfo=datetime.UTC),
        agenda_published_at=PUBLISHED if published else None,
    )


def item(meeting: Meeting, theme: Theme, title: str, **fields) -> AgendaItem:
    agenda_item = AgendaItemFactory(meeting=meeting, title=title, **fields)
    agenda_item.themes.set([theme])
    return agenda_item


@pytest.fixture
def highland():
    partnership = PartnershipFactory(
        name="Highland Community Planning Partnership", slug="highland", nation=Nation.SCOTLAND
    )
    obesity = cross_cutting(partnership, "Obesity")
    group = BoardFactory(partnership=partnership, name="Health and Wellbeing thematic group")
    group.cross_cutting_themes.set([obesity])
    BoardFactory(partnership=partnership, name="Economy thematic group")
    framework = OutcomeFrameworkFactory(partnership=partnership, name="Highland SOA")
    OutcomeFactory(
        framework=framework, number=5, title="People live longer, healthier lives"
    ).cross_cutting_themes.set([obesity])
    OutcomeFactory(framework=framework, number=1, title="The economy grows")
    november = meeting_of(group, 26)
    item(november, obesity, "Healthy weight strategy", position=1, purpose="To agree the strategy.")
    item(
        november,
        obesity,
        "Weight management service contract",
        position=2,
        purpose="To award the contract to the preferred bidder.",
        is_exempt=True,
        exempt_paragraph="8",
    )
    AgendaItemFactory(meeting=november, position=3, title="Apologies for absence")
    item(meeting_of(group, 28, published=False), obesity, "Draft child obesity plan", position=1)
    return group


@pytest.fixture
def herefordshire():
    partnership = PartnershipFactory(name="Herefordshire Partnership", slug="herefordshire")
    obesity = cross_cutting(partnership, "Obesity and healthy weight")
    cabinet = BoardFactory(partnership=partnership, name="Cabinet", kind=Board.Kind.CABINET)
    cabinet.cross_cutting_themes.set([obesity])
    framework = OutcomeFrameworkFactory(partnership=partnership, name="Herefordshire LAA")
    OutcomeFactory(
        framework=framework, number=2, title="Children are a healthy weight"
    ).cross_cutting_themes.set([obesity])
    item(meeting_of(cabinet, 14), obesity, "Childhood obesity in Herefordshire", position=3)
    cross_cutting(partnership, "Safeguarding", slug="safeguarding")
    Theme.objects.create(partnership=partnership, name="Economy", slug="economy")
    return cabinet


def member_of(board: Board) -> UserFactory:
    user = UserFactory()
    BoardMembershipFactory(board=board, person=PersonFactory(user=user))
    return user


def test_a_themes_page_gathers_boards_outcomes_and_items_across_partnerships(
    client, highland, herefordshire
):
    text = text_of(client.get("/themes/obesity/"))

    assert (
        "Cross-cutting theme Obesity and healthy weight "
        "Herefordshire Partnership Boards Cabinet "
        "Outcomes Outcome 2: Children are a healthy weight ( Herefordshire LAA ) "
        "Agenda items Agenda items of Herefordshire Partnership on Obesity and healthy weight "
        "Meeting Board Item 14 November 2013 Cabinet 3. Childhood obesity in Herefordshire "
        "Highland Community Planning Partnership Called Obesity here. "
        "Boards Health and Wellbeing thematic group "
        "Outcomes Outcome 5: People live longer, healthier lives ( Highland SOA ) "
    ) in text
    assert "Economy thematic group" not in text
    assert "The economy grows" not in text
    assert "Apologies for absence" not in text


def test_the_public_sees_an_exempt_items_title_and_paragraph_only(client, highland):
    text = text_of(client.get("/themes/obesity/"))

    assert (
        "26 November 2013 Health and Wellbeing thematic group 1. Healthy weight strategy "
        "To agree the strategy. "
        "26 November 2013 Health and Wellbeing thematic group 2. "
        "Weight management service contract Exempt Not for publication: exempt information "
        "under paragraph 8 of Schedule 7A to the Local Government (Scotland) Act 1973."
    ) in text
    assert "preferred bidder" not in text


def test_unpublished_agendas_are_hidden_from_the_public_and_shown_to_the_board(client, highland):
    assert "Draft child obesity plan" not in text_of(client.get("/themes/obesity/"))

    client.force_login(member_of(highland))
    text = text_of(client.get("/themes/obesity/"))

    assert "28 November 2013 Health and Wellbeing thematic group 1. Draft child obesity plan" in (
        text
    )
    assert "To award the contract to the preferred bidder." in text


def test_the_index_lists_cross_cutting_themes_with_their_partnerships(
    client, highland, herefordshire
):
    text = text_of(client.get("/themes/"))

    assert (
        "Theme Partnerships Obesity and healthy weight Herefordshire Partnership, "
        "Highland Community Planning Partnership Safeguarding Herefordshire Partnership"
    ) in text
    assert "Economy" not in text


@pytest.mark.parametrize("slug", ["economy", "no-such-theme"])
def test_a_theme_not_cross_cutting_has_no_page(client, herefordshire, slug):
    assert client.get(f"/themes/{slug}/").status_code == 404


@pytest.mark.parametrize("items", [2, 20])
def test_the_page_reads_a_fixed_number_of_queries_however_many_items(
    client, django_assert_max_num_queries, highland, items
):
    theme = highland.cross_cutting_themes.get()
    for day in range(1, items + 1):
        item(meeting_of(highland, day), theme, f"Item of day {day}")
    client.force_login(member_of(highland))

    # Signing in, the themes and their three lists, and the permission checks, asked once
    # for each kind of item (open or exempt, published or not) rather than once per item.
    with django_assert_max_num_queries(16):
        response = client.get("/themes/obesity/")

    assert f"Item of day {items}" in text_of(response)


def test_an_outcome_is_tagged_with_cross_cutting_themes_of_its_partnership(highland):
    framework = highland.partnership.frameworks.get()
    obesity = highland.cross_cutting_themes.get()
    officer = UserFactory()

    outcome = outcome_create(
        framework=framework,
        by=officer,
        number=7,
        title="Fewer children are obese",
        cross_cutting_themes=[obesity],
    )
    assert list(outcome.cross_cutting_themes.all()) == [obesity]

    outcome_edit(outcome=outcome, by=officer, title="Fewer children are overweight")
    assert list(outcome.cross_cutting_themes.all()) == [obesity]
    outcome_edit(outcome=outcome, by=officer, cross_cutting_themes=[])
    assert list(outcome.cross_cutting_themes.all()) == []


def test_an_outcome_refuses_another_partnerships_theme_or_one_not_cross_cutting(
    highland, herefordshire
):
    framework = highland.partnership.frameworks.get()
    elsewhere = herefordshire.cross_cutting_themes.get()
    plain = Theme.objects.create(partnership=highland.partnership, name="Health", slug="health")
    message = CROSS_CUTTING_THEME_INVALID.format(partnership=highland.partnership)

    for theme in (elsewhere, plain):
        with pytest.raises(ValidationError) as refused:
            outcome_create(
                framework=framework,
                by=UserFactory(),
                number=7,
                title="Fewer children are obese",
                cross_cutting_themes=[theme],
            )
        assert refused.value.message_dict == {"cross_cutting_themes": [message]}
    assert not Outcome.objects.filter(number=7).exists()


def test_the_outcome_form_offers_the_partnerships_cross_cutting_themes_only(
    highland, herefordshire
):
    framework = highland.partnership.frameworks.get()
    Theme.objects.create(partnership=highland.partnership, name="Health", slug="health")
    outcome = framework.outcomes.get(number=5)

    form = OutcomeForm(framework=framework, outcome=outcome)

    assert [str(theme) for theme in form.fields["cross_cutting_themes"].queryset] == ["Obesity"]
    assert form.initial["cross_cutting_themes"] == [highland.cross_cutting_themes.get()]
