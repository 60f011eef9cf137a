"""Pages of the meeting cycle, one module per stage; each lists its routes beside its views."""
