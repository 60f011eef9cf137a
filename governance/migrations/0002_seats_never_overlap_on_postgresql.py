"""On PostgreSQL, the database itself refuses overlapping seats of a person on a board, and two
chairs of a board at once; elsewhere BoardMembership.clean() and the open-seat indexes do."""

from django.db import migrations

RANGE = "daterange(started_on, ended_on, '[]')"
CONSTRAINTS = {
    "seats_of_a_person_never_overlap": f"board_id WITH =, person_id WITH =, {RANGE} WITH &&",
    "chairs_of_a_board_never_overlap": f"board_id WITH =, {RANGE} WITH &&",
}
CONDITIONS = {
    "seats_of_a_person_never_overlap": "person_id IS NOT NULL",
    "chairs_of_a_board_never_overlap": "person_id IS NOT NULL AND role = 'chair'",
}


def add_constraints(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
    for name, elements in CONSTRAINTS.items():
        schema_editor.execute(
            f"ALTER TABLE governance_boardmembership ADD CONSTRAINT {name} "
            f"EXCLUDE USING gist ({elements}) WHERE ({CONDITIONS[name]})"
        )


def drop_constraints(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in CONSTRAINTS:
        schema_editor.execute(
            f"ALTER TABLE governance_boardmembership DROP CONSTRAINT IF EXISTS {name}"
        )


class Migration(migrations.Migration):
    dependencies = [("governance", "0001_initial")]

    operations = [migrations.RunPython(add_constraints, drop_constraints)]
