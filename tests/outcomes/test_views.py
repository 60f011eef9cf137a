import pytest

pytestmark = pytest.mark.django_db


def test_framework_page_lists_the_development_plan(client, demo, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        response = client.get("/partnerships/highland-cpp/frameworks/highland-soa-2013-2019/")

    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("Area for improvement ") == 6
    assert "Before March 2014" in page
    assert 'Due <time datetime="2014-02-28">28 February 2014</time>' in page
    assert "Employability" in page
