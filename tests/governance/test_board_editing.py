import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.forms import DATE_INVALID
from governance.forms.boards import BOARD_NAME_REQUIRED
from governance.models import (
    BOARD_DISSOLVED_NEEDS_DATE,
    BOARD_REPORTING_LOOP,
    BOARD_REPORTS_TO_ANOTHER_PARTNERSHIP,
    Board,
)
from governance.services import CROSS_CUTTING_THEME_NOT_OF_PARTNERSHIP, board_save
from partnership.models import PartnerMembership, Person, Theme
from tests.factories import (
    BoardFactory,
    BoardMembershipFactory,
    OrganisationFactory,
    PartnershipFactory,
    PersonFactory,
    UserFactory,
)
from tests.pages import error_summary, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def highland():
    return PartnershipFactory(name="Highland Community Planning Partnership", slug="highland-cpp")


@pytest.fixture
def board(highland) -> Board:
    return BoardFactory(
        partnership=highland, name="Highland CPP Partnership Board", slug="partnership-board"
    )


@pytest.fixture
def cog(highland, board) -> Board:
    return BoardFactory(
        partnership=highland,
        name="Chief Officers' Group",
        slug="cog",
        kind=Board.Kind.CHIEF_OFFICERS_GROUP,
        reports_to=board,
    )


@pytest.fixture
def task_group(highland, cog) -> Board:
    return BoardFactory(
        partnership=highland,
        name="Data task group",
        slug="data-task-group",
        kind=Board.Kind.TASK_GROUP,
        reports_to=cog,
    )


def officer_of(partnership, username: str):
    """A user who is an officer of a partner organisation of the partnership."""
    organisation = OrganisationFactory()
    PartnerMembership.objects.create(partnership=partnership, organisation=organisation)
    user = UserFactory(username=username)
    PersonFactory(capacity=Person.Capacity.OFFICER, organisation=organisation, user=user)
    return user


@pytest.fixture
def officer(client, highland):
    user = officer_of(highland, "carron")
    client.force_login(user)
    return user


def form_data(**fields) -> dict:
    """What the board form posts, with each date as its three boxes."""
    data = {"name": "Employability thematic group", "kind": "thematic_group", "status": "active"}
    for name in ("established_on", "dissolved_on"):
        day = fields.pop(name, None)
        data.update(
            {
                f"{name}_0": day.day if day else "",
                f"{name}_1": day.month if day else "",
                f"{name}_2": day.year if day else "",
            }
        )
    return {**data, **fields}


def edit_url(board: Board) -> str:
    return reverse("governance:board_edit", args=[board.partnership.slug, board.slug])


CREATE_URL = "/partnerships/highland-cpp/boards/new/"


# The service


def test_board_save_adds_a_board_with_a_free_address(highland, board, officer):
    BoardFactory(partnership=highland, name="Old group", slug="employability-thematic-group")

    group = board_save(
        board=Board(partnership=highland),
        by=officer,
        name="Employability thematic group",
        kind=Board.Kind.THEMATIC_GROUP,
        reports_to=board,
        quorum=4,
    )

    group.refresh_from_db()
    assert group.slug == "employability-thematic-group-2"
    assert group.reports_to == board
    assert group.quorum == 4
    assert group.history.first().history_user == officer


def test_board_save_refuses_a_board_reporting_to_itself(cog, officer):
    with pytest.raises(ValidationError) as refusal:
        board_save(board=cog, by=officer, reports_to=cog)

    assert refusal.value.message_dict == {"reports_to": [BOARD_REPORTING_LOOP]}
    cog.refresh_from_db()
    assert cog.reports_to.name == "Highland CPP Partnership Board"


@pytest.mark.parametrize("below", ["cog", "task_group"])
def test_board_save_refuses_a_board_reporting_to_a_board_below_it(
    request, board, task_group, officer, below
):
    descendant = request.getfixturevalue(below)

    with pytest.raises(ValidationError) as refusal:
        board_save(board=board, by=officer, reports_to=descendant)

    assert refusal.value.message_dict == {"reports_to": [BOARD_REPORTING_LOOP]}
    # The refused change is not kept, in the database or on the board in hand.
    assert board.reports_to is None
    assert Board.objects.get(pk=board.pk).reports_to is None


def test_board_save_refuses_a_board_of_another_partnership(cog, officer):
    elsewhere = BoardFactory(partnership=PartnershipFactory(), name="Hereford Cabinet")

    with pytest.raises(ValidationError) as refusal:
        board_save(board=cog, by=officer, reports_to=elsewhere)

    assert refusal.value.message_dict == {"reports_to": [BOARD_REPORTS_TO_ANOTHER_PARTNERSHIP]}
    assert Board.objects.get(pk=cog.pk).reports_to.name == "Highland CPP Partnership Board"


def test_board_save_refuses_a_dissolved_board_without_its_date(cog, officer):
    with pytest.raises(ValidationError) as refusal:
        board_save(board=cog, by=officer, status=Board.Status.DISSOLVED)

    assert refusal.value.message_dict == {"dissolved_on": [BOARD_DISSOLVED_NEEDS_DATE]}
    assert Board.objects.get(pk=cog.pk).status == Board.Status.ACTIVE


def test_board_save_keeps_only_the_partnerships_cross_cutting_themes(highland, cog, officer):
    obesity = Theme.objects.create(
        partnership=highland, name="Obesity", slug="obesity", is_cross_cutting=True
    )
    other = Theme.objects.create(
        partnership=PartnershipFactory(),
        name="Safeguarding",
        slug="safeguarding",
        is_cross_cutting=True,
    )

    with pytest.raises(ValidationError) as refusal:
        board_save(board=cog, by=officer, cross_cutting_themes=[obesity, other])

    message = CROSS_CUTTING_THEME_NOT_OF_PARTNERSHIP.format(partnership=highland)
    assert refusal.value.message_dict == {"cross_cutting_themes": [message]}
    assert list(cog.cross_cutting_themes.all()) == []

    board_save(board=cog, by=officer, cross_cutting_themes=[obesity])

    assert list(cog.cross_cutting_themes.all()) == [obesity]


def test_admin_form_cleaning_refuses_the_loop_too(board, task_group):
    board.reports_to = task_group

    with pytest.raises(ValidationError) as refusal:
        board.full_clean()

    assert refusal.value.message_dict == {"reports_to": [BOARD_REPORTING_LOOP]}


# The pages


def test_officer_adds_a_board_reporting_to_the_partnership_board(client, highland, board, officer):
    obesity = Theme.objects.create(
        partnership=highland, name="Obesity", slug="obesity", is_cross_cutting=True
    )

    response = client.post(
        CREATE_URL,
        form_data(
            reports_to=board.pk,
            cadence="quarterly",
            quorum="5",
            terms_of_reference="To lead the partnership's work on employability.",
            cross_cutting_themes=[obesity.pk],
            established_on=datetime.date(2013, 4, 1),
        ),
        follow=True,
    )

    group = Board.objects.get(name="Employability thematic group")
    assert response.redirect_chain == [(group.get_absolute_url(), 302)]
    text = text_of(response)
    assert "Employability thematic group has been added." in text
    assert "Kind Thematic group Status Active Reports to Highland CPP Partnership Board" in text
    assert "Meets Quarterly Quorum 5" in text
    assert "Cross-cutting themes Obesity" in text
    assert "Established 1 April 2013" in text
    assert "To lead the partnership's work on employability." in text


def test_officer_cannot_make_the_board_report_to_its_grandchild(client, board, task_group, officer):
    response = client.post(
        edit_url(board),
        form_data(
            name="Highland CPP Partnership Board",
            kind="partnership_board",
            reports_to=task_group.pk,
        ),
    )

    assert response.status_code == 200
    assert error_summary(response) == [BOARD_REPORTING_LOOP]
    assert Board.objects.get(pk=board.pk).reports_to is None


def test_officer_cannot_choose_a_board_of_another_partnership(client, cog, officer):
    elsewhere = BoardFactory(partnership=PartnershipFactory())

    response = client.post(
        edit_url(cog),
        form_data(
            name="Chief Officers' Group", kind="chief_officers_group", reports_to=elsewhere.pk
        ),
    )

    assert error_summary(response) == ["Choose one from the list."]
    assert Board.objects.get(pk=cog.pk).reports_to.name == "Highland CPP Partnership Board"


def test_bad_form_lists_every_problem_and_saves_nothing(client, board, officer):
    response = client.post(
        CREATE_URL,
        {
            **form_data(status="dissolved"),
            "name": "",
            "established_on_0": "31",
            "established_on_1": "2",
            "established_on_2": "2013",
        },
    )

    assert error_summary(response) == [BOARD_NAME_REQUIRED, DATE_INVALID]
    assert Board.objects.count() == 1


def test_dissolving_without_a_date_is_refused_on_the_page(client, cog, officer):
    response = client.post(
        edit_url(cog),
        form_data(name="Chief Officers' Group", kind="chief_officers_group", status="dissolved"),
    )

    assert error_summary(response) == [BOARD_DISSOLVED_NEEDS_DATE]
    assert Board.objects.get(pk=cog.pk).status == Board.Status.ACTIVE


def test_edit_form_offers_the_partnerships_other_boards(client, board, cog, officer):
    BoardFactory(partnership=PartnershipFactory(), name="Hereford Cabinet")

    response = client.get(edit_url(cog))

    text = text_of(response)
    assert "Edit the board" in text
    assert "Highland CPP Partnership Board" in text
    assert "Hereford Cabinet" not in text
    assert 'value="Chief Officers&#x27; Group"' in response.content.decode()


def test_board_page_links_an_officer_to_edit_it(client, cog, officer):
    response = client.get(cog.get_absolute_url())

    assert f'href="{edit_url(cog)}"' in response.content.decode()


def test_board_page_offers_no_edit_link_to_visitors(client, cog):
    response = client.get(cog.get_absolute_url())

    assert edit_url(cog) not in response.content.decode()


@pytest.mark.parametrize("page", ["create", "edit"])
def test_visitors_are_sent_to_sign_in(client, cog, page):
    url = CREATE_URL if page == "create" else edit_url(cog)

    response = client.get(url)

    assert response.status_code == 302
    assert response.url == f"{reverse('login')}?next={url}"


@pytest.mark.parametrize("page", ["create", "edit"])
def test_officer_of_another_partnership_may_not(client, cog, page):
    client.force_login(officer_of(PartnershipFactory(), "hereford"))

    response = client.post(
        CREATE_URL if page == "create" else edit_url(cog), form_data(name="Taken over")
    )

    assert response.status_code == 403
    assert not Board.objects.filter(name="Taken over").exists()


def test_a_member_of_the_board_who_is_no_officer_may_not_edit_it(client, cog):
    user = UserFactory(username="member")
    BoardMembershipFactory(board=cog, person=PersonFactory(user=user))
    client.force_login(user)

    response = client.get(edit_url(cog))

    assert response.status_code == 403


def test_new_is_a_page_not_a_board(client, board, officer):
    response = client.get(CREATE_URL)

    assert response.status_code == 200
    assert "Add a board" in text_of(response)
