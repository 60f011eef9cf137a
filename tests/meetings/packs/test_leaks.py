"""The public pack is refused, not published, if its text shows anything of an exempt item."""

import pytest

from demo.herefordshire import DEMONSTRATION_EXEMPT_REPORT
from meetings.models import AgendaPack
from meetings.packs import assembly
from meetings.packs.refusals import EXEMPT_TEXT_IN_PUBLIC_PACK

pytestmark = pytest.mark.django_db


def test_public_pack_showing_an_exempt_title_is_refused_with_the_reason(
    march, rendered_pack, monkeypatch, storage
):
    # A fault in assembling: the public pack's query lets the exempt item through.
    monkeypatch.setattr(assembly, "open_items", assembly.members_items)

    pack = rendered_pack(march, AgendaPack.Variant.PUBLIC)

    assert pack.status == AgendaPack.Status.FAILED
    assert pack.failure_reason == EXEMPT_TEXT_IN_PUBLIC_PACK.format(
        record="item 7", phrase=DEMONSTRATION_EXEMPT_REPORT["title"]
    )
    assert pack.file.name == ""
    assert not list((storage / "packs" / str(march.pk)).glob("public-*"))


def test_public_pack_quoting_exempt_report_text_is_refused_with_the_words(march, rendered_pack):
    report = march.agenda_items.get(position=6).report
    report.financial_implications += (
        "<p>The tenderers' prices are commercially sensitive until the contract is signed.</p>"
    )
    report.save()

    pack = rendered_pack(march, AgendaPack.Variant.PUBLIC)

    assert pack.status == AgendaPack.Status.FAILED
    assert pack.failure_reason == EXEMPT_TEXT_IN_PUBLIC_PACK.format(
        record="item 7", phrase="the tenderers prices are commercially sensitive until the"
    )
