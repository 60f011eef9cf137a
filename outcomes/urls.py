from outcomes.views import (
    actions,
    contribution_editing,
    contributions,
    dashboards,
    editing,
    projects,
    readings,
    reminders,
    reports,
)

app_name = "outcomes"
urlpatterns = [
    # Editing first: "frameworks/new/" would otherwise be taken for a framework's slug.
    *editing.urlpatterns,
    *dashboards.urlpatterns,
    *readings.urlpatterns,
    *actions.urlpatterns,
    *reminders.urlpatterns,
    *reports.urlpatterns,
    *projects.urlpatterns,
    *contributions.urlpatterns,
    *contribution_editing.urlpatterns,
]
