from governance.views import (
    appointments,
    boards,
    circulations,
    engagement,
    history,
    interests,
    memberships,
    remits,
    structure,
)

app_name = "governance"
urlpatterns = [
    *structure.urlpatterns,
    *boards.urlpatterns,
    *remits.urlpatterns,
    *memberships.urlpatterns,
    *appointments.urlpatterns,
    *interests.urlpatterns,
    *circulations.urlpatterns,
    *engagement.urlpatterns,
    *history.urlpatterns,
]
