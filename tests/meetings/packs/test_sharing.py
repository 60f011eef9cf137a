"""Sections handed out to other workers: rendered once, ahead of the pack that needs them."""

from unittest import mock

import pytest

from meetings import tasks
from meetings.models import AgendaPack, Appendix, RenderedSection
from meetings.packs import build, sections
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pack(small_meeting) -> AgendaPack:
    for label in ("A", "B"):
        Appendix.objects.create(
            report=small_meeting.report,
            label=label,
            title=f"Costs table {label}",
            body=f"<p>Costs by year, table {label}.</p>",
        )
    return AgendaPack.objects.create(
        meeting=small_meeting.meeting, variant="members", requested_by=PersonFactory()
    )


def test_a_pack_shares_its_unrendered_sections_from_the_last_but_the_one_it_renders_first(
    pack,
):
    shared = mock.Mock()

    build.render_pack(pack.pk, share=shared)

    shared.assert_called_once()
    (meeting, handed_out), _ = shared.call_args
    assert meeting == pack.meeting
    assert [section.title for section in handed_out] == [
        "Appendix B: Costs table B",
        "Appendix A: Costs table A",
    ]
    pack.refresh_from_db()
    assert pack.status == AgendaPack.Status.READY


def test_a_section_rendered_by_another_worker_is_not_rendered_again_by_the_pack(pack, monkeypatch):
    handed_out = []
    build.render_pack(pack.pk, share=lambda meeting, found: handed_out.extend(found))
    RenderedSection.objects.all().delete()
    for section in handed_out:
        tasks.render_pack_section.apply(args=[pack.meeting_id, section.html])
    typeset = mock.Mock(side_effect=sections.html_to_pdf)
    monkeypatch.setattr(sections, "html_to_pdf", typeset)
    again = AgendaPack.objects.create(
        meeting=pack.meeting, variant="members", requested_by=PersonFactory()
    )

    build.render_pack(again.pk, share=mock.Mock())

    again.refresh_from_db()
    assert again.status == AgendaPack.Status.READY
    typeset_titles = [
        call.args[0].split("<title>")[1].split("</title>")[0] for call in typeset.call_args_list
    ]
    assert typeset_titles == [
        "Highways maintenance costs",
        "Highways Board, 4 June 2024: agenda",
        "Page marks",
    ]


def test_nothing_is_shared_once_every_section_is_rendered(pack):
    build.render_pack(pack.pk)
    again = AgendaPack.objects.create(
        meeting=pack.meeting, variant="members", requested_by=PersonFactory()
    )
    shared = mock.Mock()

    build.render_pack(again.pk, share=shared)

    shared.assert_not_called()


def test_the_render_task_sends_the_shared_sections_as_a_group_of_section_tasks(pack, monkeypatch):
    sent = mock.Mock()
    monkeypatch.setattr(tasks.render_pack_section, "apply_async", sent)

    tasks.render_agenda_pack.apply(args=[pack.pk])

    assert [call.args[0][0] for call in sent.call_args_list] == [pack.meeting_id] * 2
    pack.refresh_from_db()
    assert pack.status == AgendaPack.Status.READY
