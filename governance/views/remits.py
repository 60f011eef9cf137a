"""A board's numbered remit: editing and reordering its clauses, and what serves each."""

urlpatterns: list = []
