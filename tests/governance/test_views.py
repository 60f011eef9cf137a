import pytest

pytestmark = pytest.mark.django_db


def test_board_page_shows_remit_members_and_meetings(client, demo, django_assert_max_num_queries):
    with django_assert_max_num_queries(9):
        response = client.get("/partnerships/highland-cpp/boards/chief-officers-group/")

    page = response.content.decode()
    assert response.status_code == 200
    assert page.count('<li value="') == 7
    assert "Are we reducing inequalities at the pace required?" in page
    assert "Highland CPP Partnership Board" in page
    assert "No holder recorded" in page
    assert "26 November 2013" in page


def test_unknown_board_is_not_found(client, demo):
    response = client.get("/partnerships/highland-cpp/boards/no-such-board/")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_board_page_links_its_cross_cutting_themes_to_their_pages(client, demo):
    page = client.get("/partnerships/highland-cpp/boards/chief-officers-group/").content.decode()

    assert (
        '<a class="govuk-link" href="/themes/deprivation-and-health-inequalities/">'
        "Deprivation and health inequalities</a>"
    ) in page
