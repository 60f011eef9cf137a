"""One record and everything that hangs off it, as an archive that another database can take in.

The archive is a zip file:

- `manifest.json`: the format and its version, what the archive holds (each records file with
  its count and SHA-256, each uploaded file with its size and SHA-256), what it leaves out and
  why, and when and where it was made;
- `records/<app>.<model>.json`: one file per model, its columns and rows. A row names other
  records by archive ids (1, 2, 3 ... per model, in the order exported), never by the primary
  keys of the database it came from, so the same records export to the same archive wherever
  they are held;
- `files/<sha256>`: each uploaded file once, byte for byte.

What goes in is declared by each app, for its own models, in `<app>/portability.py` as a list
`SECTIONS` of:

- `Owned`: records of the exported one, found from it by `scope`, created anew on import with
  new primary keys;
- `Shared`: records others may use too (people, organisations, places), taken in because an
  owned or shared record names them (or by `seeds`), and on import found by their natural key,
  or created when the database has none;
- `LeftOut`: models that stay behind, with the reason.

Every model of the project's apps must be declared (a test holds it), so a new model is
decided on rather than forgotten.

Import is all or nothing: the archive is checked whole before the database is touched, then
every record is written in one transaction, and a record the database refuses undoes it all
(with the files written for it). Each record created gets one history row whose reason names
the archive: the audit trail of the source database does not travel (see `HISTORY_NOTE`).
"""

from __future__ import annotations

import contextlib
import datetime
import decimal
import hashlib
import json
import os
import tempfile
import uuid
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import DatabaseError, models, transaction
from django.utils import timezone
from django.utils.module_loading import module_has_submodule
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

FORMAT = "partnership-governance-archive"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
BATCH = 2000
# Primary keys asked for at once, under SQLite's limit on a statement's parameters.
CHUNK = 5000

HISTORY_NOTE = (
    "The audit history is not in the archive. It attests to what was done in the database it "
    "was made in, by that database's users; an archive is a file that anyone can edit, so "
    "taking history from it would let a file write the audit trail. The source database keeps "
    "its history; the importing one records each record's arrival, naming the archive."
)

NOT_AN_ARCHIVE = "{name} is not a partnership archive: {reason}."
WRONG_FORMAT = "{name} is not a partnership archive: its manifest names the format {found!r}."
WRONG_VERSION = (
    "{name} is an archive of format version {found}; this version of the application reads "
    "version {expected}. Export it again with a matching version."
)
INCOMPLETE = "{name} is incomplete: {member} is missing from it."
DAMAGED = "{name} is damaged: {member} does not match the checksum in its manifest."
UNKNOWN_MODEL = "{name} holds records of {model}, which this application does not know."
MISSING_MODEL = "{name} lacks the records of {model}: it was made by another version."
FIELDS_DIFFER = (
    "{name} holds records of {model} with fields this version does not have ({fields}): "
    "it was made by another version."
)
FIELDS_MISSING = (
    "{name} holds records of {model} without the fields {fields}, which this version needs."
)
BAD_RECORD = "{name} holds a record of {model} (archive id {id}) that cannot be taken in: {error}"
DANGLING = (
    "{name} holds a record of {model} (archive id {id}) whose {field} names {target} {target_id}, "
    "which the archive does not hold."
)
ALREADY_HELD = (
    "This database already holds {what} with the {field} {value!r}: an archive is imported only "
    "where its {model} is not. Remove it first, or import into another database."
)
REFUSED_BY_DATABASE = "The database refused the archive's records of {model}: {error}"
FILE_NOT_IN_STORAGE = (
    "The file {name} of {record} ({model}) is not in the storage: it cannot be exported."
)
OUTSIDE_THE_ARCHIVE = (
    "{record} ({model}) names {target} ({target_model}), which belongs to another {root}: "
    "an archive holds one {root} and what only it uses."
)


class ArchiveRefused(Exception):
    """An archive that cannot be taken in, with the reason in words a person can act on."""


@dataclass(frozen=True)
class Owned:
    """Records of the exported one: found from it by `scope`, created anew on import.

    `leave_out` names fields that do not travel (a secret, a credential), each with the reason;
    `renew` gives a value to such a field on import; `unique` names fields whose value must not
    be held yet by the importing database (the exported record itself).
    """

    model: type[models.Model]
    scope: Callable[[models.Model], models.QuerySet]
    leave_out: dict[str, str] = field(default_factory=dict)
    renew: dict[str, Callable[[], Any]] = field(default_factory=dict)
    unique: tuple[str, ...] = ()


@dataclass(frozen=True)
class Shared:
    """Records others may use too, found on import by `natural_key`, else created.

    `order_by` orders them in the archive by what they are, not by where they were stored;
    `fields` keeps only those fields (a user's name, never their password); `seeds` finds more
    of them from the records taken in so far (the interests of the people, say); `prepare`
    readies one to be created (a user gets an unusable password).
    """

    model: type[models.Model]
    natural_key: tuple[str, ...]
    order_by: tuple[str, ...]
    fields: tuple[str, ...] | None = None
    seeds: Callable[[models.Model, dict[type, set]], models.QuerySet] | None = None
    prepare: Callable[[models.Model], None] | None = None
    note: str = ""


@dataclass(frozen=True)
class LeftOut:
    """A model that stays behind, and why."""

    model: type[models.Model]
    reason: str


Section = Owned | Shared | LeftOut


def sections() -> list[Section]:
    """Every app's declarations, in the order the apps are installed (which is import order)."""
    declared: list[Section] = []
    for config in apps.get_app_configs():
        if module_has_submodule(config.module, "portability"):
            declared.extend(getattr(import_module(f"{config.name}.portability"), "SECTIONS", []))
    return declared


# Encoding values ------------------------------------------------------------------------------


def _encode(value: Any) -> Any:
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()  # to the microsecond, unlike DjangoJSONEncoder
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    return value


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _data_fields(model: type[models.Model], leave_out: Iterable[str] = ()) -> list[models.Field]:
    """The fields that travel: every concrete field and many-to-many field but the key."""
    left = set(leave_out)
    concrete = [f for f in model._meta.concrete_fields if not f.primary_key and f.name not in left]
    many = [
        f
        for f in model._meta.many_to_many
        if f.remote_field.through._meta.auto_created and f.name not in left
    ]
    return concrete + many


class ImproperlyDeclared(Exception):
    """An app's portability declarations do not add up (a fault of the code, not the file)."""


class _Plan:
    """The sections as the exporter and importer use them: models in dependency order."""

    def __init__(self, declared: list[Section]) -> None:
        self.sections = {section.model: section for section in declared}
        self.carried = {
            model: section
            for model, section in self.sections.items()
            if not isinstance(section, LeftOut)
        }
        self.root = next(s.model for s in declared if isinstance(s, Owned))
        self.fields = {model: self._fields(section) for model, section in self.carried.items()}
        self.order = self._dependency_order()

    def _fields(self, section: Owned | Shared) -> list[models.Field]:
        if isinstance(section, Shared):
            fields = _data_fields(section.model)
            if section.fields is not None:
                fields = [f for f in fields if f.name in section.fields]
        else:
            fields = _data_fields(section.model, section.leave_out)
        for f in fields:
            if f.is_relation and f.related_model not in self.carried:
                raise ImproperlyDeclared(
                    f"{section.model._meta.label}.{f.name} names {f.related_model._meta.label}, "
                    "which no archive carries: leave the field out, with the reason."
                )
        return fields

    def _dependency_order(self) -> list[type[models.Model]]:
        """Models after those they name (a model naming itself is filled in afterwards)."""
        declared = list(self.carried)
        needs = {
            model: {
                f.related_model
                for f in self.fields[model]
                if f.is_relation and f.related_model is not model
            }
            for model in declared
        }
        ordered: list[type[models.Model]] = []
        while len(ordered) < len(declared):
            ready = [m for m in declared if m not in ordered and needs[m] <= set(ordered)]
            if not ready:
                raise ImproperlyDeclared("The archived models name each other in a loop.")
            ordered.extend(ready)
        return ordered

    def label(self, model: type[models.Model]) -> str:
        return model._meta.label_lower

    def member(self, model: type[models.Model]) -> str:
        return f"records/{self.label(model)}.json"


# Export ---------------------------------------------------------------------------------------


@dataclass
class ExportSummary:
    path: Path
    counts: dict[str, int]
    files: int
    size: int


def _chunks(values: list, size: int = CHUNK) -> Iterator[list]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _m2m_pairs(f: models.ManyToManyField, owners: models.QuerySet) -> dict[Any, list]:
    through = f.remote_field.through
    source = f.m2m_field_name()
    target = f.m2m_reverse_field_name()
    pairs: dict[Any, list] = defaultdict(list)
    rows = through.objects.filter(**{f"{source}__in": owners.values("pk")}).values_list(
        f"{source}_id", f"{target}_id"
    )
    for owner, other in rows:
        pairs[owner].append(other)
    return pairs


def _fetch(model: type[models.Model], pks: Iterable) -> list[models.Model]:
    found: list[models.Model] = []
    for chunk in _chunks(sorted(pks)):
        found.extend(model._default_manager.filter(pk__in=chunk))
    return found


def archive_export(root: models.Model, path: Path | str) -> ExportSummary:
    """Writes `root` and everything that hangs off it to the archive at `path` (atomically)."""
    plan = _Plan(sections())
    path = Path(path)
    rows: dict[type, list[models.Model]] = {}
    m2m: dict[tuple[type, str], dict[Any, list]] = {}
    for model, section in plan.carried.items():
        if isinstance(section, Owned):
            scope = section.scope(root)
            rows[model] = list(scope.order_by("pk"))
            for f in plan.fields[model]:
                if f.many_to_many:
                    m2m[model, f.name] = _m2m_pairs(f, scope)
    _take_in_shared(plan, root, rows, m2m)
    ids = {model: {obj.pk: n for n, obj in enumerate(objs, 1)} for model, objs in rows.items()}
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".export-", suffix=".zip")
    os.close(handle)
    try:
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            # Uploaded files go straight into the archive, each once, never all in memory.
            files = _FileWriter(archive)
            records = []
            for model in plan.order:
                fields = plan.fields[model]
                document = {
                    "model": plan.label(model),
                    "fields": [f.name for f in fields],
                    "rows": [
                        [ids[model][obj.pk]]
                        + [_export_value(plan, obj, f, ids, m2m, files) for f in fields]
                        for obj in rows[model]
                    ],
                }
                data = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
                archive.writestr(plan.member(model), data)
                records.append(
                    {
                        "model": plan.label(model),
                        "path": plan.member(model),
                        "count": len(rows[model]),
                        "sha256": _sha256(data),
                    }
                )
            manifest = _manifest(plan, root, records, files.listed)
            archive.writestr(MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False))
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
    return ExportSummary(
        path=path,
        counts={plan.label(model): len(rows[model]) for model in plan.order},
        files=len(files.listed),
        size=path.stat().st_size,
    )


class _FileWriter:
    """Writes each uploaded file into the archive once, under its SHA-256."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        self.listed: dict[str, int] = {}

    def add(self, data: bytes) -> str:
        digest = _sha256(data)
        if digest not in self.listed:
            self.archive.writestr(f"files/{digest}", data)
            self.listed[digest] = len(data)
        return digest


def _manifest(plan: _Plan, root: models.Model, records: list[dict], files: dict) -> dict:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "exported_at": timezone.now().isoformat(),
        "exported_from": settings.SITE_URL,
        plan.label(plan.root): {"id": 1, "name": str(root)},
        "records": records,
        "files": [
            {"path": f"files/{digest}", "sha256": digest, "size": size}
            for digest, size in sorted(files.items())
        ],
        "left_out": {
            plan.label(model): section.reason
            for model, section in plan.sections.items()
            if isinstance(section, LeftOut)
        }
        | {
            f"{plan.label(model)}.{name}": reason
            for model, section in plan.carried.items()
            if isinstance(section, Owned)
            for name, reason in section.leave_out.items()
        },
        "history": HISTORY_NOTE,
    }


def _take_in_shared(
    plan: _Plan,
    root: models.Model,
    rows: dict[type, list[models.Model]],
    m2m: dict[tuple[type, str], dict[Any, list]],
) -> None:
    """Adds every shared record that the records taken in name, until none is new; refuses an
    owned record naming an owned record that is not in the archive."""
    held: dict[type, set] = {model: {obj.pk for obj in objs} for model, objs in rows.items()}
    shared = [m for m, s in plan.carried.items() if isinstance(s, Shared)]
    for model in shared:
        rows[model], held[model] = [], set()
        for f in plan.fields[model]:
            if f.many_to_many:
                m2m[model, f.name] = {}
    scanned: dict[type, int] = defaultdict(int)
    while True:
        wanted: dict[type, set] = defaultdict(set)
        for model in plan.carried:
            for obj in rows[model][scanned[model] :]:
                for f in plan.fields[model]:
                    targets = (
                        m2m[model, f.name].get(obj.pk, [])
                        if f.many_to_many
                        else [getattr(obj, f.attname)]
                        if f.is_relation
                        else []
                    )
                    for target in targets:
                        if target is None or target in held[f.related_model]:
                            continue
                        if isinstance(plan.carried[f.related_model], Owned):
                            raise ArchiveRefused(
                                OUTSIDE_THE_ARCHIVE.format(
                                    record=obj,
                                    model=plan.label(model),
                                    target=f.related_model._default_manager.get(pk=target),
                                    target_model=plan.label(f.related_model),
                                    root=plan.root._meta.verbose_name,
                                )
                            )
                        wanted[f.related_model].add(target)
            scanned[model] = len(rows[model])
        for model in shared:
            seeds = plan.carried[model].seeds
            if seeds is not None:
                wanted[model] |= set(seeds(root, held).values_list("pk", flat=True)) - held[model]
        if not any(wanted.values()):
            break
        for model, pks in wanted.items():
            new = _fetch(model, pks)
            rows[model].extend(new)
            held[model] |= {obj.pk for obj in new}
            for f in plan.fields[model]:
                if f.many_to_many:
                    for chunk in _chunks(sorted(pks)):
                        owners = model._default_manager.filter(pk__in=chunk)
                        m2m[model, f.name].update(_m2m_pairs(f, owners))
    for model in shared:
        rows[model] = _in_natural_order(model, plan.carried[model].order_by, rows[model])


def _in_natural_order(
    model: type[models.Model], order_by: tuple[str, ...], objs: list[models.Model]
) -> list[models.Model]:
    """Shared records by what they are (a name, a date), not by where they were stored."""
    keys: dict[Any, tuple] = {}
    for chunk in _chunks(sorted(obj.pk for obj in objs)):
        for pk, *values in model._default_manager.filter(pk__in=chunk).values_list("pk", *order_by):
            keys[pk] = (*((v is None, "" if v is None else v) for v in values), (False, pk))
    by_pk = {obj.pk: obj for obj in objs}
    return [by_pk[pk] for pk in sorted(keys, key=keys.__getitem__)]


def _export_value(
    plan: _Plan,
    obj: models.Model,
    f: models.Field,
    ids: dict[type, dict],
    m2m: dict[tuple[type, str], dict[Any, list]],
    files: _FileWriter,
) -> Any:
    if f.many_to_many:
        return sorted(ids[f.related_model][pk] for pk in m2m[type(obj), f.name].get(obj.pk, []))
    if f.is_relation:
        target = getattr(obj, f.attname)
        return None if target is None else ids[f.related_model][target]
    if isinstance(f, models.FileField):
        stored = getattr(obj, f.attname)
        if not stored:
            return None
        try:
            with stored.open("rb") as handle:
                data = handle.read()
        except OSError:
            raise ArchiveRefused(
                FILE_NOT_IN_STORAGE.format(
                    name=stored.name, record=obj, model=plan.label(type(obj))
                )
            ) from None
        return {"name": stored.name, "sha256": files.add(data), "size": len(data)}
    return _encode(f.value_from_object(obj))


# Import ---------------------------------------------------------------------------------------


@dataclass
class ImportSummary:
    root: models.Model
    created: dict[str, int] = field(default_factory=dict)
    reused: dict[str, int] = field(default_factory=dict)
    files: int = 0
    notes: list[str] = field(default_factory=list)


class _Archive:
    """An archive opened and checked whole: manifest, version, every member and checksum."""

    def __init__(self, path: Path, plan: _Plan) -> None:
        self.name = path.name
        self.plan = plan
        try:
            self.zip = zipfile.ZipFile(path)
        except FileNotFoundError:
            raise ArchiveRefused(
                NOT_AN_ARCHIVE.format(name=path, reason="there is no such file")
            ) from None
        except (zipfile.BadZipFile, IsADirectoryError, OSError) as error:
            raise ArchiveRefused(
                NOT_AN_ARCHIVE.format(name=self.name, reason=f"it is not a zip file ({error})")
            ) from None
        try:
            self.manifest = json.loads(self._read(MANIFEST))
        except (KeyError, ValueError):
            raise ArchiveRefused(
                NOT_AN_ARCHIVE.format(name=self.name, reason=f"it has no readable {MANIFEST}")
            ) from None
        if not isinstance(self.manifest, dict) or self.manifest.get("format") != FORMAT:
            found = self.manifest.get("format") if isinstance(self.manifest, dict) else None
            raise ArchiveRefused(WRONG_FORMAT.format(name=self.name, found=found))
        if self.manifest.get("format_version") != FORMAT_VERSION:
            raise ArchiveRefused(
                WRONG_VERSION.format(
                    name=self.name,
                    found=self.manifest.get("format_version"),
                    expected=FORMAT_VERSION,
                )
            )
        self.records: dict[type, dict] = {}
        listed = {entry["model"]: entry for entry in self.manifest.get("records", [])}
        for label in listed:
            if not any(plan.label(m) == label for m in plan.carried):
                raise ArchiveRefused(UNKNOWN_MODEL.format(name=self.name, model=label))
        for model in plan.order:
            entry = listed.get(plan.label(model))
            if entry is None:
                raise ArchiveRefused(MISSING_MODEL.format(name=self.name, model=plan.label(model)))
            data = self._checked(entry["path"], entry["sha256"])
            self.records[model] = json.loads(data)
        self.files = {entry["sha256"]: entry["path"] for entry in self.manifest.get("files", [])}
        for digest, member in self.files.items():
            self._checked(member, digest)

    def _read(self, member: str) -> bytes:
        return self.zip.read(member)

    def _checked(self, member: str, digest: str) -> bytes:
        try:
            data = self._read(member)
        except KeyError:
            raise ArchiveRefused(INCOMPLETE.format(name=self.name, member=member)) from None
        except (zipfile.BadZipFile, OSError, ValueError):
            raise ArchiveRefused(DAMAGED.format(name=self.name, member=member)) from None
        if _sha256(data) != digest:
            raise ArchiveRefused(DAMAGED.format(name=self.name, member=member))
        return data

    def file(self, digest: str) -> bytes:
        if digest not in self.files:
            raise ArchiveRefused(INCOMPLETE.format(name=self.name, member=f"files/{digest}"))
        return self._read(self.files[digest])


@contextlib.contextmanager
def timestamps_kept(models_: Iterable[type[models.Model]]) -> Iterator[None]:
    """Lets records keep the times they were created and changed, not the time of the import."""
    switched = []
    for model in models_:
        for f in model._meta.concrete_fields:
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                switched.append((f, f.auto_now, f.auto_now_add))
                f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in switched:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


class _Importer:
    def __init__(self, archive: _Archive) -> None:
        self.archive = archive
        self.plan = archive.plan
        self.ids: dict[type, dict[int, Any]] = defaultdict(dict)
        self.reason = f"Imported from {archive.name}"[:100]
        self.summary = ImportSummary(root=None)
        self.written_files: list[tuple[Any, str]] = []

    def run(self) -> ImportSummary:
        self._check_new()
        with timestamps_kept(self.plan.carried):
            for model in self.plan.order:
                section = self.plan.carried[model]
                if isinstance(section, Shared):
                    self._shared(model, section)
                else:
                    self._owned(model, section)
        root_pk = self.ids[self.plan.root][1]
        self.summary.root = self.plan.root._default_manager.get(pk=root_pk)
        for model, section in self.plan.carried.items():
            count = self.summary.created.get(self.plan.label(model), 0)
            name = model._meta.verbose_name_plural
            if isinstance(section, Shared) and section.note and count:
                self.summary.notes.append(f"{count} {name} created: {section.note}")
            if isinstance(section, Owned) and count:
                self.summary.notes.extend(
                    f"{count} {name}: {reason}" for reason in section.leave_out.values()
                )
        return self.summary

    def _columns(self, model: type[models.Model]) -> tuple[list[models.Field], list[dict]]:
        """The archive's rows of `model` as {field: raw value}, its columns checked."""
        document = self.archive.records[model]
        fields = {f.name: f for f in self.plan.fields[model]}
        columns = document.get("fields", [])
        unknown = [name for name in columns if name not in fields]
        if unknown:
            raise ArchiveRefused(
                FIELDS_DIFFER.format(
                    name=self.archive.name, model=self.plan.label(model), fields=", ".join(unknown)
                )
            )
        absent = [
            name
            for name, f in fields.items()
            if name not in columns and not (f.has_default() or f.null or f.many_to_many or f.blank)
        ]
        if absent:
            raise ArchiveRefused(
                FIELDS_MISSING.format(
                    name=self.archive.name, model=self.plan.label(model), fields=", ".join(absent)
                )
            )
        rows = []
        for row in document.get("rows", []):
            if not isinstance(row, list) or len(row) != len(columns) + 1:
                raise ArchiveRefused(
                    BAD_RECORD.format(
                        name=self.archive.name,
                        model=self.plan.label(model),
                        id=row[0] if isinstance(row, list) and row else "?",
                        error="its values do not match its fields",
                    )
                )
            rows.append({"#": row[0], **dict(zip(columns, row[1:], strict=True))})
        return [fields[name] for name in columns], rows

    def _check_new(self) -> None:
        root = self.plan.root
        section = self.plan.carried[root]
        for row in self._columns(root)[1]:
            for name in section.unique:
                value = row.get(name)
                if root._default_manager.filter(**{name: value}).exists():
                    raise ArchiveRefused(
                        ALREADY_HELD.format(
                            what=root._meta.verbose_name
                            + " "
                            + str(root._default_manager.get(**{name: value})),
                            field=root._meta.get_field(name).verbose_name,
                            value=value,
                            model=root._meta.verbose_name,
                        )
                    )

    def _instance(
        self, model: type[models.Model], fields: list[models.Field], row: dict, *, later: set
    ) -> tuple[models.Model, dict[str, list]]:
        """An unsaved record from a row: keys mapped to this database's, files stored.
        Many-to-many values and fields in `later` (a record naming its own kind) come back
        apart, as archive ids."""
        values: dict[str, Any] = {}
        deferred: dict[str, Any] = {}
        for f in fields:
            raw = row[f.name]
            if f.many_to_many or f.name in later:
                deferred[f.name] = raw
            elif f.is_relation:
                values[f.attname] = None if raw is None else self._key(model, row, f, raw)
            elif isinstance(f, models.FileField):
                values[f.attname] = "" if raw is None else self._stored_file(model, row, f, raw)
            elif raw is None:
                values[f.attname] = None
            else:
                try:
                    values[f.attname] = f.to_python(raw)
                except ValidationError as error:
                    self._bad(model, row, f"{f.name}: {' '.join(error.messages)}")
        section = self.plan.carried[model]
        if isinstance(section, Owned):
            for name, make in section.renew.items():
                values[name] = make()
        instance = model(**values)
        if isinstance(section, Shared) and section.prepare is not None:
            section.prepare(instance)
        exclude = [f.name for f in model._meta.concrete_fields if f.is_relation] + [
            f.name for f in fields if isinstance(f, models.FileField)
        ]
        try:
            instance.clean_fields(exclude=exclude)
        except ValidationError as error:
            self._bad(
                model, row, "; ".join(f"{k}: {' '.join(v)}" for k, v in error.message_dict.items())
            )
        return instance, deferred

    def _bad(self, model: type[models.Model], row: dict, error: str) -> None:
        raise ArchiveRefused(
            BAD_RECORD.format(
                name=self.archive.name, model=self.plan.label(model), id=row["#"], error=error
            )
        )

    def _key(self, model: type[models.Model], row: dict, f: models.Field, raw: Any) -> Any:
        try:
            return self.ids[f.related_model][raw]
        except (KeyError, TypeError):
            raise ArchiveRefused(
                DANGLING.format(
                    name=self.archive.name,
                    model=self.plan.label(model),
                    id=row["#"],
                    field=f.name,
                    target=self.plan.label(f.related_model),
                    target_id=raw,
                )
            ) from None

    def _stored_file(
        self, model: type[models.Model], row: dict, f: models.FileField, raw: Any
    ) -> str:
        """The file's name in storage: the same name when the storage holds those very bytes
        there already (the same database, after the record was removed), else a new one."""
        if not isinstance(raw, dict) or not {"name", "sha256"} <= raw.keys():
            self._bad(model, row, f"{f.name}: not a file")
        data = self.archive.file(raw["sha256"])
        storage = f.storage
        name = raw["name"]
        if storage.exists(name):
            with storage.open(name, "rb") as handle:
                if _sha256(handle.read()) == raw["sha256"]:
                    return name
        stored = storage.save(name, ContentFile(data))
        self.written_files.append((storage, stored))
        self.summary.files += 1
        return stored

    def _count(self, kind: str, model: type[models.Model], number: int = 1) -> None:
        counts = getattr(self.summary, kind)
        label = self.plan.label(model)
        counts[label] = counts.get(label, 0) + number

    def _shared(self, model: type[models.Model], section: Shared) -> None:
        fields, rows = self._columns(model)
        selfish = {
            f.name
            for f in fields
            if f.is_relation and not f.many_to_many and f.related_model is model
        }
        pending = list(rows)
        while pending:  # a record naming its own kind comes after the one it names
            ready = [
                row
                for row in pending
                if all(row[name] is None or row[name] in self.ids[model] for name in selfish)
            ]
            if not ready:
                self._bad(model, pending[0], "it names a record of its kind that is not there")
            for row in ready:
                pending.remove(row)
                instance, deferred = self._instance(model, fields, row, later=set())
                lookup = {}
                for name in section.natural_key:
                    f = model._meta.get_field(name)
                    value = getattr(instance, f.attname)
                    lookup[f.attname if f.is_relation else name] = value
                    if value is None:
                        lookup.pop(f.attname if f.is_relation else name)
                        lookup[f"{name}__isnull"] = True
                existing = model._default_manager.filter(**lookup).order_by("pk").first()
                if existing is not None:
                    self.ids[model][row["#"]] = existing.pk
                    self._count("reused", model)
                    continue
                instance._change_reason = self.reason
                try:
                    with transaction.atomic():
                        instance.save()
                except DatabaseError as error:
                    self._bad(model, row, str(error).strip())
                for name, raw in deferred.items():
                    f = model._meta.get_field(name)
                    getattr(instance, name).set([self._key(model, row, f, pk) for pk in raw])
                self.ids[model][row["#"]] = instance.pk
                self._count("created", model)

    def _owned(self, model: type[models.Model], section: Owned) -> None:
        fields, rows = self._columns(model)
        selfish = {
            f.name
            for f in fields
            if f.is_relation and not f.many_to_many and f.related_model is model
        }
        built = [self._instance(model, fields, row, later=selfish) for row in rows]
        created: list[models.Model] = []
        try:
            with transaction.atomic():
                for start in range(0, len(built), BATCH):
                    created.extend(
                        bulk_create_with_history(
                            [instance for instance, _ in built[start : start + BATCH]],
                            model,
                            batch_size=BATCH,
                            default_change_reason=self.reason,
                        )
                    )
        except DatabaseError as error:
            raise ArchiveRefused(
                REFUSED_BY_DATABASE.format(model=self.plan.label(model), error=str(error).strip())
            ) from None
        for row, instance in zip(rows, created, strict=True):
            self.ids[model][row["#"]] = instance.pk
        self._count("created", model, len(created))
        if selfish:
            changed = []
            for row, instance, (_, deferred) in zip(rows, created, built, strict=True):
                for name in selfish:
                    if deferred[name] is not None:
                        setattr(
                            instance,
                            f"{name}_id",
                            self._key(model, row, model._meta.get_field(name), deferred[name]),
                        )
                        changed.append(instance)
            if changed:
                bulk_update_with_history(
                    list({id(i): i for i in changed}.values()),
                    model,
                    [f"{name}" for name in selfish],
                    batch_size=BATCH,
                    default_change_reason=self.reason,
                )
        for f in fields:
            if not f.many_to_many:
                continue
            through = f.remote_field.through
            source, target = f.m2m_field_name(), f.m2m_reverse_field_name()
            links = [
                through(
                    **{
                        f"{source}_id": instance.pk,
                        f"{target}_id": self._key(model, row, f, other),
                    }
                )
                for row, instance, (_, deferred) in zip(rows, created, built, strict=True)
                for other in deferred[f.name]
            ]
            through.objects.bulk_create(links, batch_size=BATCH)

    def discard_files(self) -> None:
        for storage, name in self.written_files:
            with contextlib.suppress(OSError):
                storage.delete(name)


def archive_import(path: Path | str) -> ImportSummary:
    """Takes in an archive whole or not at all: the database is unchanged by a refusal."""
    plan = _Plan(sections())
    archive = _Archive(Path(path), plan)
    importer = _Importer(archive)
    try:
        with transaction.atomic():
            summary = importer.run()
    except BaseException:
        importer.discard_files()
        raise
    finally:
        archive.zip.close()
    return summary


def archive_remove(root: models.Model) -> dict[str, int]:
    """Deletes `root` and every record the archive would carry as its own, last made first;
    shared records (people, organisations, places) stay. Returns the counts deleted."""
    plan = _Plan(sections())
    removed: dict[str, int] = {}
    with transaction.atomic():
        for model in reversed(plan.order):
            section = plan.carried[model]
            if not isinstance(section, Owned):
                continue
            scope = section.scope(root)
            selfish = [
                f.name
                for f in model._meta.concrete_fields
                if f.is_relation and f.related_model is model
            ]
            pks = list(scope.values_list("pk", flat=True))
            if selfish:  # a record naming its own kind is let go of first
                changed = []
                for chunk in _chunks(pks):
                    for obj in model._default_manager.filter(pk__in=chunk):
                        if any(getattr(obj, f"{name}_id") is not None for name in selfish):
                            for name in selfish:
                                setattr(obj, f"{name}_id", None)
                            changed.append(obj)
                if changed:
                    bulk_update_with_history(changed, model, selfish, batch_size=BATCH)
            count = 0
            for chunk in _chunks(pks):
                count += (
                    model._default_manager.filter(pk__in=chunk)
                    .delete()[1]
                    .get(model._meta.label, 0)
                )
            removed[plan.label(model)] = count
    return removed


def archive_bytes(path: Path | str) -> dict[str, bytes]:
    """Every member of an archive but the manifest's time and place of making: what two
    exports of the same records have alike."""
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    manifest = json.loads(members[MANIFEST])
    manifest.pop("exported_at"), manifest.pop("exported_from")
    members[MANIFEST] = json.dumps(manifest, sort_keys=True).encode()
    return members
