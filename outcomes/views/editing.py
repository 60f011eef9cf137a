"""Officers keep a framework in the browser: its outcomes, indicators and targets."""

urlpatterns: list = []
