"""The register of interests: members' registered interests beside their declarations."""

urlpatterns: list = []
