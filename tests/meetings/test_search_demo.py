"""Search over the demo partnerships, as the issue's reader would try it."""

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def test_the_shadow_health_and_wellbeing_board_minute_ranks_first(client, demo):
    response = client.get("/search/", {"q": "health and wellbeing board"})

    first = response.context["results"].hits[0]
    assert first.title == "93. Shadow Health and Wellbeing Board"
    assert str(first.meeting) == "Cabinet, 17 February 2011"
    assert first.meeting.board.partnership.slug == "herefordshire"
