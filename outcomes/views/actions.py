"""Development actions: lists (mine, a board's, overdue), CSV export, progress updates."""

urlpatterns: list = []
