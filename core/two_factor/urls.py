from django.urls import path

from core.two_factor import views

app_name = "two_factor"

urlpatterns = [
    path("sign-in/code/", views.VerifyView.as_view(), name="verify"),
    path("sign-in/recovery-code/", views.RecoveryView.as_view(), name="recovery"),
    path("sign-in/set-up/", views.EnrolView.as_view(), name="enrol"),
    path("account/security/", views.SecurityView.as_view(), name="security"),
    path(
        "account/security/recovery-codes/",
        views.RecoveryCodesView.as_view(),
        name="recovery_codes",
    ),
]
