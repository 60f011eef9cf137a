"""The date by which an action is due, read from the wording its timescale was agreed in.

Partnerships agree timescales in words ("Before March 2014", "September/October 2014",
"On-going"). The wording is always kept; the date derived here is what reminders and the
overdue list work from, so anything not clearly a deadline gives no date rather than a guess.
"""

import calendar
import datetime
import re

_MONTH_NUMBERS = {
    **{name.lower(): number for number, name in enumerate(calendar.month_name) if name},
    **{name.lower(): number for number, name in enumerate(calendar.month_abbr) if name},
    "sept": 9,
}
# Longest names first, so that "March" is not read as "Mar" followed by "ch".
_MONTH = "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True))
_YEAR = r"(?:19|20)\d{2}"

# Wordings that start a commitment rather than end one: there is no date to miss.
_OPEN_ENDED = re.compile(
    r"^(?:on-?\s?going|continuous(?:ly)?|continuing|from|since|throughout|as required)\b",
    re.IGNORECASE,
)
# A span of financial years: "2013-18", "2013/14", "2013-2018".
_YEAR_SPAN = re.compile(rf"\b(?P<start>{_YEAR})\s*[-–/]\s*(?P<end>\d{{4}}|\d{{2}})$")
_BEFORE = re.compile(rf"\bbefore\s+(?:(?P<month>{_MONTH})\s+)?(?P<year>{_YEAR})$", re.IGNORECASE)
_DAY_MONTH_YEAR = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTH})\s+(?P<year>{_YEAR})$",
    re.IGNORECASE,
)
# "September/October 2014" (and "September/ October 2015"): due by the end of the later month.
_MONTH_OR_MONTH_YEAR = re.compile(
    rf"\b(?:{_MONTH})\s*/\s*(?P<month>{_MONTH})\s+(?P<year>{_YEAR})$", re.IGNORECASE
)
_MONTH_YEAR = re.compile(rf"\b(?P<month>{_MONTH})\s+(?P<year>{_YEAR})$", re.IGNORECASE)
_YEAR_ALONE = re.compile(rf"(?:^|(?P<word>\S+)\s+)(?P<year>{_YEAR})$")
# Words that may stand before a bare year: "By 2015", "Approach developed 2013".
_YEAR_LEAD_WORDS = {"by", "in", "during"}


def deadline_from_wording(wording: str) -> datetime.date | None:
    """The last day an action with this agreed timescale is due, or None if it has none."""
    text = " ".join(wording.split()).strip("().")
    if not text or _OPEN_ENDED.search(text):
        return None
    for pattern, due_on in _READINGS:
        match = pattern.search(text)
        if match:
            return due_on(match)
    return None


def _last_day_of_month(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def _month_number(name: str) -> int:
    return _MONTH_NUMBERS[name.lower()]


def _end_of_year_span(match: re.Match) -> datetime.date | None:
    start, end = int(match["start"]), match["end"]
    end_year = int(end) if len(end) == 4 else start // 100 * 100 + int(end)
    if end_year <= start:
        return None
    # Outcome agreements run over financial years, so "During 2013-18" spans 2013/14 to
    # 2017/18 (Highland's QA panel calls its 2013/14-2018/19 SOA "2013-18") and is due when
    # the 2017/18 financial year ends, on 31 March 2018; likewise "2013/14" on 31 March 2014.
    return datetime.date(end_year, 3, 31)


def _day_before(match: re.Match) -> datetime.date:
    month = _month_number(match["month"]) if match["month"] else 1
    return datetime.date(int(match["year"]), month, 1) - datetime.timedelta(days=1)


def _that_day(match: re.Match) -> datetime.date | None:
    try:
        return datetime.date(int(match["year"]), _month_number(match["month"]), int(match["day"]))
    except ValueError:
        return None


def _end_of_month(match: re.Match) -> datetime.date:
    return _last_day_of_month(int(match["year"]), _month_number(match["month"]))


def _end_of_year(match: re.Match) -> datetime.date | None:
    word = match["word"]
    # A capitalised word before the year may be a misspelt month or a season ("Marhc 2014",
    # "Spring 2014"): reading those as the year's end would invent a deadline.
    if word is not None and not (word.islower() or word.lower() in _YEAR_LEAD_WORDS):
        return None
    return datetime.date(int(match["year"]), 12, 31)


# The first pattern that matches decides; each reads the timescale at the end of the wording.
_READINGS = [
    (_YEAR_SPAN, _end_of_year_span),
    (_BEFORE, _day_before),
    (_DAY_MONTH_YEAR, _that_day),
    (_MONTH_OR_MONTH_YEAR, _end_of_month),
    (_MONTH_YEAR, _end_of_month),
    (_YEAR_ALONE, _end_of_year),
]
