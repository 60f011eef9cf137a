"""A record's history page, and the files its past versions held, for every app's records.

Each app names its records' history pages in its URLs with `history_paths`: how the address
finds the record, the permission that lets a reader see it (from the app's rules), and, where
some readers see the record only once it is published, from when they see its versions.
"""

import datetime
from collections.abc import Callable, Mapping, Sequence
from pathlib import PurePath
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.http import FileResponse, Http404
from django.urls import URLPattern, path, reverse
from django.utils.functional import cached_property
from django.views.generic import TemplateView, View
from rules.contrib.views import PermissionRequiredMixin

from core.history import history_rows, record_versions, visible_rows

# Finds the record an address names (or raises Http404), given the request and the address's
# keyword arguments.
FindRecord = Callable[..., models.Model]
# From when a reader sees the record's versions (None: all of them), given the reader and it.
VersionsSince = Callable[[Any, models.Model], datetime.datetime | None]


class RecordHistoryMixin(PermissionRequiredMixin):
    """The record an address names, and whether the reader may see its history.

    Set per address through `as_view()` (see `history_paths`).
    """

    find_record: FindRecord | None = None
    permission_required = ""
    # What the permission is asked about, if not the record itself (a clause's board).
    permission_object: Callable[[models.Model], Any] | None = None
    versions_since: VersionsSince | None = None
    hidden_fields: Sequence[str] = ()
    # File fields whose past files need a permission of their own beyond the page's.
    file_permissions: Mapping[str, str] = {}
    # The record's own page; its get_absolute_url() if not given.
    record_url: Callable[[models.Model], str] | None = None

    @cached_property
    def record(self) -> models.Model:
        return self.find_record(self.request, **self.kwargs)

    def get_permission_object(self) -> Any:
        return self.permission_object(self.record) if self.permission_object else self.record

    def since(self) -> datetime.datetime | None:
        if self.versions_since is None:
            return None
        return self.versions_since(self.request.user, self.record)

    def may_open(self, field: str) -> bool:
        permission = self.file_permissions.get(field)
        return permission is None or self.request.user.has_perm(
            permission, self.get_permission_object()
        )


class RecordHistoryView(RecordHistoryMixin, TemplateView):
    """Every version of a record the reader may see, newest first: when, who, why, what."""

    template_name = "core/record_history.html"

    def file_url(self, history_id: int, field: str) -> str | None:
        if not self.may_open(field):
            return None
        return reverse(
            f"{self.request.resolver_match.view_name}_file",
            kwargs={**self.kwargs, "history_id": history_id, "field": field},
        )

    def get_context_data(self, **kwargs):
        record = self.record
        versions = record_versions(
            record, since=self.since(), hidden_fields=self.hidden_fields, file_url=self.file_url
        )
        return super().get_context_data(
            record=record,
            record_url=self.record_url(record) if self.record_url else record.get_absolute_url(),
            versions=versions,
            **kwargs,
        )


class HistoricalFileView(RecordHistoryMixin, View):
    """A file one of the record's versions held, kept in storage after it was replaced."""

    def has_permission(self) -> bool:
        return super().has_permission() and self.may_open(self.kwargs["field"])

    def get(self, request, *args, **kwargs):
        try:
            field = self.record._meta.get_field(kwargs["field"])
        except FieldDoesNotExist:
            raise Http404("No such field.") from None
        if not isinstance(field, models.FileField) or field.name in self.hidden_fields:
            raise Http404("No such file.")
        visible = visible_rows(history_rows(self.record), self.since())
        version = next((row for row in visible if row.history_id == kwargs["history_id"]), None)
        name = getattr(version, field.attname, "") if version is not None else ""
        if not name or not field.storage.exists(name):
            raise Http404("That version held no such file.")
        suffix = PurePath(name).suffix
        return FileResponse(
            field.storage.open(name, "rb"),
            as_attachment=suffix != ".pdf",
            filename=PurePath(name).name,
        )


def history_paths(route: str, name: str, **settings: Any) -> list[URLPattern]:
    """A record's history page at `route` (ending in "history/"), named `name`, and the files
    of its past versions beneath it, named `name` + "_file"."""
    return [
        path(route, RecordHistoryView.as_view(**settings), name=name),
        path(
            f"{route}<int:history_id>/<str:field>/",
            HistoricalFileView.as_view(**settings),
            name=f"{name}_file",
        ),
    ]
