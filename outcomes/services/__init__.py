"""Writes to outcome frameworks and development actions; views, API, commands and tasks call
these."""
