"""The joint appointments register: posts held across employers, and their reviews."""

urlpatterns: list = []
