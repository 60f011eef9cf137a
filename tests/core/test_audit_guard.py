"""The audit guard itself: it refuses what it must and lets through what writes history."""

import pytest
from simple_history.utils import bulk_update_with_history

from meetings.models import AgendaItem, AgendaPack
from meetings.services.packs import agenda_pack_progress
from outcomes.models import Reminder
from tests.audit_guard import UnrecordedChange
from tests.factories import BoardFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def item():
    return AgendaItem.objects.create(
        meeting=MeetingFactory(board=BoardFactory()), position=1, title="A"
    )


def _from_product_code(statement: str, **names) -> None:
    """Runs a statement as code outside the tests would: the guard looks at who asks."""
    exec(compile(statement, "<product code>", "exec"), {"AgendaItem": AgendaItem, **names})


def test_an_update_of_an_audited_record_is_refused(item):
    with pytest.raises(UnrecordedChange, match=r"AgendaItem changed by QuerySet\.update"):
        _from_product_code("AgendaItem.objects.filter(pk=pk).update(title='B')", pk=item.pk)


def test_an_update_that_changes_no_row_passes(item):
    _from_product_code("AgendaItem.objects.filter(pk=pk).update(title='B')", pk=item.pk + 1)

    item.refresh_from_db()
    assert item.title == "A"


def test_a_test_may_arrange_its_data_with_an_update(item):
    assert AgendaItem.objects.filter(pk=item.pk).update(title="B") == 1


def test_the_history_helper_and_plain_models_pass(item):
    item.title = "B"
    bulk_update_with_history([item], AgendaItem, ["title"])
    Reminder.objects.filter(pk__in=[]).update(failed_attempts=1)

    assert [row.title for row in item.history.all()] == ["B", "A"]


def test_a_packs_progress_is_bookkeeping_and_passes():
    agenda_pack_progress(pack_id=0, done=1, total=2)

    assert not AgendaPack.objects.exists()
