import pytest
from django.contrib.auth.models import User

from meetings.models import Meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def february(demo) -> Meeting:
    return Meeting.objects.get(board__slug="cabinet", starts_at__month=2)


@pytest.fixture
def march(demo) -> Meeting:
    return Meeting.objects.get(board__slug="cabinet", starts_at__month=3)


def test_published_minutes_show_attendance_and_resolutions(
    client, february, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        response = client.get(february.get_absolute_url())

    page = response.content.decode()
    assert response.status_code == 200
    assert "Councillor JA Hyde (Cabinet Member Children&#x27;s Services)" in page
    assert "86. Apologies for absence" in page
    assert "93. Shadow Health and Wellbeing Board" in page
    assert "RESOLVED: That it be recommended to Council that:" in page


def test_march_agenda_shows_six_items_and_report_cover_sheets(client, march):
    page = client.get(march.get_absolute_url()).content.decode()

    assert "1. Apologies for absence" in page
    assert "6. Information and ICT Strategy" in page
    assert "Corporate &amp; Customer Services and Human Resources" in page
    assert "County-wide" in page
    assert "This is not a key decision" in page


def test_signed_in_home_stays_within_a_query_budget(client, demo, django_assert_max_num_queries):
    client.force_login(User.objects.get(username="officer"))

    with django_assert_max_num_queries(12):
        response = client.get("/")

    page = response.content.decode()
    assert "Carron McDiarmid" in page
    assert "Chief Officers&#x27; Group" in page
    assert "Overdue" in page
