"""Every saved version of an audited record as its readers see it: who changed what, and when.

The versions are django-simple-history's rows, each compared with the one before it
(`diff_against`). Values are written out as the pages show them: a choice by its label, a
related record by its name, a date in words, and long text (rich text included) as plain
paragraphs, before and after, with the words that changed marked. Related records are looked
up once per field whatever the number of versions, so a page of versions costs a fixed number
of queries.
"""

import datetime
import difflib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from html import unescape
from html.parser import HTMLParser
from typing import Any, NamedTuple

from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext

# What a version did to the record.
ADDED, CHANGED, REMOVED, FIRST_KEPT, AS_PUBLISHED = (
    "added",
    "changed",
    "removed",
    "first_kept",
    "as_published",
)
_KINDS = {"+": ADDED, "~": CHANGED, "-": REMOVED}

# The user model's one-to-one link to the person a user signs in as, where there is one: a
# change is then named by the person's name rather than the sign-in name.
_PERSON_OF_USER = "person"
# Between paragraphs of long text while its words are compared.
_PARAGRAPH_BREAK = "\n"


class Words(NamedTuple):
    """A run of words of a long text, changed by the version or left as it was."""

    text: str
    changed: bool


@dataclass(frozen=True)
class StoredFile:
    """A file a version pointed at, kept in storage; `url` serves it, if the reader may have it."""

    name: str
    url: str | None


@dataclass(frozen=True)
class FieldChange:
    """One field a version changed: its label, and its value before and after."""

    name: str
    label: str
    before: str
    after: str
    # Long text, as paragraphs of runs of words, those that changed marked.
    before_paragraphs: tuple[tuple[Words, ...], ...] = ()
    after_paragraphs: tuple[tuple[Words, ...], ...] = ()
    before_file: StoredFile | None = None
    after_file: StoredFile | None = None
    is_long_text: bool = False


@dataclass(frozen=True)
class Version:
    """A saved version of the record: when, by whom, why, and what it changed."""

    history_id: int
    when: datetime.datetime
    who: str
    reason: str
    kind: str
    changes: tuple[FieldChange, ...]


# Serves a file that a version (by its history id) held in a field, or None if the reader may
# not have it.
FileUrl = Callable[[int, str], str | None]


def shown_fields(model: type[models.Model], hidden: Iterable[str] = ()) -> list[models.Field]:
    """The record's fields a history shows, in the model's order: those a person edits."""
    hidden = set(hidden)
    history = model.history.model
    return [
        field
        for field in history.tracked_fields
        if field.editable and not field.primary_key and field.name not in hidden
    ]


def visible_rows(rows: Sequence[models.Model], since: datetime.datetime | None) -> list:
    """The history rows (oldest first) a reader sees: all of them, or, for a reader who sees
    the record only since it was published, the version it was published as and those after."""
    if since is None:
        return list(rows)
    published = [index for index, row in enumerate(rows) if row.history_date <= since]
    return list(rows[published[-1] :]) if published else list(rows)


def history_rows(record: models.Model) -> list:
    """The record's history rows, oldest first, each with its user (and their person) joined."""
    rows = record.history.order_by("history_date", "history_id")
    return list(rows.select_related(*_user_joins()))


def record_versions(
    record: models.Model,
    *,
    since: datetime.datetime | None = None,
    hidden_fields: Iterable[str] = (),
    file_url: FileUrl | None = None,
) -> list[Version]:
    """Every version of the record the reader may see, newest first, with what each changed.

    With `since`, versions saved before that moment are left out but for the last of them, the
    version that was published, which later versions are compared with.
    """
    fields = shown_fields(type(record), hidden_fields)
    names = [field.name for field in fields]
    rows = history_rows(record)
    visible = visible_rows(rows, since)
    if not visible:
        return []
    previous_of = {
        row.history_id: rows[index - 1] if index else None for index, row in enumerate(rows)
    }

    # The version published, shown without the drafts it would be compared with.
    published = visible[0] if since is not None and visible[0].history_date <= since else None

    deltas = {}
    for row in visible:
        previous = previous_of[row.history_id]
        if row.history_type == "~" and previous is not None and row is not published:
            deltas[row.history_id] = row.diff_against(previous, included_fields=names)
    related = _related_names(type(record), deltas.values())

    versions = []
    for row in visible:
        kind = _KINDS[row.history_type]
        if row is published:
            kind = AS_PUBLISHED
        elif kind == CHANGED and previous_of[row.history_id] is None:
            kind = FIRST_KEPT
        changes = ()
        delta = deltas.get(row.history_id)
        if delta is not None:
            by_name = {change.field: change for change in delta.changes}
            changes = tuple(
                _field_change(
                    field,
                    by_name[field.name],
                    related,
                    before_version=previous_of[row.history_id].history_id,
                    after_version=row.history_id,
                    file_url=file_url,
                )
                for field in fields
                if field.name in by_name
            )
        versions.append(
            Version(
                history_id=row.history_id,
                when=row.history_date,
                who=user_name(row.history_user),
                reason=row.history_change_reason or "",
                kind=kind,
                changes=changes,
            )
        )
    return list(reversed(versions))


def user_name(user) -> str:
    """Who made a change: the person the user signs in as, else the user's own name."""
    if user is None:
        return ""
    person = getattr(user, _PERSON_OF_USER, None) if _user_has_person() else None
    if person is not None and getattr(person, "name", ""):
        return person.name
    return user.get_full_name() or user.get_username()


def _user_has_person() -> bool:
    try:
        get_user_model()._meta.get_field(_PERSON_OF_USER)
    except FieldDoesNotExist:
        return False
    return True


def _user_joins() -> list[str]:
    if _user_has_person():
        return ["history_user", f"history_user__{_PERSON_OF_USER}"]
    return ["history_user"]


def _related_names(model: type[models.Model], deltas: Iterable) -> dict[str, dict[Any, str]]:
    """The names of the related records the changes name, looked up once per field."""
    wanted: dict[str, set] = {}
    for delta in deltas:
        for change in delta.changes:
            field = model._meta.get_field(change.field)
            if isinstance(field, models.ForeignKey):
                values = {change.old, change.new} - {None}
                wanted.setdefault(change.field, set()).update(values)
    names = {}
    for name, keys in wanted.items():
        related_model = model._meta.get_field(name).related_model
        records = related_model._base_manager.select_related().in_bulk(keys)
        names[name] = {key: str(record) for key, record in records.items()}
    return names


def _field_change(
    field: models.Field,
    change,
    related: dict[str, dict[Any, str]],
    *,
    before_version: int,
    after_version: int,
    file_url: FileUrl | None,
) -> FieldChange:
    label = capfirst(str(field.verbose_name))
    before = _shown(field, change.old, related)
    after = _shown(field, change.new, related)
    if isinstance(field, models.FileField):
        return FieldChange(
            name=field.name,
            label=label,
            before=before,
            after=after,
            before_file=_stored_file(change.old, before_version, field.name, file_url),
            after_file=_stored_file(change.new, after_version, field.name, file_url),
        )
    if isinstance(field, models.TextField):
        before_paragraphs, after_paragraphs = compare_words(
            plain_paragraphs(change.old), plain_paragraphs(change.new)
        )
        return FieldChange(
            name=field.name,
            label=label,
            before=before,
            after=after,
            before_paragraphs=before_paragraphs,
            after_paragraphs=after_paragraphs,
            is_long_text=True,
        )
    return FieldChange(name=field.name, label=label, before=before, after=after)


def _stored_file(name, version: int, field: str, file_url: FileUrl | None) -> StoredFile | None:
    name = str(name or "")
    if not name:
        return None
    return StoredFile(name=name, url=file_url(version, field) if file_url else None)


def _shown(field: models.Field, value, related: dict[str, dict[Any, str]]) -> str:
    """A value as a page shows it."""
    if value is None or value == "":
        return ""
    if isinstance(field, models.ForeignKey):
        return related.get(field.name, {}).get(value) or gettext(
            "a record no longer held (number {key})"
        ).format(key=value)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField):
        return gettext("Yes") if value else gettext("No")
    if isinstance(field, models.DateTimeField):
        return date_format(timezone.localtime(value), "j F Y, H:i")
    if isinstance(field, models.DateField):
        return date_format(value, "j F Y")
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    if isinstance(field, models.FileField):
        return str(value).rsplit("/", 1)[-1]
    if isinstance(field, models.TextField):
        return "\n\n".join(plain_paragraphs(str(value)))
    return str(value)


class _Paragraphs(HTMLParser):
    """The text of stored HTML (or of plain text) as paragraphs, without any markup."""

    BLOCKS = frozenset(
        {"p", "br", "li", "tr", "div", "blockquote", "table", "ul", "ol"}
        | {f"h{level}" for level in range(1, 7)}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        if tag in self.BLOCKS:
            self.parts.append(_PARAGRAPH_BREAK)

    def handle_endtag(self, tag) -> None:
        if tag in self.BLOCKS:
            self.parts.append(_PARAGRAPH_BREAK)
        elif tag in {"td", "th"}:
            self.parts.append(" ")

    def handle_data(self, data) -> None:
        self.parts.append(data)


def plain_paragraphs(text) -> list[str]:
    """Stored text or HTML as its paragraphs of plain text, white space closed up."""
    reader = _Paragraphs()
    reader.feed(str(text or ""))
    reader.close()
    joined = unescape("".join(reader.parts))
    return [" ".join(line.split()) for line in joined.split(_PARAGRAPH_BREAK) if line.strip()]


def compare_words(
    before: list[str], after: list[str]
) -> tuple[tuple[tuple[Words, ...], ...], tuple[tuple[Words, ...], ...]]:
    """Two texts' paragraphs, each marked with the words the other does not have."""
    old, new = _tokens(before), _tokens(after)
    old_changed, new_changed = [True] * len(old), [True] * len(new)
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for block in matcher.get_matching_blocks():
        old_changed[block.a : block.a + block.size] = [False] * block.size
        new_changed[block.b : block.b + block.size] = [False] * block.size
    return _runs(old, old_changed), _runs(new, new_changed)


def _tokens(paragraphs: list[str]) -> list[str]:
    tokens: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        if index:
            tokens.append(_PARAGRAPH_BREAK)
        tokens.extend(paragraph.split())
    return tokens


def _runs(tokens: list[str], changed: list[bool]) -> tuple[tuple[Words, ...], ...]:
    paragraphs: list[list[tuple[list[str], bool]]] = [[]]
    for token, is_changed in zip(tokens, changed, strict=True):
        if token == _PARAGRAPH_BREAK:
            paragraphs.append([])
            continue
        runs = paragraphs[-1]
        if runs and runs[-1][1] == is_changed:
            runs[-1][0].append(token)
        else:
            runs.append(([token], is_changed))
    return tuple(
        tuple(Words(" ".join(words), is_changed) for words, is_changed in runs)
        for runs in paragraphs
        if runs
    )
