from meetings.views import (
    agenda,
    feeds,
    health,
    history,
    meeting,
    minutes,
    minutes_feed,
    packs,
    performance,
    project_items,
    public,
    reports,
    scrutiny,
)

app_name = "meetings"
urlpatterns = [
    *meeting.urlpatterns,
    *agenda.urlpatterns,
    *reports.urlpatterns,
    *minutes.urlpatterns,
    *packs.urlpatterns,
    *performance.urlpatterns,
    *health.urlpatterns,
    *project_items.urlpatterns,
    *feeds.urlpatterns,
    *minutes_feed.urlpatterns,
    *public.urlpatterns,
    *scrutiny.urlpatterns,
    *history.urlpatterns,
]
