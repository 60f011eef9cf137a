"""PostgreSQL restarted while the web answers and the worker renders a pack and sends
reminders: every connection is cut at once. Both recover, and the work is finished."""

import time

import pytest

from tests.faults.cluster import wait_for
from tests.faults.observe import Mailbox, Poller, Web, complete_pdf_problem
from tests.faults.test_worker_killed import assert_each_digest_arrived_once

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.faults]


def test_web_and_worker_recover_from_a_postgres_restart_and_finish_their_work(
    app, servers, database
):
    made = app.driver("meeting", prefix="restart", reports=8)
    meeting = made["meeting"]
    addresses = app.driver("leads", prefix="restart", count=100)["addresses"]
    app.web()
    web = Web(app.web_port, made["session"])
    asked = web.post(f"/meetings/{meeting}/pack/generate/", {"variant": "public"})
    assert asked.status == 302
    pages = Poller(lambda: web.get(f"/meetings/{meeting}/pack/"), interval=0.25)
    app.worker()
    app.beat()

    def both_under_way() -> bool:
        pack = database.pack(meeting)
        return pack["status"] == "rendering" and len(Mailbox.read(app.mail).messages) >= 5

    wait_for(both_under_way, "the pack to be rendering and reminders going out", timeout=90)
    # The web idle across the restart, as at a quiet moment: each of its processes holds a
    # connection that the restart cuts, and must not fail its next request on it.
    answers_before = pages.stop()
    servers.postgres.restart()
    pages = Poller(lambda: web.get(f"/meetings/{meeting}/pack/"), interval=0.25)

    wait_for(
        lambda: database.pack(meeting)["status"] in {"ready", "failed"},
        "the pack to be rendered after the restart",
        timeout=120,
    )
    wait_for(
        lambda: database.reminders(addresses) == {"due": 200, "sent": 200},
        "every reminder to be sent after the restart",
        timeout=60,
    )
    time.sleep(1)  # a few more pages with the database well back
    answers = pages.stop()
    app.stop()

    # From the moment the database was back, the web answered every request, without a first
    # failure on a connection that the restart cut.
    assert {answer.status for answer in answers_before} == {200}
    assert [answer.status for answer in answers if answer.status != 200] == []
    assert len(answers) > 10
    [pack] = database.packs(meeting)
    assert (pack["status"], pack["failure_reason"]) == ("ready", "")
    assert complete_pdf_problem((app.media / pack["file"]).read_bytes()) is None
    assert_each_digest_arrived_once(Mailbox.read(app.mail), addresses, interruptions=1)
