"""Pages of the governance registers, one module per register; each lists its routes beside its
views."""
