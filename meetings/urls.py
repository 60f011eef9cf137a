from django.urls import path

from meetings.views import meeting

app_name = "meetings"
urlpatterns = [
    path("<int:pk>/", meeting.MeetingDetailView.as_view(), name="meeting_detail"),
]
