"""Seats on boards: who sits for which organisation or office, in which role, when."""

urlpatterns: list = []
