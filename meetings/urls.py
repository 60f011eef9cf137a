from meetings.views import agenda, meeting, minutes, packs, reports

app_name = "meetings"
urlpatterns = [
    *meeting.urlpatterns,
    *agenda.urlpatterns,
    *reports.urlpatterns,
    *minutes.urlpatterns,
    *packs.urlpatterns,
]
