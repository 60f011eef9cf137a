"""The structure of a partnership, drawn: its boards, partners and who sits for whom."""

urlpatterns: list = []
