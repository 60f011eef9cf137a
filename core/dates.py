"""Dates written out in the active language's month names, in the few shapes the text uses."""

import datetime

from django.utils.formats import date_format


def long_date(day: datetime.date) -> str:
    """A day in full: 17 February 2011."""
    return date_format(day, "j F Y")


def short_date(day: datetime.date) -> str:
    """A day with its month shortened: 17 Feb 2011."""
    return date_format(day, "j M Y")


def day_and_month(day: datetime.date) -> str:
    """A day and its month, without the year: 17 February."""
    return date_format(day, "j F")


def month_and_year(day: datetime.date) -> str:
    """A day's month and year: February 2011."""
    return date_format(day, "F Y")


def short_month_and_year(day: datetime.date) -> str:
    """A day's month, shortened, and year: Feb 2011."""
    return date_format(day, "M Y")


def short_month(day: datetime.date) -> str:
    """A day's month, shortened: Feb."""
    return date_format(day, "M")
