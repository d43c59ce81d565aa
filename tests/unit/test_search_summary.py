"""A search result's summary reads as sentences: the subtitle gets its stop."""

from search.documents import sentences


def test_a_subtitle_without_a_stop_gets_one():
    assert (
        sentences("Sitting in silence at home", "A guided retreat.")
        == "Sitting in silence at home. A guided retreat."
    )


def test_stops_and_empty_parts_are_kept_as_they_are():
    assert sentences("¿Por qué meditar?", "Una guía.") == "¿Por qué meditar? Una guía."
    assert sentences("", "Only a summary") == "Only a summary"
    assert sentences(None, "  ") == ""
