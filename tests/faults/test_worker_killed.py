"""The worker killed outright (SIGKILL to it and its children) in the middle of a pack's render
and of a reminder run; a new worker started after it finishes the work, once."""

import time

import pytest

from tests.faults.cluster import wait_for
from tests.faults.observe import Mailbox, Poller, Web, complete_pdf_problem

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.faults]


def test_a_pack_whose_worker_is_killed_mid_render_is_finished_by_the_next_worker(app, database):
    made = app.driver("meeting", prefix="killed-pack", reports=8)
    meeting = made["meeting"]
    app.web()
    web = Web(app.web_port, made["session"])
    worker = app.worker()
    app.beat()

    asked = web.post(f"/meetings/{meeting}/pack/generate/", {"variant": "public"})
    assert asked.status == 302
    [pack] = database.packs(meeting)
    downloads = Poller(lambda: web.get(f"/meetings/packs/{pack['id']}/download/"))

    def rendering_has_begun() -> bool:
        pack = database.pack(meeting)
        return pack["status"] == "rendering" and pack["sections_done"] >= 2

    wait_for(rendering_has_begun, "the pack to be rendering its sections", timeout=90)
    worker.kill()
    at_kill = database.pack(meeting)
    app.worker()
    wait_for(
        lambda: database.pack(meeting)["status"] in {"ready", "failed"},
        "the new worker to finish the pack",
        timeout=120,
    )
    time.sleep(2)  # the download asked a few more times, the pack ready
    answers = downloads.stop()

    [pack] = database.packs(meeting)
    # Killed part-way through the sections, and finished by the new worker.
    assert at_kill["status"] == "rendering"
    assert at_kill["sections_done"] < at_kill["sections_total"]
    assert (pack["status"], pack["failure_reason"]) == ("ready", "")
    # One file for the pack, the one it points at; nothing left of the killed render.
    stored = sorted(path.name for path in (app.media / "packs" / str(meeting)).iterdir())
    assert stored == [pack["file"].rsplit("/", 1)[-1]]
    # Every answer the download gave while this went on: not ready, or the whole PDF.
    assert downloads.errors == []
    assert {answer.status for answer in answers} <= {404, 200}
    pdfs = [answer.body for answer in answers if answer.status == 200]
    assert pdfs, "the download never answered with the pack while it was polled"
    assert [complete_pdf_problem(pdf) for pdf in pdfs] == [None] * len(pdfs)
    final = web.get(f"/meetings/packs/{pack['id']}/download/")
    assert (final.status, complete_pdf_problem(final.body)) == (200, None)


def test_a_reminder_run_whose_worker_is_killed_is_finished_by_the_next_worker(app, database):
    addresses = app.driver("leads", prefix="killedrun", count=100)["addresses"]
    worker = app.worker()
    app.beat()

    wait_for(lambda: len(Mailbox.read(app.mail).messages) >= 10, "the run to be sending")
    worker.kill()
    sent_at_kill = len(Mailbox.read(app.mail).to(addresses))
    app.worker()
    wait_for(
        lambda: database.reminders(addresses) == {"due": 200, "sent": 200},
        "every reminder to be sent",
        timeout=120,
    )
    app.stop()

    assert sent_at_kill < len(addresses)
    assert_each_digest_arrived_once(Mailbox.read(app.mail), addresses, interruptions=1)


def assert_each_digest_arrived_once(mailbox: Mailbox, addresses: list[str], interruptions: int):
    """Each lead got their digest; only a digest in doubt when a fault struck went twice.

    Sending an e-mail and recording it in the database cannot be one transaction, and the
    reminders choose at-least-once (see outcomes/reminders.py): a digest whose e-mail had left
    when the fault struck, but whose rows were not yet committed as sent, goes again with the
    same Message-ID. Each of the worker's two processes has at most one digest in doubt.
    """
    ids_by_address: dict[str, list[str]] = {address: [] for address in addresses}
    for message in mailbox.to(addresses):
        ids_by_address[message["To"]].append(message["Message-ID"])
    assert [address for address, ids in ids_by_address.items() if not ids] == []
    twice = {address: ids for address, ids in ids_by_address.items() if len(ids) > 1}
    assert all(len(ids) == 2 and ids[0] == ids[1] for ids in twice.values()), twice
    assert len(twice) <= 2 * interruptions, twice
