import csv
import datetime
import io

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from outcomes.exports import COLUMNS, safe_cell
from outcomes.models import DevelopmentAction
from tests.factories import (
    ActionUpdateFactory,
    DevelopmentActionFactory,
    PartnershipFactory,
    PersonFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def rows_of(response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff"), "Excel needs the byte-order mark to read UTF-8"
    return list(csv.reader(io.StringIO(text[1:])))


def test_the_csv_has_the_overdue_highland_actions_row_for_row(client, demo):
    action = DevelopmentAction.objects.get(partnership__slug="highland-cpp", reference="1.2")
    carron = User.objects.get(username="officer").person
    ActionUpdateFactory(action=action, author=carron, written_on=datetime.date(2014, 1, 15))
    ActionUpdateFactory(
        action=action,
        author=carron,
        written_on=datetime.date(2014, 2, 20),
        text="Baselines set for four themes.",
    )
    url = reverse("outcomes:action_list", args=["highland-cpp"])

    response = client.get(url, {"overdue": "yes", "format": "csv"})
    page = client.get(url, {"overdue": "yes"})

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="highland-cpp-actions-{TODAY.isoformat()}.csv"'
    )
    header, *rows = rows_of(response)
    assert header == COLUMNS
    shown = [listed.reference for listed in page.context["page_obj"].object_list]
    assert [row[0] for row in rows] == shown
    assert len(rows) == 14
    by_reference = {row[0]: row for row in rows}
    area, clause = action.area_for_improvement, action.remit_clause
    assert by_reference["1.2"] == [
        "1.2",
        action.activity,
        f"1: {area.text}",
        f"Remit 1 of Chief Officers' Group: {clause.text}",
        "The Highland Council",
        "2014-03-31",
        "March 2014",
        "Not started",
        "2014-02-20",
        "Baselines set for four themes.",
        "Yes",
    ]
    assert by_reference["2.2"][4:8] == [
        "Chief Officers' Group",
        "2013-09-30",
        "September 2013",
        "Not started",
    ]
    assert by_reference["2.2"][8:] == ["", "", "Yes"]


def test_the_csv_is_the_whole_filtered_list_not_one_page(client):
    partnership = PartnershipFactory(slug="cannock-chase")
    for number in range(30):
        DevelopmentActionFactory(
            partnership=partnership,
            reference=f"{number:02}",
            deadline=TODAY + datetime.timedelta(days=number),
            status="done" if number % 2 else "in_progress",
        )

    response = client.get(
        reverse("outcomes:action_list", args=["cannock-chase"]),
        {"status": "done", "format": "csv", "page": "2"},
    )

    _, *rows = rows_of(response)
    assert [row[0] for row in rows] == [f"{number:02}" for number in range(1, 30, 2)]
    assert {row[7] for row in rows} == {"Done"}
    assert {row[10] for row in rows} == {"No"}


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        (
            '=HYPERLINK("http://evil.example","Click")',
            '\'=HYPERLINK("http://evil.example","Click")',
        ),
        ("+44 1463 702000", "'+44 1463 702000"),
        ("-1+1", "'-1+1"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1", "'\t=1"),
        ("Reduce inequalities", "Reduce inequalities"),
        ("2.3", "2.3"),
    ],
)
def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_written_as_text(typed, written):
    assert safe_cell(typed) == written


def test_formulae_typed_into_an_action_reach_the_csv_as_text(client):
    partnership = PartnershipFactory(slug="cannock-chase")
    action = DevelopmentActionFactory(
        partnership=partnership,
        reference="=1+1",
        activity="@cmd|' /C calc'!A0",
        deadline_wording="-2014",
    )
    ActionUpdateFactory(action=action, text="+done")

    response = client.get(
        reverse("outcomes:action_list", args=["cannock-chase"]), {"format": "csv"}
    )

    _, row = rows_of(response)
    assert row[0] == "'=1+1"
    assert row[1] == "'@cmd|' /C calc'!A0"
    assert row[6] == "'-2014"
    assert row[9] == "'+done"


def test_my_actions_download_as_csv(client):
    user = UserFactory()
    me = PersonFactory(user=user)
    DevelopmentActionFactory(reference="1.1", lead_person=me)
    DevelopmentActionFactory(reference="9.9", lead_person=PersonFactory())
    client.force_login(user)

    response = client.get(reverse("my_actions"), {"format": "csv"})

    assert response["Content-Disposition"] == (
        f'attachment; filename="my-actions-{TODAY.isoformat()}.csv"'
    )
    _, *rows = rows_of(response)
    assert [row[0] for row in rows] == ["1.1"]
    assert rows[0][4] == str(me)
