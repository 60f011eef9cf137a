"""Agenda packs and minutes as PDF: what goes in, rendering by section, merging, checking."""
