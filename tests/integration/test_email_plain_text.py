"""What staff and learners type reaches the email as typed: a plain-text subject
and body are not HTML-escaped ("Q&A", "O'Neil"), and the HTML part escapes it
exactly once."""

import pytest

from accounts.mail import render_email

pytestmark = pytest.mark.django_db

TYPED = {
    "subject": "Q&A with Robin O'Neil <live>",
    "body": "Bring tea & a cushion: it's cold.",
    "event": {"title": "Retiro de silencio"},
    "page_url": "http://127.0.0.1:8000/es/eventos/retiro/",
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_message_to_attendees_keeps_what_staff_typed(language):
    subject, text, html = render_email("events/emails/message", TYPED, language)
    assert subject.endswith("Q&A with Robin O'Neil <live>")
    assert "Bring tea & a cushion: it's cold." in text
    assert "Q&amp;A with Robin O&#x27;Neil &lt;live&gt;" in html
    assert "&amp;amp;" not in html and "&amp;#x27;" not in html


def test_a_spanish_subject_arrives_with_its_spaces(mailoutbox):
    from email import message_from_bytes, policy

    from accounts.mail import queue_email

    subject = "Tu reserva para Retiro de silencio en la montaña está confirmada"
    queue_email(
        "ana@example.com",
        "events/emails/message",
        {**TYPED, "subject": subject},
        language="es",
    )
    raw = mailoutbox[-1].message().as_bytes()
    received = message_from_bytes(raw, policy=policy.default)["subject"]
    assert "montaña está confirmada" in received.replace("\xa0", " ")
