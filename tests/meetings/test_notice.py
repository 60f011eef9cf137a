import datetime

import pytest

from meetings.exemptions import exempt_paragraph_choices, exemption_notice
from meetings.models import Meeting
from meetings.notice import (
    NOTICE_RULE_NOT_SET,
    NoticeRuleNotSet,
    agenda_notice,
    clear_days_between,
    is_late,
    last_day_to_publish,
)
from partnership.models import Nation

D = datetime.date


def test_herefordshire_cabinet_agenda_of_9_march_2011_was_on_time():
    # 10, 11, 14, 15 and 16 March: the weekend of the 12th and 13th does not count.
    assert clear_days_between(D(2011, 3, 9), D(2011, 3, 17), Nation.ENGLAND) == 5
    assert last_day_to_publish(D(2011, 3, 17), Nation.ENGLAND) == D(2011, 3, 9)
    assert is_late(D(2011, 3, 9), D(2011, 3, 17), Nation.ENGLAND) is False
    assert is_late(D(2011, 3, 10), D(2011, 3, 17), Nation.ENGLAND) is True


def test_neither_the_day_of_publication_nor_of_the_meeting_counts():
    assert clear_days_between(D(2011, 3, 16), D(2011, 3, 17), Nation.ENGLAND) == 0
    assert clear_days_between(D(2011, 3, 15), D(2011, 3, 17), Nation.ENGLAND) == 1


@pytest.mark.parametrize(
    ("nation", "clear_days"),
    [
        # 30 and 31 December, 2 and 5 January: England works on 2 January.
        (Nation.ENGLAND, 4),
        # 30 and 31 December, 5 January: 2 January is a Scottish bank holiday.
        (Nation.SCOTLAND, 3),
    ],
)
def test_christmas_and_new_year_bank_holidays_follow_the_nation(nation, clear_days):
    assert clear_days_between(D(2025, 12, 29), D(2026, 1, 6), nation) == clear_days


def test_a_meeting_on_6_january_2026_needs_its_agenda_out_before_christmas_in_england():
    # Working back from 5 January: 5, 2, 31, 30 and 29 December; 1 January is a holiday.
    assert last_day_to_publish(D(2026, 1, 6), Nation.ENGLAND) == D(2025, 12, 28)
    # Working back: 5 January, then 31 and 30 December; 1 and 2 January are holidays.
    assert last_day_to_publish(D(2026, 1, 6), Nation.SCOTLAND) == D(2025, 12, 29)
    assert is_late(D(2025, 12, 29), D(2026, 1, 6), Nation.ENGLAND) is True
    assert is_late(D(2025, 12, 29), D(2026, 1, 6), Nation.SCOTLAND) is False


@pytest.mark.parametrize(
    ("nation", "clear_days"),
    [
        # Only Tuesday 22 April: Good Friday and Easter Monday are English bank holidays.
        (Nation.ENGLAND, 1),
        (Nation.WALES, 1),
        # Easter Monday is a working day in Scotland.
        (Nation.SCOTLAND, 2),
    ],
)
def test_easter_monday_is_a_bank_holiday_in_england_and_wales_but_not_scotland(nation, clear_days):
    assert clear_days_between(D(2025, 4, 17), D(2025, 4, 23), nation) == clear_days


def test_last_day_to_publish_before_a_meeting_after_easter_2025():
    # 23, 22, 17, 16 and 15 April; Good Friday 18 and Easter Monday 21 April are holidays.
    assert last_day_to_publish(D(2025, 4, 24), Nation.ENGLAND) == D(2025, 4, 14)
    # 23, 22 and 21 April: three clear days, Easter Monday among them.
    assert last_day_to_publish(D(2025, 4, 24), Nation.SCOTLAND) == D(2025, 4, 20)
    # Three clear days as in Scotland, but Easter Monday does not count.
    assert last_day_to_publish(D(2025, 4, 24), Nation.WALES) == D(2025, 4, 16)


@pytest.mark.parametrize("nation", [Nation.ENGLAND, Nation.WALES, Nation.SCOTLAND])
def test_publishing_on_the_last_day_is_on_time_and_a_day_later_is_late(nation):
    for meeting_date in [D(2026, 1, 6), D(2025, 4, 24), D(2025, 12, 1), D(2026, 7, 14)]:
        last_day = last_day_to_publish(meeting_date, nation)
        assert is_late(last_day, meeting_date, nation) is False
        assert is_late(last_day + datetime.timedelta(days=1), meeting_date, nation) is True


def test_publishing_on_or_after_the_day_of_the_meeting_is_late():
    assert is_late(D(2011, 3, 17), D(2011, 3, 17), Nation.ENGLAND) is True
    assert is_late(D(2011, 3, 18), D(2011, 3, 17), Nation.ENGLAND) is True


def test_northern_ireland_has_no_notice_rule_and_says_so():
    message = NOTICE_RULE_NOT_SET.format(nation="Northern Ireland")

    with pytest.raises(NoticeRuleNotSet, match=f"^{message}$"):
        last_day_to_publish(D(2026, 1, 6), Nation.NORTHERN_IRELAND)
    with pytest.raises(NoticeRuleNotSet, match=f"^{message}$"):
        is_late(D(2026, 1, 1), D(2026, 1, 6), Nation.NORTHERN_IRELAND)


@pytest.mark.django_db
def test_the_march_2011_cabinet_agenda_notice_shows_its_last_day_and_on_time(demo):
    march = Meeting.objects.get(board__slug="cabinet", starts_at__month=3)

    notice = agenda_notice(march)

    assert notice.rule.clear_days == 5
    assert notice.rule.statute == "section 100B of the Local Government Act 1972"
    assert notice.last_day == D(2011, 3, 9)
    assert notice.published_late is False


def test_exempt_paragraph_choices_follow_the_nation():
    england = exempt_paragraph_choices(Nation.ENGLAND)
    wales = exempt_paragraph_choices(Nation.WALES)
    scotland = exempt_paragraph_choices(Nation.SCOTLAND)

    assert [number for number, _ in england] == ["1", "2", "3", "4", "5", "6", "7"]
    assert [number for number, _ in wales] == ["12", "13", "14", "15", "16", "17", "18"]
    assert [number for number, _ in scotland] == [str(n) for n in range(1, 15)]
    assert england[2] == (
        "3",
        "Paragraph 3: Financial or business affairs of any particular person, including the "
        "authority",
    )
    assert exempt_paragraph_choices(Nation.NORTHERN_IRELAND) == []


def test_exemption_notice_names_the_paragraph_and_the_nations_schedule():
    assert exemption_notice(Nation.SCOTLAND, "8") == (
        "Not for publication: exempt information under paragraph 8 of Schedule 7A to the "
        "Local Government (Scotland) Act 1973."
    )
