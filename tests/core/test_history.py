"""Long text in a record's history: plain paragraphs, the words that changed marked."""

from core.history import Words, compare_words, plain_paragraphs


def test_rich_text_reads_as_plain_paragraphs():
    html = "<h3>Purpose</h3><p>To agree the <strong>Locality Strategy</strong> &amp; its plan.</p>"

    assert plain_paragraphs(html) == ["Purpose", "To agree the Locality Strategy & its plan."]


def test_typed_text_keeps_its_paragraphs():
    assert plain_paragraphs("Reduce smoking\nIntegrated public health programme") == [
        "Reduce smoking",
        "Integrated public health programme",
    ]


def test_the_words_changed_are_marked_on_each_side():
    before, after = compare_words(
        ["Cabinet agreed the strategy.", "Consultation closes in May."],
        ["Cabinet noted the strategy.", "Consultation closes in May."],
    )

    assert before == (
        (Words("Cabinet", False), Words("agreed", True), Words("the strategy.", False)),
        (Words("Consultation closes in May.", False),),
    )
    assert after == (
        (Words("Cabinet", False), Words("noted", True), Words("the strategy.", False)),
        (Words("Consultation closes in May.", False),),
    )


def test_text_added_to_an_empty_field_is_all_marked():
    before, after = compare_words([], ["New objective."])

    assert (before, after) == ((), ((Words("New objective.", True),),))
