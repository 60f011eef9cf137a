from django.urls import path

from governance import views

app_name = "governance"
urlpatterns = [
    path(
        "<slug:partnership>/boards/<slug:slug>/",
        views.BoardDetailView.as_view(),
        name="board_detail",
    ),
]
