"""Admin pieces shared by the domain apps."""


class ReadOnlyAdminMixin:
    """For records only a service writes: the admin shows them but cannot add, change or delete."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
