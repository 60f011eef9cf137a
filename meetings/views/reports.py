"""Writing reports: the cover sheet, a Word upload for the body, and appendices."""

urlpatterns: list = []
