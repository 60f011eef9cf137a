"""Performance reports: asking the worker for one, following it, downloading it."""

urlpatterns: list = []
