"""Scheduling meetings and building and publishing their agendas."""

urlpatterns: list = []
