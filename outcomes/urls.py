from outcomes.views import actions, dashboards, editing, readings, reminders, reports

app_name = "outcomes"
urlpatterns = [
    *dashboards.urlpatterns,
    *editing.urlpatterns,
    *readings.urlpatterns,
    *actions.urlpatterns,
    *reminders.urlpatterns,
    *reports.urlpatterns,
]
