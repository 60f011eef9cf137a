"""The Welsh catalogue: complete, compiled, and safe to render."""

import re

import polib
import pytest
from django.conf import settings

CATALOGUE = settings.BASE_DIR / "locale" / "cy" / "LC_MESSAGES"
# What a translation must carry over unchanged: placeholders, HTML tags and entities.
PRESERVED = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}|<[^>]+>|&\w+;")


@pytest.fixture(scope="module")
def po() -> polib.POFile:
    return polib.pofile(str(CATALOGUE / "django.po"))


def _entries(po: polib.POFile) -> list[polib.POEntry]:
    return [entry for entry in po if not entry.obsolete]


def test_every_message_has_its_welsh(po):
    untranslated = [entry.msgid for entry in _entries(po) if not entry.translated()]

    assert len(_entries(po)) > 1000
    assert untranslated == []


def test_translations_keep_every_placeholder_and_tag(po):
    broken = []
    for entry in _entries(po):
        english = {tuple(sorted(PRESERVED.findall(entry.msgid)))}
        if entry.msgid_plural:
            english.add(tuple(sorted(PRESERVED.findall(entry.msgid_plural))))
            welsh = entry.msgstr_plural.values()
        else:
            welsh = [entry.msgstr]
        broken += [
            (entry.msgid, text)
            for text in welsh
            if tuple(sorted(PRESERVED.findall(text))) not in english
        ]

    assert broken == []


def test_the_compiled_catalogue_is_the_one_written(po):
    compiled = {
        (entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural
        for entry in polib.mofile(str(CATALOGUE / "django.mo"))
    }

    stale = [
        entry.msgid
        for entry in _entries(po)
        if compiled.get((entry.msgctxt, entry.msgid))
        != (entry.msgstr or {int(k): v for k, v in entry.msgstr_plural.items()})
    ]

    assert stale == []
