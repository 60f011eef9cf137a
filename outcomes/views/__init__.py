"""Pages of outcome frameworks and development actions, one module per concern; each lists its
routes beside its views."""
