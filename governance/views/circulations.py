"""Circulating documents, links and consultations to boards' members by e-mail."""

urlpatterns: list = []
