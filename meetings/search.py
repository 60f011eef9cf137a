"""Search across minutes, resolutions and reports, as far as the reader may see them.

Only what the reader may read is searched: each kind of record is filtered by the same rules as
the API (`meetings.visibility`) before it is matched, so the public never searches exempt or
unpublished text. On PostgreSQL the match is full-text (English stemming, weighted fields,
ranked, with highlighted extracts) over GIN expression indexes; on the SQLite default it is a
plain match of every word.
"""

import datetime
import re
from dataclasses import dataclass
from html import unescape

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Case, F, FloatField, Q, QuerySet, Value, When
from django.urls import reverse
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from governance.audience import BoardAudience
from meetings.models import Minute, Report, Resolution
from meetings.visibility import item_content_seen, meeting_seen, minutes_seen

CONFIG = "english"
# Marks around matched words in extracts: private-use characters no text contains, so that the
# extract can be escaped whole and the marks turned into <mark> afterwards.
MARK_START, MARK_STOP = "\ue000", "\ue001"
EXTRACT_CHARACTERS = 240
# Where stored rich text ends a block: words either side must not run together in an extract.
_BLOCK_END = re.compile(r"</(?:p|li|h\d|td|th|div)>|<br\s*/?>", re.IGNORECASE)

# The weighted vectors are also the expressions of the GIN indexes (migration
# meetings 0006): a query uses an index only when it repeats the indexed expression exactly.
MINUTE_VECTOR = SearchVector("title", weight="A", config=CONFIG) + SearchVector(
    "body", weight="B", config=CONFIG
)
RESOLUTION_VECTOR = SearchVector("text", weight="B", config=CONFIG)
REPORT_VECTOR = (
    SearchVector("title", weight="A", config=CONFIG)
    + SearchVector("purpose", "recommendations", "key_points_summary", weight="B", config=CONFIG)
    + SearchVector(
        "introduction_and_background", "key_considerations", "body", weight="C", config=CONFIG
    )
)


@dataclass(frozen=True)
class Filters:
    """What a search is narrowed to; None means any."""

    partnership: int | None = None
    board: int | None = None
    theme: str | None = None
    held_from: datetime.date | None = None
    held_to: datetime.date | None = None


@dataclass
class Hit:
    """One record found, with where it was said and the words that matched."""

    kind: str
    pk: int
    rank: float
    held_on: datetime.datetime
    title: str = ""
    extract: str = ""
    url: str = ""
    meeting: object = None


@dataclass(frozen=True)
class _Kind:
    """How one kind of record is searched: its table, its text, and where its meeting is."""

    name: str
    model: type
    vector: object
    # The field of the extract, and the path to the record's meeting.
    extract_field: str
    meeting: str
    # The path to the agenda item whose themes and exemption apply, if any.
    item: str
    # The fields matched word by word where there is no full-text search, the title first.
    fields: tuple[str, ...]

    def visible(self, audience: BoardAudience) -> QuerySet:
        at = f"{self.meeting}__"
        records = self.model.objects.filter(
            meeting_seen(audience, self.meeting) & audience_in_scope(audience, at)
        )
        if self.name == "report":
            return records.filter(item_content_seen(audience, "agenda_item"))
        # Minutes (and their resolutions) of exempt items are as exempt as the item.
        return records.filter(
            minutes_seen(audience, self.meeting)
            & (Q(**{f"{self.item}__isnull": True}) | item_content_seen(audience, self.item))
        )

    def filtered(self, records: QuerySet, filters: Filters) -> QuerySet:
        at = f"{self.meeting}__"
        if filters.partnership:
            records = records.filter(**{f"{at}board__partnership": filters.partnership})
        if filters.board:
            records = records.filter(**{f"{at}board": filters.board})
        if filters.held_from:
            records = records.filter(**{f"{at}starts_at__date__gte": filters.held_from})
        if filters.held_to:
            records = records.filter(**{f"{at}starts_at__date__lte": filters.held_to})
        if filters.theme:
            records = records.filter(**{f"{self.item}__themes__slug": filters.theme}).distinct()
        return records


def audience_in_scope(audience: BoardAudience, meeting_at: str) -> Q:
    if audience.partnerships is None:
        return Q()
    return Q(**{f"{meeting_at}board__partnership__in": audience.partnerships})


KINDS = (
    _Kind("minute", Minute, MINUTE_VECTOR, "body", "meeting", "agenda_item", ("title", "body")),
    _Kind(
        "resolution",
        Resolution,
        RESOLUTION_VECTOR,
        "text",
        "minute__meeting",
        "minute__agenda_item",
        ("text",),
    ),
    _Kind(
        "report",
        Report,
        REPORT_VECTOR,
        "purpose",
        "agenda_item__meeting",
        "agenda_item",
        ("title", "purpose", "recommendations", "key_points_summary", "body"),
    ),
)


@dataclass
class Results:
    """A page of hits, best first, and how many there are in all."""

    hits: list[Hit]
    total: int
    only_common_words: bool = False


def search(
    text: str, *, audience: BoardAudience, filters: Filters, offset: int, limit: int
) -> Results:
    """The hits from `offset` to `offset + limit` of the records the audience may read."""
    if connection.vendor == "postgresql":
        return _search_full_text(text, audience, filters, offset, limit)
    return _search_words(text, audience, filters, offset, limit)


def _search_full_text(text, audience, filters, offset, limit) -> Results:
    query = SearchQuery(text, search_type="websearch", config=CONFIG)
    if _has_no_lexemes(text):
        return Results([], 0, only_common_words=True)
    ranked = []
    total = 0
    for kind in KINDS:
        records = kind.filtered(kind.visible(audience), filters)
        records = records.annotate(document=kind.vector).filter(document=query)
        total += records.count()
        ranked += [
            Hit(kind.name, pk, rank, held_on)
            for pk, rank, held_on in records.annotate(
                rank=SearchRank(kind.vector, query), held_on=F(f"{kind.meeting}__starts_at")
            )
            .order_by("-rank", "-held_on", "pk")
            .values_list("pk", "rank", "held_on")[: offset + limit]
        ]
    page = _best(ranked, offset, limit)
    extracts = {
        (kind.name, pk): extract
        for kind in KINDS
        for pk, extract in kind.model.objects.filter(
            pk__in=[hit.pk for hit in page if hit.kind == kind.name]
        )
        .annotate(
            extract=SearchHeadline(
                kind.extract_field,
                query,
                config=CONFIG,
                start_sel=MARK_START,
                stop_sel=MARK_STOP,
                max_fragments=2,
                fragment_delimiter=" … ",
            )
        )
        .values_list("pk", "extract")
    }
    for hit in page:
        hit.extract = _marked(_plain_text(extracts[(hit.kind, hit.pk)]))
    return Results(_described(page), total)


def _has_no_lexemes(text: str) -> bool:
    """Whether the query is only stop words ("the", "and") or punctuation, so matches nothing."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT numnode(websearch_to_tsquery(%s::regconfig, %s)) = 0", [CONFIG, text]
        )
        return cursor.fetchone()[0]


def _search_words(text, audience, filters, offset, limit) -> Results:
    """SQLite: records holding every word, those with the words in their title first."""
    words = re.findall(r"\w+", text)
    if not words:
        return Results([], 0, only_common_words=True)
    ranked = []
    total = 0
    for kind in KINDS:
        records = kind.filtered(kind.visible(audience), filters)
        for word in words:
            records = records.filter(
                _any_of(Q(**{f"{field}__icontains": word}) for field in kind.fields)
            )
        records = records.annotate(
            rank=Case(
                When(**{f"{kind.fields[0]}__icontains": " ".join(words)}, then=Value(1.0)),
                default=Value(0.5),
                output_field=FloatField(),
            ),
            held_on=F(f"{kind.meeting}__starts_at"),
        )
        total += records.count()
        ranked += [
            Hit(kind.name, pk, rank, held_on)
            for pk, rank, held_on in records.order_by("-rank", "-held_on", "pk").values_list(
                "pk", "rank", "held_on"
            )[: offset + limit]
        ]
    page = _best(ranked, offset, limit)
    for kind in KINDS:
        texts = dict(
            kind.model.objects.filter(
                pk__in=[hit.pk for hit in page if hit.kind == kind.name]
            ).values_list("pk", kind.extract_field)
        )
        for hit in page:
            if hit.kind == kind.name:
                hit.extract = _highlighted(_plain_text(texts[hit.pk]), words)
    return Results(_described(page), total)


def _any_of(conditions) -> Q:
    combined = Q(pk__isnull=True)
    for condition in conditions:
        combined |= condition
    return combined


def _best(hits: list[Hit], offset: int, limit: int) -> list[Hit]:
    hits.sort(key=lambda hit: (-hit.rank, -hit.held_on.timestamp(), hit.kind, hit.pk))
    return hits[offset : offset + limit]


def _plain_text(html: str) -> str:
    """Stored rich text as words, a space where a paragraph, item or line ended."""
    return " ".join(unescape(strip_tags(_BLOCK_END.sub(" ", html))).split())


def _marked(extract: str) -> SafeString:
    escaped = escape(extract)
    return mark_safe(escaped.replace(MARK_START, "<mark>").replace(MARK_STOP, "</mark>"))


def _highlighted(text: str, words: list[str]) -> SafeString:
    """The text around the first word found, with every word marked."""
    pattern = re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE)
    first = pattern.search(text)
    start = max(0, first.start() - EXTRACT_CHARACTERS // 3) if first else 0
    extract = text[start : start + EXTRACT_CHARACTERS]
    marked = pattern.sub(lambda match: f"{MARK_START}{match.group(0)}{MARK_STOP}", extract)
    return _marked(("…" if start else "") + marked)


def _described(page: list[Hit]) -> list[Hit]:
    """Fills in each hit's title, meeting and address, a query per kind of record."""
    for kind in KINDS:
        pks = [hit.pk for hit in page if hit.kind == kind.name]
        records = kind.model.objects.select_related(f"{kind.meeting}__board__partnership")
        records = records.in_bulk(pks)
        for hit in page:
            if hit.kind == kind.name:
                record = records[hit.pk]
                hit.meeting = _meeting_of(record)
                hit.title, hit.url = _title_and_url(kind.name, record, hit.meeting)
    return page


def _meeting_of(record):
    if isinstance(record, Resolution):
        return record.minute.meeting
    if isinstance(record, Report):
        return record.agenda_item.meeting
    return record.meeting


def _title_and_url(kind: str, record, meeting) -> tuple[str, str]:
    at = reverse("meetings:meeting_detail", args=[meeting.pk])
    # A minute names itself in the reader's language (its Welsh title for a reader of Welsh).
    if kind == "minute":
        return str(record), f"{at}#minute-{record.number}"
    if kind == "resolution":
        label = record.label or str(record.position)
        return (
            gettext("{minute}: resolution {label}").format(minute=record.minute, label=label),
            f"{at}#minute-{record.minute.number}",
        )
    return record.title, reverse("meetings:report_detail", args=[record.pk])
