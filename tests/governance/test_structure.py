import datetime
import re

import pytest

from governance.diagrams import board_forest, structure_svg
from governance.models import Board, BoardMembership
from partnership.models import PartnerMembership
from tests.factories import (
    BoardFactory,
    BoardMembershipFactory,
    OrganisationFactory,
    PartnershipFactory,
    PersonFactory,
)
from tests.pages import text_of

pytestmark = pytest.mark.django_db

HIGHLAND = "/partnerships/highland-cpp/structure/"
CARDIFF = "/partnerships/cardiff/structure/"


def diagram_of(response) -> str:
    return re.search(r'<svg[^>]*class="app-structure".*?</svg>', response.content.decode(), re.S)[0]


def boxes_of(diagram: str) -> dict[str, str]:
    """Each box of the drawing by the name it gives assistive technology, with its link."""
    return {
        label: href
        for href, label in re.findall(r'<a href="([^"]+)" aria-label="([^"]+)"', diagram)
    }


def test_highland_structure_draws_the_board_the_cog_and_the_thematic_groups(client, demo):
    response = client.get(HIGHLAND)

    assert response.status_code == 200
    boxes = boxes_of(diagram_of(response))
    assert boxes["Highland CPP Partnership Board: Partnership board, active"] == (
        "/partnerships/highland-cpp/boards/highland-cpp-partnership-board/"
    )
    assert boxes["Chief Officers&#x27; Group: Chief officers&#x27; group, active"] == (
        "/partnerships/highland-cpp/boards/chief-officers-group/"
    )
    assert "Employability thematic group: Thematic group, active" in boxes
    assert "Safer and stronger communities thematic group: Thematic group, active" in boxes
    assert len(boxes) == Board.objects.filter(partnership__slug="highland-cpp").count()


def test_highland_structure_in_text_nests_the_cog_and_groups_under_the_board(client, demo):
    response = client.get(HIGHLAND)

    text = text_of(response)
    assert (
        "Highland CPP Partnership Board – Partnership board, active; meets quarterly; "
        "no quorum set Chief Officers' Group – Chief officers' group, active; meets every two "
        "months; no quorum set"
    ) in text
    assert "Employability thematic group – Thematic group, active" in text
    page = response.content.decode()
    board_item = page[page.index(">Highland CPP Partnership Board</a>") :]
    nested = board_item[: board_item.index("</ul>")]
    assert "Chief Officers&#x27; Group</a>" in nested


def test_cardiff_structure_draws_the_task_group_under_the_officers_group(client, demo):
    response = client.get(CARDIFF)

    diagram = diagram_of(response)
    boxes = boxes_of(diagram)
    assert set(boxes) == {
        "Internal Policy Officers Group: Officers&#x27; group, active",
        "Integrated Assessment Tool task group: Task group, active",
    }
    # One line down from the group to the bus, one along it, one down to the task group.
    assert diagram.count("<line ") == 3
    text = text_of(response)
    assert (
        "Internal Policy Officers Group – Officers' group, active; meets quarterly; "
        "no quorum set Integrated Assessment Tool task group – Task group, active; meets at no "
        "set interval; no quorum set"
    ) in text


def test_membership_table_counts_each_boards_seats_by_organisation(client, demo):
    response = client.get(CARDIFF)

    page = response.content.decode()
    table = page[page.index("<table") : page.index("</table>")]
    assert '<th scope="col" class="govuk-table__header">Cardiff Council</th>' in table
    assert "Current seats on each board, by the organisation they are held for" in table
    row = table[table.index('<th scope="row"') :]
    row = row[: row.index("</tr>")]
    assert "Internal Policy Officers Group</a>" in row
    assert "<strong>15</strong>" in row
    assert "<li>Community Strategy Co-ordinator (chair)</li>" in row
    assert "<li>Lead officer, Housing</li>" in row


def test_highland_membership_table_puts_cog_seats_under_their_organisations(client, demo):
    response = client.get(HIGHLAND)

    text = text_of(response)
    assert "Partner organisations" in text
    assert "NHS Highland" in text
    page = response.content.decode()
    table = page[page.index("<table") : page.index("</table>")]
    headers = re.findall(r'<th scope="col" class="govuk-table__header">([^<]+)</th>', table)
    assert headers[0] == "Board"
    assert headers[-1] == "No organisation named"
    cog = table[table.index("Chief Officers&#x27; Group</a>") :]
    cog = cog[: cog.index("</tr>")]
    cells = re.findall(r"<td[^>]*>(.*?)</td>", cog, re.S)
    by_column = dict(zip(headers[1:], cells, strict=True))
    assert "<li>Carron McDiarmid</li>" in by_column["Highland Council"]
    assert "<li>Chief Executive</li>" in by_column["Highland Council"]
    assert "<strong>8</strong>" in by_column["No organisation named"]


def test_dissolved_and_shadow_boards_are_drawn_and_listed_as_such(client):
    partnership = PartnershipFactory(slug="shire")
    top = BoardFactory(partnership=partnership, name="Shire Board", slug="shire-board")
    BoardFactory(
        partnership=partnership,
        name="Old Forum",
        slug="old-forum",
        reports_to=top,
        status=Board.Status.DISSOLVED,
        dissolved_on=datetime.date(2012, 3, 31),
    )
    BoardFactory(
        partnership=partnership,
        name="New Board",
        slug="new-board",
        kind=Board.Kind.HEALTH_AND_WELLBEING_BOARD,
        status=Board.Status.SHADOW,
    )

    response = client.get("/partnerships/shire/structure/")

    diagram = diagram_of(response)
    assert "Old Forum: Partnership board, dissolved on 31 March 2012" in boxes_of(diagram)
    assert ">Dissolved 31 Mar 2012</tspan>" in diagram
    assert 'stroke-dasharray="2 4"' in diagram
    assert ">Shadow</tspan>" in diagram
    assert 'stroke-dasharray="8 4"' in diagram
    text = text_of(response)
    assert "Old Forum – Partnership board, Dissolved on 31 March 2012" in text
    assert "New Board – Health and wellbeing board, Shadow" in text
    assert "Old Forum (dissolved)" in text


def test_diagram_is_a_named_group_of_links(client, demo):
    diagram = diagram_of(client.get(CARDIFF))

    assert 'role="group"' in diagram
    assert 'aria-labelledby="structure-title"' in diagram
    assert '<title id="structure-title">How the boards of Cardiff Partnership report</title>' in (
        diagram
    )
    assert "2 boards, each drawn below the board it reports to" in diagram


def test_many_groups_under_one_board_stand_in_rows_of_three():
    partnership = PartnershipFactory()
    top = BoardFactory(partnership=partnership)
    BoardFactory.create_batch(10, partnership=partnership, reports_to=top)

    diagram = structure_svg(board_forest(partnership.boards.all()), title="Boards")

    tops = sorted({int(y) for y in re.findall(r'<rect x="\d+" y="(\d+)"', diagram)})
    assert len(tops) == 5
    width = int(re.search(r'<svg[^>]* width="(\d+)"', diagram)[1])
    assert width < 700


def _structure(partnership, count: int) -> None:
    organisations = OrganisationFactory.create_batch(3)
    for organisation in organisations:
        PartnerMembership.objects.create(partnership=partnership, organisation=organisation)
    parent = None
    for number in range(count):
        board = BoardFactory(partnership=partnership, reports_to=parent if number % 3 else None)
        parent = board
        BoardMembershipFactory(
            board=board, person=PersonFactory(), organisation=organisations[number % 3]
        )
        BoardMembershipFactory(
            board=board,
            person=None,
            office="Chief Executive",
            organisation=organisations[(number + 1) % 3],
            role=BoardMembership.Role.EX_OFFICIO,
        )


@pytest.mark.parametrize("count", [3, 30])
def test_structure_page_reads_the_same_few_queries_however_many_boards(
    client, django_assert_max_num_queries, count
):
    partnership = PartnershipFactory(slug="many")
    _structure(partnership, count)

    with django_assert_max_num_queries(4):
        response = client.get("/partnerships/many/structure/")

    assert response.status_code == 200
    assert response.content.decode().count('<tr class="govuk-table__row">') == count + 1


def test_unknown_partnership_has_no_structure(client):
    response = client.get("/partnerships/nowhere/structure/")

    assert response.status_code == 404


def test_partnership_page_links_to_its_structure(client, demo):
    response = client.get("/partnerships/cardiff/")

    assert '<a class="govuk-link" href="/partnerships/cardiff/structure/">' in (
        response.content.decode()
    )
    assert "The partnership's structure, drawn" in text_of(response)
