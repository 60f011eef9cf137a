"""A partnership exported to an archive and imported again: whole, byte for byte, or not at all."""

import datetime
import io
import json
import zipfile

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import transaction
from django.utils import timezone

from core import portability
from core.dates import long_date
from core.portability import (
    ArchiveRefused,
    LeftOut,
    archive_bytes,
    archive_export,
    archive_import,
    archive_remove,
)
from governance.models import Board, JointAppointment
from meetings.models import Appendix, Meeting, Report
from partnership.models import Partnership
from tests.documents import pdf_document, word_document

pytestmark = pytest.mark.django_db

DEMO = ["highland-cpp", "herefordshire", "cardiff", "cannock-chase-lsp"]
PROJECT_APPS = {"core", "partnership", "governance", "outcomes", "meetings", "demo"}


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(scope="module")
def demo_archives(django_db_setup, django_db_blocker, tmp_path_factory) -> dict:
    """Each demo partnership's archive, made once in a transaction rolled back: the tests that
    use them import them into a database that holds nothing."""
    folder = tmp_path_factory.mktemp("archives")
    archives = {slug: folder / f"{slug}.zip" for slug in DEMO}
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("demo_load", stdout=io.StringIO())
        for slug, path in archives.items():
            archive_export(Partnership.objects.get(slug=slug), path)
        transaction.set_rollback(True)
    return archives


@pytest.fixture
def cardiff_archive(demo_archives):
    return demo_archives["cardiff"]


def _counts() -> dict[str, int]:
    """Rows of every model, history included: what 'the database unchanged' compares."""
    return {m._meta.label: m._default_manager.count() for m in apps.get_models()}


def _attach_files() -> dict[str, bytes]:
    """Uploaded files on Herefordshire's demo records: an appendix, a Word source, an MoU."""
    report = Report.objects.filter(board__partnership__slug="herefordshire").order_by("pk").first()
    files = {
        "appendix": pdf_document(pages=2),
        "source": word_document("The report as written in Word."),
        "mou": pdf_document(pages=1),
    }
    appendix = Appendix(report=report, label="Z", title="Map of the wards")
    appendix.file.save("ward-map.pdf", ContentFile(files["appendix"]), save=False)
    appendix.save()
    report.source_document.save("report.docx", ContentFile(files["source"]), save=False)
    report.save()
    appointment = JointAppointment.objects.create(
        partnership=Partnership.objects.get(slug="herefordshire"),
        post_title="Director of Public Health",
    )
    appointment.memorandum_of_understanding.save("mou.pdf", ContentFile(files["mou"]))
    return files


def _rewrite(source, target, change) -> None:
    """A copy of an archive with `change(members)` applied and its checksums made to match."""
    with zipfile.ZipFile(source) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    change(members)
    manifest = json.loads(members["manifest.json"])
    for entry in manifest["records"]:
        if entry["path"] in members:
            entry["sha256"] = portability._sha256(members[entry["path"]])
    members["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def _records(members: dict, label: str) -> dict:
    return json.loads(members[f"records/{label}.json"])


def test_every_model_of_the_apps_is_carried_or_left_out_with_a_reason():
    declared = {section.model for section in portability.sections()}
    undecided = [
        model._meta.label
        for model in apps.get_models()
        if model._meta.app_label in PROJECT_APPS
        and not model.__name__.startswith("Historical")
        and model not in declared
    ]
    assert undecided == []
    assert all(s.reason for s in portability.sections() if isinstance(s, LeftOut))


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize("slug", ["highland-cpp", "herefordshire", "cannock-chase-lsp"])
def test_demo_partnership_comes_back_the_same_after_removal(tmp_path, slug):
    first, second = tmp_path / "first.zip", tmp_path / "second.zip"
    partnership = Partnership.objects.get(slug=slug)
    boards = Board.objects.filter(partnership=partnership).count()
    archive_export(partnership, first)

    removed = archive_remove(partnership)
    assert removed["governance.board"] == boards
    assert not Partnership.objects.filter(slug=slug).exists()

    summary = archive_import(first)
    assert summary.root.slug == slug
    assert summary.created["partnership.partnership"] == 1
    # People, organisations and places stayed, and are found again rather than copied.
    assert "partnership.person" not in summary.created
    archive_export(summary.root, second)
    assert archive_bytes(second) == archive_bytes(first)


def test_demo_comes_back_the_same_in_an_empty_database(demo_archives, tmp_path):
    for model in apps.get_models():
        domain = model._meta.app_label in {"partnership", "governance", "outcomes", "meetings"}
        if domain and not model.__name__.startswith("Historical"):
            assert not model._default_manager.exists(), model
    assert not get_user_model().objects.exists()

    for slug in reversed(DEMO):  # another order than they were made in
        archive_import(demo_archives[slug])
    for slug in DEMO:
        again = tmp_path / f"{slug}-again.zip"
        archive_export(Partnership.objects.get(slug=slug), again)
        assert archive_bytes(again) == archive_bytes(demo_archives[slug]), slug
    # Accounts come without a password: their holders set one.
    assert get_user_model().objects.exists()
    assert not any(user.has_usable_password() for user in get_user_model().objects.all())


@pytest.mark.usefixtures("demo")
def test_uploaded_files_come_back_byte_for_byte(tmp_path, media):
    files = _attach_files()
    first = tmp_path / "herefordshire.zip"
    summary = archive_export(Partnership.objects.get(slug="herefordshire"), first)
    assert summary.files == 3
    archive_remove(Partnership.objects.get(slug="herefordshire"))
    for stored in media.rglob("*"):  # the files must come from the archive, not the disk
        if stored.is_file():
            stored.unlink()

    imported = archive_import(first).root
    appendix = Appendix.objects.get(report__board__partnership=imported, label="Z")
    report = appendix.report
    appointment = JointAppointment.objects.get(partnership=imported)
    assert appendix.file.read() == files["appendix"]
    assert report.source_document.read() == files["source"]
    assert appointment.memorandum_of_understanding.read() == files["mou"]
    again = tmp_path / "again.zip"
    archive_export(imported, again)
    assert archive_bytes(again) == archive_bytes(first)


def test_imported_records_keep_their_times_and_carry_one_history_row_naming_it(
    cardiff_archive,
):
    with zipfile.ZipFile(cardiff_archive) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    document = _records(members, "partnership.partnership")
    created_at = document["rows"][0][document["fields"].index("created_at") + 1]

    imported = archive_import(cardiff_archive).root
    assert imported.created_at.isoformat() == created_at
    assert [(h.history_type, h.history_change_reason) for h in imported.history.all()] == [
        ("+", "Imported from cardiff.zip")
    ]
    meeting = Meeting.objects.filter(board__partnership=imported).first()
    assert meeting.history.get().history_change_reason == "Imported from cardiff.zip"


# Refusals ---------------------------------------------------------------------------------


def _refused(path) -> str:
    before = _counts()
    with pytest.raises(ArchiveRefused) as refusal:
        archive_import(path)
    assert _counts() == before
    return str(refusal.value)


def test_a_file_that_is_not_a_zip_is_refused(cardiff_archive, tmp_path):
    path = tmp_path / "minutes.zip"
    path.write_text("Minutes of the meeting")
    assert _refused(path) == (
        "minutes.zip is not a partnership archive: it is not a zip file (File is not a zip file)."
    )


def test_a_zip_without_a_manifest_is_refused(cardiff_archive, tmp_path):
    path = tmp_path / "photos.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo.txt", "not an archive")
    assert _refused(path) == (
        "photos.zip is not a partnership archive: it has no readable manifest.json."
    )


def test_an_archive_of_another_format_is_refused(cardiff_archive, tmp_path):
    path = tmp_path / "other.zip"

    def foreign(members):
        manifest = json.loads(members["manifest.json"])
        manifest["format"] = "someone-elses-backup"
        members["manifest.json"] = json.dumps(manifest).encode()

    _rewrite(cardiff_archive, path, foreign)
    assert _refused(path) == (
        "other.zip is not a partnership archive: its manifest names the format "
        "'someone-elses-backup'."
    )


def test_an_archive_of_another_format_version_is_refused(cardiff_archive, tmp_path):
    path = tmp_path / "newer.zip"

    def newer(members):
        manifest = json.loads(members["manifest.json"])
        manifest["format_version"] = 2
        members["manifest.json"] = json.dumps(manifest).encode()

    _rewrite(cardiff_archive, path, newer)
    assert _refused(path) == (
        "newer.zip is an archive of format version 2; this version of the application reads "
        "version 1. Export it again with a matching version."
    )


def test_an_archive_missing_a_member_is_refused(cardiff_archive, tmp_path):
    path = tmp_path / "short.zip"
    _rewrite(cardiff_archive, path, lambda members: members.pop("records/meetings.minute.json"))
    assert (
        _refused(path)
        == "short.zip is incomplete: records/meetings.minute.json is missing from it."
    )


@pytest.mark.usefixtures("demo")
def test_an_archive_missing_an_uploaded_file_is_refused(tmp_path):
    files = _attach_files()
    path, short = tmp_path / "herefordshire.zip", tmp_path / "short.zip"
    archive_export(Partnership.objects.get(slug="herefordshire"), path)
    archive_remove(Partnership.objects.get(slug="herefordshire"))
    digest = portability._sha256(files["mou"])
    _rewrite(path, short, lambda members: members.pop(f"files/{digest}"))
    assert _refused(short) == f"short.zip is incomplete: files/{digest} is missing from it."


def test_a_damaged_archive_is_refused(cardiff_archive, tmp_path):
    path = tmp_path / "damaged.zip"
    with zipfile.ZipFile(cardiff_archive) as source, zipfile.ZipFile(path, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "records/meetings.meeting.json":
                data += b" "
            target.writestr(name, data)
    assert _refused(path) == (
        "damaged.zip is damaged: records/meetings.meeting.json does not match the checksum in "
        "its manifest."
    )


@pytest.mark.usefixtures("demo")
def test_a_partnership_the_database_holds_already_is_refused(tmp_path):
    path = tmp_path / "cardiff.zip"
    archive_export(Partnership.objects.get(slug="cardiff"), path)
    assert _refused(path) == (
        "This database already holds partnership Cardiff Partnership with the slug 'cardiff': "
        "an archive is imported only where its partnership is not. Remove it first, or import "
        "into another database."
    )


def test_a_record_with_a_value_the_field_refuses_is_refused(cardiff_archive, tmp_path):
    path = tmp_path / "bad.zip"

    def bad_status(members):
        document = _records(members, "meetings.meeting")
        column = document["fields"].index("status") + 1
        document["rows"][-1][column] = "adjourned"
        members["records/meetings.meeting.json"] = json.dumps(document).encode()

    _rewrite(cardiff_archive, path, bad_status)
    assert _refused(path) == (
        "bad.zip holds a record of meetings.meeting (archive id 2) that cannot be taken in: "
        "status: Value 'adjourned' is not a valid choice."
    )


def test_a_record_naming_one_the_archive_lacks_is_refused(cardiff_archive, tmp_path):
    path = tmp_path / "dangling.zip"

    def dangling(members):
        document = _records(members, "meetings.agendaitem")
        column = document["fields"].index("meeting") + 1
        document["rows"][0][column] = 99
        members["records/meetings.agendaitem.json"] = json.dumps(document).encode()

    _rewrite(cardiff_archive, path, dangling)
    assert _refused(path) == (
        "dangling.zip holds a record of meetings.agendaitem (archive id 1) whose meeting names "
        "meetings.meeting 99, which the archive does not hold."
    )


def test_records_the_database_refuses_leave_nothing_behind(cardiff_archive, tmp_path, media):
    path = tmp_path / "clash.zip"

    def same_position(members):
        document = _records(members, "meetings.agendaitem")
        meeting, position = (document["fields"].index(n) + 1 for n in ("meeting", "position"))
        first, second = document["rows"][0], document["rows"][1]
        second[meeting], second[position] = first[meeting], first[position]
        members["records/meetings.agendaitem.json"] = json.dumps(document).encode()

    _rewrite(cardiff_archive, path, same_position)
    assert _refused(path).startswith(
        "The database refused the archive's records of meetings.agendaitem:"
    )
    assert not Partnership.objects.filter(slug="cardiff").exists()


@pytest.mark.usefixtures("demo")
def test_export_refuses_a_board_scrutinising_another_partnerships(tmp_path):
    committee = Board.objects.get(partnership__slug="herefordshire", slug="cabinet")
    other = Board.objects.filter(partnership__slug="cardiff").first()
    committee.scrutinises.add(other)
    with pytest.raises(ArchiveRefused) as refusal:
        archive_export(committee.partnership, tmp_path / "herefordshire.zip")
    assert str(refusal.value) == (
        f"{committee} (governance.board) names {other} (governance.board), which belongs to "
        "another partnership: an archive holds one partnership and what only it uses."
    )
    assert not (tmp_path / "herefordshire.zip").exists()


# The commands -----------------------------------------------------------------------------


@pytest.mark.usefixtures("demo")
def test_the_commands_export_remove_and_import(tmp_path):
    path = tmp_path / "herefordshire.zip"
    out = io.StringIO()
    call_command("export_partnership", "herefordshire", "--output", str(path), stdout=out)
    assert out.getvalue().startswith(f"Exported Herefordshire Partnership to {path}: 128 records")

    out = io.StringIO()
    call_command("remove_partnership", "herefordshire", stdout=out)
    assert "Run again with --yes" in out.getvalue()
    assert Partnership.objects.filter(slug="herefordshire").exists()
    call_command("remove_partnership", "herefordshire", "--yes", stdout=io.StringIO())
    assert not Partnership.objects.filter(slug="herefordshire").exists()

    out = io.StringIO()
    call_command("import_partnership", str(path), stdout=out)
    assert out.getvalue().startswith(
        "Imported Herefordshire Partnership: 95 records created, 33 shared records"
    )
    with pytest.raises(CommandError, match="already holds partnership Herefordshire Partnership"):
        call_command("import_partnership", str(path), stdout=io.StringIO())


@pytest.mark.usefixtures("demo")
def test_a_partnership_with_documents_still_kept_is_not_removed_and_the_command_says_why():
    meeting = Meeting.objects.filter(board__partnership__slug="herefordshire").first()
    meeting.starts_at = timezone.now() - datetime.timedelta(days=30)
    meeting.agenda_published_at = meeting.starts_at - datetime.timedelta(days=7)
    meeting.save()
    until = timezone.localdate(meeting.starts_at).replace(year=meeting.starts_at.year + 6)
    counts = {model: model.objects.count() for model in (Meeting, Board, Report)}

    for yes in ([], ["--yes"]):
        with pytest.raises(CommandError) as refusal:
            call_command("remove_partnership", "herefordshire", *yes, stdout=io.StringIO())
        assert str(refusal.value).startswith(
            "Herefordshire Partnership cannot be deleted yet: 1 of its published documents are "
            f"kept for six years, the last until {long_date(until)}. The first: “{meeting}” was "
            "published on"
        )

    assert {model: model.objects.count() for model in counts} == counts


@pytest.mark.usefixtures("demo")
def test_export_finds_a_partnership_by_id_and_names_one_it_cannot(tmp_path):
    partnership = Partnership.objects.get(slug="cardiff")
    path = tmp_path / "by-id.zip"
    call_command(
        "export_partnership", str(partnership.pk), "--output", str(path), stdout=io.StringIO()
    )
    assert path.exists()
    with pytest.raises(CommandError, match=r"No partnership has the slug or id 'nowhere'\."):
        call_command("export_partnership", "nowhere", stdout=io.StringIO())
