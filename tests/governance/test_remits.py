import datetime

import pytest
from django.core.exceptions import ValidationError

from governance.models import Board, RemitClause
from governance.remits import (
    CLAUSE_ALREADY_FIRST,
    CLAUSE_ALREADY_LAST,
    CLAUSE_IS_SERVED,
    CLAUSE_TEXT_REQUIRED,
    DOWN,
    UP,
    remit_clause_add,
    remit_clause_move,
    remit_clause_remove,
    remit_clause_update,
)
from meetings.forms.agenda import AgendaItemForm
from meetings.services.agenda import (
    REMIT_CLAUSE_OF_ANOTHER_BOARD,
    agenda_item_add,
    agenda_item_update,
)
from outcomes.models import DevelopmentAction
from tests.factories import (
    AgendaItemFactory,
    BoardFactory,
    DevelopmentActionFactory,
    MeetingFactory,
    PartnershipFactory,
    UserFactory,
)
from tests.outcomes.helpers import officer_of
from tests.pages import error_summary, text_of

pytestmark = pytest.mark.django_db

PUBLISHED = datetime.datetime(2013, 11, 21, 17, 0, tzinfo=datetime.UTC)


@pytest.fixture
def board() -> Board:
    partnership = PartnershipFactory(name="Highland CPP", slug="highland")
    return BoardFactory(partnership=partnership, name="Chief Officers' Group", slug="cog")


def clause(board: Board, number: int, heading: str) -> RemitClause:
    return RemitClause.objects.create(
        board=board, number=number, heading=heading, text=f"The words of {heading}."
    )


@pytest.fixture
def remit(board) -> list[RemitClause]:
    return [clause(board, n, heading) for n, heading in enumerate(["One", "Two", "Three"], 1)]


def headings(board: Board) -> list[tuple[int, str]]:
    return list(board.remit_clauses.order_by("number").values_list("number", "heading"))


@pytest.fixture
def officer(client, board):
    user = officer_of(board.partnership, "carron")
    client.force_login(user)
    return user


REMIT_URL = "/partnerships/highland/boards/cog/remit/"


# Services


def test_a_clause_is_added_at_the_end(remit, board):
    added = remit_clause_add(board=board, heading=" Four ", text="  Fourth clause. ")

    assert (added.number, added.heading, added.text) == (4, "Four", "Fourth clause.")
    assert headings(board)[-1] == (4, "Four")


def test_a_clause_without_words_is_refused_and_nothing_saved(remit, board):
    with pytest.raises(ValidationError) as refusal:
        remit_clause_add(board=board, heading="Four", text="   ")

    assert refusal.value.message_dict == {"text": [CLAUSE_TEXT_REQUIRED]}
    assert board.remit_clauses.count() == 3


def test_a_clause_is_reworded_keeping_its_number(remit):
    remit_clause_update(clause=remit[1], heading="Inequalities", text="Reducing inequalities.")

    remit[1].refresh_from_db()
    assert (remit[1].number, remit[1].heading, remit[1].text) == (
        2,
        "Inequalities",
        "Reducing inequalities.",
    )


def test_rewording_a_clause_to_nothing_is_refused_and_changes_nothing(remit):
    with pytest.raises(ValidationError) as refusal:
        remit_clause_update(clause=remit[1], heading="Two", text="")

    assert refusal.value.messages == [CLAUSE_TEXT_REQUIRED]
    assert RemitClause.objects.get(pk=remit[1].pk).text == "The words of Two."


def test_moving_a_clause_up_swaps_it_with_the_one_above(remit, board):
    moved = remit_clause_move(clause=remit[2], direction=UP)

    assert moved.number == 2
    assert headings(board) == [(1, "One"), (2, "Three"), (3, "Two")]


def test_moving_a_clause_down_swaps_it_with_the_one_below(remit, board):
    remit_clause_move(clause=remit[0], direction=DOWN)

    assert headings(board) == [(1, "Two"), (2, "One"), (3, "Three")]


def test_the_first_clause_cannot_move_up_nor_the_last_down(remit, board):
    with pytest.raises(ValidationError) as first:
        remit_clause_move(clause=remit[0], direction=UP)
    with pytest.raises(ValidationError) as last:
        remit_clause_move(clause=remit[2], direction=DOWN)

    assert first.value.messages == [CLAUSE_ALREADY_FIRST.format(number=1)]
    assert last.value.messages == [CLAUSE_ALREADY_LAST.format(number=3)]
    assert headings(board) == [(1, "One"), (2, "Two"), (3, "Three")]


def test_removing_a_clause_nothing_serves_closes_up_the_numbers(remit, board):
    remit_clause_remove(clause=remit[0])

    assert headings(board) == [(1, "Two"), (2, "Three")]


def test_a_clause_that_actions_and_items_serve_is_not_removed(remit, board):
    DevelopmentActionFactory(partnership=board.partnership, remit_clause=remit[1])
    DevelopmentActionFactory(partnership=board.partnership, remit_clause=remit[1])
    AgendaItemFactory(meeting=MeetingFactory(board=board)).remit_clauses.add(remit[1])

    with pytest.raises(ValidationError) as refusal:
        remit_clause_remove(clause=remit[1])

    assert refusal.value.messages == [
        "Remit 2 cannot be removed: 2 development actions and 1 agenda item serve it. "
        "Link them to another clause first."
    ]
    assert headings(board) == [(1, "One"), (2, "Two"), (3, "Three")]


def test_a_clause_one_agenda_item_serves_is_not_removed(remit, board):
    AgendaItemFactory(meeting=MeetingFactory(board=board)).remit_clauses.add(remit[2])

    with pytest.raises(ValidationError) as refusal:
        remit_clause_remove(clause=remit[2])

    assert refusal.value.messages == [CLAUSE_IS_SERVED.format(number=3, served="1 agenda item")]
    assert board.remit_clauses.count() == 3


# Pages


def test_demo_cog_remit_shows_its_seven_clauses_and_the_actions_of_remit_2(
    client, demo, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        response = client.get("/partnerships/highland-cpp/boards/chief-officers-group/remit/")

    text = text_of(response)
    assert response.status_code == 200
    assert text.count("Remit ") >= 7
    for number, heading in enumerate(
        [
            "Delivery against the SOA outcome targets",
            "Are we reducing inequalities at the pace required?",
            "Are we making a decisive shift to prevention?",
            "Community engagement",
            "Removing barriers to reform",
            "Developing the SOA",
            "Constructive challenge and self-evaluation",
        ],
        start=1,
    ):
        assert f"Remit {number}: {heading}" in text
    remit_2 = text[text.index("Remit 2:") : text.index("Remit 3:")]
    assert "2.1 Establish the remit and working arrangements for the partnership theme group" in (
        remit_2
    )
    assert "2.2 Establish the new Chief Officers Group" in remit_2
    assert "“October 2013” Done" in remit_2
    assert "Add a clause" not in text


def test_demo_clause_page_shows_what_has_been_done_about_remit_2(client, demo):
    response = client.get("/partnerships/highland-cpp/boards/chief-officers-group/remit/2/")

    text = text_of(response)
    assert "Remit 2: Are we reducing inequalities at the pace required?" in text
    assert "What has been done about it" in text
    actions = DevelopmentAction.objects.filter(remit_clause__number=2).order_by("reference")
    assert [action.reference for action in actions] == ["2.1", "2.2"]
    for action in actions:
        assert f'href="/partnerships/highland-cpp/actions/{action.pk}/"' in (
            response.content.decode()
        )
    assert "No agenda item has taken up this clause." in text


def test_the_public_sees_open_items_of_published_agendas_only(client, remit, board, officer):
    published = MeetingFactory(
        board=board, starts_at=datetime.datetime(2013, 11, 26, 10, tzinfo=datetime.UTC)
    )
    published.agenda_published_at = PUBLISHED
    published.save()
    draft = MeetingFactory(board=board)
    for item in [
        AgendaItemFactory(meeting=published, position=2, title="Remit and plan"),
        AgendaItemFactory(
            meeting=published,
            position=3,
            title="Staffing costs",
            is_exempt=True,
            exempt_paragraph="1",
        ),
        AgendaItemFactory(meeting=draft, position=1, title="Next year's plan"),
    ]:
        item.remit_clauses.add(remit[1])

    as_officer = text_of(client.get(f"{REMIT_URL}2/"))
    client.logout()
    as_public = text_of(client.get(f"{REMIT_URL}2/"))

    assert "26 November 2013 : item 2, Remit and plan" in as_public
    assert "Staffing costs" not in as_public
    assert "Next year's plan" not in as_public
    assert "item 3, Staffing costs" in as_officer
    assert "Next year's plan" in as_officer


def test_an_unknown_clause_is_not_found(client, remit):
    assert client.get(f"{REMIT_URL}9/").status_code == 404


def test_an_officer_adds_a_clause(client, remit, board, officer):
    page = client.get(f"{REMIT_URL}add/")
    response = client.post(
        f"{REMIT_URL}add/", {"heading": "Four", "text": "Fourth clause."}, follow=True
    )

    assert "Add a clause to the remit" in text_of(page)
    assert "Remit 4 has been added." in text_of(response)
    assert headings(board)[-1] == (4, "Four")


def test_an_officer_adding_a_clause_without_words_is_told_and_nothing_saved(
    client, remit, board, officer
):
    response = client.post(f"{REMIT_URL}add/", {"heading": "Four", "text": ""})

    assert error_summary(response) == [CLAUSE_TEXT_REQUIRED]
    assert board.remit_clauses.count() == 3


def test_an_officer_rewords_a_clause(client, remit, officer):
    page = client.get(f"{REMIT_URL}2/edit/")
    client.post(f"{REMIT_URL}2/edit/", {"heading": "Inequalities", "text": "Reducing them."})

    assert 'value="Two"' in page.content.decode()
    assert RemitClause.objects.get(pk=remit[1].pk).heading == "Inequalities"


def test_an_officer_moves_a_clause_down_with_a_post(client, remit, board, officer):
    assert client.get(f"{REMIT_URL}1/move-down/").status_code == 405

    response = client.post(f"{REMIT_URL}1/move-down/", follow=True)

    assert "The clause is now remit 2." in text_of(response)
    assert headings(board) == [(1, "Two"), (2, "One"), (3, "Three")]


def test_moving_the_first_clause_up_says_why_not(client, remit, board, officer):
    response = client.post(f"{REMIT_URL}1/move-up/", follow=True)

    assert CLAUSE_ALREADY_FIRST.format(number=1) in text_of(response)
    assert headings(board) == [(1, "One"), (2, "Two"), (3, "Three")]


def test_an_officer_removes_an_unserved_clause(client, remit, board, officer):
    page = client.get(f"{REMIT_URL}1/remove/")
    response = client.post(f"{REMIT_URL}1/remove/", follow=True)

    assert "Remove remit 1?" in text_of(page)
    assert "Remit 1 has been removed; the clauses after it have moved up." in text_of(response)
    assert headings(board) == [(1, "Two"), (2, "Three")]


def test_removing_a_served_clause_is_refused_on_the_page(client, remit, board, officer):
    DevelopmentActionFactory(partnership=board.partnership, remit_clause=remit[0])

    response = client.post(f"{REMIT_URL}1/remove/")

    assert error_summary(response) == [
        CLAUSE_IS_SERVED.format(number=1, served="1 development action")
    ]
    assert board.remit_clauses.count() == 3


def test_the_remit_page_offers_editing_to_officers_only(client, remit, officer):
    as_officer = text_of(client.get(REMIT_URL))
    client.logout()
    as_public = text_of(client.get(REMIT_URL))

    assert "Add a clause" in as_officer
    assert "Move down remit 1" in as_officer
    assert "Add a clause" not in as_public
    assert "Move down" not in as_public


@pytest.mark.parametrize(
    ("method", "suffix"),
    [
        ("get", "add/"),
        ("post", "add/"),
        ("get", "1/edit/"),
        ("post", "1/remove/"),
        ("post", "1/move-down/"),
    ],
)
def test_others_may_not_edit_the_remit(client, remit, board, method, suffix):
    client.force_login(UserFactory(username="someone"))

    response = getattr(client, method)(f"{REMIT_URL}{suffix}", {"text": "Changed."})

    assert response.status_code == 403
    assert headings(board) == [(1, "One"), (2, "Two"), (3, "Three")]


# Agenda items serving the remit


def test_an_agenda_item_serves_clauses_of_its_board_only(remit, board):
    meeting = MeetingFactory(board=board)
    other = clause(BoardFactory(partnership=board.partnership, name="Performance Board"), 1, "X")
    item = agenda_item_add(meeting=meeting, title="Inequalities report", remit_clauses=[remit[1]])

    with pytest.raises(ValidationError) as refusal:
        agenda_item_add(meeting=meeting, title="Elsewhere", remit_clauses=[remit[0], other])

    assert list(item.remit_clauses.all()) == [remit[1]]
    assert refusal.value.message_dict == {
        "remit_clauses": [REMIT_CLAUSE_OF_ANOTHER_BOARD.format(board="Chief Officers' Group")]
    }
    assert list(meeting.agenda_items.values_list("title", flat=True)) == ["Inequalities report"]


def test_updating_an_item_keeps_its_clauses_unless_given(remit, board):
    item = agenda_item_add(
        meeting=MeetingFactory(board=board), title="Report", remit_clauses=[remit[0]]
    )
    fields = {
        "title": "Report",
        "kind": item.kind,
        "purpose": "",
        "report": None,
        "presenter": None,
        "is_exempt": False,
        "exempt_paragraph": "",
        "themes": [],
    }

    agenda_item_update(item=item, **fields)
    kept = list(item.remit_clauses.all())
    agenda_item_update(item=item, remit_clauses=[remit[1], remit[2]], **fields)

    assert kept == [remit[0]]
    assert list(item.remit_clauses.order_by("number")) == [remit[1], remit[2]]


def test_the_agenda_item_form_offers_the_board_s_clauses(remit, board):
    BoardFactory(partnership=board.partnership).remit_clauses.create(number=1, text="Other")
    meeting = MeetingFactory(board=board)

    form = AgendaItemForm(
        {"title": "Report", "kind": "report", "remit_clauses": [remit[2].pk]}, meeting=meeting
    )
    without_remit = AgendaItemForm(meeting=MeetingFactory(board=BoardFactory()))

    assert list(form.fields["remit_clauses"].queryset) == remit
    assert form.is_valid(), form.errors
    assert list(form.item_details()["remit_clauses"]) == [remit[2]]
    assert "remit_clauses" not in without_remit.fields
