"""Admin pieces shared by the domain apps, and the user admin."""

from django.contrib import admin, messages
from django.contrib.auth import admin as auth_admin
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.two_factor.services import two_factor_reset


class ReadOnlyAdminMixin:
    """For records only a service writes: the admin shows them but cannot add, change or delete."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


# The user admin, with the action that resets an account's two-factor sign-in.
@admin.action(description=_("Reset two-factor sign-in"), permissions=["change"])
def reset_two_factor(model_admin: admin.ModelAdmin, request, queryset) -> None:
    for user in queryset:
        removed = two_factor_reset(user=user, by=request.user)
        model_admin.log_change(
            request,
            user,
            f"Reset two-factor sign-in: removed {removed} device(s) (authenticator app, "
            "recovery codes) and ended the sessions they had verified.",
        )
    count = len(queryset)
    model_admin.message_user(
        request,
        ngettext(
            "Two-factor sign-in reset for %(count)d user: they set up an authenticator app "
            "when they next sign in.",
            "Two-factor sign-in reset for %(count)d users: each sets up an authenticator app "
            "when they next sign in.",
            count,
        )
        % {"count": count},
        messages.SUCCESS,
    )


class UserAdmin(auth_admin.UserAdmin):
    actions = [reset_two_factor]
    list_display = [*auth_admin.UserAdmin.list_display, "has_authenticator"]

    def get_queryset(self, request):
        confirmed = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
        return super().get_queryset(request).annotate(authenticator_set_up=Exists(confirmed))

    @admin.display(boolean=True, description=_("Authenticator app"))
    def has_authenticator(self, user) -> bool:
        return user.authenticator_set_up


admin.site.unregister(get_user_model())
admin.site.register(get_user_model(), UserAdmin)
