"""Recording readings one at a time and in bulk from a CSV file or an Excel sheet."""

urlpatterns: list = []
