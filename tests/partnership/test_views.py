import pytest
from django.contrib.auth.models import User

from partnership.models import Organisation, Person

pytestmark = pytest.mark.django_db


def test_partnership_page_draws_the_board_tree_in_few_queries(
    client, demo, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        response = client.get("/partnerships/highland-cpp/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Highland Community Planning Partnership" in page
    # The COG is drawn inside the Partnership Board's branch, which it reports to.
    board_branch = page.split("Highland CPP Partnership Board")[1]
    assert "Chief Officers&#x27; Group" in board_branch.split("</ul>")[0]
    assert "Highland Single Outcome Agreement 2013/14–2018/19" in page
    assert "NHS Highland" in page


def test_partnership_list_names_every_partnership(client, demo):
    page = client.get("/partnerships/").content.decode()

    for name in [
        "Highland Community Planning Partnership",
        "Herefordshire Partnership",
        "Cardiff Partnership",
        "Cannock Chase Local Strategic Partnership",
    ]:
        assert name in page


def test_organisation_page_shows_its_line_of_succession(client, demo):
    successor = Organisation.objects.get(name="South Staffordshire Primary Care Trust")
    predecessor = Organisation.objects.get(name="Cannock Chase Primary Care Trust")

    successor_page = client.get(successor.get_absolute_url()).content.decode()
    predecessor_page = client.get(predecessor.get_absolute_url()).content.decode()

    assert 'Formed on <time datetime="2006-10-01">1 October 2006</time>' in successor_page
    assert "Cannock Chase Primary Care Trust" in successor_page
    assert "Merged into" in predecessor_page
    assert "South Staffordshire Primary Care Trust" in predecessor_page


def test_person_page_lists_their_seats(client, demo):
    clerk = Person.objects.get(name="Sally Cole")

    page = client.get(clerk.get_absolute_url()).content.decode()

    assert "Committee Manager Executive" in page
    assert "Clerk" in page
    assert "Cabinet" in page


def test_partnership_page_links_its_registers_and_joint_appointments_to_officers_alone(
    client, demo
):
    public = client.get("/partnerships/highland-cpp/").content.decode()
    client.force_login(User.objects.get(username="officer"))
    officer = client.get("/partnerships/highland-cpp/").content.decode()

    register = 'href="/partnerships/highland-cpp/interests/">Register of members\' interests'
    appointments = 'href="/partnerships/highland-cpp/joint-appointments/">Joint appointments'
    assert register in public
    assert appointments not in public
    assert register in officer
    assert appointments in officer


def test_partnership_page_lists_its_projects_and_links_its_engagement_register(client, demo):
    page = client.get("/partnerships/cannock-chase-lsp/").content.decode()

    assert ('href="/partnerships/cannock-chase-lsp/projects/health-walks/') in page
    assert 'href="/partnerships/cannock-chase-lsp/engagement/">Engagement and consultation' in page
