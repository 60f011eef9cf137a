"""On PostgreSQL, GIN indexes over the weighted text that search matches (meetings.search).

The indexed expressions are the search module's own, so that queries repeat them exactly and
the planner uses the indexes; a change to them needs a new migration that rebuilds the index.
"""

from django.contrib.postgres.indexes import GinIndex
from django.db import migrations

from meetings.search import MINUTE_VECTOR, REPORT_VECTOR, RESOLUTION_VECTOR

INDEXES = {
    "Minute": ("minute_search", MINUTE_VECTOR),
    "Resolution": ("resolution_search", RESOLUTION_VECTOR),
    "Report": ("report_search", REPORT_VECTOR),
}


def _indexes(apps):
    for model_name, (name, vector) in INDEXES.items():
        yield apps.get_model("meetings", model_name), GinIndex(vector, name=name)


def add_indexes(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for model, index in _indexes(apps):
        schema_editor.add_index(model, index)


def drop_indexes(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for model, index in _indexes(apps):
        schema_editor.remove_index(model, index)


class Migration(migrations.Migration):
    dependencies = [("meetings", "0005_meeting_starts_at_index")]

    operations = [migrations.RunPython(add_indexes, drop_indexes)]
