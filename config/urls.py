from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.contenttypes import views as contenttype_views
from django.urls import include, path

from core.password import PasswordChangeView
from core.sign_in import SignOutView
from core.views import healthz, readyz
from meetings.views.home import HomeView
from meetings.views.search import SearchView
from outcomes.views.actions import MyActionsView

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("sign-in/", auth_views.LoginView.as_view(), name="login"),
    path("sign-out/", SignOutView.as_view(), name="logout"),
    path("", include("core.two_factor.urls")),
    path("account/password/", PasswordChangeView.as_view(), name="password_change"),
    # The admin's "view on site" redirect, for staff only: Django's own answers anyone, and so
    # tells anyone the address of any record by its id, unpublished meetings' included.
    path(
        "admin/r/<path:content_type_id>/<path:object_id>/",
        admin.site.admin_view(contenttype_views.shortcut),
    ),
    path("admin/", admin.site.urls),
    path("api/", include("config.api")),
    path("partnerships/", include("partnership.urls")),
    path("partnerships/", include("governance.urls")),
    path("partnerships/", include("outcomes.urls")),
    path("meetings/", include("meetings.urls")),
    path("search/", SearchView.as_view(), name="search"),
    path("themes/", include(("meetings.views.themes", "themes"))),
    path("my-actions/", MyActionsView.as_view(), name="my_actions"),
]
