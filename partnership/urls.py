from django.urls import path

from partnership import views, webhook_views

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
    path(
        "<slug:partnership>/webhooks/",
        webhook_views.WebhookListView.as_view(),
        name="webhook_list",
    ),
    path(
        "<slug:partnership>/webhooks/register/",
        webhook_views.WebhookRegisterView.as_view(),
        name="webhook_register",
    ),
    path(
        "<slug:partnership>/webhooks/<int:pk>/",
        webhook_views.WebhookDetailView.as_view(),
        name="webhook_detail",
    ),
    path(
        "<slug:partnership>/webhooks/<int:pk>/enable/",
        webhook_views.WebhookEnableView.as_view(),
        name="webhook_enable",
    ),
]
