"""The engagement register: logging activities and findings, the overlap rule, and its pages."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from governance.engagement import (
    ENDS_BEFORE_STARTS,
    NOT_A_PARTNER,
    OTHER_PARTNERSHIP_BOARD,
    engagement_log,
    engagement_overlaps,
    engagement_record_findings,
    weeks_in_words,
)
from governance.models import EngagementActivity
from partnership.models import Area, Nation, PartnerMembership, Person
from tests.factories import (
    BoardFactory,
    OrganisationFactory,
    PartnershipFactory,
    PersonFactory,
    UserFactory,
)
from tests.pages import error_summary, text_of

pytestmark = pytest.mark.django_db

# Monday 3 March 2014 starts a week; the activities are dated around it.
MONDAY = datetime.date(2014, 3, 3)


def day(offset: int) -> datetime.date:
    return MONDAY + datetime.timedelta(days=offset)


@pytest.fixture
def county():
    return Area.objects.create(name="Herefordshire", kind=Area.Kind.COUNTY, nation=Nation.ENGLAND)


@pytest.fixture
def ward(county):
    return Area.objects.create(
        name="Leominster North", kind=Area.Kind.WARD, nation=Nation.ENGLAND, parent=county
    )


@pytest.fixture
def other_ward(county):
    return Area.objects.create(
        name="Ledbury", kind=Area.Kind.WARD, nation=Nation.ENGLAND, parent=county
    )


@pytest.fixture
def council():
    return OrganisationFactory(name="Herefordshire Council")


@pytest.fixture
def pct():
    return OrganisationFactory(name="Herefordshire PCT")


@pytest.fixture
def partnership(county, council, pct):
    partnership = PartnershipFactory(
        name="Herefordshire Partnership", slug="herefordshire", area=county
    )
    PartnerMembership.objects.create(partnership=partnership, organisation=council)
    PartnerMembership.objects.create(partnership=partnership, organisation=pct)
    return partnership


@pytest.fixture
def officer(council):
    return PersonFactory(
        name="Jane Jones",
        organisation=council,
        capacity=Person.Capacity.OFFICER,
        user=UserFactory(username="jane"),
    )


def log(partnership, organisation, topic, *, starts_on, ends_on, audience="older people", **kw):
    return engagement_log(
        partnership=partnership,
        organisation=organisation,
        topic=topic,
        audience=audience,
        starts_on=starts_on,
        ends_on=ends_on,
        method=EngagementActivity.Method.SURVEY,
        by=None,
        **kw,
    )


def overlapping_pairs(partnership) -> list[tuple[str, str]]:
    return [
        (overlap.first.topic, overlap.second.topic) for overlap in engagement_overlaps(partnership)
    ]


def test_activities_sharing_one_week_overlap(partnership, council, pct, ward):
    log(partnership, council, "Housing survey", starts_on=day(-10), ends_on=day(0), area=ward)
    log(partnership, pct, "Falls drop-in", starts_on=day(6), ends_on=day(20), area=ward)

    [overlap] = engagement_overlaps(partnership)

    assert (overlap.first.topic, overlap.second.topic) == ("Housing survey", "Falls drop-in")
    assert overlap.weeks == (MONDAY,)
    assert overlap.weeks_in_words == "week of 3 March 2014"


def test_activities_in_adjacent_weeks_do_not_overlap(partnership, council, pct, ward):
    log(partnership, council, "Housing survey", starts_on=day(-7), ends_on=day(-1), area=ward)
    log(partnership, pct, "Falls drop-in", starts_on=day(0), ends_on=day(6), area=ward)

    assert overlapping_pairs(partnership) == []


def test_same_weeks_but_a_different_audience_do_not_overlap(partnership, council, pct, ward):
    log(partnership, council, "Housing survey", starts_on=day(0), ends_on=day(4), area=ward)
    log(
        partnership,
        pct,
        "Carers' forum",
        starts_on=day(0),
        ends_on=day(4),
        area=ward,
        audience="young carers",
    )

    assert overlapping_pairs(partnership) == []


def test_same_audience_in_a_different_area_does_not_overlap(
    partnership, council, pct, ward, other_ward
):
    log(partnership, council, "Housing survey", starts_on=day(0), ends_on=day(4), area=ward)
    log(partnership, pct, "Falls drop-in", starts_on=day(0), ends_on=day(4), area=other_ward)
    log(partnership, pct, "Partnership-wide survey", starts_on=day(0), ends_on=day(4))

    assert overlapping_pairs(partnership) == []


def test_audiences_differing_in_case_and_spacing_overlap(partnership, council, pct):
    log(partnership, council, "Housing survey", starts_on=day(0), ends_on=day(9))
    log(
        partnership,
        pct,
        "Falls drop-in",
        starts_on=day(2),
        ends_on=day(12),
        audience="  Older   People ",
    )

    [overlap] = engagement_overlaps(partnership)

    assert overlap.weeks == (MONDAY, day(7))
    assert overlap.weeks_in_words == "weeks of 3 and 10 March 2014"


def test_overlaps_of_one_activity_leave_out_the_others(partnership, council, pct):
    survey = log(partnership, council, "Housing survey", starts_on=day(0), ends_on=day(30))
    log(partnership, pct, "Falls drop-in", starts_on=day(1), ends_on=day(2))
    log(partnership, pct, "Winter warmth", starts_on=day(20), ends_on=day(22))
    panel = log(partnership, pct, "Citizens' panel", starts_on=day(60), ends_on=day(61))

    assert len(engagement_overlaps(partnership, activity=survey)) == 2
    assert engagement_overlaps(partnership, activity=panel) == []


def test_overlaps_are_found_in_one_query(partnership, council, pct, django_assert_num_queries):
    for number in range(6):
        log(partnership, council, f"Survey {number}", starts_on=day(number), ends_on=day(9))

    with django_assert_num_queries(1):
        overlaps = engagement_overlaps(partnership)
        topics = [(o.first.organisation.name, o.second.area) for o in overlaps]

    assert len(topics) == 15


def test_weeks_in_words_across_months_and_years():
    assert weeks_in_words((day(-7), MONDAY)) == "weeks of 24 February and 3 March 2014"
    assert weeks_in_words((day(0), day(7), day(14))) == "weeks of 3 to 17 March 2014"
    december = datetime.date(2013, 12, 30)
    assert weeks_in_words((december, day(-56))) == "weeks of 30 December 2013 and 6 January 2014"


def test_an_activity_ending_before_it_starts_is_refused_and_not_saved(partnership, council):
    with pytest.raises(ValidationError) as refused:
        log(partnership, council, "Housing survey", starts_on=day(5), ends_on=day(4))

    assert refused.value.message_dict == {"ends_on": [ENDS_BEFORE_STARTS]}
    assert EngagementActivity.objects.count() == 0


def test_an_organisation_not_in_the_partnership_is_refused(partnership):
    stranger = OrganisationFactory(name="Powys County Council")

    with pytest.raises(ValidationError) as refused:
        log(partnership, stranger, "Housing survey", starts_on=day(0), ends_on=day(4))

    assert refused.value.message_dict == {
        "organisation": [NOT_A_PARTNER.format(organisation=stranger, partnership=partnership)]
    }
    assert EngagementActivity.objects.count() == 0


def test_the_contact_is_whoever_logged_it_unless_named(partnership, council, officer):
    activity = engagement_log(
        partnership=partnership,
        organisation=council,
        topic=" Housing survey ",
        audience="older  people",
        starts_on=day(0),
        ends_on=day(4),
        method=EngagementActivity.Method.SURVEY,
        by=officer,
    )

    assert (activity.topic, activity.audience, activity.contact) == (
        "Housing survey",
        "older people",
        officer,
    )
    assert activity.history.get().history_user == officer.user


def test_findings_go_to_a_board_of_the_same_partnership_only(partnership, council):
    activity = log(partnership, council, "Housing survey", starts_on=day(0), ends_on=day(4))
    elsewhere = BoardFactory(name="Powys board")

    with pytest.raises(ValidationError) as refused:
        engagement_record_findings(
            activity=activity, findings="Want more bus routes.", reported_to=elsewhere, by=None
        )

    assert refused.value.message_dict == {
        "reported_to": [OTHER_PARTNERSHIP_BOARD.format(board=elsewhere, partnership=partnership)]
    }
    activity.refresh_from_db()
    assert (activity.findings, activity.reported_to) == ("", None)

    board = BoardFactory(partnership=partnership, name="Health and Wellbeing Board")
    engagement_record_findings(
        activity=activity, findings="Want more bus routes.", reported_to=board, by=None
    )
    activity.refresh_from_db()
    assert (activity.findings, activity.reported_to) == ("Want more bus routes.", board)


# Pages


def url(name: str, partnership, *args) -> str:
    return reverse(f"governance:{name}", args=[partnership.slug, *args])


def test_the_list_flags_overlaps_with_a_link_in_constant_queries(
    client, partnership, council, pct, ward, django_assert_max_num_queries
):
    survey = log(
        partnership,
        council,
        "Older people's housing survey",
        starts_on=day(0),
        ends_on=day(9),
        area=ward,
    )
    log(partnership, pct, "Falls drop-in", starts_on=day(2), ends_on=day(12), area=ward)
    for number in range(5):
        log(partnership, pct, f"Other {number}", starts_on=day(90), ends_on=day(91))

    with django_assert_max_num_queries(8):
        response = client.get(url("engagement_list", partnership))

    text = text_of(response)
    assert "7 activities" in text
    assert (
        "Overlaps with: Older people's housing survey (Herefordshire Council), same area and "
        "audience, weeks of 3 and 10 March 2014"
    ) in text
    assert url("engagement_detail", partnership, survey.pk) in response.content.decode()


def test_the_list_filters_by_partner_audience_area_and_month(
    client, partnership, council, pct, ward
):
    log(partnership, council, "Housing survey", starts_on=day(0), ends_on=day(9), area=ward)
    log(partnership, pct, "Carers' forum", starts_on=day(40), ends_on=day(41), audience="carers")

    def topics(**filters):
        response = client.get(url("engagement_list", partnership), filters)
        return [activity.topic for activity, _ in response.context["rows"]]

    assert topics(organisation=pct.pk) == ["Carers' forum"]
    assert topics(audience="OLDER") == ["Housing survey"]
    assert topics(area=ward.pk) == ["Housing survey"]
    assert topics(month="2014-04") == ["Carers' forum"]
    assert topics(month="2014-03") == ["Housing survey"]


def test_the_calendar_lists_each_week_of_the_month(client, partnership, council, pct):
    log(partnership, council, "Housing survey", starts_on=day(0), ends_on=day(9))
    log(partnership, pct, "Falls drop-in", starts_on=day(8), ends_on=day(8))

    response = client.get(url("engagement_calendar", partnership), {"month": "2014-03"})

    text = text_of(response)
    assert "Engagement in March 2014, week by week" in text
    weeks = [monday for monday, _, _ in response.context["weeks"]]
    assert weeks == [day(-7), day(0), day(7), day(14), day(21), day(28)]
    running = {
        monday: [activity.topic for activity, _ in rows]
        for monday, _, rows in response.context["weeks"]
    }
    assert running[day(0)] == ["Housing survey"]
    assert running[day(7)] == ["Housing survey", "Falls drop-in"]
    assert "Overlaps with: Falls drop-in (Herefordshire PCT)" in text


@pytest.mark.parametrize("month", ["0001-01", "9999-12", "2014-13", "2014", "march", "1-1-1"])
def test_a_month_that_cannot_be_shown_gives_the_calendar_of_the_coming_month(
    client, partnership, council, month
):
    log(partnership, council, "Housing survey", starts_on=day(0), ends_on=day(9))

    response = client.get(url("engagement_calendar", partnership), {"month": month})

    assert response.status_code == 200
    assert response.context["month"] == datetime.date(2014, 3, 1)


def test_only_the_partnerships_officers_may_log_an_activity(client, partnership, officer):
    assert client.get(url("engagement_create", partnership)).status_code == 302
    outsider = PersonFactory(
        name="Other officer",
        organisation=OrganisationFactory(),
        capacity=Person.Capacity.OFFICER,
        user=UserFactory(username="outsider"),
    )
    client.force_login(outsider.user)
    assert client.get(url("engagement_create", partnership)).status_code == 403

    client.force_login(officer.user)
    assert client.get(url("engagement_create", partnership)).status_code == 200


def form_data(organisation, **fields):
    return {
        "organisation": organisation.pk,
        "topic": "Older people's housing survey",
        "audience": "older people",
        "starts_on_0": "3",
        "starts_on_1": "3",
        "starts_on_2": "2014",
        "ends_on_0": "14",
        "ends_on_1": "3",
        "ends_on_2": "2014",
        "method": "survey",
        **fields,
    }


def test_an_officer_logs_an_activity_and_sees_it(client, partnership, council, officer, ward):
    client.force_login(officer.user)

    response = client.post(
        url("engagement_create", partnership), form_data(council, area=ward.pk), follow=True
    )

    activity = EngagementActivity.objects.get()
    assert (activity.area, activity.starts_on, activity.ends_on, activity.contact) == (
        ward,
        day(0),
        day(11),
        officer,
    )
    text = text_of(response)
    assert "Older people's housing survey (Herefordshire Council) is in the register." in text
    assert "Leominster North (ward)" in text
    assert "No findings are recorded yet." in text


def test_the_form_shows_an_end_before_the_start_and_saves_nothing(
    client, partnership, council, officer
):
    client.force_login(officer.user)

    response = client.post(url("engagement_create", partnership), form_data(council, ends_on_0="1"))

    assert response.status_code == 200
    assert error_summary(response) == [ENDS_BEFORE_STARTS]
    assert EngagementActivity.objects.count() == 0


def test_an_officer_records_findings_and_the_page_names_the_board(
    client, partnership, council, officer
):
    activity = log(partnership, council, "Housing survey", starts_on=day(0), ends_on=day(4))
    board = BoardFactory(partnership=partnership, name="Health and Wellbeing Board")
    assert client.get(url("engagement_findings", partnership, activity.pk)).status_code == 302
    client.force_login(officer.user)

    response = client.post(
        url("engagement_findings", partnership, activity.pk),
        {"findings": "Residents want more bus routes.", "reported_to": board.pk},
        follow=True,
    )

    text = text_of(response)
    assert "The findings of Housing survey (Herefordshire Council) are recorded." in text
    assert "Residents want more bus routes." in text
    assert "Reported to Health and Wellbeing Board ." in text


def test_an_activity_of_another_partnership_is_not_found(client, partnership, council):
    activity = log(partnership, council, "Housing survey", starts_on=day(0), ends_on=day(4))
    other = PartnershipFactory()

    assert client.get(url("engagement_detail", other, activity.pk)).status_code == 404
    assert client.get(url("engagement_detail", partnership, activity.pk)).status_code == 200
