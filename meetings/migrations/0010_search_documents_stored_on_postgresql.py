"""On PostgreSQL, the weighted text that search matches is stored beside each minute, resolution
and report, in a generated column indexed by GIN, instead of being an indexed expression.

With the expression index, each match had to be parsed again for its rank: a common word in a
large estate meant re-parsing tens of thousands of texts per search (seconds). The stored column
is kept by the database itself (GENERATED ALWAYS ... STORED), for every insert and update, bulk
ones included; the models do not declare it, so it stays out of history, exports and SQLite.
The column's expression is the search module's vector, compiled here.
"""

from django.contrib.postgres.indexes import GinIndex
from django.db import migrations
from django.db.models.sql import Query

from meetings.search import DOCUMENT_COLUMN, MINUTE_VECTOR, REPORT_VECTOR, RESOLUTION_VECTOR

COLUMNS = {
    "Minute": ("minute_search", MINUTE_VECTOR),
    "Resolution": ("resolution_search", RESOLUTION_VECTOR),
    "Report": ("report_search", REPORT_VECTOR),
}


def _expression_sql(model, vector, schema_editor) -> str:
    """The vector as SQL over the table's own columns, with its values written in."""
    query = Query(model, alias_cols=False)
    compiler = query.get_compiler(connection=schema_editor.connection)
    sql, params = compiler.compile(vector.resolve_expression(query, allow_joins=False))
    return sql % tuple(schema_editor.quote_value(value) for value in params)


def store_documents(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for model_name, (index_name, vector) in COLUMNS.items():
        model = apps.get_model("meetings", model_name)
        table = schema_editor.quote_name(model._meta.db_table)
        schema_editor.remove_index(model, GinIndex(vector, name=index_name))
        schema_editor.execute(
            f"ALTER TABLE {table} ADD COLUMN {DOCUMENT_COLUMN} tsvector "
            f"GENERATED ALWAYS AS ({_expression_sql(model, vector, schema_editor)}) STORED"
        )
        schema_editor.execute(
            f"CREATE INDEX {index_name} ON {table} USING gin ({DOCUMENT_COLUMN})"
        )


def index_expressions(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for model_name, (index_name, vector) in COLUMNS.items():
        model = apps.get_model("meetings", model_name)
        table = schema_editor.quote_name(model._meta.db_table)
        schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN {DOCUMENT_COLUMN}")
        schema_editor.add_index(model, GinIndex(vector, name=index_name))


class Migration(migrations.Migration):
    dependencies = [("meetings", "0009_published_documents_kept_on_postgresql")]

    operations = [migrations.RunPython(store_documents, index_expressions)]
