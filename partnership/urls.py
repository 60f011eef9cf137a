from django.urls import path

from partnership import views

app_name = "partnership"
urlpatterns = [
    path("", views.PartnershipListView.as_view(), name="partnership_list"),
    path("<slug:slug>/", views.PartnershipDetailView.as_view(), name="partnership_detail"),
    path(
        "organisations/<int:pk>/",
        views.OrganisationDetailView.as_view(),
        name="organisation_detail",
    ),
    path(
        "organisations/<int:pk>/merger/",
        views.MergerRecordView.as_view(),
        name="merger_record",
    ),
    path("people/<int:pk>/", views.PersonDetailView.as_view(), name="person_detail"),
]
