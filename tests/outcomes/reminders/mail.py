"""An e-mail backend for the reminder tests, configured by environment so that processes the
tests start use it too: it keeps messages in django.core.mail.outbox, appends one line per
message to a log file shared by processes, and can be slow, refuse addresses, or break."""

import fcntl
import json
import os
import smtplib
import time

from django.core.mail.backends import locmem

# A file the messages are logged to, one JSON line each: {"to": ..., "pid": ...}.
LOG = "REMINDER_TEST_MAIL_LOG"
# Seconds to spend on each message, so that runs in separate processes overlap.
DELAY = "REMINDER_TEST_MAIL_DELAY"
# Addresses, comma-separated, that the mail server refuses.
REFUSE = "REMINDER_TEST_MAIL_REFUSE"
# Once this many messages are logged, the next one fails as a crash would, not a refusal.
BREAK_AFTER = "REMINDER_TEST_MAIL_BREAK_AFTER"


class MailServerBroke(RuntimeError):
    """Not a refusal by the mail server: the reminder run is expected to die of it."""


def logged_messages(path) -> list[dict]:
    with open(path, encoding="utf-8") as log:
        return [json.loads(line) for line in log]


class RecordingBackend(locmem.EmailBackend):
    def send_messages(self, messages):
        for message in messages:
            time.sleep(float(os.environ.get(DELAY, "0")))
            refused = set(filter(None, os.environ.get(REFUSE, "").split(",")))
            if refused & set(message.to):
                raise smtplib.SMTPRecipientsRefused(
                    dict.fromkeys(message.to, (550, b"Mailbox unavailable"))
                )
            self._log(message)
        return super().send_messages(messages)

    def _log(self, message) -> None:
        path = os.environ.get(LOG)
        if not path:
            return
        with open(path, "a+", encoding="utf-8") as log:
            fcntl.flock(log, fcntl.LOCK_EX)
            log.seek(0)
            logged = sum(1 for _ in log)
            if BREAK_AFTER in os.environ and logged >= int(os.environ[BREAK_AFTER]):
                raise MailServerBroke(f"Broke after {logged} messages.")
            log.write(json.dumps({"to": message.to, "pid": os.getpid()}) + "\n")
