"""At and after the meeting: attendance, declarations, minutes and resolutions."""

urlpatterns: list = []
