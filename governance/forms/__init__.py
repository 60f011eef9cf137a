"""The governance registers' forms, one module per register; the admin's formsets in admin."""
