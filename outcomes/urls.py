from django.urls import path

from outcomes import views

app_name = "outcomes"
urlpatterns = [
    path(
        "<slug:partnership>/frameworks/<slug:slug>/",
        views.FrameworkDetailView.as_view(),
        name="framework_detail",
    ),
]
