"""Generating agenda packs and the minutes PDF, and downloading them."""

urlpatterns: list = []
