from outcomes.views import (
    actions,
    contribution_editing,
    contributions,
    dashboards,
    editing,
    history,
    project_editing,
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
    # Before the project pages: "projects/new/" would otherwise be taken for a project's slug.
    *project_editing.urlpatterns,
    *projects.urlpatterns,
    *contributions.urlpatterns,
    *contribution_editing.urlpatterns,
    *history.urlpatterns,
]
