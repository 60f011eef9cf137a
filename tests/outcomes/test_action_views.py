import datetime
import html
import re

import pytest
from django.contrib.auth.models import User
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils import timezone

from governance.models import Board, BoardMembership
from outcomes.filters import CHOICE_INVALID, DATE_INVALID
from outcomes.models import ActionUpdate, DevelopmentAction
from outcomes.services.actions import ACTION_CLOSED, DEADLINE_BEFORE_CREATION
from partnership.models import PartnerMembership
from tests.factories import (
    ActionUpdateFactory,
    BoardFactory,
    BoardMembershipFactory,
    DevelopmentActionFactory,
    OrganisationFactory,
    OutcomeFrameworkFactory,
    PartnershipFactory,
    PersonFactory,
    UserFactory,
)
from tests.pages import text_of
from tests.two_factor import VERIFIED_SESSION_QUERIES

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


def rows_of(response) -> list[list[str]]:
    """The cells of each row of the page's first table body, as text."""
    body = response.content.decode().split('<tbody class="govuk-table__body">')[1]
    body = body.split("</tbody>")[0]
    return [
        [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", cell)).split()) for cell in cells]
        for cells in (
            re.findall(r"<td[^>]*>(.*?)</td>", row, re.DOTALL)
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.DOTALL)
        )
    ]


def references(response) -> list[str]:
    return [row[0] for row in rows_of(response)] if "<tbody" in response.content.decode() else []


def sign_in_as_officer(client, partnership) -> User:
    """Signs in an officer of a partner organisation of the partnership."""
    council = OrganisationFactory()
    PartnerMembership.objects.create(partnership=partnership, organisation=council)
    user = UserFactory()
    PersonFactory(organisation=council, capacity="officer", user=user)
    client.force_login(user)
    return user


# The Highland SOA development plan, as the demo loads it.


def test_the_highland_plan_lists_its_actions_with_deadlines_and_statuses(client, demo):
    response = client.get(reverse("outcomes:action_list", args=["highland-cpp"]))

    assert response.status_code == 200
    assert "19 actions" in text_of(response)
    rows = {row[0]: row[3:] for row in rows_of(response)}
    assert rows["1.1"] == ["28 February 2014 “Before March 2014”", "Not started Overdue"]
    assert rows["1.3"] == ["31 October 2014 “September/October 2014”", "Not started Overdue"]
    assert rows["2.1"] == ["31 October 2013 “October 2013”", "Done"]
    assert rows["2.3"] == ["No deadline “On-going”", "On-going"]
    assert rows["4.2"] == ["31 December 2013 “Approach developed 2013”", "Not started Overdue"]
    assert rows["6.1"] == ["31 March 2018 “During 2013-18”", "Not started Overdue"]
    # By deadline, the earliest first; those with none last.
    assert list(rows)[:2] == ["2.2", "4.1"]
    assert list(rows)[-4:] == ["2.3", "3.2", "5.2", "5.3"]


def test_overdue_across_the_highland_partnership(client, demo):
    response = client.get(
        reverse("outcomes:action_list", args=["highland-cpp"]), {"overdue": "yes"}
    )

    listed = references(response)
    assert len(listed) == 14
    assert "2.1" not in listed  # done
    assert "2.3" not in listed  # on-going, no deadline
    assert "14 actions" in text_of(response)


def test_the_partnership_page_links_to_its_overdue_actions(client, demo):
    response = client.get(reverse("partnership:partnership_detail", args=["highland-cpp"]))

    assert '/partnerships/highland-cpp/actions/?overdue=yes"' in response.content.decode()


def test_a_boards_page_links_to_its_actions(client, demo):
    cog = Board.objects.get(name="Chief Officers' Group")

    response = client.get(cog.get_absolute_url())

    assert f'/partnerships/highland-cpp/actions/?board={cog.pk}"' in response.content.decode()


def test_the_detail_page_shows_the_action_and_its_updates_newest_first(client, demo):
    action = DevelopmentAction.objects.get(partnership__slug="highland-cpp", reference="1.2")
    carron = User.objects.get(username="officer").person
    ActionUpdateFactory(
        action=action, author=carron, written_on=datetime.date(2014, 1, 15), text="Data gathered."
    )
    ActionUpdateFactory(
        action=action,
        author=carron,
        written_on=datetime.date(2014, 2, 20),
        text="Baselines set.",
        status="in_progress",
    )

    response = client.get(reverse("outcomes:action_detail", args=["highland-cpp", action.pk]))

    page = text_of(response)
    assert "Action 1.2" in page
    assert "Remit clause Remit 1: " in page
    assert "Lead The Highland Council" in page
    assert "Deadline 31 March 2014 “March 2014”" in page
    assert "Framework Highland Single Outcome Agreement 2013/14–2018/19" in page
    assert rows_of(response) == [
        ["20 February 2014", "Carron McDiarmid", "In progress", "Baselines set."],
        ["15 January 2014", "Carron McDiarmid", "In progress", "Data gathered."],
    ]
    # Only those who may update the action are offered the form.
    assert "Add a progress update" not in page


def test_an_action_is_found_only_under_its_own_partnership(client, demo):
    action = DevelopmentAction.objects.get(partnership__slug="highland-cpp", reference="1.2")

    response = client.get(reverse("outcomes:action_detail", args=["herefordshire", action.pk]))

    assert response.status_code == 404


# Filters, each on its own, over a partnership's actions made to tell them apart.


@pytest.fixture
def partnership():
    return PartnershipFactory(slug="cannock-chase")


@pytest.fixture
def plan(partnership) -> dict:
    """Actions that differ in one thing each, by reference; each due in 30 days unless said."""
    framework = OutcomeFrameworkFactory(partnership=partnership)
    board = BoardFactory(partnership=partnership)
    remit = board.remit_clauses.create(number=1, text="Reduce inequalities")
    lead = PersonFactory(name="Pat Lead")

    def action(reference, **fields):
        fields.setdefault("deadline", TODAY + 30 * DAY)
        fields.setdefault("activity", f"Activity {reference}")
        DevelopmentActionFactory(partnership=partnership, reference=reference, **fields)

    action("A", framework=framework)
    action("B", lead_board=board)
    action("C", remit_clause=remit)
    action("D", lead_person=lead)
    action("E", status="done", deadline=TODAY - 10 * DAY)
    action("F", status="dropped")
    action("G", deadline=TODAY - DAY, activity="Map the community's assets")
    action("H", deadline=TODAY + 400 * DAY)
    action("I", deadline=None, deadline_wording="On-going", status="ongoing")
    return {"framework": framework, "board": board, "lead": lead}


def as_typed(value, plan: dict):
    """A filter's value as the form sends it: a record's key, a UK date, or as it is."""
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, str) and value in plan:
        return plan[value].pk
    return value


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, ["E", "G", "A", "B", "C", "D", "F", "H", "I"]),
        ({"framework": "framework"}, ["A"]),
        ({"board": "board"}, ["B", "C"]),
        ({"lead_person": "lead"}, ["D"]),
        ({"status": ["done", "dropped"]}, ["E", "F"]),
        ({"overdue": "yes"}, ["G"]),
        ({"overdue": "no"}, ["E", "A", "B", "C", "D", "F", "H", "I"]),
        ({"deadline_from": TODAY + 31 * DAY}, ["H"]),
        ({"deadline_to": TODAY}, ["E", "G"]),
        (
            {"deadline_from": TODAY - DAY, "deadline_to": TODAY + 30 * DAY},
            ["G", "A", "B", "C", "D", "F"],
        ),
        ({"q": "community"}, ["G"]),
        ({"q": "b"}, ["B"]),
    ],
)
def test_each_filter_narrows_the_list(client, partnership, plan, query, expected):
    params = {name: as_typed(value, plan) for name, value in query.items()}

    response = client.get(reverse("outcomes:action_list", args=[partnership.slug]), params)

    assert references(response) == expected
    assert f"{len(expected)} action{pluralize(len(expected))} " in text_of(response)


def test_a_filter_that_makes_no_sense_says_why_and_lists_nothing(client, partnership, plan):
    other_board = BoardFactory()

    response = client.get(
        reverse("outcomes:action_list", args=[partnership.slug]),
        {"board": other_board.pk, "deadline_from": "31/02/2014"},
    )

    page = text_of(response)
    assert f"There is a problem {CHOICE_INVALID} {DATE_INVALID}" in page
    assert "0 actions" in page
    assert references(response) == []


def test_the_list_pages_keep_the_filters(client, partnership):
    for number in range(30):
        DevelopmentActionFactory(
            partnership=partnership, reference=f"{number:02}", deadline=TODAY - DAY
        )

    response = client.get(
        reverse("outcomes:action_list", args=[partnership.slug]), {"overdue": "yes"}
    )

    page = response.content.decode()
    assert len(references(response)) == 25
    assert "30 actions" in text_of(response)
    assert 'href="?overdue=yes&amp;page=2" rel="next"' in page
    assert 'href="?overdue=yes&amp;format=csv"' in page
    second = client.get(
        reverse("outcomes:action_list", args=[partnership.slug]), {"overdue": "yes", "page": 2}
    )
    assert references(second) == [f"{number:02}" for number in range(25, 30)]


@pytest.mark.parametrize("count", [5, 50])
def test_the_list_takes_as_many_queries_for_5_actions_as_for_50(
    client, partnership, django_assert_max_num_queries, count
):
    framework = OutcomeFrameworkFactory(partnership=partnership)
    board = BoardFactory(partnership=partnership)
    remit = board.remit_clauses.create(number=1, text="Reduce inequalities")
    area = framework.areas_for_improvement.create(number=1, text="Governance")
    for number in range(count):
        action = DevelopmentActionFactory(
            partnership=partnership,
            framework=framework,
            area_for_improvement=area,
            remit_clause=remit,
            lead_board=board,
            lead_person=PersonFactory(),
            lead_organisation=OrganisationFactory(),
            deadline=TODAY + number * DAY,
        )
        ActionUpdateFactory(action=action, written_on=TODAY)
    sign_in_as_officer(client, partnership)

    with django_assert_max_num_queries(11 + VERIFIED_SESSION_QUERIES):
        response = client.get(reverse("outcomes:action_list", args=[partnership.slug]))

    assert len(references(response)) == min(count, 25)


# My actions.


def test_my_actions_are_those_i_lead_and_those_of_boards_i_chair(client):
    user = UserFactory()
    me = PersonFactory(name="Pat Lead", user=user)
    highland, hereford = PartnershipFactory(name="Highland"), PartnershipFactory(name="Hereford")
    chaired = BoardFactory(partnership=hereford, name="Health and Wellbeing Board")
    BoardMembershipFactory(board=chaired, person=me, role=BoardMembership.Role.CHAIR)
    sat_on = BoardFactory(partnership=hereford)
    BoardMembershipFactory(board=sat_on, person=me, role=BoardMembership.Role.MEMBER)
    DevelopmentActionFactory(partnership=highland, reference="1.1", lead_person=me)
    DevelopmentActionFactory(partnership=hereford, reference="2.1", lead_board=chaired)
    DevelopmentActionFactory(partnership=hereford, reference="3.1", lead_board=sat_on)
    DevelopmentActionFactory(partnership=highland, reference="4.1", lead_person=PersonFactory())
    client.force_login(user)

    response = client.get(reverse("my_actions"))

    page = text_of(response)
    assert sorted(references(response)) == ["1.1", "2.1"]
    assert (
        "Development actions you lead, and those led by the board you chair: "
        "Health and Wellbeing Board" in page
    )
    assert "Highland" in page
    assert "Hereford" in page


def test_my_actions_need_a_sign_in(client):
    response = client.get(reverse("my_actions"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_the_home_page_links_to_my_actions(client, demo):
    client.force_login(User.objects.get(username="officer"))

    response = client.get(reverse("home"))

    assert f'href="{reverse("my_actions")}"' in response.content.decode()


# Adding and changing actions, and progress updates.


def test_an_officer_adds_an_action_whose_deadline_is_read_from_its_wording(client, partnership):
    sign_in_as_officer(client, partnership)
    board = BoardFactory(partnership=partnership, name="Chief Officers' Group")
    year = TODAY.year + 1

    response = client.post(
        reverse("outcomes:action_create", args=[partnership.slug]),
        {
            "reference": "5.4",
            "activity": "Learn from approaches elsewhere on partnership management",
            "lead_board": board.pk,
            "deadline_wording": f"By March {year}",
            "status": "not_started",
        },
    )

    action = DevelopmentAction.objects.get(reference="5.4")
    assert response.status_code == 302
    assert response.url == reverse("outcomes:action_detail", args=[partnership.slug, action.pk])
    assert action.lead_board == board
    assert action.deadline == datetime.date(year, 3, 31)
    assert action.deadline_wording == f"By March {year}"


def test_adding_an_action_already_past_its_deadline_is_refused(client, partnership):
    sign_in_as_officer(client, partnership)
    board = BoardFactory(partnership=partnership)
    last_year = TODAY.year - 1

    response = client.post(
        reverse("outcomes:action_create", args=[partnership.slug]),
        {
            "reference": "5.4",
            "activity": "Too late",
            "lead_board": board.pk,
            "deadline_wording": "Soon",
            "deadline_0": "31",
            "deadline_1": "3",
            "deadline_2": str(last_year),
            "status": "not_started",
        },
    )

    assert response.status_code == 200
    assert f"There is a problem {DEADLINE_BEFORE_CREATION}" in text_of(response)
    assert not DevelopmentAction.objects.exists()


def test_the_choices_are_the_partnerships_own(client, partnership):
    sign_in_as_officer(client, partnership)
    BoardFactory(partnership=partnership, name="Our board")
    BoardFactory(name="Their board")

    response = client.get(reverse("outcomes:action_create", args=[partnership.slug]))

    page = response.content.decode()
    assert "Our board" in page
    assert "Their board" not in page


def test_an_officer_changes_an_action(client, partnership):
    user = sign_in_as_officer(client, partnership)
    action = DevelopmentActionFactory(
        partnership=partnership,
        reference="1.1",
        lead_person=user.person,
        deadline=datetime.date(2013, 9, 30),
        deadline_wording="September 2013",
    )

    response = client.post(
        reverse("outcomes:action_edit", args=[partnership.slug, action.pk]),
        {
            "reference": "1.1",
            "activity": "Recruit co-ordinators",
            "lead_person": user.person.pk,
            "deadline_wording": "September 2013",
        },
    )

    assert response.status_code == 302
    action.refresh_from_db()
    assert action.activity == "Recruit co-ordinators"
    assert action.deadline == datetime.date(2013, 9, 30)


def test_the_lead_adds_a_progress_update_and_the_status_follows(client, partnership):
    user = UserFactory()
    lead = PersonFactory(name="Pat Lead", user=user)
    action = DevelopmentActionFactory(partnership=partnership, lead_person=lead)
    client.force_login(user)

    response = client.post(
        reverse("outcomes:action_update_add", args=[partnership.slug, action.pk]),
        {"status": "done", "text": "Co-ordinators in post in all four communities."},
    )

    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == "done"
    update = action.updates.get()
    assert (update.author, update.written_on, update.text) == (
        lead,
        TODAY,
        "Co-ordinators in post in all four communities.",
    )


def test_an_update_on_a_closed_action_is_refused_on_the_page(client, partnership):
    user = UserFactory()
    lead = PersonFactory(user=user)
    action = DevelopmentActionFactory(partnership=partnership, lead_person=lead, status="done")
    client.force_login(user)

    response = client.post(
        reverse("outcomes:action_update_add", args=[partnership.slug, action.pk]),
        {"status": "in_progress", "text": "Reopened."},
    )

    assert response.status_code == 200
    assert f"There is a problem {ACTION_CLOSED.format(status='done')}" in text_of(response)
    assert not ActionUpdate.objects.exists()
    action.refresh_from_db()
    assert action.status == "done"


# Who may do what.


@pytest.mark.parametrize("page", ["action_create", "action_edit", "action_update_add"])
def test_anonymous_visitors_are_asked_to_sign_in(client, partnership, page):
    action = DevelopmentActionFactory(partnership=partnership)
    args = [partnership.slug] if page == "action_create" else [partnership.slug, action.pk]

    response = client.get(reverse(f"outcomes:{page}", args=args))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("page", ["action_create", "action_edit", "action_update_add"])
def test_another_partnerships_officer_is_refused(client, partnership, page):
    action = DevelopmentActionFactory(partnership=partnership)
    sign_in_as_officer(client, PartnershipFactory())
    args = [partnership.slug] if page == "action_create" else [partnership.slug, action.pk]

    get = client.get(reverse(f"outcomes:{page}", args=args))
    post = client.post(reverse(f"outcomes:{page}", args=args), {"status": "done", "text": "x"})

    assert (get.status_code, post.status_code) == (403, 403)
    assert not ActionUpdate.objects.exists()


def test_the_lead_may_update_but_not_change_the_action(client, partnership):
    user = UserFactory()
    action = DevelopmentActionFactory(partnership=partnership, lead_person=PersonFactory(user=user))
    client.force_login(user)

    detail = client.get(reverse("outcomes:action_detail", args=[partnership.slug, action.pk]))
    edit = client.get(reverse("outcomes:action_edit", args=[partnership.slug, action.pk]))

    assert "Add a progress update" in text_of(detail)
    assert "Change the action" not in text_of(detail)
    assert edit.status_code == 403
