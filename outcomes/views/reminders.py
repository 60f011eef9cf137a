"""A partnership's reminder policy."""

urlpatterns: list = []
