"""Search over published minutes, decisions and open reports: what it finds and never finds."""

import datetime

import pytest
from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.utils import timezone

from governance.models import BoardMembership
from meetings import search
from meetings.forms.search import BOARD_OF_OTHER_PARTNERSHIP, NO_SUCH_CHOICE, TO_BEFORE_FROM
from meetings.models import AgendaItem, Meeting, Minute, Report, Resolution
from meetings.search import (
    CONFIG,
    KINDS,
    MINUTE_VECTOR,
    REPORT_VECTOR,
    RESOLUTION_VECTOR,
)
from partnership.models import Theme
from tests.factories import BoardFactory, BoardMembershipFactory, MeetingFactory, UserFactory

pytestmark = pytest.mark.django_db


def _meeting(board, *, held: datetime.date, minutes="published", agenda=True):
    starts_at = timezone.make_aware(datetime.datetime.combine(held, datetime.time(14)))
    return MeetingFactory(
        board=board,
        starts_at=starts_at,
        agenda_published_at=starts_at - datetime.timedelta(days=7) if agenda else None,
        minutes_status=minutes,
        minutes_published_at=starts_at + datetime.timedelta(days=30)
        if minutes == Meeting.MinutesStatus.PUBLISHED
        else None,
    )


def _minute(meeting, number, title, body="", *, resolution="", exempt=False, report=None):
    item = AgendaItem.objects.create(
        meeting=meeting,
        position=number,
        title=title,
        report=report,
        is_exempt=exempt,
        exempt_paragraph="3" if exempt else "",
    )
    minute = Minute(meeting=meeting, number=number, agenda_item=item, title=title, body=body)
    minute.full_clean()
    minute.save()
    if resolution:
        Resolution.objects.create(minute=minute, position=1, label="a)", text=resolution)
    return minute


VECTORS = {"minute": MINUTE_VECTOR, "resolution": RESOLUTION_VECTOR, "report": REPORT_VECTOR}


def _titles(response) -> list[str]:
    return [hit.title for hit in response.context["results"].hits]


@pytest.fixture
def cabinet():
    return BoardFactory(name="Cabinet")


def test_finds_published_minutes_decisions_and_open_reports(client, cabinet):
    meeting = _meeting(cabinet, held=datetime.date(2011, 2, 17))
    report = Report.objects.create(
        board=cabinet, title="Library opening hours", purpose="<p>To agree library hours.</p>"
    )
    _minute(
        meeting,
        86,
        "Library opening hours",
        "<p>The libraries will open on Sundays.</p>",
        resolution="the library opens on Sundays from April.",
        report=report,
    )

    response = client.get("/search/", {"q": "library"})

    assert response.status_code == 200
    assert sorted(_titles(response)) == [
        "86. Library opening hours",
        "86. Library opening hours: resolution a)",
        "Library opening hours",
    ]
    assert response.context["results"].total == 3
    page = response.content.decode()
    assert "Showing 1 to 3 of 3 results, best match first" in page
    assert "<mark>" in page


def test_an_extract_keeps_words_of_separate_paragraphs_apart(client, cabinet):
    meeting = _meeting(cabinet, held=datetime.date(2011, 2, 17))
    _minute(
        meeting,
        86,
        "Libraries",
        "<p>The points were these:</p><ul><li>Sunday opening</li><li>Fees &amp; fines</li></ul>",
    )

    response = client.get("/search/", {"q": "sunday"})

    [hit] = response.context["results"].hits
    words = hit.extract.replace("<mark>", "").replace("</mark>", "")
    assert "these: Sunday opening Fees &amp; fines" in words


def test_never_finds_exempt_or_unpublished_text_for_the_public(client, cabinet):
    published = _meeting(cabinet, held=datetime.date(2011, 2, 17))
    _minute(
        published, 1, "Land sale", "<p>SECRETPLUM offer</p>", resolution="SECRETPLUM", exempt=True
    )
    exempt_report = Report.objects.create(
        board=cabinet, title="SECRETPLUM", classification=Report.Classification.EXEMPT
    )
    _minute(published, 2, "Disposal", report=exempt_report)
    draft = _meeting(cabinet, held=datetime.date(2011, 3, 17), minutes="draft")
    _minute(draft, 3, "SECRETPLUM draft", "<p>SECRETPLUM</p>")
    unpublished_agenda = _meeting(
        cabinet, held=datetime.date(2011, 4, 17), minutes="none", agenda=False
    )
    AgendaItem.objects.create(
        meeting=unpublished_agenda,
        position=1,
        title="Next",
        report=Report.objects.create(board=cabinet, title="SECRETPLUM next"),
    )

    response = client.get("/search/", {"q": "secretplum"})

    assert _titles(response) == []
    assert "SECRETPLUM" not in response.content.decode().replace('value="secretplum"', "")


def test_members_of_the_board_find_what_they_may_read(client, cabinet):
    meeting = _meeting(cabinet, held=datetime.date(2011, 2, 17))
    _minute(meeting, 1, "Land sale", "<p>SECRETPLUM offer</p>", exempt=True)
    member = UserFactory()
    BoardMembershipFactory(board=cabinet, person__user=member, role=BoardMembership.Role.MEMBER)
    client.force_login(member)

    response = client.get("/search/", {"q": "secretplum"})

    assert _titles(response) == ["1. Land sale"]


def test_filters_by_partnership_board_theme_and_date(client, cabinet):
    other_board = BoardFactory(name="Scrutiny", partnership=cabinet.partnership)
    elsewhere = BoardFactory(name="Elsewhere")
    obesity = Theme.objects.create(partnership=cabinet.partnership, name="Obesity", slug="obesity")
    early = _minute(_meeting(cabinet, held=datetime.date(2011, 1, 20)), 1, "Budget early")
    early.agenda_item.themes.add(obesity)
    _minute(_meeting(cabinet, held=datetime.date(2011, 3, 17)), 2, "Budget late")
    _minute(_meeting(other_board, held=datetime.date(2011, 3, 18)), 1, "Budget scrutiny")
    _minute(_meeting(elsewhere, held=datetime.date(2011, 3, 19)), 1, "Budget elsewhere")

    def found(**filters):
        return sorted(_titles(client.get("/search/", {"q": "budget", **filters})))

    assert len(found()) == 4
    assert found(partnership=cabinet.partnership.slug) == [
        "1. Budget early",
        "1. Budget scrutiny",
        "2. Budget late",
    ]
    assert found(board=other_board.pk) == ["1. Budget scrutiny"]
    assert found(theme="obesity") == ["1. Budget early"]
    assert found(held_from="2011-03-01", held_to="2011-03-18") == [
        "1. Budget scrutiny",
        "2. Budget late",
    ]


def test_a_page_past_the_end_shows_the_last_page(client, cabinet):
    meeting = _meeting(cabinet, held=datetime.date(2011, 2, 17))
    for number in range(1, 26):
        _minute(meeting, number, f"Budget item {number}")

    last = client.get("/search/", {"q": "budget", "page": "999999999999999999999"})
    second = client.get("/search/", {"q": "budget", "page": "2"})
    nonsense = client.get("/search/", {"q": "budget", "page": "two"})

    assert last.status_code == second.status_code == nonsense.status_code == 200
    assert last.context["page"] == 2
    assert _titles(last) == _titles(second)
    assert len(_titles(second)) == 5
    assert "Showing 21 to 25 of 25 results" in last.content.decode()
    assert nonsense.context["page"] == 1


@pytest.mark.parametrize(
    "words",
    [
        '"unclosed quote',
        "'; DROP TABLE meetings_minute; --",
        "budget OR 1=1",
        "budget & | ! ( ) :* <-> \\",
        "-budget",
        "%_%",
    ],
)
def test_odd_queries_get_an_answer_not_an_error(client, cabinet, words):
    _minute(_meeting(cabinet, held=datetime.date(2011, 2, 17)), 1, "Budget")

    response = client.get("/search/", {"q": words})

    assert response.status_code == 200
    assert Minute.objects.count() == 1


def test_a_query_too_long_is_refused_with_a_reason(client):
    response = client.get("/search/", {"q": "budget " * 40})

    assert response.status_code == 200
    assert "Search for 200 characters or fewer." in response.content.decode()
    assert "results" not in response.context


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ({"partnership": "no-such-partnership"}, "partnership", NO_SUCH_CHOICE),
        ({"board": "not-a-number"}, "board", NO_SUCH_CHOICE),
        ({"theme": "no-such-theme"}, "theme", NO_SUCH_CHOICE),
        ({"held_from": "2011-03-02", "held_to": "2011-03-01"}, "held_to", TO_BEFORE_FROM),
    ],
)
def test_bad_filters_are_named(client, query, field, message):
    response = client.get("/search/", {"q": "budget", **query})

    assert response.context["form"].errors[field] == [str(message)]
    assert str(message) in response.content.decode()


def test_a_board_of_another_partnership_is_refused(client, cabinet):
    elsewhere = BoardFactory()

    response = client.get(
        "/search/", {"q": "budget", "partnership": cabinet.partnership.slug, "board": elsewhere.pk}
    )

    assert response.context["form"].errors["board"] == [str(BOARD_OF_OTHER_PARTNERSHIP)]


@pytest.mark.postgres
def test_only_common_words_are_explained(client):
    response = client.get("/search/", {"q": "the and of"})

    assert response.context["results"].only_common_words
    assert "has only common words" in response.content.decode()


@pytest.mark.postgres
def test_full_text_matches_other_forms_of_a_word_and_ranks_titles_first(client, cabinet):
    meeting = _meeting(cabinet, held=datetime.date(2011, 2, 17))
    _minute(meeting, 1, "Other business", "<p>The partnership was consulting widely.</p>")
    _minute(meeting, 2, "Consultation on the budget")

    response = client.get("/search/", {"q": "consult"})

    assert _titles(response) == ["2. Consultation on the budget", "1. Other business"]


def test_beyond_the_counted_most_a_search_says_there_are_more_and_pages_no_further(
    client, cabinet, monkeypatch
):
    monkeypatch.setattr(search, "COUNTED_AT_MOST", 20)
    meeting = _meeting(cabinet, held=datetime.date(2011, 2, 17))
    for number in range(1, 26):
        _minute(meeting, number, f"Budget item {number}")

    first = client.get("/search/", {"q": "budget"})
    last = client.get("/search/", {"q": "budget", "page": "2"})

    assert (first.context["results"].total, first.context["results"].more) == (20, True)
    assert len(_titles(first)) == 20
    assert "Showing 1 to 20 of more than 20 results, best match first." in first.content.decode()
    assert (last.context["page"], _titles(last)) == (1, _titles(first))


@pytest.mark.postgres
@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_the_stored_vector_is_the_search_modules_expression(kind, cabinet):
    """The database generates the column from the expression it had when migrated: a change to
    the expression in the search module needs a migration."""
    report = Report.objects.create(
        board=cabinet,
        title="Budget",
        purpose="To set the budget",
        key_considerations="Council tax",
        body="Fees",
    )
    minute = _minute(
        _meeting(cabinet, held=datetime.date(2011, 2, 17)),
        1,
        "Budget 2011/12",
        "<p>The budget was set.</p>",
        resolution="That the budget be approved.",
        report=report,
    )
    assert minute.pk
    assert kind.model.objects.exists()

    rows = kind.model.objects.annotate(stored=kind.document(), computed=VECTORS[kind.name])

    assert [(row.stored, row.computed) for row in rows] == [
        (row.computed, row.computed) for row in rows
    ]


@pytest.mark.postgres
@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_searches_use_the_gin_indexes_of_the_stored_vectors(kind):
    query = SearchQuery("budget", search_type="websearch", config=CONFIG)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = (
            kind.model.objects.annotate(document=kind.document()).filter(document=query).explain()
        )

    assert f"Bitmap Index Scan on {kind.name}_search" in plan
