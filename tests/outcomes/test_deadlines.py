"""Reading a due date from the wording a timescale was agreed in."""

import datetime

import pytest

from outcomes.deadlines import deadline_from_wording


@pytest.mark.parametrize(
    ("wording", "deadline"),
    [
        # Every distinct entry of the Timescale column of the Highland SOA 2013/14-2018/19
        # development plan, in order of first appearance.
        ("Before March 2014", datetime.date(2014, 2, 28)),
        ("March 2014", datetime.date(2014, 3, 31)),
        ("September/October 2014", datetime.date(2014, 10, 31)),
        ("September/ October 2015", datetime.date(2015, 10, 31)),
        ("October 2013", datetime.date(2013, 10, 31)),
        ("September 2013", datetime.date(2013, 9, 30)),
        ("On-going", None),
        ("First annual review June 2014", datetime.date(2014, 6, 30)),
        ("By March 2014", datetime.date(2014, 3, 31)),
        ("From October 2013", None),
        ("Co-ordinators recruited September 2013", datetime.date(2013, 9, 30)),
        ("Approach developed 2013", datetime.date(2013, 12, 31)),
        ("Programme agreed by March 2014", datetime.date(2014, 3, 31)),
        ("From September 2013", None),
        ("During 2013-18", datetime.date(2018, 3, 31)),
        # The timescales in the text of report COG/1/13 itself.
        ("(Sept 2013)", datetime.date(2013, 9, 30)),
        ("by the end March 2014", datetime.date(2014, 3, 31)),
        ("by the end of November 2013", datetime.date(2013, 11, 30)),
    ],
)
def test_seed_wording_gives_the_date_it_is_due(wording, deadline):
    assert deadline_from_wording(wording) == deadline


@pytest.mark.parametrize(
    ("wording", "deadline"),
    [
        ("Before January 2014", datetime.date(2013, 12, 31)),
        ("before march 2014", datetime.date(2014, 2, 28)),
        ("  By   March\n2014 ", datetime.date(2014, 3, 31)),
        ("Before February 2016", datetime.date(2016, 1, 31)),
        ("February 2016", datetime.date(2016, 2, 29)),
        ("13 March 2014", datetime.date(2014, 3, 13)),
        ("2013/14", datetime.date(2014, 3, 31)),
        ("By 2015", datetime.date(2015, 12, 31)),
        ("Ongoing", None),
        ("Continuous", None),
    ],
)
def test_variants_of_the_seed_wording_are_read_alike(wording, deadline):
    assert deadline_from_wording(wording) == deadline


@pytest.mark.parametrize(
    "wording",
    [
        "",
        "   ",
        "TBC",
        "March",
        "September/October",
        "Before",
        "Marhc 2014",
        "Spring 2014",
        "March 20144",
        "31 February 2014",
        "2018-13",
    ],
)
def test_unrecognised_wording_gives_no_deadline(wording):
    assert deadline_from_wording(wording) is None
