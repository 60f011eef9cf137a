"""On PostgreSQL, the database itself keeps published documents for six years and their
history for good (meetings.retention states the rule).

A trigger on each document table refuses to delete a row that belongs to a document published
less than six years ago, counted, as the services count it, from the later of its publication
and the day of its meeting, in the project's time zone; the services refuse first, with a
message naming the day, so the trigger stops only what goes round them (a raw query, a
script). A trigger on each of their history tables refuses every deletion: versions of
documents are never purged. Emptying a table at once (TRUNCATE, as the test runner does) is
not a row's deletion and is not refused.

SQLite has triggers too, but no time zones to count days in; there the services and the admin
hold the rule alone.
"""

from django.conf import settings
from django.db import migrations

DOCUMENT_MODELS = ("Meeting", "AgendaItem", "Report", "Appendix", "Minute", "Resolution")
PACK_MODEL = "AgendaPack"
KEEP = "meetings_published_document_kept"
KEEP_HISTORY = "meetings_document_history_kept"


def _tables(apps) -> dict[str, str]:
    names = (*DOCUMENT_MODELS, PACK_MODEL)
    tables = {name: apps.get_model("meetings", name)._meta.db_table for name in names}
    tables |= {
        f"Historical{name}": apps.get_model("meetings", f"Historical{name}")._meta.db_table
        for name in names
    }
    return tables


def _keep_function(t: dict[str, str]) -> str:
    zone = settings.TIME_ZONE
    return f"""
CREATE OR REPLACE FUNCTION {KEEP}() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    published timestamptz;
    meeting_starts timestamptz;
BEGIN
    IF TG_TABLE_NAME = '{t["Meeting"]}' THEN
        published := GREATEST(
            OLD.agenda_published_at,
            CASE WHEN OLD.minutes_status = 'published' THEN OLD.minutes_published_at END
        );
        meeting_starts := OLD.starts_at;
    ELSIF TG_TABLE_NAME = '{t["AgendaItem"]}' THEN
        SELECT m.agenda_published_at, m.starts_at INTO published, meeting_starts
        FROM {t["Meeting"]} m WHERE m.id = OLD.meeting_id;
    ELSIF TG_TABLE_NAME = '{t["Report"]}' THEN
        SELECT m.agenda_published_at, m.starts_at INTO published, meeting_starts
        FROM {t["AgendaItem"]} i JOIN {t["Meeting"]} m ON m.id = i.meeting_id
        WHERE i.report_id = OLD.id;
    ELSIF TG_TABLE_NAME = '{t["Appendix"]}' THEN
        SELECT m.agenda_published_at, m.starts_at INTO published, meeting_starts
        FROM {t["AgendaItem"]} i JOIN {t["Meeting"]} m ON m.id = i.meeting_id
        WHERE i.report_id = OLD.report_id;
    ELSIF TG_TABLE_NAME = '{t["Minute"]}' THEN
        SELECT m.minutes_published_at, m.starts_at INTO published, meeting_starts
        FROM {t["Meeting"]} m WHERE m.id = OLD.meeting_id AND m.minutes_status = 'published';
    ELSIF TG_TABLE_NAME = '{t["Resolution"]}' THEN
        SELECT m.minutes_published_at, m.starts_at INTO published, meeting_starts
        FROM {t["Minute"]} mi JOIN {t["Meeting"]} m ON m.id = mi.meeting_id
        WHERE mi.id = OLD.minute_id AND m.minutes_status = 'published';
    ELSIF TG_TABLE_NAME = '{t[PACK_MODEL]}' AND OLD.variant = 'public' AND OLD.status = 'ready' THEN
        SELECT GREATEST(m.agenda_published_at, OLD.finished_at), m.starts_at
        INTO published, meeting_starts
        FROM {t["Meeting"]} m WHERE m.id = OLD.meeting_id AND m.agenda_published_at IS NOT NULL;
    END IF;
    IF published IS NOT NULL AND (
        (GREATEST(published, meeting_starts) AT TIME ZONE '{zone}')::date + interval '6 years'
    ) > (now() AT TIME ZONE '{zone}')::date THEN
        RAISE EXCEPTION 'A published document is kept for six years: % % may not be deleted yet.',
            TG_TABLE_NAME, OLD.id USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN OLD;
END
$$;
CREATE OR REPLACE FUNCTION {KEEP_HISTORY}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'Versions of published documents are never purged: % % is kept.',
        TG_TABLE_NAME, OLD.history_id USING ERRCODE = 'restrict_violation';
END
$$;
"""


def _triggers(tables: dict[str, str]):
    for name, table in tables.items():
        function = KEEP_HISTORY if name.startswith("Historical") else KEEP
        yield table, f"{table}_kept"[:63], function


def add_guards(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    tables = _tables(apps)
    # No parameters: the functions' own % signs are PL/pgSQL's, not placeholders.
    schema_editor.execute(_keep_function(tables), params=None)
    for table, trigger, function in _triggers(tables):
        schema_editor.execute(
            f"CREATE TRIGGER {trigger} BEFORE DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {function}()"
        )


def drop_guards(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, trigger, _function in _triggers(_tables(apps)):
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {trigger} ON {table}")
    schema_editor.execute(f"DROP FUNCTION IF EXISTS {KEEP}(), {KEEP_HISTORY}()")


class Migration(migrations.Migration):
    dependencies = [("meetings", "0008_agenda_pack_task_sent_at")]

    operations = [migrations.RunPython(add_guards, drop_guards)]
